"""The capacity charts: places per month against the opgave, one chart per opgave (regulier
including the special forms, AMV, and Oekraïne when there is anything to show). The table
on the page holds the same numbers. Drawn with the shared pygal helper."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from regietafel.core import opmaak
from regietafel.core.grafiek import maandlijn, toegankelijke_svg
from regietafel.core.grafiek import sleutel as grafiek_sleutel
from regietafel.locaties.queries import Capaciteit

STREEP: dict[str, object] = {"width": 2.5}
GESTREEPT: dict[str, object] = {"width": 2.5, "dasharray": "8, 5"}


Reeks = tuple[str, list[int | None], dict[str, object]]
MAP = "capaciteit"
"""The charts' folder in the storage is ``capaciteit-<provincie id>``."""
PANELEN = ("regulier", "amv", "oekraine")
HOOGTE = 320
BREEDTE = 720
LABEL = "De cijfers staan in de tabel onder de grafieken."


@dataclass(frozen=True)
class Paneel:
    """A capacity chart: what it shows (``ontwerp``), its key (``grafiek``) and its text
    alternative; drawn by ``teken`` only on its own URL (``locaties.views.capaciteit_grafiek``)
    and stored per content."""

    sleutel: str
    titel: str
    ontwerp: tuple[str, tuple[str, ...], tuple[Reeks, ...]]

    @cached_property
    def grafiek(self) -> str:
        return grafiek_sleutel(MAP, self.ontwerp)

    @property
    def alt(self) -> str:
        return f"{self.titel}. {LABEL}"

    def teken(self) -> str:
        titel, labels, reeksen = self.ontwerp
        return _lijn(titel, list(labels), list(reeksen))


def _lijn(titel: str, labels: list[str], reeksen: list[Reeks]) -> str:
    chart = maandlijn(
        labels, len(reeksen), hoogte=HOOGTE, max_labels=8, stippen=3, onderbreken=True
    )
    getallen = [w for _, r, _ in reeksen for w in r if w is not None]
    if max(getallen, default=0) < 10:
        chart.range = (0, 10)
    for naam, waarden, stroke in reeksen:
        chart.add(naam, waarden, stroke_style=stroke)
    return toegankelijke_svg(chart, f"{titel}. {LABEL}")


def panelen(c: Capaciteit) -> list[Paneel]:
    """The capacity charts (nothing is drawn here: see ``Paneel.teken``)."""
    return _panelen(c)


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
        reeksen: list[Reeks] = [("Plaatsen", list(plaatsen), STREEP)]
        if any(o is not None for o in opgave):
            reeksen.append(("Opgave", list(opgave), GESTREEPT))
        uit.append(Paneel(sleutel, titel, (titel, tuple(labels), tuple(reeksen))))
    return uit
