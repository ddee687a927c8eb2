"""Bijlage 1 of the provinciaal verslag: how far the offer fills the provincial opgave.

Per type (regular, AMV): ingevuld = Σ offered places of that type; nog in te vullen =
max(0, opgave − ingevuld). Types are never mixed (seed 001 printed "2691" as the regular
opgave and "nog in te vullen 200" beside 229 AMV places: both impossible here). The total
is the sum of the types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from regietafel.domain.voortgang import resterend


@dataclass(frozen=True)
class Invulling:
    type: str
    opgave: int
    ingevuld: int

    def __post_init__(self) -> None:
        if self.opgave < 0 or self.ingevuld < 0:
            raise ValueError(f"negatief aantal bij {self.type}")

    @property
    def nog_in_te_vullen(self) -> int:
        return resterend(self.ingevuld, self.opgave)

    @property
    def boven_opgave(self) -> int:
        return max(0, self.ingevuld - self.opgave)


@dataclass(frozen=True)
class InvullingTotaal:
    per_type: tuple[Invulling, ...]

    @property
    def opgave(self) -> int:
        return sum(i.opgave for i in self.per_type)

    @property
    def ingevuld(self) -> int:
        return sum(i.ingevuld for i in self.per_type)

    @property
    def nog_in_te_vullen(self) -> int:
        return sum(i.nog_in_te_vullen for i in self.per_type)


def invulling(opgave: dict[str, int], aanbod: Iterable[tuple[str, int]]) -> InvullingTotaal:
    """``opgave`` per type; ``aanbod`` as (type, places) per gemeente or location.

    An offer of a type without an opgave is an error: it would silently vanish.
    """
    ingevuld = dict.fromkeys(opgave, 0)
    for t, n in aanbod:
        if t not in ingevuld:
            raise ValueError(f"aanbod voor onbekend type {t!r}")
        if n < 0:
            raise ValueError(f"negatief aanbod voor {t!r}")
        ingevuld[t] += n
    return InvullingTotaal(tuple(Invulling(t, opgave[t], ingevuld[t]) for t in opgave))
