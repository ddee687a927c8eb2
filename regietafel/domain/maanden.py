"""Month arithmetic, the one place: on peildata (always the first day of a month) and, for
terms counted in months, on any day (``zelfde_dag_plus_maanden``)."""

from __future__ import annotations

import calendar
import datetime as dt


def eerste_van_maand(datum: dt.date) -> dt.date:
    """The first day of ``datum``'s month."""
    return datum.replace(day=1)


def plus_maanden(datum: dt.date, n: int) -> dt.date:
    """The first day of the month ``n`` months after ``datum``'s month (n may be negative)."""
    index = datum.year * 12 + datum.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def zelfde_dag_plus_maanden(datum: dt.date, n: int) -> dt.date:
    """The same day ``n`` months later (or earlier), clamped to the last day of a shorter
    month: 31-08-2025 + 6 = 28-02-2026, 31-08-2027 + 6 = 29-02-2028, 22-12-2025 + 6 = 22-06-2026.
    Unlike ``plus_maanden``, which always gives a first of the month."""
    maand = plus_maanden(datum, n)
    laatste = calendar.monthrange(maand.year, maand.month)[1]
    return maand.replace(day=min(datum.day, laatste))


def volgende_maand(datum: dt.date) -> dt.date:
    """The first day of the month after ``datum``'s month."""
    return plus_maanden(datum, 1)


def maanden(van: dt.date, aantal: int) -> tuple[dt.date, ...]:
    """``aantal`` first-of-months from ``van``'s month on."""
    if aantal < 1:
        raise ValueError(f"het aantal maanden is ten minste 1, niet {aantal}")
    return tuple(plus_maanden(van, i) for i in range(aantal))


def maanden_tussen(van: dt.date, tot_en_met: dt.date) -> tuple[dt.date, ...]:
    """Every first-of-month from ``van``'s month up to and including ``tot_en_met``'s."""
    begin, eind = eerste_van_maand(van), eerste_van_maand(tot_en_met)
    if eind < begin:
        return ()
    aantal = (eind.year - begin.year) * 12 + eind.month - begin.month + 1
    return maanden(begin, aantal)
