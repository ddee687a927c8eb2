"""Month arithmetic, the one place (``domain.maanden``): first-of-months for peildata, and the
same day some months later for terms counted in months (the nareismaatregel, contracts)."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.maanden import (
    eerste_van_maand,
    maanden,
    maanden_tussen,
    plus_maanden,
    volgende_maand,
    zelfde_dag_plus_maanden,
)

D = dt.date
datums = st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31))


def _index(d: dt.date) -> int:
    return d.year * 12 + d.month


def test_plus_maanden_gives_a_first_of_the_month() -> None:
    assert plus_maanden(D(2025, 11, 20), 2) == D(2026, 1, 1)
    assert plus_maanden(D(2026, 1, 31), -1) == D(2025, 12, 1)
    assert plus_maanden(D(2025, 12, 1), 1) == volgende_maand(D(2025, 12, 31)) == D(2026, 1, 1)
    assert plus_maanden(D(2025, 1, 1), -13) == D(2023, 12, 1)


def test_zelfde_dag_plus_maanden_keeps_the_day_or_clamps_it() -> None:
    assert zelfde_dag_plus_maanden(D(2025, 8, 31), 6) == D(2026, 2, 28)
    assert zelfde_dag_plus_maanden(D(2027, 8, 31), 6) == D(2028, 2, 29)
    assert zelfde_dag_plus_maanden(D(2025, 12, 22), 6) == D(2026, 6, 22)
    assert zelfde_dag_plus_maanden(D(2026, 3, 31), -1) == D(2026, 2, 28)
    assert zelfde_dag_plus_maanden(D(2026, 1, 15), 0) == D(2026, 1, 15)


@given(datums, st.integers(min_value=-120, max_value=120))
def test_both_land_in_the_same_month(datum: dt.date, n: int) -> None:
    eerste = plus_maanden(datum, n)
    zelfde = zelfde_dag_plus_maanden(datum, n)
    assert _index(eerste) - _index(datum) == n
    assert eerste.day == 1
    assert eerste_van_maand(zelfde) == eerste
    assert zelfde.day <= datum.day
    # The day is kept unless the month is too short for it.
    if zelfde.day < datum.day:
        assert volgende_maand(zelfde) - zelfde == dt.timedelta(days=1)


@given(datums, st.integers(min_value=1, max_value=24))
def test_zelfde_dag_later_is_later(datum: dt.date, n: int) -> None:
    assert zelfde_dag_plus_maanden(datum, n) > datum
    assert zelfde_dag_plus_maanden(datum, -n) < datum


@given(datums, st.integers(min_value=1, max_value=60))
def test_maanden_en_maanden_tussen(van: dt.date, aantal: int) -> None:
    reeks = maanden(van, aantal)
    assert len(reeks) == aantal
    assert reeks[0] == eerste_van_maand(van)
    assert all(volgende_maand(a) == b for a, b in itertools.pairwise(reeks))
    assert maanden_tussen(van, reeks[-1]) == reeks
    assert maanden_tussen(reeks[-1], van) == (() if aantal > 1 else reeks)
