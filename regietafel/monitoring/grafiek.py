"""The trend charts: realisation against opgave per peildatum, and the statushouders
achter/voor. Lines over every month between the first and the last peildatum (a month
without a figure is skipped, not drawn as 0); the table beside each chart has the same
numbers. Drawn with the shared pygal helper (regietafel.core.grafiek)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from regietafel.core import opmaak
from regietafel.core.grafiek import getekend, maandlijn, toegankelijke_svg
from regietafel.domain.maanden import maanden_tussen
from regietafel.monitoring.queries import SoortTrend, Trends

Lijnstijl = dict[str, object]
STIPPEN_TOT = 24
"""A line over more months has no dot per month: the dots of 60 months blur into the line
(and cost half the chart, in drawing time and in bytes); the table has every figure."""
STREEP: Lijnstijl = {"width": 2.5}
GESTREEPT: Lijnstijl = {"width": 2.5, "dasharray": "8, 5"}
GESTIPPELD: Lijnstijl = {"width": 2, "dasharray": "2, 4"}


@dataclass(frozen=True)
class Paneel:
    sleutel: str
    titel: str
    svg: SafeString
    trend: SoortTrend | None = None


def maanden(peildata: Sequence[dt.date]) -> list[dt.date]:
    """Every first-of-month from the first to the last peildatum."""
    return list(maanden_tussen(min(peildata), max(peildata))) if peildata else []


def _lijn(
    titel: str,
    label: str,
    peildata: Sequence[dt.date],
    reeksen: Sequence[tuple[str, dict[dt.date, int | None], Lijnstijl]],
) -> SafeString:
    as_ = maanden(peildata)
    chart = maandlijn(
        [opmaak.maand(m) for m in as_],
        len(reeksen),
        hoogte=340,
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
    return SafeString(toegankelijke_svg(chart, f"{titel}. {label}"))


def panelen(t: Trends) -> list[Paneel]:
    """The charts of the trends page, drawn once per content (``core.grafiek.getekend``)."""
    return getekend("trends-panelen", (t.naam, t.soorten, t.statushouders), lambda: _panelen(t))


def _panelen(t: Trends) -> list[Paneel]:
    uit = []
    waar = t.naam
    for soort in t.soorten:
        if not soort.punten:
            continue
        peildata = [p.peildatum for p in soort.punten]
        reeksen: list[tuple[str, dict[dt.date, int | None], Lijnstijl]] = [
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
                soort.soort,
                titel,
                _lijn(titel, "De cijfers staan in de tabel bij de grafiek.", peildata, reeksen),
                soort,
            )
        )
    if t.statushouders:
        titel = f"Huisvesting vergunninghouders, {waar}: achter/voor per peildatum"
        uit.append(
            Paneel(
                "statushouders",
                titel,
                _lijn(
                    titel,
                    "Positief is een achterstand, negatief een voorsprong. "
                    "De cijfers staan in de tabel bij de grafiek.",
                    [p.peildatum for p in t.statushouders],
                    [
                        (
                            "Achter/voor",
                            {p.peildatum: p.stand.achter_voor for p in t.statushouders},
                            STREEP,
                        )
                    ],
                ),
            )
        )
    return uit
