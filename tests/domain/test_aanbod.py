"""Which offered places count: durable, in time, until the next raming, kansrijk (seed 003)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regietafel.domain.aanbod import (
    Aanbodregel,
    Categorie,
    Element,
    Spelregels,
    beoordeel,
    duurzaam,
    opvangtype,
    tijdig,
    tot_volgende_raming,
)
from regietafel.domain.maanden import zelfde_dag_plus_maanden

# The machine is shared: a slow draw now and then is the load (settings on each property).

# The second cycle as domain.md describes it: the besluit by the end of 2026, realisation by
# mid-2027, the next raming on 1 February 2028, only durable places count.
TWEEDE = Spelregels(
    begin=dt.date(2027, 1, 1),
    besluit=dt.date(2026, 12, 31),
    volgende_raming=dt.date(2028, 2, 1),
    alleen_duurzaam=True,
)
ZONDER_DATA = Spelregels(begin=dt.date(2027, 1, 1))


def regel(**velden: object) -> Aanbodregel:
    basis: dict[str, object] = {"naam": "azc", "soort": "regulier", "plaatsen": 100}
    basis.update(velden)
    return Aanbodregel(**basis)  # type: ignore[arg-type]


def test_six_months_after_the_besluit_is_the_same_day_or_the_months_last() -> None:
    assert zelfde_dag_plus_maanden(dt.date(2026, 12, 31), 6) == dt.date(2027, 6, 30)
    assert zelfde_dag_plus_maanden(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert zelfde_dag_plus_maanden(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)
    assert TWEEDE.uiterlijk_beschikbaar == dt.date(2027, 6, 30)
    assert ZONDER_DATA.uiterlijk_beschikbaar is None


def test_durable_is_five_years_from_the_start_or_the_cycle() -> None:
    assert duurzaam(
        regel(beschikbaar_van=dt.date(2027, 1, 1), beschikbaar_tot=dt.date(2032, 1, 1)), TWEEDE
    )
    assert not duurzaam(
        regel(beschikbaar_van=dt.date(2027, 1, 1), beschikbaar_tot=dt.date(2031, 12, 31)), TWEEDE
    )
    assert duurzaam(regel(), TWEEDE)  # no end date
    assert duurzaam(regel(beschikbaar_tot=dt.date(2032, 1, 1)), TWEEDE)  # from the cycle's begin


def test_in_time_and_until_the_next_raming() -> None:
    assert tijdig(regel(beschikbaar_van=dt.date(2027, 6, 30)), TWEEDE) is True
    assert tijdig(regel(beschikbaar_van=dt.date(2027, 7, 1)), TWEEDE) is False
    assert tijdig(regel(), TWEEDE) is True
    assert tijdig(regel(beschikbaar_van=dt.date(2030, 1, 1)), ZONDER_DATA) is None
    assert tot_volgende_raming(regel(beschikbaar_tot=dt.date(2028, 2, 1)), TWEEDE) is True
    assert tot_volgende_raming(regel(beschikbaar_tot=dt.date(2028, 1, 31)), TWEEDE) is False
    assert tot_volgende_raming(regel(beschikbaar_tot=dt.date(2020, 1, 1)), ZONDER_DATA) is None


def test_categories_of_seed_003() -> None:
    bestaand = beoordeel(regel(), TWEEDE)
    assert bestaand.categorie is Categorie.TELT and bestaand.toelichting == ()

    plan = beoordeel(regel(plan=True, beschikbaar_van=dt.date(2027, 3, 1)), TWEEDE)
    assert plan.categorie is Categorie.ONZEKER
    assert "plan zonder kansrijk element" in plan.toelichting

    besloten = beoordeel(
        regel(
            plan=True,
            beschikbaar_van=dt.date(2027, 3, 1),
            elementen=frozenset({Element.BESLUITVORMING}),
        ),
        TWEEDE,
    )
    assert besloten.categorie is Categorie.TELT

    later = beoordeel(
        regel(
            plan=True,
            beschikbaar_van=dt.date(2027, 10, 1),
            elementen=frozenset({Element.VOOR_RAMING}),
        ),
        TWEEDE,
    )
    assert later.categorie is Categorie.KANSRIJK
    assert any("niet binnen 6 maanden" in t for t in later.toelichting)

    verlenging = beoordeel(
        regel(beschikbaar_tot=dt.date(2027, 4, 1), elementen=frozenset({Element.VERLENGING})),
        Spelregels(
            begin=TWEEDE.begin, besluit=TWEEDE.besluit, volgende_raming=TWEEDE.volgende_raming
        ),
    )
    assert verlenging.categorie is Categorie.KANSRIJK

    kort = beoordeel(
        regel(beschikbaar_tot=dt.date(2029, 1, 1), elementen=frozenset(Element)), TWEEDE
    )
    assert kort.categorie is Categorie.TELT_NIET
    assert kort.toelichting[0] == "in deze cyclus tellen alleen duurzame plaatsen"


def test_without_the_cycles_dates_nothing_is_refused_for_them() -> None:
    b = beoordeel(
        regel(beschikbaar_van=dt.date(2035, 1, 1), beschikbaar_tot=dt.date(2040, 1, 1)), ZONDER_DATA
    )
    assert (b.tijdig, b.tot_raming, b.categorie) == (None, None, Categorie.TELT)
    assert b.uitvoerbaar


def test_bijzonder_counts_as_regulier() -> None:
    assert opvangtype("bijzonder") == "regulier"
    assert opvangtype("amv") == "amv"
    assert regel(soort="bijzonder").opvangtype == "regulier"


@pytest.mark.parametrize(
    "velden",
    [
        {"soort": "oekraine"},
        {"plaatsen": -1},
        {"plaatsen": 1.5},
        {"plaatsen": True},
        {"beschikbaar_van": dt.date(2028, 1, 1), "beschikbaar_tot": dt.date(2027, 1, 1)},
    ],
)
def test_invalid_lines_are_refused(velden: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        regel(**velden)


def test_rules_refuse_negative_terms() -> None:
    with pytest.raises(ValueError):
        Spelregels(begin=dt.date(2027, 1, 1), minimale_jaren=-1)


# --------------------------------------------------------------------------- properties

datums = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2040, 12, 31))


@st.composite
def regels_en_spelregels(draw: st.DrawFn) -> tuple[Aanbodregel, Spelregels]:
    van = draw(st.none() | datums)
    tot = draw(st.none() | datums)
    if van is not None and tot is not None and tot < van:
        van, tot = tot, van
    r = Aanbodregel(
        naam="x",
        soort=draw(st.sampled_from(("regulier", "amv", "bijzonder"))),
        plaatsen=draw(st.integers(0, 2000)),
        beschikbaar_van=van,
        beschikbaar_tot=tot,
        plan=draw(st.booleans()),
        elementen=frozenset(draw(st.sets(st.sampled_from(list(Element))))),
    )
    s = Spelregels(
        begin=draw(datums),
        besluit=draw(st.none() | datums),
        volgende_raming=draw(st.none() | datums),
        minimale_jaren=draw(st.integers(0, 10)),
        alleen_duurzaam=draw(st.booleans()),
        termijn_maanden=draw(st.integers(0, 24)),
    )
    return r, s


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(regels_en_spelregels())
def test_the_category_follows_the_checks(paar: tuple[Aanbodregel, Spelregels]) -> None:
    r, s = paar
    b = beoordeel(r, s)
    assert (b.categorie is Categorie.TELT_NIET) == (s.alleen_duurzaam and not b.duurzaam)
    if b.categorie is Categorie.TELT:
        assert b.uitvoerbaar and (not r.plan or r.elementen)
    if b.categorie is Categorie.KANSRIJK:
        assert r.elementen and not (b.uitvoerbaar and (not r.plan or r.elementen))
    if b.categorie is Categorie.ONZEKER:
        assert not r.elementen
    assert (b.tijdig is None) == (s.besluit is None)
    assert (b.tot_raming is None) == (s.volgende_raming is None)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(regels_en_spelregels(), st.sampled_from(list(Element)))
def test_an_element_never_makes_a_line_count_less(
    paar: tuple[Aanbodregel, Spelregels], element: Element
) -> None:
    r, s = paar
    rang = {Categorie.TELT_NIET: 0, Categorie.ONZEKER: 1, Categorie.KANSRIJK: 2, Categorie.TELT: 3}
    voor = beoordeel(r, s).categorie
    met = Aanbodregel(
        naam=r.naam,
        soort=r.soort,
        plaatsen=r.plaatsen,
        beschikbaar_van=r.beschikbaar_van,
        beschikbaar_tot=r.beschikbaar_tot,
        plan=r.plan,
        elementen=r.elementen | {element},
    )
    assert rang[beoordeel(met, s).categorie] >= rang[voor]
