"""The aanbod of a gemeente in a Spreidingswet cyclus: which offered places count.

A line of the offer is a location (one in the register, or a new plan) with a soort
(regulier, AMV or bijzonder: TGO, noodopvang — the provincial opgave regulier includes the
bijzondere opvangvormen, seed 001 Bijlage 1), a number of places and an availability window.
Against the rules of the cyclus (data, never code: ``Spelregels``):

- *duurzaam*: available at least ``minimale_jaren`` years (R6's rule, ``bonus.duurzaam``);
- *tijdig*: available within ``termijn_maanden`` months after the verdeelbesluit (seed 003,
  step 2: "binnen zes maanden na bekendmaking van het verdeelbesluit");
- *tot de volgende raming*: still available on the date of the next capaciteitsraming;
- *kansrijk* (seed 003, step 2): a line with at least one of the four elements
  (``Element``), each backed by a note or an attachment.

Every line lands in one ``Categorie``:

- ``telt``: counts in the verslag (R3 step 1 takes it over): allowed by the rules, tijdig and
  available until the next raming, and — for a plan — with at least one kansrijk element;
- ``kansrijk``: not (yet) certain, but with a kansrijk element: R3 step 2 adds it;
- ``onzeker``: neither (a plan without any element, or a location that is not available in
  time or not long enough, without an element);
- ``telt_niet``: the cyclus' rules exclude it (only durable places count, and it is not).

A check whose date is not set for the cyclus (no besluit date, no next raming) is not applied,
and the judgement says so. Places are ``int``; nothing here reads a clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from regietafel.domain import notatie
from regietafel.domain.bonus import duurzaam as bonus_duurzaam
from regietafel.domain.maanden import zelfde_dag_plus_maanden

Soort = Literal["regulier", "amv", "bijzonder"]
SOORTEN: tuple[Soort, ...] = ("regulier", "amv", "bijzonder")
Opvangtype = Literal["regulier", "amv"]


def opvangtype(soort: Soort) -> Opvangtype:
    """The part of the provincial opgave a soort counts for: bijzonder counts as regulier."""
    return "amv" if soort == "amv" else "regulier"


class Element(StrEnum):
    """The four elements that make a plan kansrijk (seed 003, step 2)."""

    BESLUITVORMING = "besluitvorming"
    VOOR_RAMING = "voor_raming"
    VERLENGING = "verlenging"
    TOEZEGGING = "toezegging"


ELEMENT_LABEL: dict[Element, str] = {
    Element.BESLUITVORMING: "Lokale besluitvorming is afgerond",
    Element.VOOR_RAMING: "Beschikbaar vóór de volgende capaciteitsraming",
    Element.VERLENGING: "Aantoonbaar zicht op verlenging",
    Element.TOEZEGGING: "Duidelijke toezegging om binnen zes maanden te realiseren",
}


class Categorie(StrEnum):
    TELT = "telt"
    KANSRIJK = "kansrijk"
    ONZEKER = "onzeker"
    TELT_NIET = "telt_niet"


CATEGORIE_LABEL: dict[Categorie, str] = {
    Categorie.TELT: "telt mee",
    Categorie.KANSRIJK: "kansrijk",
    Categorie.ONZEKER: "onzeker",
    Categorie.TELT_NIET: "telt niet mee",
}


def _datum(d: dt.date) -> str:
    return notatie.datum(d)


@dataclass(frozen=True)
class Spelregels:
    """The rules of one cyclus for its aanbod (configuration per cyclus, never constants)."""

    begin: dt.date
    """The start of the cyclus: the period of a line without a start date counts from here."""
    besluit: dt.date | None = None
    """The verdeelbesluit (its due date until it is taken); None: tijdig is not checked."""
    volgende_raming: dt.date | None = None
    """The next capaciteitsraming; None: 'available until then' is not checked."""
    minimale_jaren: int = 5
    alleen_duurzaam: bool = False
    """Only durable places count in this cyclus (the second cycle: domain.md)."""
    termijn_maanden: int = 6

    def __post_init__(self) -> None:
        if self.minimale_jaren < 0 or self.termijn_maanden < 0:
            raise ValueError("minimale_jaren en termijn_maanden zijn niet negatief")

    @property
    def uiterlijk_beschikbaar(self) -> dt.date | None:
        """The last day a place may become available and still be tijdig."""
        return (
            None
            if self.besluit is None
            else zelfde_dag_plus_maanden(self.besluit, self.termijn_maanden)
        )


@dataclass(frozen=True)
class Aanbodregel:
    """One line of a gemeente's offer."""

    naam: str
    soort: Soort
    plaatsen: int
    beschikbaar_van: dt.date | None = None
    """None: available already (a location in the register) or from the start."""
    beschikbaar_tot: dt.date | None = None
    """None: no end date."""
    plan: bool = False
    """A new plan, not (yet) a location in the register."""
    elementen: frozenset[Element] = frozenset()
    """The kansrijk elements backed by a note or an attachment."""

    def __post_init__(self) -> None:
        if self.soort not in SOORTEN:
            raise ValueError(f"onbekende soort {self.soort!r}")
        if isinstance(self.plaatsen, bool) or not isinstance(self.plaatsen, int):
            raise ValueError(f"plaatsen moet een geheel getal zijn: {self.plaatsen!r}")
        if self.plaatsen < 0:
            raise ValueError(f"{self.naam}: negatief aantal plaatsen")
        if (
            self.beschikbaar_van is not None
            and self.beschikbaar_tot is not None
            and self.beschikbaar_tot < self.beschikbaar_van
        ):
            raise ValueError(f"{self.naam}: beschikbaar tot ligt vóór beschikbaar van")

    @property
    def opvangtype(self) -> Opvangtype:
        return opvangtype(self.soort)


@dataclass(frozen=True)
class Beoordeling:
    """A line judged against the rules of the cyclus, with the reasons in Dutch."""

    regel: Aanbodregel
    duurzaam: bool
    tijdig: bool | None
    """None: not checked (no besluit date)."""
    tot_raming: bool | None
    """None: not checked (no next raming)."""
    categorie: Categorie
    toelichting: tuple[str, ...]

    @property
    def kansrijk_element(self) -> bool:
        return bool(self.regel.elementen)

    @property
    def uitvoerbaar(self) -> bool:
        return self.tijdig is not False and self.tot_raming is not False

    @property
    def categorie_label(self) -> str:
        return CATEGORIE_LABEL[self.categorie]


def duurzaam(regel: Aanbodregel, regels: Spelregels) -> bool:
    """Available at least ``minimale_jaren`` years (without an end date it is)."""
    return bonus_duurzaam(
        regel.beschikbaar_van,
        regel.beschikbaar_tot,
        onbepaalde_tijd=False,
        begin_cyclus=regels.begin,
        minimale_jaren=regels.minimale_jaren,
    )


def tijdig(regel: Aanbodregel, regels: Spelregels) -> bool | None:
    """Available within the term after the verdeelbesluit; None when there is no besluit date."""
    grens = regels.uiterlijk_beschikbaar
    if grens is None:
        return None
    return regel.beschikbaar_van is None or regel.beschikbaar_van <= grens


def tot_volgende_raming(regel: Aanbodregel, regels: Spelregels) -> bool | None:
    """Still available on the day of the next raming; None when that date is not set."""
    if regels.volgende_raming is None:
        return None
    return regel.beschikbaar_tot is None or regel.beschikbaar_tot >= regels.volgende_raming


def beoordeel(regel: Aanbodregel, regels: Spelregels) -> Beoordeling:
    """Judge one line: durable, in time, long enough, kansrijk — and so its category."""
    is_duurzaam = duurzaam(regel, regels)
    op_tijd = tijdig(regel, regels)
    lang_genoeg = tot_volgende_raming(regel, regels)
    toelichting: list[str] = []
    if not is_duurzaam:
        toelichting.append(f"niet duurzaam: korter dan {regels.minimale_jaren} jaar beschikbaar")
    if op_tijd is False:
        assert regels.uiterlijk_beschikbaar is not None and regel.beschikbaar_van is not None
        toelichting.append(
            f"niet binnen {regels.termijn_maanden} maanden na het verdeelbesluit beschikbaar "
            f"(pas vanaf {_datum(regel.beschikbaar_van)}, uiterlijk "
            f"{_datum(regels.uiterlijk_beschikbaar)})"
        )
    if lang_genoeg is False:
        assert regels.volgende_raming is not None and regel.beschikbaar_tot is not None
        toelichting.append(
            f"niet beschikbaar tot de volgende capaciteitsraming (tot "
            f"{_datum(regel.beschikbaar_tot)}, raming {_datum(regels.volgende_raming)})"
        )
    if regel.plan and not regel.elementen:
        toelichting.append("plan zonder kansrijk element")

    if regels.alleen_duurzaam and not is_duurzaam:
        categorie = Categorie.TELT_NIET
        toelichting.insert(0, "in deze cyclus tellen alleen duurzame plaatsen")
    elif op_tijd is not False and lang_genoeg is not False and (not regel.plan or regel.elementen):
        categorie = Categorie.TELT
    elif regel.elementen:
        categorie = Categorie.KANSRIJK
    else:
        categorie = Categorie.ONZEKER
    return Beoordeling(
        regel=regel,
        duurzaam=is_duurzaam,
        tijdig=op_tijd,
        tot_raming=lang_genoeg,
        categorie=categorie,
        toelichting=tuple(toelichting),
    )
