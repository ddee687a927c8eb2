"""Bijlage 1 of the verslag: opgave, ingevuld and nog in te vullen per type, never mixed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.invulling import invulling

# Seed 001, PUZZEL: aanbod regulier and AMV per gemeente (2025).
AANBOD_REGULIER = [87, 1000, 0, 430, 0, 675, 940, 192, 0, 0, 250, 240]
AANBOD_AMV = [0, 0, 50, 20, 50, 50, 0, 0, 50, 43, 28, 50]


def test_drenthe_2024_is_consistent() -> None:
    uit = invulling(
        {"regulier": 2462, "amv": 229},
        [("regulier", n) for n in AANBOD_REGULIER] + [("amv", n) for n in AANBOD_AMV],
    )
    regulier, amv = uit.per_type
    assert (regulier.opgave, regulier.ingevuld, regulier.nog_in_te_vullen) == (2462, 3814, 0)
    # The seed printed 141 filled and "nog in te vullen 200" beside an opgave of 229.
    assert (amv.opgave, amv.ingevuld, amv.nog_in_te_vullen) == (229, 341, 0)
    assert (uit.opgave, uit.ingevuld, uit.nog_in_te_vullen) == (2691, 4155, 0)
    assert amv.boven_opgave == 112


def test_unknown_type_or_negative_offer_is_an_error() -> None:
    with pytest.raises(ValueError, match="onbekend type"):
        invulling({"regulier": 1}, [("tgo", 5)])
    with pytest.raises(ValueError, match="negatief"):
        invulling({"regulier": 1}, [("regulier", -5)])


@given(
    st.dictionaries(st.sampled_from(["regulier", "amv"]), st.integers(0, 10_000), min_size=1),
    st.lists(st.integers(0, 2_000), max_size=20),
)
def test_nog_in_te_vullen_is_never_negative_and_types_add_up(
    opgave: dict[str, int], aanbod: list[int]
) -> None:
    typen = list(opgave)
    rijen = [(typen[i % len(typen)], n) for i, n in enumerate(aanbod)]
    uit = invulling(opgave, rijen)
    for i in uit.per_type:
        assert i.ingevuld == sum(n for t, n in rijen if t == i.type)
        assert i.nog_in_te_vullen == max(0, i.opgave - i.ingevuld)
        assert i.nog_in_te_vullen + i.ingevuld >= i.opgave
    assert uit.nog_in_te_vullen == sum(i.nog_in_te_vullen for i in uit.per_type)
    assert uit.ingevuld == sum(aanbod)
