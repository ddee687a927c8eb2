"""R1 — apportionment by largest remainder (Hamilton).

quota_g = N·w_g/Σw; floor each quota; hand the remaining units to the largest
fractional parts; ties go to the larger weight, then to the name in
alphabetical order. The result always sums to N exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

Gewicht = int | Fraction


@dataclass(frozen=True)
class Verdeling:
    """The outcome of an apportionment, with the quota it was derived from."""

    totaal: int
    aantallen: dict[str, int]
    quota: dict[str, Fraction]

    @property
    def opgehoogd(self) -> tuple[str, ...]:
        """The keys that received one unit more than the floor of their quota."""
        return tuple(k for k, n in self.aantallen.items() if n > self.quota[k].__floor__())


def grootste_overschot(totaal: int, gewichten: Mapping[str, Gewicht]) -> Verdeling:
    """Distribute ``totaal`` units over the keys of ``gewichten`` in proportion to the weights.

    Keys keep their input order in the result. Raises ``ValueError`` for a negative
    total, a negative weight, or a positive total over weights that sum to zero.
    """
    if totaal < 0:
        raise ValueError(f"totaal is negatief: {totaal}")
    for naam, w in gewichten.items():
        if w < 0:
            raise ValueError(f"gewicht van {naam} is negatief: {w}")
    som = sum((Fraction(w) for w in gewichten.values()), Fraction(0))
    if som == 0:
        if totaal:
            raise ValueError(f"{totaal} eenheden te verdelen over gewichten die samen 0 zijn")
        return Verdeling(totaal, dict.fromkeys(gewichten, 0), {k: Fraction(0) for k in gewichten})

    quota = {k: Fraction(totaal) * Fraction(w) / som for k, w in gewichten.items()}
    aantallen = {k: q.__floor__() for k, q in quota.items()}
    rest = totaal - sum(aantallen.values())
    volgorde = sorted(
        gewichten,
        key=lambda k: (-(quota[k] - aantallen[k]), -Fraction(gewichten[k]), k),
    )
    for k in volgorde[:rest]:
        aantallen[k] += 1
    return Verdeling(totaal, aantallen, quota)
