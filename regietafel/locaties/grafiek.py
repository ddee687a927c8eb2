"""The capacity charts: places per month against the opgave, one chart per opgave (regulier
including the special forms, AMV, and Oekraïne when there is anything to show). The table
on the page holds the same numbers. Drawn with the shared pygal helper."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from regietafel.core import opmaak
from regietafel.core.grafiek import getekend, maandlijn, toegankelijke_svg
from regietafel.locaties.queries import Capaciteit

STREEP = {"width": 2.5}
GESTREEPT = {"width": 2.5, "dasharray": "8, 5"}


@dataclass(frozen=True)
class Paneel:
    sleutel: str
    titel: str
    svg: SafeString


def _lijn(
    titel: str, labels: list[str], reeksen: list[tuple[str, list[int | None], dict]]
) -> SafeString:
    chart = maandlijn(labels, len(reeksen), hoogte=320, max_labels=8, stippen=3, onderbreken=True)
    getallen = [w for _, r, _ in reeksen for w in r if w is not None]
    if max(getallen, default=0) < 10:
        chart.range = (0, 10)
    for naam, waarden, stroke in reeksen:
        chart.add(naam, waarden, stroke_style=stroke)
    return SafeString(
        toegankelijke_svg(chart, f"{titel}. De cijfers staan in de tabel onder de grafieken.")
    )


def panelen(c: Capaciteit) -> list[Paneel]:
    """The capacity charts, drawn once per content (``core.grafiek.getekend``)."""
    return getekend("capaciteit-panelen", (c.naam, c.maanden), lambda: _panelen(c))


def _panelen(c: Capaciteit) -> list[Paneel]:
    labels = [opmaak.maand(m.maand) for m in c.maanden]
    uit = []
    for sleutel, kop, plaatsen, opgave in (
        (
            "regulier",
            "Asielopvang regulier (incl. overig)",
            [m.asiel_regulier for m in c.maanden],
            [m.opgave.regulier for m in c.maanden],
        ),
        (
            "amv",
            "Asielopvang AMV",
            [m.plaatsen.amv for m in c.maanden],
            [m.opgave.amv for m in c.maanden],
        ),
        (
            "oekraine",
            "Opvang Oekraïense ontheemden",
            [m.plaatsen.oekraine for m in c.maanden],
            [m.opgave.oekraine for m in c.maanden],
        ),
    ):
        if sleutel == "oekraine" and not any(plaatsen):
            continue  # no Ukrainian places in the register: the table still shows the opgave
        titel = f"{kop}, {c.naam}: plaatsen volgens de contracten en de opgave per maand"
        reeksen: list[tuple[str, list[int | None], dict]] = [("Plaatsen", list(plaatsen), STREEP)]
        if any(o is not None for o in opgave):
            reeksen.append(("Opgave", opgave, GESTREEPT))
        uit.append(Paneel(sleutel, titel, _lijn(titel, labels, reeksen)))
    return uit
