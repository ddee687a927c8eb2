"""R5 — difference and progress.

verschil = realisatie − opgave (negative = tekort). Progress = realisatie / taakstelling;
with a taakstelling of 0 the progress is "n.v.t." (not 0 %). Over 100 % is kept (Assen 236 %).
Where a figure or an opgave is missing there is no verschil (``verschil_als_bekend``), and so
no tekort: never −opgave. What is left of a taakstelling (Nidos's "taakstelling resterend")
is ``resterend``: never below 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from regietafel.domain.notatie import heel_procent

NVT = "n.v.t."


def verschil(realisatie: int, opgave: int) -> int:
    """realisatie − opgave; negative means a tekort."""
    return realisatie - opgave


def verschil_als_bekend(realisatie: int | None, opgave: int | None) -> int | None:
    """realisatie − opgave where both exist; None ("–") without a figure or an opgave."""
    if realisatie is None or opgave is None:
        return None
    return verschil(realisatie, opgave)


def is_tekort(verschil: int | None) -> bool:
    """A verschil below 0; no verschil (None) is no tekort."""
    return verschil is not None and verschil < 0


def resterend(gerealiseerd: int, taakstelling: int) -> int:
    """What is left of the taakstelling: taakstelling − gerealiseerd, or 0 once it is met
    (a gemeente that did more has nothing left, not a negative rest). Nidos's factsheet
    column "taakstelling resterend"."""
    return max(0, taakstelling - gerealiseerd)


def voortgang(realisatie: int, taakstelling: int) -> Fraction | None:
    """realisatie / taakstelling, or ``None`` ("n.v.t.") when there is no taakstelling.

    A taakstelling of 0 or below (a voorsprong carried over in R4) has no progress.
    Raises ``ValueError`` for a negative realisatie.
    """
    if realisatie < 0:
        raise ValueError(f"realisatie is negatief: {realisatie}")
    if taakstelling <= 0:
        return None
    return Fraction(realisatie, taakstelling)


def voortgang_tekst(realisatie: int, taakstelling: int) -> str:
    """The progress in Dutch: "236%" (rounded half up to a whole percent) or "n.v.t."."""
    aandeel = voortgang(realisatie, taakstelling)
    if aandeel is None:
        return NVT
    return heel_procent(aandeel)


@dataclass(frozen=True)
class Rij:
    """One gemeente's opgave and realisatie."""

    naam: str
    opgave: int
    realisatie: int

    @property
    def verschil(self) -> int:
        return verschil(self.realisatie, self.opgave)


@dataclass(frozen=True)
class Overzicht:
    """Rows with their totals; a total is always the sum of the rows, never stored."""

    rijen: tuple[Rij, ...]

    @property
    def opgave(self) -> int:
        return sum(r.opgave for r in self.rijen)

    @property
    def realisatie(self) -> int:
        return sum(r.realisatie for r in self.rijen)

    @property
    def verschil(self) -> int:
        return verschil(self.realisatie, self.opgave)


def overzicht(rijen: Iterable[tuple[str, int, int]]) -> Overzicht:
    """Build an Overzicht from (naam, opgave, realisatie); a name may appear only once."""
    resultaat = tuple(Rij(naam, opgave, realisatie) for naam, opgave, realisatie in rijen)
    dubbel = sorted(n for n, k in Counter(r.naam for r in resultaat).items() if k > 1)
    if dubbel:
        raise ValueError(f"gemeente staat meer dan eens in het overzicht: {', '.join(dubbel)}")
    return Overzicht(resultaat)
