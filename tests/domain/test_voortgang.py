"""R5: difference and progress, checked against seed 000."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.voortgang import (
    Overzicht,
    Rij,
    is_tekort,
    overzicht,
    resterend,
    verschil,
    verschil_als_bekend,
    voortgang,
    voortgang_tekst,
)

# Seed 000, "De verdeling van de asiel- en Oekraïneopgaven in Drenthe" (14-11-2025):
# per gemeente (opgave, realisatie, verschil as printed) for Oekraïne, regulier and AMV;
# blank cells are 0.
SEED_000 = {
    "Aa en Hunze": ((430, 431, 1), (87, 80, -7), (0, 0, 0)),
    "Assen": ((792, 822, 30), (1000, 1000, 0), (0, 0, 0)),
    "Borger-Odoorn": ((385, 310, -75), (0, 22, 22), (50, 0, -50)),
    "Coevorden": ((220, 220, 0), (430, 430, 0), (20, 20, 0)),
    "De Wolden": ((382, 212, -170), (0, 43, 43), (50, 0, -50)),
    "Emmen": ((996, 1004, 8), (675, 675, 0), (50, 50, 0)),
    "Hoogeveen": ((506, 430, -76), (940, 952, 12), (0, 0, 0)),
    "Meppel": ((455, 600, 145), (192, 192, 0), (0, 0, 0)),
    "Midden Drenthe": ((537, 369, -168), (0, 0, 0), (50, 0, -50)),
    "Noordenveld": ((503, 181, -322), (0, 32, 32), (43, 43, 0)),
    "Tynaarlo": ((340, 344, 4), (250, 150, -100), (28, 28, 0)),
    "Westerveld": ((102, 55, -47), (240, 243, 3), (50, 50, 0)),
}
SEED_000_TOTAAL = ((5648, 4978, -670), (3814, 3819, 5), (341, 191, -150))
OPGAVEN = ("oekraine", "regulier", "amv")


def test_verschil_is_realisatie_minus_opgave() -> None:
    assert verschil(4978, 5648) == -670
    assert verschil(3819, 3814) == 5
    assert verschil(0, 0) == 0


@pytest.mark.parametrize("kolom", range(3), ids=OPGAVEN)
def test_seed_000_rows_and_totals(kolom: int) -> None:
    o = overzicht((naam, r[kolom][0], r[kolom][1]) for naam, r in SEED_000.items())
    assert [r.verschil for r in o.rijen] == [r[kolom][2] for r in SEED_000.values()]
    assert (o.opgave, o.realisatie, o.verschil) == SEED_000_TOTAAL[kolom]


def test_totals_are_always_the_sum_of_the_rows() -> None:
    o = Overzicht((Rij("a", 10, 4), Rij("b", 5, 9)))
    assert (o.opgave, o.realisatie, o.verschil) == (15, 13, -2)
    assert (Overzicht(()).opgave, Overzicht(()).realisatie, Overzicht(()).verschil) == (0, 0, 0)


def test_overzicht_keeps_row_order() -> None:
    o = overzicht([("b", 1, 2), ("a", 3, 4)])
    assert o.rijen == (Rij("b", 1, 2), Rij("a", 3, 4))
    assert o.rijen[0].verschil == 1


def test_overzicht_rejects_a_name_twice() -> None:
    with pytest.raises(ValueError, match="Assen"):
        overzicht([("Assen", 1, 1), ("Emmen", 2, 2), ("Assen", 3, 3)])


def test_voortgang_is_exact_and_kept_above_one() -> None:
    assert voortgang(33, 14) == Fraction(33, 14)
    assert voortgang(6, 7) == Fraction(6, 7)
    assert voortgang(0, 5) == 0


def test_voortgang_without_taakstelling_is_nvt() -> None:
    assert voortgang(14, 0) is None
    assert voortgang(0, 0) is None
    assert voortgang(3, -2) is None


def test_voortgang_rejects_negative_realisatie() -> None:
    with pytest.raises(ValueError):
        voortgang(-1, 5)


@pytest.mark.parametrize(
    ("gerealiseerd", "taakstelling", "tekst"),
    [
        # Seed 000, Nidos factsheet (3 November 2025); Westerveld's "0%" is the known defect.
        (0, 5, "0%"),
        (33, 14, "236%"),
        (8, 21, "38%"),
        (6, 7, "86%"),
        (12, 6, "200%"),
        (14, 0, "n.v.t."),
    ],
)
def test_voortgang_tekst_nidos(gerealiseerd: int, taakstelling: int, tekst: str) -> None:
    assert voortgang_tekst(gerealiseerd, taakstelling) == tekst


def test_voortgang_tekst_rounds_half_up() -> None:
    assert voortgang_tekst(1, 200) == "1%"  # 0.5 %
    assert voortgang_tekst(1, 400) == "0%"  # 0.25 %
    assert voortgang_tekst(5, 8) == "63%"  # 62.5 %
    assert voortgang_tekst(7, 8) == "88%"  # 87.5 %: half up, not half to even
    assert voortgang_tekst(2, 3) == "67%"


def test_voortgang_tekst_groups_thousands() -> None:
    assert voortgang_tekst(12, 1) == "1.200%"


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_voortgang_tekst_is_within_half_a_percent(gerealiseerd: int, taakstelling: int) -> None:
    procent = int(voortgang_tekst(gerealiseerd, taakstelling).rstrip("%").replace(".", ""))
    exact = Fraction(100 * gerealiseerd, taakstelling)
    assert -Fraction(1, 2) < procent - exact <= Fraction(1, 2)


@given(st.lists(st.tuples(st.integers(0, 10**5), st.integers(0, 10**5)), max_size=20))
def test_total_verschil_is_sum_of_row_verschillen(paren: list[tuple[int, int]]) -> None:
    o = overzicht((f"g{i}", opgave, realisatie) for i, (opgave, realisatie) in enumerate(paren))
    assert o.verschil == sum(r.verschil for r in o.rijen) == o.realisatie - o.opgave


def test_verschil_als_bekend_needs_a_figure_and_an_opgave() -> None:
    assert verschil_als_bekend(150, 250) == -100  # Tynaarlo regulier, seed 000
    assert verschil_als_bekend(0, 0) == 0
    assert verschil_als_bekend(None, 996) is None  # no figure: no verschil, never −996
    assert verschil_als_bekend(822, None) is None  # no opgave in force: no verschil
    assert verschil_als_bekend(None, None) is None


def test_is_tekort_only_below_zero() -> None:
    assert is_tekort(-1)
    assert not is_tekort(0)
    assert not is_tekort(5)
    assert not is_tekort(None)


@pytest.mark.parametrize(
    ("gerealiseerd", "taakstelling", "rest"),
    [
        # Seed 000, Nidos factsheet (3 November 2025): "taakstelling resterend".
        (0, 5, 5),
        (8, 21, 13),
        (6, 7, 1),
        (33, 14, 0),  # Assen 236 %: nothing left, not −19
        (14, 0, 0),
        (0, 0, 0),
    ],
)
def test_resterend_nidos(gerealiseerd: int, taakstelling: int, rest: int) -> None:
    assert resterend(gerealiseerd, taakstelling) == rest


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_resterend_is_never_negative_and_closes_the_gap(
    gerealiseerd: int, taakstelling: int
) -> None:
    rest = resterend(gerealiseerd, taakstelling)
    assert rest >= 0
    assert rest == 0 or gerealiseerd + rest == taakstelling
    assert (rest == 0) == (gerealiseerd >= taakstelling)


@given(
    st.one_of(st.none(), st.integers(0, 10**6)),
    st.one_of(st.none(), st.integers(0, 10**6)),
)
def test_verschil_als_bekend_agrees_with_verschil(
    realisatie: int | None, opgave: int | None
) -> None:
    v = verschil_als_bekend(realisatie, opgave)
    if realisatie is None or opgave is None:
        assert v is None and not is_tekort(v)
    else:
        assert v == verschil(realisatie, opgave)
        assert is_tekort(v) == (realisatie < opgave)
