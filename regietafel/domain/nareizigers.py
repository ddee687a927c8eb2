"""R8 — the nareismaatregel (letter of the ministry, 19-12-2025, seed 002).

COA places nareizigers in a hotel in or near the linked gemeente. The gemeente is told at
least ``informeren_dagen`` (2) days before the placement; COA pays the hotel for at most
``max_maanden`` (6) months; the persons count within the gemeente's statushouders
taakstelling of the half year in which they are placed (no extra task); gemeenten can ask
for HAR+ until ``har_plus_tot`` (1 July 2026). All of it is configuration (a ``Maatregel``),
never code; the rules below only read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from regietafel.domain import notatie
from regietafel.domain.maanden import zelfde_dag_plus_maanden


@dataclass(frozen=True)
class Maatregel:
    """The terms of the nareismaatregel, as configured."""

    har_plus_tot: dt.date
    """Gemeenten can request HAR+ until this day; from this day on the deadline has passed."""
    informeren_dagen: int = 2
    """The gemeente is told at least this many days before the placement."""
    max_maanden: int = 6
    """COA pays the hotel for at most this many months."""
    signaal_dagen: int = 30
    """How many days ahead of the end of COA's payment (and of the HAR+ deadline) to warn."""

    def __post_init__(self) -> None:
        if self.informeren_dagen < 0 or self.max_maanden < 1 or self.signaal_dagen < 0:
            raise ValueError("ongeldige termijnen voor de nareismaatregel")


@dataclass(frozen=True)
class Plaatsing:
    """One placement of nareizigers in a hotel."""

    gemeente: str
    personen: int
    geplaatst_op: dt.date
    geinformeerd_op: dt.date | None = None
    """When the gemeente was told; None: not (yet) recorded."""
    einddatum: dt.date | None = None
    """When the stay in the hotel ended (or is planned to end); None: open."""

    def __post_init__(self) -> None:
        if self.personen < 1:
            raise ValueError(f"een plaatsing heeft ten minste één persoon, niet {self.personen}")
        if self.einddatum is not None and self.einddatum < self.geplaatst_op:
            raise ValueError("de einddatum ligt vóór de plaatsing")


@dataclass(frozen=True)
class Melding:
    """A warning about one placement or about the measure, with the date it concerns."""

    code: str
    """"te_laat_geinformeerd", "niet_geinformeerd", "einde_coa_nadert", "einde_coa_verstreken",
    "har_plus_nadert"."""
    tekst: str
    datum: dt.date
    ernst: str = "waarschuwing"


def einde_coa_betaling(plaatsing: Plaatsing, maatregel: Maatregel) -> dt.date:
    """The day COA's payment for the hotel ends: the placement date plus ``max_maanden``."""
    return zelfde_dag_plus_maanden(plaatsing.geplaatst_op, maatregel.max_maanden)


def dagen_vooraf_geinformeerd(plaatsing: Plaatsing) -> int | None:
    """Days between telling the gemeente and the placement (negative: told afterwards)."""
    if plaatsing.geinformeerd_op is None:
        return None
    return (plaatsing.geplaatst_op - plaatsing.geinformeerd_op).days


def te_laat_geinformeerd(plaatsing: Plaatsing, maatregel: Maatregel) -> bool:
    """The gemeente was told less than ``informeren_dagen`` days before the placement.
    Not told at all (no date) is not "too late": ``meldingen`` reports it separately."""
    dagen = dagen_vooraf_geinformeerd(plaatsing)
    return dagen is not None and dagen < maatregel.informeren_dagen


def loopt_op(plaatsing: Plaatsing, datum: dt.date) -> bool:
    """The nareizigers are in the hotel on ``datum``."""
    return plaatsing.geplaatst_op <= datum and (
        plaatsing.einddatum is None or plaatsing.einddatum > datum
    )


def meldingen(plaatsing: Plaatsing, maatregel: Maatregel, datum: dt.date) -> tuple[Melding, ...]:
    """The warnings of one placement as seen on ``datum``.

    - told too late (or not at all): for as long as the placement runs, and before it starts;
    - the end of COA's payment: from ``signaal_dagen`` before that day while the
      nareizigers are still in the hotel (or planned to stay beyond it), and after it.
    """
    uit: list[Melding] = []
    wie = f"{plaatsing.gemeente}: {plaatsing.personen} nareiziger{'s' if plaatsing.personen != 1 else ''}"
    lopend = plaatsing.einddatum is None or plaatsing.einddatum > datum
    if lopend:
        dagen = dagen_vooraf_geinformeerd(plaatsing)
        if dagen is None:
            uit.append(
                Melding(
                    "niet_geinformeerd",
                    f"{wie} geplaatst op {notatie.datum(plaatsing.geplaatst_op)}; niet vastgelegd wanneer "
                    "de gemeente is geïnformeerd.",
                    plaatsing.geplaatst_op,
                )
            )
        elif dagen < maatregel.informeren_dagen:
            uit.append(
                Melding(
                    "te_laat_geinformeerd",
                    f"{wie} geplaatst op {notatie.datum(plaatsing.geplaatst_op)}; de gemeente is "
                    f"{dagen} dag{'en' if dagen != 1 else ''} vooraf geïnformeerd "
                    f"(afgesproken: ten minste {maatregel.informeren_dagen}).",
                    plaatsing.geplaatst_op,
                )
            )
    einde = einde_coa_betaling(plaatsing, maatregel)
    blijft = plaatsing.einddatum is None or plaatsing.einddatum > einde
    if blijft and lopend and datum >= einde - dt.timedelta(days=maatregel.signaal_dagen):
        if datum < einde:
            uit.append(
                Melding(
                    "einde_coa_nadert",
                    f"{wie}: het COA betaalt het hotel tot {notatie.datum(einde)} "
                    f"(nog {(einde - datum).days} dagen); regel huisvesting of HAR+.",
                    einde,
                )
            )
        else:
            uit.append(
                Melding(
                    "einde_coa_verstreken",
                    f"{wie}: de betaling door het COA is op {notatie.datum(einde)} geëindigd en er is "
                    "geen einddatum van het verblijf vastgelegd na die dag.",
                    einde,
                )
            )
    return tuple(uit)


def har_plus_melding(maatregel: Maatregel, datum: dt.date) -> Melding | None:
    """The HAR+ deadline while it has not passed: information, a warning in the last
    ``signaal_dagen``; None once it has passed."""
    if datum >= maatregel.har_plus_tot:
        return None
    dagen = (maatregel.har_plus_tot - datum).days
    return Melding(
        "har_plus_nadert",
        f"HAR+: gemeenten kunnen een aanvraag doen tot {notatie.datum(maatregel.har_plus_tot)} "
        f"(nog {dagen} dagen).",
        maatregel.har_plus_tot,
        "waarschuwing" if dagen <= maatregel.signaal_dagen else "informatie",
    )


def halfjaar(datum: dt.date) -> tuple[int, int]:
    """(year, 1 or 2): the statushouders half year a date falls in."""
    return datum.year, 1 if datum.month <= 6 else 2


def binnen_taakstelling(plaatsingen: Iterable[Plaatsing]) -> dict[tuple[str, int, int], int]:
    """Persons placed per (gemeente, year, half) — they count within that half year's
    statushouders taakstelling (R4), they are not an extra task. The values sum to the
    persons of all placements."""
    uit: dict[tuple[str, int, int], int] = {}
    for p in plaatsingen:
        jaar, helft = halfjaar(p.geplaatst_op)
        sleutel = (p.gemeente, jaar, helft)
        uit[sleutel] = uit.get(sleutel, 0) + p.personen
    return uit
