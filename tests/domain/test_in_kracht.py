"""Which cyclus and which provincial opgave are in force on a peildatum (issue 16.3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.in_kracht import (
    geldend_op,
    geldend_tot_en_met,
    in_kracht,
    in_kracht_of_komend,
    van_toepassing,
)


@dataclass(frozen=True)
class Cyclus:
    naam: str
    begin: dt.date
    eind: dt.date


@dataclass(frozen=True)
class Opgave:
    aantal: int
    geldig_vanaf: dt.date


# Drenthe's demo: the first Spreidingswet cycle runs 2025–2026, the second 2027–2028.
EERSTE = Cyclus("25/26", dt.date(2025, 1, 1), dt.date(2026, 12, 31))
TWEEDE = Cyclus("27/28", dt.date(2027, 1, 1), dt.date(2028, 12, 31))
# Oekraïne: 5.722 from 25-10-2024 (the PUZZEL), 5.138 from 01-07-2025 (the minister's letter).
OEKRAINE = (Opgave(5722, dt.date(2024, 10, 25)), Opgave(5138, dt.date(2025, 7, 1)))


def test_before_the_first_cyclus_none_is_in_force() -> None:
    # Found on main: peildatum 01-10-2024 was compared with the 25/26 opgave.
    assert in_kracht([EERSTE, TWEEDE], dt.date(2024, 10, 1)) is None


@pytest.mark.parametrize(
    ("peildatum", "verwacht"),
    [
        (dt.date(2025, 1, 1), EERSTE),
        (dt.date(2025, 11, 1), EERSTE),
        (dt.date(2026, 12, 31), EERSTE),
        (dt.date(2027, 1, 1), TWEEDE),
        (dt.date(2028, 12, 31), TWEEDE),
        (dt.date(2029, 1, 1), None),
    ],
)
def test_the_cyclus_in_force_has_begun_and_not_ended(
    peildatum: dt.date, verwacht: Cyclus | None
) -> None:
    assert in_kracht([TWEEDE, EERSTE], peildatum) == verwacht


def test_of_two_overlapping_cycli_the_one_begun_last_holds() -> None:
    lang = Cyclus("lang", dt.date(2025, 1, 1), dt.date(2030, 12, 31))
    later = Cyclus("later", dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert in_kracht([lang, later], dt.date(2026, 6, 1)) == later
    assert in_kracht([lang, later], dt.date(2027, 6, 1)) == lang


def test_planning_may_look_at_the_coming_cyclus() -> None:
    """The provinciaal verslag of 2024 prepares the 25/26 cyclus."""
    assert in_kracht_of_komend([TWEEDE, EERSTE], dt.date(2024, 11, 1)) == EERSTE
    assert in_kracht_of_komend([TWEEDE, EERSTE], dt.date(2026, 12, 1)) == EERSTE
    assert in_kracht_of_komend([EERSTE], dt.date(2027, 1, 1)) is None


# When the minister published each cyclus' numbers (its first provincial opgave).
GEPUBLICEERD = {EERSTE: dt.date(2024, 1, 31), TWEEDE: dt.date(2026, 2, 27)}


@pytest.mark.parametrize(
    ("peildatum", "verwacht"),
    [
        # Before the first began: only it was known (no cyclus in force).
        (dt.date(2024, 10, 1), (EERSTE,)),
        (dt.date(2025, 11, 1), (EERSTE,)),
        # The second cyclus' numbers were published on 27-02-2026: both apply.
        (dt.date(2026, 2, 1), (EERSTE,)),
        (dt.date(2026, 3, 1), (EERSTE, TWEEDE)),
        (dt.date(2026, 12, 31), (EERSTE, TWEEDE)),
        # The first ended on 31-12-2026.
        (dt.date(2027, 1, 1), (TWEEDE,)),
        (dt.date(2029, 1, 1), ()),
        (dt.date(2023, 12, 1), ()),
    ],
)
def test_the_cycli_that_apply_on_p_are_in_force_or_already_published(
    peildatum: dt.date, verwacht: tuple[Cyclus, ...]
) -> None:
    assert van_toepassing([TWEEDE, EERSTE], peildatum, GEPUBLICEERD.get) == verwacht


def test_a_cyclus_in_force_applies_even_without_a_published_opgave() -> None:
    assert van_toepassing([EERSTE, TWEEDE], dt.date(2027, 3, 1), lambda c: None) == (TWEEDE,)
    assert van_toepassing([EERSTE, TWEEDE], dt.date(2026, 3, 1), lambda c: None) == (EERSTE,)


def test_the_provincial_opgave_with_the_latest_geldig_vanaf_on_or_before_p() -> None:
    # Found on main: 01-10-2024 compared with an opgave valid only from 25-10-2024.
    assert geldend_op(OEKRAINE, dt.date(2024, 10, 1)) is None
    assert geldend_op(OEKRAINE, dt.date(2024, 10, 25)) == OEKRAINE[0]
    assert geldend_op(OEKRAINE, dt.date(2025, 6, 1)) == OEKRAINE[0]
    assert geldend_op(OEKRAINE, dt.date(2025, 7, 1)) == OEKRAINE[1]
    assert geldend_op(reversed(OEKRAINE), dt.date(2025, 11, 1)) == OEKRAINE[1]
    assert geldend_tot_en_met(reversed(OEKRAINE), dt.date(2025, 11, 1)) == OEKRAINE
    assert geldend_tot_en_met(OEKRAINE, dt.date(2025, 1, 1)) == OEKRAINE[:1]


def test_two_opgaven_valid_from_the_same_day_are_refused() -> None:
    with pytest.raises(ValueError, match="geldig vanaf 01-07-2025"):
        geldend_op([*OEKRAINE, Opgave(1, dt.date(2025, 7, 1))], dt.date(2025, 8, 1))


datums = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2032, 12, 31))


@st.composite
def cycli(draw: st.DrawFn) -> list[Cyclus]:
    uit = []
    for i in range(draw(st.integers(0, 5))):
        a, b = sorted((draw(datums), draw(datums)))
        uit.append(Cyclus(str(i), a, b))
    return uit


@given(cycli(), datums)
def test_in_force_means_begun_and_not_ended(lijst: list[Cyclus], p: dt.date) -> None:
    gekozen = in_kracht(lijst, p)
    lopend = [c for c in lijst if c.begin <= p <= c.eind]
    if gekozen is None:
        assert not lopend
    else:
        assert gekozen.begin <= p <= gekozen.eind
        assert all(c.begin <= gekozen.begin for c in lopend)
    komend = in_kracht_of_komend(lijst, p)
    if gekozen is not None:
        assert komend == gekozen
    elif komend is not None:
        assert komend.begin > p


@given(st.lists(datums, unique=True, max_size=6), datums)
def test_geldend_op_is_never_dated_after_p(vanaf: list[dt.date], p: dt.date) -> None:
    opgaven = [Opgave(i, d) for i, d in enumerate(vanaf)]
    gekozen = geldend_op(opgaven, p)
    eerder = [o for o in opgaven if o.geldig_vanaf <= p]
    if gekozen is None:
        assert not eerder
    else:
        assert gekozen.geldig_vanaf <= p
        assert gekozen.geldig_vanaf == max(o.geldig_vanaf for o in eerder)
        assert geldend_tot_en_met(opgaven, p)[-1] == gekozen


@given(cycli(), datums, st.lists(st.one_of(st.none(), datums), min_size=5, max_size=5))
def test_what_applies_on_p_holds_the_one_in_force_and_nothing_ended_or_unknown(
    lijst: list[Cyclus], p: dt.date, bekend: list[dt.date | None]
) -> None:
    def bekend_vanaf(c: Cyclus) -> dt.date | None:
        return bekend[int(c.naam)]

    toepasselijk = van_toepassing(lijst, p, bekend_vanaf)
    huidig = in_kracht(lijst, p)
    assert huidig is None or huidig in toepasselijk
    for c in toepasselijk:
        assert p <= c.eind
        vanaf = bekend_vanaf(c)
        assert c is huidig or (vanaf is not None and vanaf <= p)
    assert list(toepasselijk) == sorted(toepasselijk, key=lambda c: (c.begin, c.eind))
    # Nothing left out: every cyclus not ended and known by p applies.
    for c in lijst:
        vanaf = bekend_vanaf(c)
        if p <= c.eind and vanaf is not None and vanaf <= p:
            assert c in toepasselijk
