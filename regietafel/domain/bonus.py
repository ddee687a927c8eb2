"""R6 — the bonus schemes of the Spreidingswet (specifieke uitkeringen, SPUK), per cycle.

- SPUK 1, durable places: per regular place available at least ``minimale_jaren`` years,
  above the gemeente's total indicative number (regular + AMV), × the amount per place.
- SPUK 2, special (AMV) places: per AMV place × the amount per place.
- SPUK 3, the 75 % scheme: an amount per gemeente (configuration) once the province has
  filled at least the threshold share of its opgave; the province gets its own amount.
- SPUK 1 and SPUK 3 do not stack: per gemeente the more favourable one is chosen and the
  choice is explained. On a tie SPUK 1 is chosen (it rewards durable places).

Amounts and thresholds are configuration per cycle (``Bonusregeling``), never constants here.
Euros are ``int``; the threshold is a ``Fraction``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from regietafel.domain.notatie import euro, getal


@dataclass(frozen=True)
class Bonusregeling:
    """The configuration of one cycle's schemes."""

    spuk1_per_plek: int
    spuk2_per_plek: int
    spuk3_drempel: Fraction
    """Share of the provincial opgave (regular + AMV) that must be filled, e.g. 3/4."""
    spuk3_provincie: int
    """The amount for the province itself once the threshold is reached."""
    spuk3_budget: int | None = None
    """The provincial SPUK 3 budget for the gemeenten, if known: checked against the choices."""
    minimale_jaren: int = 5
    """SPUK 1: a place is durable when available at least this many years."""

    def __post_init__(self) -> None:
        bedragen = (self.spuk1_per_plek, self.spuk2_per_plek, self.spuk3_provincie)
        if min(bedragen) < 0 or (self.spuk3_budget or 0) < 0:
            raise ValueError("bedragen van een bonusregeling zijn niet negatief")
        if not 0 <= self.spuk3_drempel <= 1:
            raise ValueError(f"drempel SPUK 3 moet tussen 0 en 1 liggen, niet {self.spuk3_drempel}")
        if self.minimale_jaren < 0:
            raise ValueError("minimale_jaren is niet negatief")


def _plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def duurzaam(
    beschikbaar_van: dt.date | None,
    beschikbaar_tot: dt.date | None,
    *,
    onbepaalde_tijd: bool,
    begin_cyclus: dt.date,
    minimale_jaren: int,
) -> bool:
    """SPUK 1: is a location available at least ``minimale_jaren`` years?

    Without an end date (or for an indefinite contract) it is. Without a start date the
    period counts from the cycle's begin.
    """
    if onbepaalde_tijd or beschikbaar_tot is None:
        return True
    van = beschikbaar_van or begin_cyclus
    return _plus_jaren(van, minimale_jaren) <= beschikbaar_tot


def plekken_boven_indicatief(duurzame_plekken: int, indicatief_totaal: int) -> int:
    """SPUK 1: durable regular places above the gemeente's total indicative number."""
    if duurzame_plekken < 0 or indicatief_totaal < 0:
        raise ValueError("aantallen zijn niet negatief")
    return max(0, duurzame_plekken - indicatief_totaal)


def drempel_gehaald(ingevuld: int, provinciale_opgave: int, drempel: Fraction) -> bool:
    """SPUK 3: has the province filled at least ``drempel`` of its opgave?"""
    if provinciale_opgave <= 0:
        return False
    return Fraction(ingevuld, provinciale_opgave) >= drempel


class Keuze(StrEnum):
    SPUK1 = "SPUK 1"
    SPUK3 = "SPUK 3"
    GEEN = "geen"


@dataclass(frozen=True)
class BonusGemeente:
    """One gemeente's input to R6."""

    naam: str
    indicatief_regulier: int
    indicatief_amv: int
    duurzaam_regulier: int
    """Regular places in durable locations (see ``duurzaam``)."""
    amv_plekken: int
    """AMV places offered (SPUK 2)."""
    spuk3_bedrag: int
    """The SPUK 3 amount configured for this gemeente."""

    def __post_init__(self) -> None:
        if (
            min(
                self.indicatief_regulier,
                self.indicatief_amv,
                self.duurzaam_regulier,
                self.amv_plekken,
                self.spuk3_bedrag,
            )
            < 0
        ):
            raise ValueError(f"negatief aantal of bedrag voor {self.naam}")

    @property
    def indicatief_totaal(self) -> int:
        return self.indicatief_regulier + self.indicatief_amv


@dataclass(frozen=True)
class BonusAanspraak:
    """What one gemeente can claim, with the reason for the choice between SPUK 1 and 3."""

    naam: str
    indicatief_totaal: int
    duurzaam_regulier: int
    spuk1_plekken: int
    spuk1_bedrag: int
    spuk2_plekken: int
    spuk2_bedrag: int
    spuk3_bedrag: int
    """What SPUK 3 would give (0 when the province does not reach the threshold)."""
    keuze: Keuze
    toelichting: str

    @property
    def spuk1_gekozen(self) -> int:
        return self.spuk1_bedrag if self.keuze is Keuze.SPUK1 else 0

    @property
    def spuk3_gekozen(self) -> int:
        return self.spuk3_bedrag if self.keuze is Keuze.SPUK3 else 0

    @property
    def totaal(self) -> int:
        return self.spuk1_gekozen + self.spuk2_bedrag + self.spuk3_gekozen


@dataclass(frozen=True)
class BonusOverzicht:
    regeling: Bonusregeling
    aanspraken: tuple[BonusAanspraak, ...]
    spuk3_drempel_gehaald: bool
    ingevuld: int
    provinciale_opgave: int
    meldingen: tuple[str, ...]
    """Warnings, e.g. the chosen SPUK 3 amounts do not add up to the budget."""

    @property
    def spuk1_plekken(self) -> int:
        return sum(a.spuk1_plekken for a in self.aanspraken if a.keuze is Keuze.SPUK1)

    @property
    def spuk1(self) -> int:
        return sum(a.spuk1_gekozen for a in self.aanspraken)

    @property
    def spuk2_plekken(self) -> int:
        return sum(a.spuk2_plekken for a in self.aanspraken)

    @property
    def spuk2(self) -> int:
        return sum(a.spuk2_bedrag for a in self.aanspraken)

    @property
    def spuk3(self) -> int:
        return sum(a.spuk3_gekozen for a in self.aanspraken)

    @property
    def gemeenten(self) -> int:
        """Everything the gemeenten together can claim."""
        return sum(a.totaal for a in self.aanspraken)

    @property
    def provincie(self) -> int:
        return self.regeling.spuk3_provincie if self.spuk3_drempel_gehaald else 0

    def met_keuze(self, keuze: Keuze) -> tuple[BonusAanspraak, ...]:
        return tuple(a for a in self.aanspraken if a.keuze is keuze)


def _kies(spuk1: int, spuk3: int) -> tuple[Keuze, str]:
    if spuk1 == 0 and spuk3 == 0:
        return Keuze.GEEN, "komt niet in aanmerking voor SPUK 1 of SPUK 3"
    if spuk1 >= spuk3:
        reden = (
            f"SPUK 1 ({euro(spuk1)}) is gunstiger dan SPUK 3 ({euro(spuk3)})"
            if spuk1 > spuk3
            else f"SPUK 1 en SPUK 3 geven evenveel ({euro(spuk1)}); SPUK 1 gekozen"
        )
        return Keuze.SPUK1, reden
    if spuk1 == 0:
        return Keuze.SPUK3, f"SPUK 3 ({euro(spuk3)}); geen duurzame plekken boven indicatief"
    return Keuze.SPUK3, f"SPUK 3 ({euro(spuk3)}) is gunstiger dan SPUK 1 ({euro(spuk1)})"


def bonus_aanspraken(
    regeling: Bonusregeling,
    gemeenten: Iterable[BonusGemeente],
    *,
    provinciale_opgave: int,
    ingevuld: int,
) -> BonusOverzicht:
    """R6 for every gemeente: SPUK 1, 2 and 3, choosing the better of SPUK 1 and SPUK 3.

    ``provinciale_opgave`` is the province's opgave (regular + AMV); ``ingevuld`` the places
    filled (offered) against it: together they decide whether SPUK 3 applies.
    """
    lijst = tuple(gemeenten)
    dubbel = sorted(n for n, k in Counter(g.naam for g in lijst).items() if k > 1)
    if dubbel:
        raise ValueError(f"gemeente staat meer dan eens in de invoer: {', '.join(dubbel)}")
    gehaald = drempel_gehaald(ingevuld, provinciale_opgave, regeling.spuk3_drempel)
    aanspraken = []
    for g in lijst:
        plekken = plekken_boven_indicatief(g.duurzaam_regulier, g.indicatief_totaal)
        spuk1 = plekken * regeling.spuk1_per_plek
        spuk3 = g.spuk3_bedrag if gehaald else 0
        keuze, reden = _kies(spuk1, spuk3)
        aanspraken.append(
            BonusAanspraak(
                naam=g.naam,
                indicatief_totaal=g.indicatief_totaal,
                duurzaam_regulier=g.duurzaam_regulier,
                spuk1_plekken=plekken,
                spuk1_bedrag=spuk1,
                spuk2_plekken=g.amv_plekken,
                spuk2_bedrag=g.amv_plekken * regeling.spuk2_per_plek,
                spuk3_bedrag=spuk3,
                keuze=keuze,
                toelichting=reden,
            )
        )
    meldingen: list[str] = []
    procent = regeling.spuk3_drempel * 100
    drempel_tekst = f"{procent.numerator // procent.denominator}%"
    if not gehaald:
        meldingen.append(
            f"De provincie vult {getal(ingevuld)} van {getal(provinciale_opgave)} plekken in: "
            f"minder dan {drempel_tekst}, dus geen SPUK 3."
        )
    overzicht = BonusOverzicht(
        regeling=regeling,
        aanspraken=tuple(aanspraken),
        spuk3_drempel_gehaald=gehaald,
        ingevuld=ingevuld,
        provinciale_opgave=provinciale_opgave,
        meldingen=(),
    )
    if gehaald and regeling.spuk3_budget is not None and overzicht.spuk3 != regeling.spuk3_budget:
        meldingen.append(
            f"De SPUK 3-bedragen van de gemeenten die SPUK 3 kiezen tellen op tot "
            f"{euro(overzicht.spuk3)}; het budget voor de gemeenten is "
            f"{euro(regeling.spuk3_budget)}."
        )
    return BonusOverzicht(
        regeling=regeling,
        aanspraken=overzicht.aanspraken,
        spuk3_drempel_gehaald=gehaald,
        ingevuld=ingevuld,
        provinciale_opgave=provinciale_opgave,
        meldingen=tuple(meldingen),
    )
