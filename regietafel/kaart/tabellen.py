"""The tables beside the map (the same figures as the map; also the Excel download)."""

from __future__ import annotations

from regietafel.core.tabel import Aandeel, Kolom, Tabel, Waarde
from regietafel.kaart.queries import KaartGegevens


def gemeente_tabel(gegevens: KaartGegevens, gebied: str, *, met_provincie: bool) -> Tabel:
    kolommen: list[Kolom] = [Kolom("Gemeente", "tekst", breedte=22)]
    if met_provincie:
        kolommen.append(Kolom("Provincie", "tekst", breedte=16))
    eerste = len(kolommen)
    kolommen += [
        Kolom("Opgave", som=True),
        Kolom("Realisatie", som=True),
        Kolom("Gerealiseerd", "procent", aandeel=(eerste + 1, eerste)),
        Kolom("Klasse", "tekst", breedte=16),
        Kolom("Plaatsen in locaties", som=True, breedte=12),
    ]
    rijen: list[tuple[Waarde, ...]] = []
    for r in gegevens.rijen:
        cellen: list[Waarde] = [r.gemeente.naam]
        if met_provincie:
            cellen.append(r.gemeente.provincie.naam)
        cellen += [
            r.opgave,
            r.realisatie,
            Aandeel(r.realisatie, r.opgave),
            r.klasse.label,
            r.plaatsen,
        ]
        rijen.append(tuple(cellen))
    totaal: list[Waarde] = ["Totaal"]
    if met_provincie:
        totaal.append("")
    totaal += [
        gegevens.opgave,
        gegevens.realisatie,
        Aandeel(gegevens.realisatie, gegevens.opgave),
        "",
        sum(r.plaatsen for r in gegevens.rijen),
    ]
    return Tabel(
        sleutel="gemeenten",
        titel=f"{gegevens.titel} per gemeente, {gebied}",
        bijschrift=(
            "Opgave, realisatie en het deel van de opgave dat gerealiseerd is, met de klasse "
            "van de kaart; plaatsen in de locaties die in gebruik zijn."
        ),
        kolommen=tuple(kolommen),
        rijen=tuple(rijen),
        totaal=tuple(totaal),
    )


def provincie_tabel(gegevens: KaartGegevens) -> Tabel:
    opgave: dict[int, int] = {}
    realisatie: dict[int, int] = {}
    for r in gegevens.rijen:
        p = r.gemeente.provincie_id
        opgave[p] = opgave.get(p, 0) + r.opgave
        realisatie[p] = realisatie.get(p, 0) + r.realisatie
    rijen = tuple(
        (
            s.provincie.naam,
            s.realisatie_peildatum,
            opgave.get(s.provincie.pk, 0),
            realisatie.get(s.provincie.pk, 0),
            Aandeel(realisatie.get(s.provincie.pk, 0), opgave.get(s.provincie.pk, 0)),
        )
        for s in gegevens.provincies
    )
    return Tabel(
        sleutel="provincies",
        titel=f"{gegevens.titel} per provincie",
        bijschrift="Som van de gemeenten; de peildatum is de laatste van de provincie.",
        kolommen=(
            Kolom("Provincie", "tekst", breedte=18),
            Kolom("Peildatum", "datum"),
            Kolom("Opgave", som=True),
            Kolom("Realisatie", som=True),
            Kolom("Gerealiseerd", "procent", aandeel=(3, 2)),
        ),
        rijen=rijen,
        totaal=(
            "Totaal",
            None,
            gegevens.opgave,
            gegevens.realisatie,
            Aandeel(gegevens.realisatie, gegevens.opgave),
        ),
    )
