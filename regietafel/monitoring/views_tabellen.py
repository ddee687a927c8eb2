"""The tables of the monitoring pages as ``Tabel`` objects, built from the object the page
renders (``StandVanZaken``, ``Trends``, the inzendingen): the HTML and the Excel download
(``?formaat=xlsx``, core.excelpagina) show the same figures.

The three tables of the Stand van zaken are those of the report (rapportage.bouwen), so the
page, the PDF, the Word file and both workbooks cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence

from regietafel.core import klok
from regietafel.core.opmaak import getal
from regietafel.core.tabel import Kolom, Tabel, Waarde
from regietafel.domain.validatie import Bevinding
from regietafel.monitoring.models import Inzending
from regietafel.monitoring.queries import StandVanZaken, Trends, Vergelijking
from regietafel.rapportage.bouwen import nidos_tabel, statushouders_tabel, verdeling_tabel

# Sheet names of the trend tables per paneel (monitoring.grafiek.Paneel.sleutel).
TREND_SLEUTELS = {
    "oekraine": "Oekraïne",
    "regulier": "Regulier",
    "amv": "AMV",
    "statushouders": "Statushouders",
}
STATUSHOUDERS_GEMEENTEN = "Statushouders per gemeente"


def bevindingen_tabel(bevindingen: Sequence[Bevinding]) -> Tabel:
    return Tabel(
        sleutel="Controles",
        titel="Controles op de bronnen",
        bijschrift="Bevindingen bij het vergelijken van de rijen met de totalen van de bronnen.",
        kolommen=(
            Kolom("Ernst", "tekst", breedte=12),
            Kolom("Bevinding", "tekst", breedte=80),
            Kolom("Bron", "tekst", breedte=40),
        ),
        rijen=tuple(
            ("Fout" if b.ernst == "fout" else "Waarschuwing", b.melding, b.bron)
            for b in bevindingen
        ),
    )


def stand_tabellen(stand: StandVanZaken) -> list[Tabel]:
    """The tables the page shows, in its order (statushouders and Nidos only with data)."""
    tabellen = [verdeling_tabel(stand)]
    if stand.statushouders:
        tabellen.append(statushouders_tabel(stand))
    if stand.nidos:
        tabellen.append(nidos_tabel(stand))
    if stand.bevindingen:
        tabellen.append(bevindingen_tabel(stand.bevindingen))
    return tabellen


def trend_tabellen(t: Trends) -> list[Tabel]:
    """Per soort realisatie, opgave, verschil (and for a provincie the provincial number) per
    peildatum; the statushouders achter/voor; for a provincie achter/voor per gemeente."""
    provincie = t.gemeente is None
    tabellen = []
    for soort in t.soorten:
        if not soort.punten:
            continue
        kolommen = [
            Kolom("Peildatum", "datum", breedte=12),
            Kolom("Realisatie"),
            Kolom("Opgave"),
            Kolom("Verschil", "verschil"),
        ]
        if provincie:
            kolommen.append(Kolom("Provinciale opgave"))
        rijen: list[tuple[Waarde, ...]] = []
        for p in soort.punten:
            rij: tuple[Waarde, ...] = (p.peildatum, p.realisatie, p.opgave, p.verschil)
            rijen.append((*rij, p.provinciale_opgave) if provincie else rij)
        tabellen.append(
            Tabel(
                sleutel=TREND_SLEUTELS[soort.soort],
                titel=f"{soort.titel}, {t.naam}: realisatie en opgave per peildatum",
                bijschrift="Een negatief verschil is een tekort; een lege cel: geen cijfer.",
                kolommen=tuple(kolommen),
                rijen=tuple(rijen),
            )
        )
    if t.statushouders:
        kolommen = [
            Kolom("Peildatum", "datum", breedte=12),
            Kolom("Taakstelling incl. achter/voor"),
            Kolom("Realisatie 2e helft"),
            Kolom("Achter/voor"),
        ]
        if provincie:
            kolommen.append(Kolom("Gemeenten"))
        rijen = []
        for s in t.statushouders:
            rij = (
                s.peildatum,
                s.stand.taakstelling_incl,
                s.stand.realisatie_totaal,
                s.stand.achter_voor,
            )
            rijen.append((*rij, s.gemeenten) if provincie else rij)
        tabellen.append(
            Tabel(
                sleutel=TREND_SLEUTELS["statushouders"],
                titel=f"Huisvesting vergunninghouders, {t.naam}: achter/voor per peildatum",
                bijschrift="Positief is een achterstand, negatief een voorsprong.",
                kolommen=tuple(kolommen),
                rijen=tuple(rijen),
            )
        )
    if t.statushouders_per_gemeente:
        tabellen.append(
            Tabel(
                sleutel=STATUSHOUDERS_GEMEENTEN,
                titel="Achter/voor per gemeente en peildatum",
                bijschrift="Positief is een achterstand, negatief een voorsprong.",
                kolommen=(
                    Kolom("Gemeente", "tekst", breedte=18),
                    *(Kolom(f"{s.peildatum:%d-%m-%Y}", som=True) for s in t.statushouders),
                ),
                rijen=tuple(
                    (r.gemeente.naam, *r.achter_voor) for r in t.statushouders_per_gemeente
                ),
                totaal=("Totaal", *(s.stand.achter_voor for s in t.statushouders)),
            )
        )
    return tabellen


def _moment(waarde: object) -> str:
    return f"{klok.lokaal(waarde):%d-%m-%Y %H:%M}" if waarde else ""  # type: ignore[arg-type]


def inzendingen_tabel(sleutel: str, titel: str, inzendingen: Sequence[Inzending]) -> Tabel:
    """A list of inzendingen as the page shows it: one row per inzending."""
    return Tabel(
        sleutel=sleutel,
        titel=titel,
        bijschrift="Cijfers: de ingediende realisatie per opgave.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Peildatum", "datum", breedte=12),
            Kolom("Cijfers", "tekst", breedte=36),
            Kolom("Ingediend", "tekst", breedte=17),
            Kolom("Ingediend door", "tekst", breedte=16),
            Kolom("Status", "tekst", breedte=14),
            Kolom("Beoordeeld", "tekst", breedte=17),
            Kolom("Beoordeeld door", "tekst", breedte=16),
            Kolom("Opmerking secretariaat", "tekst", breedte=40),
        ),
        rijen=tuple(
            (
                i.gemeente.naam,
                i.peildatum,
                "; ".join(f"{r.get_soort_display()}: {getal(r.aantal)}" for r in i.regels.all()),
                _moment(i.ingediend_op),
                str(i.ingediend_door or ""),
                i.get_status_display(),
                _moment(i.beoordeeld_op),
                str(i.beoordeeld_door or ""),
                i.opmerking,
            )
            for i in inzendingen
        ),
    )


def vergelijking_tabel(inzending: Inzending, regels: Sequence[Vergelijking]) -> Tabel:
    return Tabel(
        sleutel="Vergelijking",
        titel=(
            f"Inzending {inzending.gemeente.naam}, peildatum {inzending.peildatum:%d-%m-%Y}: "
            "opgeslagen en ingediende realisatie"
        ),
        bijschrift="Verschil = ingediend − opgeslagen; een lege cel: geen cijfer.",
        kolommen=(
            Kolom("Opgave", "tekst", breedte=22),
            Kolom("Opgeslagen"),
            Kolom("Ingediend"),
            Kolom("Verschil", "verschil"),
        ),
        rijen=tuple((r.titel, r.opgeslagen, r.ingediend, r.verschil) for r in regels),
    )
