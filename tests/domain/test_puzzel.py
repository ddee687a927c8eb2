"""The PUZZEL of a cyclus: sums, the verdict with its reasons, and R3's input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regietafel.domain.aanbod import Aanbodregel, Categorie, Element, Spelregels, beoordeel
from regietafel.domain.puzzel import (
    PuzzelGemeente,
    R3Gegevens,
    aanbodsom,
    puzzel,
    restopgave_casus,
)
from regietafel.domain.restopgave import PerType, verdeel_restopgave

# The machine is shared: a slow draw now and then is the load, not the strategy.

REGELS = Spelregels(
    begin=dt.date(2027, 1, 1),
    besluit=dt.date(2026, 12, 31),
    volgende_raming=dt.date(2028, 2, 1),
    alleen_duurzaam=True,
)


def lijn(naam: str, soort: str, n: int, **velden: object) -> Aanbodregel:
    return Aanbodregel(naam=naam, soort=soort, plaatsen=n, **velden)  # type: ignore[arg-type]


def gemeente(
    naam: str, reg: int, amv: int, *regels: Aanbodregel, ingediend: bool = True, **k: object
) -> PuzzelGemeente:
    return PuzzelGemeente(
        naam=naam,
        cbs_code=f"GM{abs(hash(naam)) % 10000:04d}",
        indicatief=PerType(reg, amv),
        ingediend=ingediend,
        beoordelingen=tuple(beoordeel(r, REGELS) for r in regels),
        **k,  # type: ignore[arg-type]
    )


def voorbeeld() -> list[PuzzelGemeente]:
    return [
        gemeente(
            "Assen", 300, 30, lijn("azc Assen", "regulier", 400), lijn("AMV Assen", "amv", 30)
        ),
        gemeente(
            "Emmen",
            400,
            40,
            lijn("azc Emmen", "regulier", 350),
            lijn(
                "NO Emmen",
                "bijzonder",
                100,
                beschikbaar_van=dt.date(2020, 1, 1),
                beschikbaar_tot=dt.date(2027, 12, 31),
            ),
            lijn(
                "Nieuw AMV Emmen",
                "amv",
                40,
                plan=True,
                beschikbaar_van=dt.date(2027, 9, 1),
                elementen=frozenset({Element.VOOR_RAMING}),
            ),
        ),
        gemeente("Meppel", 150, 15, lijn("Plan Meppel", "regulier", 160, plan=True)),
        gemeente("Tynaarlo", 150, 15, ingediend=False),
        gemeente(
            "Meppel-Noord",
            0,
            0,
            lijn("Kort", "regulier", 50, plan=True, beschikbaar_tot=dt.date(2027, 6, 1)),
        ),
        gemeente("Westerveld", 0, 0, ingediend=False),
    ]


def test_sums_per_gemeente_and_provincie() -> None:
    p = puzzel(PerType(1000, 100), voorbeeld(), REGELS)
    emmen = p.gemeente("Emmen")
    assert emmen.aanbod.aangeboden == PerType(450, 40)
    assert emmen.aanbod.duurzaam == PerType(450, 40)  # the noodopvang runs 8 years
    assert emmen.aanbod.telt == PerType(350, 0)
    assert emmen.aanbod.kansrijk == PerType(0, 40)
    assert emmen.verschil == PerType(-50, -40)
    assert p.gemeente("Meppel").aanbod.telt == PerType(0, 0)  # a plan without an element
    assert p.aanbod.telt == PerType(750, 30)
    assert p.aanbod.aangeboden == PerType(1060, 70)
    assert p.indicatief == PerType(1000, 100)
    assert p.dekking.regulier == pytest.approx(0.75) and p.tekort == PerType(250, 70)


def test_the_verdict_names_every_reason() -> None:
    p = puzzel(PerType(1000, 100), voorbeeld(), REGELS)
    assert not p.volledig
    codes = [r.code for r in p.redenen]
    assert codes == [
        "regulier_niet_gedekt",
        "amv_niet_gedekt",
        "niet_tijdig",
        "niet_tot_raming",
        "plan_zonder_element",
        "niet_ingediend",
    ]
    tekst = {r.code: r for r in p.redenen}
    assert tekst["regulier_niet_gedekt"].tekst == (
        "Regulier is niet gedekt: 750 plaatsen tellen mee tegen een opgave van 1.000 "
        "(nog 250 nodig)."
    )
    assert tekst["niet_tijdig"].gemeenten == ("Emmen",)
    assert "uiterlijk 30-06-2027" in tekst["niet_tijdig"].tekst
    assert tekst["plan_zonder_element"].gemeenten == ("Meppel",)
    # Westerveld has no indicative number: it need not hand in.
    assert tekst["niet_ingediend"].gemeenten == ("Tynaarlo",)


def test_a_covered_province_is_volledig_and_r3_adds_nothing() -> None:
    gemeenten = [
        gemeente("Assen", 300, 30, lijn("azc", "regulier", 700), lijn("AMV", "amv", 60)),
        gemeente("Emmen", 400, 40, lijn("azc", "regulier", 300), lijn("AMV", "amv", 40)),
    ]
    p = puzzel(PerType(1000, 100), gemeenten, REGELS)
    assert p.volledig and p.redenen == ()
    uitkomst = verdeel_restopgave(restopgave_casus("Drenthe", p, {}, None))
    assert uitkomst.restopgave == PerType(0, 0)
    assert [g.definitief for g in uitkomst.gemeenten] == [PerType(700, 60), PerType(300, 40)]


def test_r3_takes_over_what_counts_and_adds_what_is_kansrijk() -> None:
    p = puzzel(PerType(1000, 100), voorbeeld(), REGELS)
    casus = restopgave_casus(
        "Drenthe", p, {"Assen": R3Gegevens(inwoners=69_000, oekraine_plaatsen=800)}, 5000
    )
    emmen = next(g for g in casus.gemeenten if g.naam == "Emmen")
    assert (emmen.verslag_regulier, emmen.verslag_amv) == (350, 0)
    assert (emmen.kansrijk_regulier, emmen.kansrijk_amv) == (0, 40)
    assert casus.oekraine_totaal == 5000
    uitkomst = verdeel_restopgave(casus)
    assert uitkomst.rest == PerType(1000 - 750, 100 - 70)
    assert (
        sum(g.definitief.regulier for g in uitkomst.gemeenten) + uitkomst.onverdeeld.regulier
        == 1000
    )
    # Without inhabitants the Ukraine criterion cannot be applied.
    assert restopgave_casus("Drenthe", p, {}, 5000).oekraine_totaal is None


def test_pending_review_and_invalid_input() -> None:
    wacht = gemeente("Assen", 10, 1, ingediend=False, ter_beoordeling=True)
    p = puzzel(PerType(0, 0), [wacht], REGELS)
    assert [r.code for r in p.redenen] == ["ter_beoordeling"]
    with pytest.raises(ValueError):
        puzzel(PerType(0, 0), [wacht, wacht], REGELS)
    with pytest.raises(ValueError):
        puzzel(PerType(-1, 0), [], REGELS)
    with pytest.raises(ValueError):
        gemeente("Assen", 10, 1, lijn("x", "amv", 3), ingediend=False)


def test_unset_dates_are_noted_not_held_against_the_offer() -> None:
    regels = Spelregels(begin=dt.date(2027, 1, 1))
    g = PuzzelGemeente(
        "Assen",
        "GM0106",
        PerType(10, 1),
        True,
        (beoordeel(lijn("azc", "regulier", 10, beschikbaar_tot=dt.date(2027, 3, 1)), regels),),
    )
    p = puzzel(PerType(10, 0), [g], regels)
    assert p.volledig
    assert len(p.kanttekeningen) == 2


# --------------------------------------------------------------------------- properties

datums = st.none() | st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2036, 1, 1))


@st.composite
def aanbodregels(draw: st.DrawFn) -> Aanbodregel:
    van, tot = draw(datums), draw(datums)
    if van is not None and tot is not None and tot < van:
        van, tot = tot, van
    return Aanbodregel(
        naam=draw(st.sampled_from(("a", "b", "c"))),
        soort=draw(st.sampled_from(("regulier", "amv", "bijzonder"))),
        plaatsen=draw(st.integers(0, 500)),
        beschikbaar_van=van,
        beschikbaar_tot=tot,
        plan=draw(st.booleans()),
        elementen=frozenset(draw(st.sets(st.sampled_from(list(Element)), max_size=2))),
    )


@st.composite
def provincies(draw: st.DrawFn) -> tuple[PerType[int], list[PuzzelGemeente]]:
    n = draw(st.integers(1, 6))
    gemeenten = []
    for i in range(n):
        ingediend = draw(st.booleans())
        regels = draw(st.lists(aanbodregels(), max_size=4)) if ingediend else []
        gemeenten.append(
            PuzzelGemeente(
                naam=f"G{i}",
                cbs_code=f"GM{i:04d}",
                indicatief=PerType(draw(st.integers(0, 400)), draw(st.integers(0, 40))),
                ingediend=ingediend,
                beoordelingen=tuple(beoordeel(r, REGELS) for r in regels),
                ter_beoordeling=draw(st.booleans()),
            )
        )
    return PerType(draw(st.integers(0, 1500)), draw(st.integers(0, 150))), gemeenten


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(provincies())
def test_the_province_is_the_sum_of_its_gemeenten(
    invoer: tuple[PerType[int], list[PuzzelGemeente]],
) -> None:
    opgave, gemeenten = invoer
    p = puzzel(opgave, gemeenten, REGELS)
    for t in ("regulier", "amv"):
        assert p.aanbod.telt.van(t) == sum(g.aanbod.telt.van(t) for g in p.gemeenten)  # type: ignore[arg-type]
        for g in p.gemeenten:
            a = g.aanbod
            assert a.telt.van(t) + a.kansrijk.van(t) <= a.aangeboden.van(t)  # type: ignore[arg-type]
            assert g.verschil.van(t) == a.telt.van(t) - g.indicatief.van(t)  # type: ignore[arg-type]
    assert p.volledig == (p.redenen == ())
    if p.volledig:
        assert p.aanbod.telt.regulier >= opgave.regulier and p.aanbod.telt.amv >= opgave.amv
        assert all(g.ingediend or not g.ter_beoordeling for g in p.gemeenten)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(provincies())
def test_r3_rest_is_the_opgave_minus_what_counts_and_what_is_kansrijk(
    invoer: tuple[PerType[int], list[PuzzelGemeente]],
) -> None:
    opgave, gemeenten = invoer
    p = puzzel(opgave, gemeenten, REGELS)
    uitkomst = verdeel_restopgave(restopgave_casus("P", p, {}, None))
    assert uitkomst.rest == PerType(
        opgave.regulier - p.aanbod.telt.regulier - p.aanbod.kansrijk.regulier,
        opgave.amv - p.aanbod.telt.amv - p.aanbod.kansrijk.amv,
    )


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(provincies(), aanbodregels())
def test_a_line_that_counts_never_lowers_the_count(
    invoer: tuple[PerType[int], list[PuzzelGemeente]], extra: Aanbodregel
) -> None:
    _opgave, gemeenten = invoer
    b = beoordeel(extra, REGELS)
    voor = aanbodsom(gemeenten[0].beoordelingen)
    na = aanbodsom((*gemeenten[0].beoordelingen, b))
    t = extra.opvangtype
    assert na.telt.van(t) == voor.telt.van(t) + (
        extra.plaatsen if b.categorie is Categorie.TELT else 0
    )
    assert na.aangeboden.van(t) == voor.aangeboden.van(t) + extra.plaatsen
