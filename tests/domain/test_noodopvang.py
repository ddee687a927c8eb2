"""R8, the noodopvang reserve of seed 002: 100 places for the first half of 2026; the places
of ready and activated candidates are held, the rest is the tekort while the period runs."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.noodopvang import (
    GEACTIVEERD,
    GEREED,
    GEREEDHEDEN,
    VERKEND,
    VERVALLEN,
    Reserve,
    plaatsen_per_gereedheid,
    reserve,
)

VAN, TOT = dt.date(2026, 1, 1), dt.date(2026, 6, 30)


def seed_002(**plaatsen: int) -> Reserve:
    return reserve(100, VAN, TOT, kandidaten=len(plaatsen), plaatsen=plaatsen)


def test_ready_and_activated_places_are_held() -> None:
    r = seed_002(verkend=30, gereed=40, geactiveerd=40)
    assert (r.verkend, r.gereed, r.geactiveerd) == (30, 40, 40)
    assert r.aangehouden == 80
    assert r.tekort == 20


def test_explored_and_lapsed_places_are_not_held() -> None:
    r = seed_002(verkend=60, vervallen=50)
    assert r.aangehouden == 0
    assert r.tekort == 100


def test_more_held_than_asked_is_no_negative_tekort() -> None:
    r = seed_002(gereed=90, geactiveerd=25)
    assert r.aangehouden == 115
    assert r.tekort == 0


def test_tekort_counts_only_while_the_period_runs() -> None:
    r = seed_002(gereed=80)
    assert r.ontbreekt_op(dt.date(2025, 12, 31)) == 0  # before the period
    assert r.ontbreekt_op(VAN) == 20
    assert r.ontbreekt_op(TOT) == 20
    assert r.ontbreekt_op(dt.date(2026, 7, 1)) == 0
    assert not r.afgelopen(TOT) and r.afgelopen(dt.date(2026, 7, 1))
    assert r.in_periode(VAN) and r.in_periode(TOT)
    assert not r.in_periode(dt.date(2025, 12, 31)) and not r.in_periode(dt.date(2026, 7, 1))


def test_plaatsen_per_gereedheid_sums_every_readiness() -> None:
    paren = [(GEREED, 40), (VERKEND, 30), (GEACTIVEERD, 40), (GEREED, 5)]
    assert plaatsen_per_gereedheid(paren) == {
        VERKEND: 30,
        GEREED: 45,
        GEACTIVEERD: 40,
        VERVALLEN: 0,
    }
    assert plaatsen_per_gereedheid([]) == dict.fromkeys(GEREEDHEDEN, 0)


def test_unknown_readiness_is_refused() -> None:
    with pytest.raises(ValueError, match="klaar"):
        plaatsen_per_gereedheid([("klaar", 10)])
    with pytest.raises(ValueError, match="klaar"):
        reserve(100, VAN, TOT, kandidaten=1, plaatsen={"klaar": 10})


def test_negative_numbers_and_a_reversed_period_are_refused() -> None:
    with pytest.raises(ValueError):
        Reserve(-1, VAN, TOT)
    with pytest.raises(ValueError):
        Reserve(100, VAN, TOT, gereed=-5)
    with pytest.raises(ValueError):
        Reserve(100, TOT, VAN)


@given(
    st.integers(0, 10_000),
    st.lists(st.tuples(st.sampled_from(GEREEDHEDEN), st.integers(1, 500)), max_size=30),
)
def test_held_plus_tekort_covers_the_request(
    gevraagd: int, kandidaten: list[tuple[str, int]]
) -> None:
    r = reserve(
        gevraagd,
        VAN,
        TOT,
        kandidaten=len(kandidaten),
        plaatsen=plaatsen_per_gereedheid(kandidaten),
    )
    assert r.aangehouden == sum(p for g, p in kandidaten if g in (GEREED, GEACTIVEERD))
    assert r.verkend + r.gereed + r.geactiveerd + r.vervallen == sum(p for _, p in kandidaten)
    assert r.tekort >= 0
    assert r.aangehouden + r.tekort >= gevraagd
    assert (r.tekort == 0) == (r.aangehouden >= gevraagd)
