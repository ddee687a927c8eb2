"""R2: the indicative distribution (regular ∝ inhabitants × SES-WOA, AMV from regular)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.indicatief import afgerond, afwijkende_amv, indicatieve_verdeling

# The minister's indicative distribution for Drenthe, 2024 cycle (regular, AMV), as in the
# public example verdeel-drenthe-2024.json: 2,462 regular + 229 AMV.
DRENTHE_2024 = {
    "Aa en Hunze": (143, 13),
    "Assen": (329, 31),
    "Borger-Odoorn": (128, 12),
    "Coevorden": (172, 16),
    "De Wolden": (139, 13),
    "Emmen": (453, 42),
    "Hoogeveen": (256, 24),
    "Meppel": (177, 16),
    "Midden-Drenthe": (181, 17),
    "Noordenveld": (170, 16),
    "Tynaarlo": (205, 19),
    "Westerveld": (109, 10),
}
REGULIER, AMV = 2462, 229


def test_drenthe_2024_totals() -> None:
    assert sum(r for r, _ in DRENTHE_2024.values()) == REGULIER
    assert sum(a for _, a in DRENTHE_2024.values()) == AMV


def test_drenthe_2024_every_amv_number_is_round_regular_times_229_over_2462() -> None:
    for naam, (r, a) in DRENTHE_2024.items():
        assert a == afgerond(Fraction(r * AMV, REGULIER)), naam
    regulier = {n: r for n, (r, _) in DRENTHE_2024.items()}
    amv = {n: a for n, (_, a) in DRENTHE_2024.items()}
    assert afwijkende_amv(regulier, amv, REGULIER, AMV) == {}


def test_drenthe_2024_amv_follows_from_the_regular_numbers_with_r1() -> None:
    # Weights equal to the minister's regular numbers reproduce them exactly; the derived AMV
    # numbers then equal the minister's.
    gemeenten = {n: (r, Fraction(1)) for n, (r, _) in DRENTHE_2024.items()}
    regulier, amv = indicatieve_verdeling(REGULIER, AMV, gemeenten)
    assert regulier.aantallen == {n: r for n, (r, _) in DRENTHE_2024.items()}
    assert amv.aantallen == {n: a for n, (_, a) in DRENTHE_2024.items()}
    assert amv.quota["Emmen"] == Fraction(453 * 229, 2462)


def test_afwijkende_amv_names_the_deviation() -> None:
    regulier = {"A": 100, "B": 50}
    assert afwijkende_amv(regulier, {"A": 10, "B": 6}, 150, 15) == {"B": (6, 5)}
    with pytest.raises(ValueError):
        afwijkende_amv(regulier, {}, 0, 15)


def test_regular_is_proportional_to_inhabitants_times_ses_correction() -> None:
    gemeenten = {
        "Rijk": (10_000, Fraction(6, 5)),
        "Arm": (10_000, Fraction(4, 5)),
        "Groot": (20_000, Fraction(1)),
    }
    regulier, amv = indicatieve_verdeling(100, 10, gemeenten)
    assert regulier.aantallen == {"Rijk": 30, "Arm": 20, "Groot": 50}
    assert amv.aantallen == {"Rijk": 3, "Arm": 2, "Groot": 5}


def test_ties_follow_r1() -> None:
    # three equal weights, 2 units: quota 2/3 each; ties go to the name
    regulier, amv = indicatieve_verdeling(
        2, 1, {"C": (1, Fraction(1)), "A": (1, Fraction(1)), "B": (1, Fraction(1))}
    )
    assert regulier.aantallen == {"C": 0, "A": 1, "B": 1}
    assert amv.aantallen == {"C": 0, "A": 1, "B": 0}


def test_amv_without_regular_is_refused() -> None:
    with pytest.raises(ValueError):
        indicatieve_verdeling(0, 5, {"A": (100, Fraction(1))})


@given(
    st.integers(0, 5000),
    st.integers(0, 500),
    st.dictionaries(
        st.text("abcdefgh", min_size=1, max_size=4),
        st.tuples(
            st.integers(1, 200_000),
            st.fractions(min_value=Fraction(1, 2), max_value=Fraction(3, 2), max_denominator=100),
        ),
        min_size=1,
        max_size=15,
    ),
)
def test_sums_are_exact_and_amv_stays_within_one_of_its_quota(
    totaal_r: int, totaal_a: int, gemeenten: dict[str, tuple[int, Fraction]]
) -> None:
    if totaal_r == 0:
        totaal_a = 0
    regulier, amv = indicatieve_verdeling(totaal_r, totaal_a, gemeenten)
    assert sum(regulier.aantallen.values()) == totaal_r
    assert sum(amv.aantallen.values()) == totaal_a
    for naam in gemeenten:
        if totaal_r:
            quotum = Fraction(regulier.aantallen[naam] * totaal_a, totaal_r)
            assert abs(amv.aantallen[naam] - quotum) < 1
        assert abs(regulier.aantallen[naam] - regulier.quota[naam]) < 1
