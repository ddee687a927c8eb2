"""R8, the nareismaatregel of 19-12-2025 (seed 002): told ≥ 2 days before, COA pays ≤ 6
months, the persons count within the half year's taakstelling, HAR+ until 1 July 2026."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.nareizigers import (
    Maatregel,
    Plaatsing,
    binnen_taakstelling,
    einde_coa_betaling,
    halfjaar,
    har_plus_melding,
    meldingen,
    te_laat_geinformeerd,
)

SEED_002 = Maatregel(har_plus_tot=dt.date(2026, 7, 1))


def plaatsing(**kw: object) -> Plaatsing:
    waarden: dict[str, object] = {
        "gemeente": "Assen",
        "personen": 4,
        "geplaatst_op": dt.date(2026, 1, 15),
        "geinformeerd_op": dt.date(2026, 1, 12),
    }
    waarden.update(kw)
    return Plaatsing(**waarden)  # type: ignore[arg-type]


def test_seed_002_terms_are_the_defaults() -> None:
    assert (SEED_002.informeren_dagen, SEED_002.max_maanden) == (2, 6)


@pytest.mark.parametrize(
    ("geinformeerd", "te_laat"),
    [
        (dt.date(2026, 1, 13), False),  # two days before: in time
        (dt.date(2026, 1, 10), False),
        (dt.date(2026, 1, 14), True),  # one day before
        (dt.date(2026, 1, 15), True),  # the same day
        (dt.date(2026, 1, 16), True),  # afterwards
        (None, False),  # unknown: reported separately
    ],
)
def test_told_at_least_two_days_before(geinformeerd: dt.date | None, te_laat: bool) -> None:
    assert te_laat_geinformeerd(plaatsing(geinformeerd_op=geinformeerd), SEED_002) is te_laat


def test_too_late_warning_text() -> None:
    p = plaatsing(geinformeerd_op=dt.date(2026, 1, 14))
    (m,) = meldingen(p, SEED_002, dt.date(2026, 1, 20))
    assert m.code == "te_laat_geinformeerd"
    assert m.tekst == (
        "Assen: 4 nareizigers geplaatst op 15-01-2026; de gemeente is 1 dag vooraf "
        "geïnformeerd (afgesproken: ten minste 2)."
    )


def test_unknown_notice_is_reported() -> None:
    (m,) = meldingen(plaatsing(geinformeerd_op=None), SEED_002, dt.date(2026, 1, 20))
    assert m.code == "niet_geinformeerd"


def test_coa_pays_six_months() -> None:
    assert einde_coa_betaling(plaatsing(), SEED_002) == dt.date(2026, 7, 15)
    # The same day six months later, clamped (domain.maanden.zelfde_dag_plus_maanden).
    for geplaatst, einde in (
        (dt.date(2025, 8, 31), dt.date(2026, 2, 28)),
        (dt.date(2027, 8, 31), dt.date(2028, 2, 29)),
        (dt.date(2025, 12, 22), dt.date(2026, 6, 22)),
    ):
        assert einde_coa_betaling(plaatsing(geplaatst_op=geplaatst), SEED_002) == einde


def test_alert_before_the_six_months_end_with_configurable_lead_time() -> None:
    p = plaatsing()  # COA pays until 15-07-2026
    assert meldingen(p, SEED_002, dt.date(2026, 6, 14)) == ()
    (m,) = meldingen(p, SEED_002, dt.date(2026, 6, 15))
    assert m.code == "einde_coa_nadert"
    assert "tot 15-07-2026 (nog 30 dagen)" in m.tekst
    vroeg = Maatregel(har_plus_tot=dt.date(2026, 7, 1), signaal_dagen=60)
    assert [m.code for m in meldingen(p, vroeg, dt.date(2026, 5, 16))] == ["einde_coa_nadert"]
    assert [m.code for m in meldingen(p, SEED_002, dt.date(2026, 7, 15))] == [
        "einde_coa_verstreken"
    ]


def test_no_alert_when_the_stay_ends_within_the_six_months() -> None:
    p = plaatsing(einddatum=dt.date(2026, 6, 30))
    assert meldingen(p, SEED_002, dt.date(2026, 6, 20)) == ()
    assert meldingen(p, SEED_002, dt.date(2026, 7, 20)) == ()


def test_har_plus_deadline_from_configuration() -> None:
    m = har_plus_melding(SEED_002, dt.date(2026, 1, 1))
    assert m is not None
    assert (m.ernst, m.datum) == ("informatie", dt.date(2026, 7, 1))
    assert m.tekst == "HAR+: gemeenten kunnen een aanvraag doen tot 01-07-2026 (nog 181 dagen)."
    laat = har_plus_melding(SEED_002, dt.date(2026, 6, 10))
    assert laat is not None and laat.ernst == "waarschuwing"
    assert har_plus_melding(SEED_002, dt.date(2026, 7, 1)) is None
    verlengd = Maatregel(har_plus_tot=dt.date(2027, 1, 1))
    assert har_plus_melding(verlengd, dt.date(2026, 7, 1)) is not None


def test_count_within_the_half_year_taakstelling() -> None:
    telling = binnen_taakstelling(
        [
            plaatsing(gemeente="Assen", personen=4, geplaatst_op=dt.date(2025, 12, 22)),
            plaatsing(gemeente="Assen", personen=2, geplaatst_op=dt.date(2025, 7, 1)),
            plaatsing(gemeente="Assen", personen=3, geplaatst_op=dt.date(2026, 1, 15)),
            plaatsing(gemeente="Emmen", personen=5, geplaatst_op=dt.date(2026, 6, 30)),
        ]
    )
    assert telling == {("Assen", 2025, 2): 6, ("Assen", 2026, 1): 3, ("Emmen", 2026, 1): 5}
    assert halfjaar(dt.date(2026, 6, 30)) == (2026, 1)
    assert halfjaar(dt.date(2026, 7, 1)) == (2026, 2)


def test_invalid_placements_are_refused() -> None:
    with pytest.raises(ValueError):
        plaatsing(personen=0)
    with pytest.raises(ValueError):
        plaatsing(einddatum=dt.date(2026, 1, 1))
    with pytest.raises(ValueError):
        Maatregel(har_plus_tot=dt.date(2026, 7, 1), max_maanden=0)


datums = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))


@given(datums, st.integers(min_value=1, max_value=24))
def test_coa_pays_until_the_same_day_months_later(datum: dt.date, maanden: int) -> None:
    maatregel = Maatregel(har_plus_tot=dt.date(2026, 7, 1), max_maanden=maanden)
    uit = einde_coa_betaling(plaatsing(geplaatst_op=datum, geinformeerd_op=datum), maatregel)
    assert (uit.year * 12 + uit.month) - (datum.year * 12 + datum.month) == maanden
    assert uit.day <= datum.day
    assert uit > datum


@given(datums, st.integers(min_value=-5, max_value=10))
def test_too_late_iff_fewer_days_than_agreed(geplaatst: dt.date, dagen: int) -> None:
    p = plaatsing(geplaatst_op=geplaatst, geinformeerd_op=geplaatst - dt.timedelta(days=dagen))
    codes = {m.code for m in meldingen(p, SEED_002, geplaatst)}
    assert te_laat_geinformeerd(p, SEED_002) is (dagen < 2)
    assert ("te_laat_geinformeerd" in codes) is (dagen < 2)


@given(
    st.lists(
        st.tuples(st.sampled_from(["Assen", "Emmen", "Meppel"]), st.integers(1, 9), datums),
        max_size=30,
    )
)
def test_count_sums_to_all_persons(rijen: list[tuple[str, int, dt.date]]) -> None:
    telling = binnen_taakstelling(
        Plaatsing(gemeente=g, personen=n, geplaatst_op=d) for g, n, d in rijen
    )
    assert sum(telling.values()) == sum(n for _, n, _ in rijen)
    assert all(n > 0 for n in telling.values())
