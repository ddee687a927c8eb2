"""R1: apportionment by largest remainder (Hamilton)."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.verdeling import grootste_overschot

# Seed 001, PUZZEL table: inhabitants on 1 January 2023 and the Ukraine opgave 2025 per row.
INWONERS_2023 = {
    "Aa en Hunze": 25724,
    "Assen": 69414,
    "Borger-Odoorn": 25919,
    "Coevorden": 35700,
    "De Wolden": 24602,
    "Emmen": 108765,
    "Hoogeveen": 56433,
    "Meppel": 35464,
    "Midden-Drenthe": 33987,
    "Noordenveld": 31591,
    "Tynaarlo": 34592,
    "Westerveld": 19860,
}
OEKRAINE_OPGAVE_BRON = {
    "Aa en Hunze": 293,
    "Assen": 791,
    "Borger-Odoorn": 295,
    "Coevorden": 407,
    "De Wolden": 280,
    "Emmen": 1240,
    "Hoogeveen": 643,
    "Meppel": 404,
    "Midden-Drenthe": 387,
    "Noordenveld": 360,
    "Tynaarlo": 394,
    "Westerveld": 226,
}


def test_exact_quota_need_no_rounding() -> None:
    v = grootste_overschot(10, {"a": 1, "b": 4})
    assert v.aantallen == {"a": 2, "b": 8}
    assert v.quota == {"a": Fraction(2), "b": Fraction(8)}
    assert v.opgehoogd == ()


def test_remaining_units_go_to_largest_fractional_parts() -> None:
    # quota 10·{1,2,4}/7 = 1.43, 2.86, 5.71: floors 1+2+5 = 8, two units to b and c.
    v = grootste_overschot(10, {"a": 1, "b": 2, "c": 4})
    assert v.aantallen == {"a": 1, "b": 3, "c": 6}
    assert v.opgehoogd == ("b", "c")


def test_equal_remainders_go_to_the_larger_weight() -> None:
    # quota 3·{1,5}/6 = 0.5 and 2.5: equal remainders, the unit goes to the larger weight.
    assert grootste_overschot(3, {"a": 1, "b": 5}).aantallen == {"a": 0, "b": 3}
    assert grootste_overschot(3, {"b": 5, "a": 1}).aantallen == {"b": 3, "a": 0}


def test_equal_remainders_and_weights_go_by_name() -> None:
    assert grootste_overschot(1, {"b": 1, "a": 1}).aantallen == {"b": 0, "a": 1}
    assert grootste_overschot(2, {"c": 1, "b": 1, "a": 1}).aantallen == {"c": 0, "b": 1, "a": 1}


def test_keys_keep_input_order() -> None:
    assert list(grootste_overschot(7, {"z": 1, "a": 2, "m": 3}).aantallen) == ["z", "a", "m"]


def test_fraction_weights() -> None:
    v = grootste_overschot(4, {"a": Fraction(1, 3), "b": Fraction(2, 3)})
    assert v.aantallen == {"a": 1, "b": 3}


def test_zero_total_gives_zeros() -> None:
    assert grootste_overschot(0, {"a": 1, "b": 2}).aantallen == {"a": 0, "b": 0}
    assert grootste_overschot(0, {"a": 0}).aantallen == {"a": 0}
    assert grootste_overschot(0, {}).aantallen == {}


def test_zero_weight_gets_nothing() -> None:
    assert grootste_overschot(5, {"a": 0, "b": 1}).aantallen == {"a": 0, "b": 5}


@pytest.mark.parametrize(
    ("totaal", "gewichten"),
    [
        (-1, {"a": 1}),
        (5, {"a": -1, "b": 2}),
        (5, {"a": 0, "b": 0}),
        (5, {}),
    ],
)
def test_invalid_input_raises(totaal: int, gewichten: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        grootste_overschot(totaal, gewichten)


def test_ukraine_opgave_drenthe_sums_to_5722() -> None:
    v = grootste_overschot(5722, INWONERS_2023)
    assert sum(v.aantallen.values()) == 5722
    # The source rounds row by row and loses two places.
    assert sum(OEKRAINE_OPGAVE_BRON.values()) == 5720
    verschillen = {
        k: v.aantallen[k] - OEKRAINE_OPGAVE_BRON[k]
        for k in INWONERS_2023
        if v.aantallen[k] != OEKRAINE_OPGAVE_BRON[k]
    }
    assert verschillen == {"Borger-Odoorn": 1, "De Wolden": 1}
    assert v.opgehoogd == ("Borger-Odoorn", "Coevorden", "De Wolden", "Emmen")


namen = st.text(alphabet="abcdefgh", min_size=1, max_size=4)
gewichten = st.dictionaries(namen, st.integers(min_value=0, max_value=10_000), max_size=12).filter(
    lambda g: sum(g.values()) > 0
)
totalen = st.integers(min_value=0, max_value=100_000)


@given(totalen, gewichten)
def test_sum_is_always_the_total(totaal: int, g: dict[str, int]) -> None:
    assert sum(grootste_overschot(totaal, g).aantallen.values()) == totaal


@given(totalen, gewichten)
def test_each_result_is_floor_or_ceil_of_its_quota(totaal: int, g: dict[str, int]) -> None:
    v = grootste_overschot(totaal, g)
    for k, w in g.items():
        quota = Fraction(totaal * w, sum(g.values()))
        assert v.quota[k] == quota
        assert math.floor(quota) <= v.aantallen[k] <= math.ceil(quota)


@given(totalen, gewichten)
def test_larger_weight_never_gets_fewer_units(totaal: int, g: dict[str, int]) -> None:
    a = grootste_overschot(totaal, g).aantallen
    for k in g:
        for m in g:
            if g[k] > g[m]:
                assert a[k] >= a[m]
            if g[k] == g[m]:
                assert abs(a[k] - a[m]) <= 1


@given(totalen, gewichten, st.randoms())
def test_input_order_does_not_matter(totaal: int, g: dict[str, int], r: random.Random) -> None:
    sleutels = list(g)
    r.shuffle(sleutels)
    geschud = {k: g[k] for k in sleutels}
    assert grootste_overschot(totaal, geschud).aantallen == grootste_overschot(totaal, g).aantallen
