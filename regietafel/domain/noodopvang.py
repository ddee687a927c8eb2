"""R8 — the noodopvang reserve (letter of the ministry, seed 002).

The ministry asks a provincie to hold places in reserve for a period (seed 002: 100 places for
the first half of 2026, usable within 3 days, staffed by the Red Cross). The PRT tracks
candidate locations and how ready each is:

- ``verkend``: explored, not yet held;
- ``gereed``: ready to be taken into use within the term — held;
- ``geactiveerd``: in use — held;
- ``vervallen``: dropped — never counts.

The places *aangehouden* (held) are those of the ready and activated candidates; the
reserve's *tekort* is what the request asks beyond them (never below 0). It is a warning only
while the requested period runs (``ontbreekt_op``); after the period nothing is asked anymore.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

VERKEND = "verkend"
GEREED = "gereed"
GEACTIVEERD = "geactiveerd"
VERVALLEN = "vervallen"
GEREEDHEDEN = (VERKEND, GEREED, GEACTIVEERD, VERVALLEN)


@dataclass(frozen=True)
class Reserve:
    """One request with the places its candidate locations hold, per readiness."""

    gevraagd: int
    """Places the ministry asks to hold."""
    van: dt.date
    tot: dt.date
    """The period of the request, both days included."""
    kandidaten: int = 0
    """Candidate locations, of any readiness."""
    verkend: int = 0
    gereed: int = 0
    geactiveerd: int = 0
    vervallen: int = 0
    """Places per readiness."""

    def __post_init__(self) -> None:
        if (
            min(
                self.gevraagd,
                self.kandidaten,
                self.verkend,
                self.gereed,
                self.geactiveerd,
                self.vervallen,
            )
            < 0
        ):
            raise ValueError("een aantal plaatsen of kandidaten is negatief")
        if self.tot < self.van:
            raise ValueError("de periode eindigt vóór ze begint")

    @property
    def aangehouden(self) -> int:
        """Places held: ready or in use."""
        return self.gereed + self.geactiveerd

    @property
    def tekort(self) -> int:
        """Places still to find: requested beyond the held ones, never below 0."""
        return max(0, self.gevraagd - self.aangehouden)

    def in_periode(self, datum: dt.date) -> bool:
        return self.van <= datum <= self.tot

    def afgelopen(self, datum: dt.date) -> bool:
        """The period has ended on ``datum``: the request asks nothing anymore."""
        return datum > self.tot

    def ontbreekt_op(self, datum: dt.date) -> int:
        """The tekort as it counts on ``datum``: only while the period runs, else 0."""
        return self.tekort if self.in_periode(datum) else 0


def plaatsen_per_gereedheid(kandidaten: Iterable[tuple[str, int]]) -> dict[str, int]:
    """The sum of the places per readiness of (gereedheid, plaatsen) pairs; every readiness
    is present (0 when none). Raises ``ValueError`` for an unknown readiness."""
    uit = dict.fromkeys(GEREEDHEDEN, 0)
    for gereedheid, plaatsen in kandidaten:
        if gereedheid not in uit:
            raise ValueError(f"onbekende gereedheid: {gereedheid!r}")
        uit[gereedheid] += plaatsen
    return uit


def reserve(
    gevraagd: int,
    van: dt.date,
    tot: dt.date,
    *,
    kandidaten: int,
    plaatsen: Mapping[str, int],
) -> Reserve:
    """The reserve of a request from the plain numbers: the places asked, the period, the
    number of candidates and their places per readiness (a readiness left out has none)."""
    onbekend = sorted(set(plaatsen) - set(GEREEDHEDEN))
    if onbekend:
        raise ValueError(f"onbekende gereedheid: {', '.join(onbekend)}")
    return Reserve(
        gevraagd,
        van,
        tot,
        kandidaten=kandidaten,
        verkend=plaatsen.get(VERKEND, 0),
        gereed=plaatsen.get(GEREED, 0),
        geactiveerd=plaatsen.get(GEACTIVEERD, 0),
        vervallen=plaatsen.get(VERVALLEN, 0),
    )
