"""The tables beside the map (the same figures as the map; also the Excel download)."""

from __future__ import annotations

from regietafel.core.tabel import Aandeel, Kolom, Tabel, Vlak, Waarde
from regietafel.domain.laatst_bekend import Status
from regietafel.kaart.queries import KaartGegevens, KaartRij


def _aandeel(r: KaartRij) -> Waarde:
    """Realised share (R5); "–" without a figure (never 0 %), n.v.t. without an opgave."""
    if r.realisatie is None:
        return "–" if r.opgave else None
    return Aandeel(r.realisatie, r.opgave or 0)


def _gekozen(gegevens: KaartGegevens) -> str:
    c = gegevens.gekozen
    if c is None:
        return ""
    return f" De opgave is die van de cyclus {c.jaar} ({c.naam}) waar die van toepassing is."


def gemeente_tabel(gegevens: KaartGegevens, gebied: str, *, met_provincie: bool) -> Tabel:
    kolommen: list[Kolom] = [Kolom("Gemeente", "tekst", breedte=22)]
    if met_provincie:
        kolommen.append(Kolom("Provincie", "tekst", breedte=16))
    eerste = len(kolommen)
    # The figure's own date only when some figure is older than its provincie's peildatum
    # or missing (every figure current: the peildatum above the map says it).
    met_datum = any(
        r.cijfer.status is not Status.ACTUEEL and (r.opgave or r.realisatie is not None)
        for r in gegevens.rijen
    )
    kolommen += [
        Kolom("Opgave", som=True),
        Kolom("Realisatie", som=True),
        Kolom("Gerealiseerd", "procent", aandeel=(eerste + 1, eerste)),
        *([Kolom("Peildatum realisatie", "datum", breedte=12)] if met_datum else []),
        Kolom("Klasse", "tekst", breedte=16),
        Kolom("Plaatsen in locaties", som=True, breedte=12),
    ]
    rijen: list[tuple[Waarde, ...]] = []
    for r in gegevens.rijen:
        cellen: list[Waarde] = [r.gemeente.naam]
        if met_provincie:
            cellen.append(r.gemeente.provincie.naam)
        cellen += [r.opgave, r.realisatie, _aandeel(r)]
        if met_datum:
            cellen.append(
                r.realisatie_peildatum or (Status.NIET_AANGELEVERD.label if r.opgave else None)
            )
        cellen += [Vlak(r.klasse.label, f"gemeente {r.klasse.sleutel}"), r.plaatsen]
        rijen.append(tuple(cellen))
    totaal: list[Waarde] = ["Totaal"]
    if met_provincie:
        totaal.append("")
    totaal += [
        gegevens.opgave,
        gegevens.realisatie,
        Aandeel(gegevens.realisatie, gegevens.opgave_met_cijfer),
        *([None] if met_datum else []),
        "",
        sum(r.plaatsen for r in gegevens.rijen),
    ]
    return Tabel(
        sleutel="gemeenten",
        titel=f"{gegevens.titel} per gemeente, {gebied}",
        bijschrift=(
            "Opgave, realisatie (per gemeente het laatst bekende cijfer, met zijn peildatum) en "
            "het deel van de opgave dat gerealiseerd is, met de klasse van de kaart; een gemeente "
            "zonder cijfer is „niet aangeleverd” (geen 0 %) en telt niet mee in het totale "
            "deel; plaatsen in de locaties die in gebruik zijn." + _gekozen(gegevens)
        ),
        kolommen=tuple(kolommen),
        rijen=tuple(rijen),
        totaal=tuple(totaal),
        klein=True,
    )


def provincie_tabel(gegevens: KaartGegevens) -> Tabel:
    opgave: dict[int, int] = {}
    realisatie: dict[int, int] = {}
    met_cijfer: dict[int, int] = {}
    for r in gegevens.rijen:
        p = r.gemeente.provincie_id
        opgave[p] = opgave.get(p, 0) + (r.opgave or 0)
        realisatie[p] = realisatie.get(p, 0) + (r.realisatie or 0)
        if r.realisatie is not None:
            met_cijfer[p] = met_cijfer.get(p, 0) + (r.opgave or 0)
    rijen = tuple(
        (
            s.provincie.naam,
            s.peildatum,
            opgave.get(s.provincie.pk, 0),
            realisatie.get(s.provincie.pk, 0),
            Aandeel(realisatie.get(s.provincie.pk, 0), met_cijfer.get(s.provincie.pk, 0)),
            s.dekking,
        )
        for s in gegevens.provincies
    )
    return Tabel(
        sleutel="provincies",
        titel=f"{gegevens.titel} per provincie",
        bijschrift=(
            "Som van de gemeenten, elk met haar laatst bekende cijfer; de peildatum is de "
            "laatste van de provincie; het gerealiseerde deel telt alleen gemeenten met een cijfer."
            + _gekozen(gegevens)
        ),
        kolommen=(
            Kolom("Provincie", "tekst", breedte=18),
            Kolom("Peildatum", "datum"),
            Kolom("Opgave", som=True),
            Kolom("Realisatie", som=True),
            Kolom("Gerealiseerd", "procent", aandeel=(3, 2)),
            Kolom("Cijfers per peildatum", "tekst", breedte=22),
        ),
        rijen=rijen,
        totaal=(
            "Totaal",
            None,
            gegevens.opgave,
            gegevens.realisatie,
            Aandeel(gegevens.realisatie, gegevens.opgave_met_cijfer),
            "",
        ),
        klein=True,
    )
