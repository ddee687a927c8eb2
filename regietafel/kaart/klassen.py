"""The colour classes of the map: realisation as a share of the opgave (pure Python, exact).

A class boundary is compared in integers (realisatie × 100 against grens × opgave), so 75 %
exactly is in "75 % tot 100 %" and 100 % exactly in "100 % of meer" (R5: realisatie /
opgave; with no opgave the share is "n.v.t." and the gemeente gets its own class).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Klasse:
    sleutel: str
    """CSS class and pattern id suffix."""
    label: str
    """The text of the legend, the table and the tooltip (the class never relies on colour)."""


ONDER_50 = Klasse("kl-0", "minder dan 50 %")
VAN_50 = Klasse("kl-1", "50 % tot 75 %")
VAN_75 = Klasse("kl-2", "75 % tot 100 %")
VOL = Klasse("kl-3", "100 % of meer")
GEEN_OPGAVE = Klasse("kl-geen", "geen opgave")
NIET_AANGELEVERD = Klasse("kl-ontbreekt", "niet aangeleverd")
"""An opgave but no figure at all (domain.laatst_bekend): its own pattern, never "0 %"."""

KLASSEN: tuple[Klasse, ...] = (ONDER_50, VAN_50, VAN_75, VOL, GEEN_OPGAVE, NIET_AANGELEVERD)
GRENZEN: tuple[tuple[int, Klasse], ...] = ((50, ONDER_50), (75, VAN_50), (100, VAN_75))


def klasse_van(realisatie: int | None, opgave: int | None) -> Klasse:
    """The class of a gemeente on the map: no opgave, no figure (niet aangeleverd: never
    counted as 0 %), or the share realised."""
    if opgave is None or opgave <= 0:
        return GEEN_OPGAVE
    if realisatie is None:
        return NIET_AANGELEVERD
    return klasse(realisatie, opgave)


def klasse(realisatie: int, opgave: int) -> Klasse:
    """The class of a gemeente's realisation against its opgave."""
    if opgave <= 0:
        return GEEN_OPGAVE
    for grens, k in GRENZEN:
        if realisatie * 100 < grens * opgave:
            return k
    return VOL
