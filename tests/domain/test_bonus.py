"""R6: the bonus schemes, checked against seed 001 (Drenthe 2024) and by properties."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.bonus import (
    BonusGemeente,
    Bonusregeling,
    Keuze,
    bonus_aanspraken,
    drempel_gehaald,
    duurzaam,
    plekken_boven_indicatief,
)

REGELING_2024 = Bonusregeling(
    spuk1_per_plek=2000,
    spuk2_per_plek=2000,
    spuk3_drempel=Fraction(3, 4),
    spuk3_provincie=408_653,
    spuk3_budget=983_686,
)
# gemeente: (indicatief regulier, indicatief AMV, duurzame reguliere plekken, AMV-aanbod,
#            SPUK 3-bedrag (demo-configuratie)) — seed 001, PUZZEL and Bijlage 1.
DRENTHE_2024 = {
    "Aa en Hunze": (143, 13, 0, 0, 48_488),
    "Assen": (329, 31, 1000, 0, 557_329),
    "Borger-Odoorn": (128, 12, 0, 50, 27_866),
    "Coevorden": (172, 16, 430, 20, 250_798),
    "De Wolden": (139, 13, 0, 50, 27_866),
    "Emmen": (453, 42, 675, 50, 404_064),
    "Hoogeveen": (256, 24, 940, 0, 523_889),
    "Meppel": (177, 16, 0, 0, 107_007),
    "Midden-Drenthe": (181, 17, 0, 50, 27_866),
    "Noordenveld": (170, 16, 0, 43, 23_965),
    "Tynaarlo": (205, 19, 0, 28, 154_938),
    "Westerveld": (109, 10, 140, 50, 161_626),
}


def _drenthe() -> list[BonusGemeente]:
    return [BonusGemeente(naam, *cijfers) for naam, cijfers in DRENTHE_2024.items()]


def test_drenthe_2024_matches_the_verslag() -> None:
    b = bonus_aanspraken(REGELING_2024, _drenthe(), provinciale_opgave=2691, ingevuld=4155)
    per = {a.naam: a for a in b.aanspraken}
    # Assen 1000−360, Coevorden 430−188, Hoogeveen 940−280 = 1.542 places × € 2.000.
    assert (per["Assen"].spuk1_plekken, per["Coevorden"].spuk1_plekken) == (640, 242)
    assert per["Hoogeveen"].spuk1_plekken == 660
    assert b.spuk1_plekken == 1542 and b.spuk1 == 3_084_000
    assert {a.naam for a in b.met_keuze(Keuze.SPUK1)} == {"Assen", "Coevorden", "Hoogeveen"}
    assert b.spuk2_plekken == 341 and b.spuk2 == 682_000
    assert b.spuk3 == 983_686
    assert b.gemeenten == 4_749_686
    assert b.provincie == 408_653
    assert b.meldingen == ()
    # Emmen has 180 durable places above its 495: SPUK 1 would give € 360.000, SPUK 3 more.
    assert per["Emmen"].keuze is Keuze.SPUK3 and per["Emmen"].spuk1_bedrag == 360_000
    assert "gunstiger dan SPUK 1" in per["Emmen"].toelichting
    assert "gunstiger dan SPUK 3" in per["Assen"].toelichting


def test_below_the_threshold_there_is_no_spuk3() -> None:
    b = bonus_aanspraken(REGELING_2024, _drenthe(), provinciale_opgave=2691, ingevuld=2000)
    assert b.spuk3 == 0 and b.provincie == 0
    assert not b.spuk3_drempel_gehaald
    assert any("75%" in m for m in b.meldingen)
    # Without SPUK 3, Emmen and Westerveld take SPUK 1 for their durable places.
    assert b.spuk1_plekken == 1542 + 180 + 21


def test_a_budget_that_does_not_add_up_is_reported() -> None:
    regeling = Bonusregeling(2000, 2000, Fraction(3, 4), 408_653, spuk3_budget=1_000_000)
    b = bonus_aanspraken(regeling, _drenthe(), provinciale_opgave=2691, ingevuld=4155)
    assert len(b.meldingen) == 1 and "983.686" in b.meldingen[0]


def test_tie_and_nothing() -> None:
    regeling = Bonusregeling(1000, 0, Fraction(3, 4), 0)
    gelijk = BonusGemeente("A", 10, 0, 20, 0, 10_000)
    niets = BonusGemeente("B", 10, 0, 5, 0, 0)
    b = bonus_aanspraken(regeling, [gelijk, niets], provinciale_opgave=10, ingevuld=10)
    assert [a.keuze for a in b.aanspraken] == [Keuze.SPUK1, Keuze.GEEN]
    assert b.aanspraken[0].totaal == 10_000 and b.aanspraken[1].totaal == 0


def test_invalid_input() -> None:
    with pytest.raises(ValueError, match="meer dan eens"):
        bonus_aanspraken(
            REGELING_2024,
            [BonusGemeente("A", 1, 1, 1, 1, 1)] * 2,
            provinciale_opgave=1,
            ingevuld=1,
        )
    with pytest.raises(ValueError):
        BonusGemeente("A", -1, 0, 0, 0, 0)
    with pytest.raises(ValueError):
        Bonusregeling(2000, 2000, Fraction(5, 4), 0)
    with pytest.raises(ValueError):
        plekken_boven_indicatief(-1, 0)


@pytest.mark.parametrize(
    ("van", "tot", "onbepaald", "verwacht"),
    [
        (dt.date(2017, 3, 1), dt.date(2026, 4, 1), False, True),  # Assen
        (dt.date(2022, 11, 1), dt.date(2026, 3, 31), False, False),  # Meppel (NO)
        (dt.date(1993, 9, 1), None, True, True),  # Coevorden, onbepaalde tijd
        (dt.date(2022, 10, 13), None, False, True),  # no end date
        (None, dt.date(2030, 3, 24), False, True),  # Westerveld: from the cycle's begin
        (None, dt.date(2029, 12, 31), False, False),
        (dt.date(2024, 2, 29), dt.date(2029, 2, 28), False, True),  # leap day
    ],
)
def test_duurzaam(
    van: dt.date | None, tot: dt.date | None, onbepaald: bool, verwacht: bool
) -> None:
    assert (
        duurzaam(
            van, tot, onbepaalde_tijd=onbepaald, begin_cyclus=dt.date(2025, 1, 1), minimale_jaren=5
        )
        is verwacht
    )


def test_drempel() -> None:
    assert drempel_gehaald(2019, 2691, Fraction(3, 4))  # 2018.25 needed
    assert not drempel_gehaald(2018, 2691, Fraction(3, 4))
    assert not drempel_gehaald(10, 0, Fraction(3, 4))


aantal = st.integers(min_value=0, max_value=5_000)
bedrag = st.integers(min_value=0, max_value=2_000_000)
gemeenten = st.lists(
    st.tuples(aantal, aantal, aantal, aantal, bedrag), min_size=1, max_size=15
).map(lambda rijen: [BonusGemeente(f"G{i}", *r) for i, r in enumerate(rijen)])
regelingen = st.builds(
    Bonusregeling,
    spuk1_per_plek=st.integers(0, 10_000),
    spuk2_per_plek=st.integers(0, 10_000),
    spuk3_drempel=st.fractions(min_value=0, max_value=1),
    spuk3_provincie=bedrag,
)


@given(regelingen, gemeenten, aantal, aantal)
def test_spuk1_and_spuk3_never_stack_and_the_better_one_wins(
    regeling: Bonusregeling, invoer: list[BonusGemeente], opgave: int, ingevuld: int
) -> None:
    b = bonus_aanspraken(regeling, invoer, provinciale_opgave=opgave, ingevuld=ingevuld)
    for g, a in zip(invoer, b.aanspraken, strict=True):
        assert a.spuk1_plekken == max(
            0, g.duurzaam_regulier - g.indicatief_regulier - g.indicatief_amv
        )
        assert a.spuk1_bedrag == a.spuk1_plekken * regeling.spuk1_per_plek
        assert a.spuk2_bedrag == g.amv_plekken * regeling.spuk2_per_plek
        assert a.spuk1_gekozen == 0 or a.spuk3_gekozen == 0
        assert a.totaal == max(a.spuk1_bedrag, a.spuk3_bedrag) + a.spuk2_bedrag
        if not b.spuk3_drempel_gehaald:
            assert a.spuk3_bedrag == 0
    assert b.gemeenten == b.spuk1 + b.spuk2 + b.spuk3 == sum(a.totaal for a in b.aanspraken)
    assert b.provincie in (0, regeling.spuk3_provincie)
