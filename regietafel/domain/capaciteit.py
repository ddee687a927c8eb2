"""R7 — the capacity projection: places per soort per month, from the location contracts.

The rule for one month M, whose first day is d:

- A location's places count in M when its contract covers d, the first day of M:
  ``van <= d < tot``. "Beschikbaar tot" is read as the seed writes it, *until* that day:
  a contract "tot 1-4-2026" still counts in March 2026 and no longer in April 2026.
- Partial months therefore follow the first day. A contract that starts on the 15th counts
  from the next month; one that ends after the 1st still counts in its last month (the month
  in which it ends, as long as it ends after the 1st).
- Status ``gerealiseerd``: without a start date it counts from always, without an end date
  (or for an indefinite contract) for ever.
- Status ``gepland``: counts from ``beschikbaar_van`` only; without a start date it counts in
  no month (the places do not exist yet and no date is known).
- Status ``beeindigd``: counts until its end date (``tot``); without one in no month.

Places are ``int`` per soort: regulier, AMV, Oekraïne and overig (the special forms such as
TGO and noodopvang, "bijzonder" in the register). Everything here is exact and additive: the
projection of a provincie is the sum of those of its gemeenten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from regietafel.domain.maanden import eerste_van_maand, maanden, plus_maanden

SOORTEN = ("regulier", "amv", "oekraine", "overig")


class Status(StrEnum):
    GEPLAND = "gepland"
    GEREALISEERD = "gerealiseerd"
    BEEINDIGD = "beeindigd"


@dataclass(frozen=True)
class Plaatsen:
    """Places per soort."""

    regulier: int = 0
    amv: int = 0
    oekraine: int = 0
    overig: int = 0

    def __post_init__(self) -> None:
        if min(self.regulier, self.amv, self.oekraine, self.overig) < 0:
            raise ValueError(f"een aantal plaatsen is niet negatief: {self!r}")

    def __add__(self, ander: Plaatsen) -> Plaatsen:
        return Plaatsen(
            self.regulier + ander.regulier,
            self.amv + ander.amv,
            self.oekraine + ander.oekraine,
            self.overig + ander.overig,
        )

    @property
    def totaal(self) -> int:
        return self.regulier + self.amv + self.oekraine + self.overig

    def als_dict(self) -> dict[str, int]:
        return {s: getattr(self, s) for s in SOORTEN}


GEEN = Plaatsen()


@dataclass(frozen=True)
class Contract:
    """One location as the projection sees it."""

    naam: str
    gemeente: str
    status: Status
    plaatsen: Plaatsen
    van: dt.date | None = None
    tot: dt.date | None = None
    """The day the contract ends: places count on days before it (see the module)."""
    onbepaalde_tijd: bool = False

    def __post_init__(self) -> None:
        if self.van is not None and self.tot is not None and self.tot < self.van:
            raise ValueError(f"{self.naam}: einde {self.tot} ligt vóór begin {self.van}")

    @property
    def einde(self) -> dt.date | None:
        """The end that counts: none for an indefinite contract."""
        return None if self.onbepaalde_tijd else self.tot


@dataclass(frozen=True)
class Maand:
    maand: dt.date
    """The first day of the month."""
    plaatsen: Plaatsen


def telt_mee(contract: Contract, dag: dt.date) -> bool:
    """Does ``contract`` count its places on ``dag`` (the first day of a month)?"""
    einde = contract.einde
    if contract.status is Status.GEPLAND and contract.van is None:
        return False
    if contract.status is Status.BEEINDIGD and contract.tot is None:
        return False
    if contract.van is not None and dag < contract.van:
        return False
    return einde is None or dag < einde


def plaatsen_op(contracten: Iterable[Contract], dag: dt.date) -> Plaatsen:
    """The places of the contracts that count on ``dag``, added per soort (plain ints: a
    provincie's projection adds hundreds of contracts for each of 24 months)."""
    regulier = amv = oekraine = overig = 0
    for c in contracten:
        if telt_mee(c, dag):
            p = c.plaatsen
            regulier += p.regulier
            amv += p.amv
            oekraine += p.oekraine
            overig += p.overig
    return Plaatsen(regulier, amv, oekraine, overig)


def projectie(contracten: Iterable[Contract], van: dt.date, aantal: int) -> tuple[Maand, ...]:
    """Places per soort for ``aantal`` months from ``van``'s month (see the module for the rule)."""
    lijst = tuple(contracten)
    return tuple(Maand(m, plaatsen_op(lijst, m)) for m in maanden(van, aantal))


def aflopend(
    contracten: Iterable[Contract], begin: dt.date, einde: dt.date
) -> tuple[Contract, ...]:
    """Contracts whose end date falls in ``[begin, einde)``, soonest first (then by name)."""
    gevonden = [c for c in contracten if c.einde is not None and begin <= c.einde < einde]
    return tuple(sorted(gevonden, key=lambda c: (c.einde or dt.date.max, c.gemeente, c.naam)))


def aflopend_in_venster(
    contracten: Iterable[Contract], van: dt.date, aantal: int
) -> tuple[Contract, ...]:
    """The contracts ending within the window of :func:`projectie` (``aantal`` months from ``van``)."""
    if aantal < 1:
        raise ValueError(f"het aantal maanden is ten minste 1, niet {aantal}")
    return aflopend(contracten, eerste_van_maand(van), plus_maanden(van, aantal))
