"""R4 — the statushouders ledger (COA *overzicht huisvesting vergunninghouders*).

Per gemeente and half year, all in persons:
stand_1_jul = stand_1_jan + taakstelling_h1 − realisatie_h1;
taakstelling_incl = stand_1_jul + taakstelling_h2 + correcties;
achter_voor = taakstelling_incl − Σ monthly realisatie (jul–dec).
Positive is achterstand, negative is voorsprong. Totals equal the sum of the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

MAANDEN = 6
"""Months in the second half year (jul–dec)."""


@dataclass(frozen=True)
class VergunninghoudersInvoer:
    """One gemeente's row as reported by COA: the figures R4 starts from."""

    stand_1_jan: int
    taakstelling_h1: int
    realisatie_h1: int
    taakstelling_h2: int
    correcties: int
    realisatie_maanden: tuple[int, ...]
    """Realisatie jul..dec as reported so far: 0 to 6 entries."""


@dataclass(frozen=True)
class VergunninghoudersStand:
    """A row (or a total of rows) of the ledger, with every derived figure.

    ``achterstand`` and ``voorsprong`` are stored rather than derived from
    ``achter_voor``: for a single gemeente they are ``max(0, ±achter_voor)``, for a
    total they are the sums of the rows (seed 000: achter/voor 521, achterstand 525,
    voorsprong 4). Construction checks the identities of R4, so a stand is never
    inconsistent.
    """

    stand_1_jan: int
    taakstelling_h1: int
    realisatie_h1: int
    stand_1_jul: int
    taakstelling_h2: int
    correcties: int
    taakstelling_incl: int
    realisatie_maanden: tuple[int, ...]
    realisatie_totaal: int
    achter_voor: int
    achterstand: int
    voorsprong: int

    def __post_init__(self) -> None:
        if len(self.realisatie_maanden) != MAANDEN:
            raise ValueError(f"{MAANDEN} maanden verwacht, niet {len(self.realisatie_maanden)}")
        checks = {
            "stand_1_jul": self.stand_1_jan + self.taakstelling_h1 - self.realisatie_h1,
            "taakstelling_incl": self.stand_1_jul + self.taakstelling_h2 + self.correcties,
            "realisatie_totaal": sum(self.realisatie_maanden),
            "achter_voor": self.taakstelling_incl - self.realisatie_totaal,
        }
        for naam, verwacht in checks.items():
            if getattr(self, naam) != verwacht:
                raise ValueError(f"{naam} is {getattr(self, naam)}, berekend {verwacht}")
        if self.achterstand < 0 or self.voorsprong < 0:
            raise ValueError("achterstand en voorsprong mogen niet negatief zijn")
        if self.achterstand - self.voorsprong != self.achter_voor:
            raise ValueError("achterstand − voorsprong is niet gelijk aan achter_voor")


GETALLEN: tuple[str, ...] = tuple(
    f.name for f in fields(VergunninghoudersStand) if f.name != "realisatie_maanden"
)
"""The single-number fields of a stand, in the order of the COA table."""


def stand_vergunninghouders(invoer: VergunninghoudersInvoer) -> VergunninghoudersStand:
    """Apply R4 to one gemeente's row.

    Raises ``ValueError`` for more than six months or a negative month realisatie.
    """
    maanden = invoer.realisatie_maanden
    if len(maanden) > MAANDEN:
        raise ValueError(f"hoogstens {MAANDEN} maanden (jul–dec), niet {len(maanden)}")
    if any(m < 0 for m in maanden):
        raise ValueError(f"negatieve realisatie in een maand: {maanden}")
    maanden = maanden + (0,) * (MAANDEN - len(maanden))

    stand_1_jul = invoer.stand_1_jan + invoer.taakstelling_h1 - invoer.realisatie_h1
    taakstelling_incl = stand_1_jul + invoer.taakstelling_h2 + invoer.correcties
    realisatie_totaal = sum(maanden)
    achter_voor = taakstelling_incl - realisatie_totaal
    return VergunninghoudersStand(
        stand_1_jan=invoer.stand_1_jan,
        taakstelling_h1=invoer.taakstelling_h1,
        realisatie_h1=invoer.realisatie_h1,
        stand_1_jul=stand_1_jul,
        taakstelling_h2=invoer.taakstelling_h2,
        correcties=invoer.correcties,
        taakstelling_incl=taakstelling_incl,
        realisatie_maanden=maanden,
        realisatie_totaal=realisatie_totaal,
        achter_voor=achter_voor,
        achterstand=max(0, achter_voor),
        voorsprong=max(0, -achter_voor),
    )


def totaal_vergunninghouders(standen: Iterable[VergunninghoudersStand]) -> VergunninghoudersStand:
    """Sum the rows field by field (months per month); no rows give all zeros."""
    som = dict.fromkeys(GETALLEN, 0)
    maanden = [0] * MAANDEN
    for stand in standen:
        for naam in GETALLEN:
            som[naam] += getattr(stand, naam)
        for i, m in enumerate(stand.realisatie_maanden):
            maanden[i] += m
    return VergunninghoudersStand(realisatie_maanden=tuple(maanden), **som)


def controleer_stand(
    gerapporteerd: Mapping[str, int], berekend: VergunninghoudersStand
) -> list[str]:
    """Names of the reported figures that disagree with ``berekend``, in table order.

    Keys are field names of a stand (usually the derived ones: ``stand_1_jul``,
    ``taakstelling_incl``, ``realisatie_totaal``, ``achter_voor``, ``achterstand``,
    ``voorsprong``). A voorsprong may be reported negative, as COA does: −4 means 4.
    Raises ``ValueError`` for an unknown key.
    """
    onbekend = sorted(set(gerapporteerd) - set(GETALLEN))
    if onbekend:
        raise ValueError(f"onbekende velden: {', '.join(onbekend)}")
    afwijkend = []
    for naam in GETALLEN:
        if naam not in gerapporteerd:
            continue
        waarde = gerapporteerd[naam]
        if naam == "voorsprong":
            waarde = abs(waarde)
        if waarde != getattr(berekend, naam):
            afwijkend.append(naam)
    return afwijkend
