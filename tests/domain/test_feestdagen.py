"""Dutch public holidays and working days (domain.feestdagen) and delivery deadlines
(domain.aanlevertermijn): known dates, and hypothesis over every year from 1900 to 2199."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.aanlevertermijn import (
    MAX_WERKDAG,
    Termijnregel,
    Termijnsoort,
    herinneringsdatum,
    laatst_verstreken,
    ronde,
    te_herinneren,
    uiterste_datum,
)
from regietafel.domain.feestdagen import (
    Bevrijdingsdag,
    feestdagen,
    is_werkdag,
    nde_werkdag,
    pasen,
    werkdagen,
)

jaren = st.integers(min_value=1900, max_value=2199)
datums = st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2199, 12, 31))
regels = st.builds(
    Termijnregel,
    soort=st.sampled_from(Termijnsoort),
    dag=st.integers(1, MAX_WERKDAG),
    maanden_na_peildatum=st.integers(0, 2),
    dagen_vooraf=st.integers(0, 28),
    bevrijdingsdag=st.sampled_from(Bevrijdingsdag),
)


@pytest.mark.parametrize(
    ("jaar", "datum"),
    [
        (1961, dt.date(1961, 4, 2)),
        (2000, dt.date(2000, 4, 23)),
        (2008, dt.date(2008, 3, 23)),
        (2011, dt.date(2011, 4, 24)),
        (2024, dt.date(2024, 3, 31)),
        (2025, dt.date(2025, 4, 20)),
        (2026, dt.date(2026, 4, 5)),
        (2027, dt.date(2027, 3, 28)),
        (2038, dt.date(2038, 4, 25)),
        (2285, dt.date(2285, 3, 22)),
    ],
)
def test_easter(jaar: int, datum: dt.date) -> None:
    assert pasen(jaar) == datum


@given(jaren)
def test_easter_is_a_sunday_between_22_march_and_25_april(jaar: int) -> None:
    p = pasen(jaar)
    assert p.weekday() == 6
    assert dt.date(jaar, 3, 22) <= p <= dt.date(jaar, 4, 25)


def test_the_holidays_of_2025_and_2026() -> None:
    assert feestdagen(2025) == {
        dt.date(2025, 1, 1): "Nieuwjaarsdag",
        dt.date(2025, 4, 20): "Eerste Paasdag",
        dt.date(2025, 4, 21): "Tweede Paasdag",
        dt.date(2025, 4, 26): "Koningsdag",  # the 27th is a Sunday
        dt.date(2025, 5, 5): "Bevrijdingsdag",  # a lustrum year
        dt.date(2025, 5, 29): "Hemelvaartsdag",
        dt.date(2025, 6, 8): "Eerste Pinksterdag",
        dt.date(2025, 6, 9): "Tweede Pinksterdag",
        dt.date(2025, 12, 25): "Eerste Kerstdag",
        dt.date(2025, 12, 26): "Tweede Kerstdag",
    }
    zesentwintig = feestdagen(2026)
    assert dt.date(2026, 4, 27) in zesentwintig  # a Monday
    assert dt.date(2026, 5, 5) not in zesentwintig  # no lustrum
    assert dt.date(2026, 5, 5) in feestdagen(2026, Bevrijdingsdag.JAARLIJKS)
    assert dt.date(2025, 5, 5) not in feestdagen(2025, Bevrijdingsdag.NOOIT)
    assert feestdagen(2013)[dt.date(2013, 4, 30)] == "Koninginnedag"


@given(jaren, st.sampled_from(Bevrijdingsdag))
def test_the_holidays_are_where_they_belong(jaar: int, regel: Bevrijdingsdag) -> None:
    dagen = feestdagen(jaar, regel)
    namen = {naam: datum for datum, naam in dagen.items()}
    assert list(dagen) == sorted(dagen)
    assert namen["Hemelvaartsdag"].weekday() == 3
    assert namen["Tweede Paasdag"].weekday() == 0 and namen["Tweede Pinksterdag"].weekday() == 0
    koning = namen.get("Koningsdag") or namen["Koninginnedag"]
    assert koning.weekday() != 6
    verwacht = 9 + (
        regel == Bevrijdingsdag.JAARLIJKS or (regel == Bevrijdingsdag.LUSTRUM and jaar % 5 == 0)
    )
    if namen["Hemelvaartsdag"] == dt.date(jaar, 5, 5):
        verwacht = 9
    assert len(dagen) == verwacht


@pytest.mark.parametrize(
    ("jaar", "maand", "n", "regel", "datum"),
    [
        (2026, 1, 5, Bevrijdingsdag.LUSTRUM, dt.date(2026, 1, 8)),  # 1 January a Thursday
        (2025, 5, 5, Bevrijdingsdag.LUSTRUM, dt.date(2025, 5, 8)),  # Bevrijdingsdag off
        (2025, 5, 5, Bevrijdingsdag.NOOIT, dt.date(2025, 5, 7)),
        (2026, 4, 1, Bevrijdingsdag.LUSTRUM, dt.date(2026, 4, 1)),
        (2026, 4, 5, Bevrijdingsdag.LUSTRUM, dt.date(2026, 4, 8)),  # Tweede Paasdag 6 April
        (2026, 11, 5, Bevrijdingsdag.LUSTRUM, dt.date(2026, 11, 6)),
        (2026, 12, 1, Bevrijdingsdag.LUSTRUM, dt.date(2026, 12, 1)),
    ],
)
def test_the_nth_working_day(
    jaar: int, maand: int, n: int, regel: Bevrijdingsdag, datum: dt.date
) -> None:
    assert nde_werkdag(jaar, maand, n, regel) == datum


@given(jaren, st.integers(1, 12), st.integers(1, MAX_WERKDAG), st.sampled_from(Bevrijdingsdag))
def test_the_nth_working_day_is_a_working_day_with_n_minus_one_before_it(
    jaar: int, maand: int, n: int, regel: Bevrijdingsdag
) -> None:
    dag = nde_werkdag(jaar, maand, n, regel)
    assert (dag.year, dag.month) == (jaar, maand)
    assert is_werkdag(dag, regel)
    voor = [d for d in werkdagen(jaar, maand, regel) if d < dag]
    assert len(voor) == n - 1
    if n > 1:
        assert nde_werkdag(jaar, maand, n - 1, regel) < dag


def test_a_working_day_that_does_not_exist() -> None:
    with pytest.raises(ValueError, match="de 25e bestaat niet"):
        nde_werkdag(2026, 2, 25)


def test_a_rule_as_data_and_its_deadlines() -> None:
    regel = Termijnregel()  # the 5th working day of the peildatum's month, 3 days before
    assert regel.omschrijving() == "de 5e werkdag van de maand van de peildatum"
    assert uiterste_datum(dt.date(2026, 1, 1), regel) == dt.date(2026, 1, 8)
    assert herinneringsdatum(dt.date(2026, 1, 1), regel) == dt.date(2026, 1, 5)
    na = Termijnregel(Termijnsoort.KALENDERDAG, 10, maanden_na_peildatum=1, dagen_vooraf=0)
    assert na.omschrijving() == "de 10e kalenderdag van de maand na de peildatum"
    assert uiterste_datum(dt.date(2026, 1, 1), na) == dt.date(2026, 2, 10)
    # Reminders from 5 January up to and including the 8th, then late from the 9th.
    assert te_herinneren(dt.date(2026, 1, 4), regel) == ()
    assert te_herinneren(dt.date(2026, 1, 5), regel) == (ronde(dt.date(2026, 1, 1), regel),)
    assert te_herinneren(dt.date(2026, 1, 8), regel) == (ronde(dt.date(2026, 1, 1), regel),)
    assert te_herinneren(dt.date(2026, 1, 9), regel) == ()
    assert laatst_verstreken(dt.date(2026, 1, 8), regel) == ronde(dt.date(2025, 12, 1), regel)
    assert laatst_verstreken(dt.date(2026, 1, 9), regel) == ronde(dt.date(2026, 1, 1), regel)


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"dag": 0}, "de dag is 1 tot en met 15 voor een werkdag, niet 0"),
        ({"dag": 16}, "de dag is 1 tot en met 15"),
        ({"soort": Termijnsoort.KALENDERDAG, "dag": 29}, "1 tot en met 28 voor een kalenderdag"),
        ({"maanden_na_peildatum": 3}, "maanden na de peildatum is 0 tot en met 2"),
        ({"dagen_vooraf": -1}, "dagen vooraf is 0 tot en met 28"),
    ],
)
def test_a_rule_out_of_range_is_refused(velden: dict[str, object], melding: str) -> None:
    with pytest.raises(ValueError, match=melding):
        Termijnregel(**velden)  # type: ignore[arg-type]


@given(datums, regels)
def test_the_rounds_of_any_day(vandaag: dt.date, regel: Termijnregel) -> None:
    for r in te_herinneren(vandaag, regel):
        assert r.herinneren_vanaf <= vandaag <= r.uiterste_datum
        assert r.peildatum <= vandaag.replace(day=1)  # never a peildatum still to come
        assert r.uiterste_datum >= r.peildatum
    laatst = laatst_verstreken(vandaag, regel)
    assert laatst is not None and laatst.uiterste_datum < vandaag
    # The next round's deadline has not passed yet.
    volgende = ronde(
        dt.date(
            laatst.peildatum.year + laatst.peildatum.month // 12, laatst.peildatum.month % 12 + 1, 1
        ),
        regel,
    )
    assert volgende.uiterste_datum >= vandaag


@given(datums, regels)
def test_every_day_of_a_window_reminds_of_its_round(vandaag: dt.date, regel: Termijnregel) -> None:
    """Whatever the day: the round of this month's peildatum is reminded of on every day from
    its first reminder day to its deadline, if that window has begun by this month."""
    r = ronde(vandaag.replace(day=1), regel)
    binnen = r.herinneren_vanaf <= vandaag <= r.uiterste_datum
    assert (r in te_herinneren(vandaag, regel)) == binnen


def test_a_deadline_of_its_own_for_one_peildatum() -> None:
    regel = Termijnregel()
    afwijkend = {
        dt.date(2025, 12, 1): dt.date(2026, 1, 12)
    }  # December's figures after the holidays
    assert ronde(dt.date(2025, 12, 1), regel, afwijkend).uiterste_datum == dt.date(2026, 1, 12)
    assert ronde(dt.date(2025, 12, 1), regel, afwijkend).herinneren_vanaf == dt.date(2026, 1, 9)
    assert [r.peildatum for r in te_herinneren(dt.date(2026, 1, 9), regel, afwijkend)] == [
        dt.date(2025, 12, 1)
    ]
    # On 8 January December's own deadline has not passed: the latest past one is November's.
    assert laatst_verstreken(dt.date(2026, 1, 8), regel, afwijkend) == ronde(
        dt.date(2025, 11, 1), regel
    )
    assert laatst_verstreken(dt.date(2026, 1, 13), regel, afwijkend) == ronde(
        dt.date(2026, 1, 1), regel
    )
