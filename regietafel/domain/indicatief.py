"""R2 — the indicative distribution, derived for what-if work.

Regular ∝ inhabitants × SES-WOA correction; AMV = regular × (AMV total / regular total);
both apportioned with R1 (largest remainder). In Drenthe 2024 every AMV number of the
minister equals round(regular × 229/2462); ``afwijkende_amv`` checks that property for
imported numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from regietafel.domain.verdeling import Verdeling, grootste_overschot


def indicatieve_verdeling(
    totaal_regulier: int,
    totaal_amv: int,
    gemeenten: Mapping[str, tuple[int, Fraction]],
) -> tuple[Verdeling, Verdeling]:
    """Derive (regular, AMV) per gemeente from ``{naam: (inwoners, ses_correctie)}``.

    Regular apportions ``totaal_regulier`` with weights inwoners × correction. AMV apportions
    ``totaal_amv`` with the regular numbers as weights, so its quota is exactly
    regular × totaal_amv / totaal_regulier and the numbers sum to ``totaal_amv``.
    Raises ``ValueError`` (from R1) for negative totals or weights, or for a positive
    total over weights that sum to zero.
    """
    regulier = grootste_overschot(
        totaal_regulier,
        {naam: Fraction(inwoners) * correctie for naam, (inwoners, correctie) in gemeenten.items()},
    )
    amv = grootste_overschot(totaal_amv, regulier.aantallen)
    return regulier, amv


def afgerond(waarde: Fraction) -> int:
    """Round half up, exactly (the usual rounding of published tables, not banker's)."""
    return (waarde + Fraction(1, 2)).__floor__()


def afwijkende_amv(
    regulier: Mapping[str, int], amv: Mapping[str, int], totaal_regulier: int, totaal_amv: int
) -> dict[str, tuple[int, int]]:
    """The gemeenten whose AMV number differs from round(regular × totaal_amv/totaal_regulier).

    Returns ``{naam: (given, expected)}``; empty when the distribution has R2's property.
    """
    if totaal_regulier <= 0:
        raise ValueError(f"totaal_regulier moet positief zijn: {totaal_regulier}")
    verhouding = Fraction(totaal_amv, totaal_regulier)
    afwijkingen: dict[str, tuple[int, int]] = {}
    for naam, r in regulier.items():
        verwacht = afgerond(r * verhouding)
        gegeven = amv.get(naam, 0)
        if gegeven != verwacht:
            afwijkingen[naam] = (gegeven, verwacht)
    return afwijkingen
