"""Month arithmetic on peildata: a peildatum is always the first day of a month."""

from __future__ import annotations

import datetime as dt


def eerste_van_maand(datum: dt.date) -> dt.date:
    """The first day of ``datum``'s month."""
    return datum.replace(day=1)


def plus_maanden(datum: dt.date, n: int) -> dt.date:
    """The first day of the month ``n`` months after ``datum``'s month (n may be negative)."""
    index = datum.year * 12 + datum.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


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
