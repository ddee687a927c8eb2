"""The trend charts: realisation against opgave per peildatum, and the statushouders
achter/voor. Lines over every month between the first and the last peildatum (a month
without a figure is skipped, not drawn as 0); the table beside each chart has the same
numbers. Drawn with the shared pygal helper (regietafel.core.grafiek), on the chart's own URL
(``monitoring.views.trends_grafiek``) and stored per content: the page only names the key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from regietafel.core import opmaak
from regietafel.core.grafiek import maandlijn, sleutel, toegankelijke_svg
from regietafel.domain.maanden import maanden_tussen
from regietafel.monitoring.queries import SoortTrend, Trends

Lijnstijl = dict[str, object]
STIPPEN_TOT = 24
"""A line over more months has no dot per month: the dots of 60 months blur into the line
(and cost half the chart, in drawing time and in bytes); the table has every figure."""
STREEP: Lijnstijl = {"width": 2.5}
GESTREEPT: Lijnstijl = {"width": 2.5, "dasharray": "8, 5"}
GESTIPPELD: Lijnstijl = {"width": 2, "dasharray": "2, 4"}


Reeks = tuple[str, dict[dt.date, int | None], Lijnstijl]
MAP = "trends"
"""The charts' folder in the storage is ``trends-<provincie id>``: a provincie's charts are
read only by those who may read the provincie."""


@dataclass(frozen=True)
class Paneel:
    """A chart of the trends page: what it shows (``ontwerp``), its key (``grafiek``, the
    hash of ``ontwerp``) and its text alternative; drawn by ``teken`` only on its own URL."""

    sleutel: str
    titel: str
    label: str
    ontwerp: tuple[str, str, tuple[dt.date, ...], tuple[Reeks, ...]]
    trend: SoortTrend | None = None

    @cached_property
    def grafiek(self) -> str:
        return sleutel(MAP, self.ontwerp)

    @property
    def alt(self) -> str:
        return f"{self.titel}. {self.label}"

    def teken(self) -> str:
        return _lijn(*self.ontwerp)


def maanden(peildata: Sequence[dt.date]) -> list[dt.date]:
    """Every first-of-month from the first to the last peildatum."""
    return list(maanden_tussen(min(peildata), max(peildata))) if peildata else []


def _lijn(titel: str, label: str, peildata: Sequence[dt.date], reeksen: Sequence[Reeks]) -> str:
    as_ = maanden(peildata)
    chart = maandlijn(
        [opmaak.maand(m) for m in as_],
        len(reeksen),
        hoogte=HOOGTE,
        max_labels=7,
        stippen=4,
        onderbreken=False,
    )
    chart.show_dots = len(as_) <= STIPPEN_TOT
    getallen = [w for _, r, _ in reeksen for w in r.values() if w is not None]
    laag, hoog = min(0, *getallen), max(0, *getallen)
    if hoog - laag < 10:  # whole-number axis labels for small numbers (0 to 10, not 0.1 steps)
        chart.range = (laag, laag + 10)
    for naam, waarden, stroke in reeksen:
        chart.add(naam, [waarden.get(m) for m in as_], stroke_style=stroke)
    return toegankelijke_svg(chart, f"{titel}. {label}")


HOOGTE = 340
BREEDTE = 720
BIJ_TABEL = "De cijfers staan in de tabel bij de grafiek."


def panelen(t: Trends) -> list[Paneel]:
    """The charts of the trends page (nothing is drawn here: see ``Paneel.teken``)."""
    uit = []
    waar = t.naam
    for soort in t.soorten:
        if not soort.punten:
            continue
        peildata = tuple(p.peildatum for p in soort.punten)
        reeksen: list[Reeks] = [
            ("Realisatie", {p.peildatum: p.realisatie for p in soort.punten}, STREEP),
            ("Opgave", {p.peildatum: p.opgave for p in soort.punten}, GESTREEPT),
        ]
        if any(p.provinciale_opgave is not None for p in soort.punten):
            reeksen.append(
                (
                    "Provinciale opgave",
                    {p.peildatum: p.provinciale_opgave for p in soort.punten},
                    GESTIPPELD,
                )
            )
        titel = f"{soort.titel}, {waar}: realisatie en opgave per peildatum"
        uit.append(
            Paneel(
                soort.soort, titel, BIJ_TABEL, (titel, BIJ_TABEL, peildata, tuple(reeksen)), soort
            )
        )
    if t.statushouders:
        titel = f"Huisvesting vergunninghouders, {waar}: achter/voor per peildatum"
        label = f"Positief is een achterstand, negatief een voorsprong. {BIJ_TABEL}"
        reeks: Reeks = (
            "Achter/voor",
            {p.peildatum: p.stand.achter_voor for p in t.statushouders},
            STREEP,
        )
        peildata = tuple(p.peildatum for p in t.statushouders)
        uit.append(Paneel("statushouders", titel, label, (titel, label, peildata, (reeks,))))
    return uit
