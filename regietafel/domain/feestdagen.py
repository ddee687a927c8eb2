"""Dutch public holidays and working days, for delivery deadlines ("de 5e werkdag").

The holidays the national government and most collective agreements give off: Nieuwjaarsdag,
Eerste en Tweede Paasdag, Koningsdag, Bevrijdingsdag (every five years, or as configured),
Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag. Goede Vrijdag is no
general day off and is not counted. Easter by the anonymous Gregorian algorithm (Meeus/Jones/
Butcher); every movable feast follows from it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

__all__ = [
    "Bevrijdingsdag",
    "feestdagen",
    "is_werkdag",
    "nde_werkdag",
    "pasen",
    "werkdagen",
]


class Bevrijdingsdag(StrEnum):
    """Whether 5 May is a day off: every five years (2025, 2030: the government's rule), every
    year (many collective agreements), or never."""

    LUSTRUM = "lustrum"
    JAARLIJKS = "jaarlijks"
    NOOIT = "nooit"


def pasen(jaar: int) -> dt.date:
    """Easter Sunday of ``jaar`` (Gregorian calendar): the anonymous algorithm."""
    if jaar < 1583:
        raise ValueError(f"de Gregoriaanse kalender geldt vanaf 1583, niet in {jaar}")
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    maand, dag = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(jaar, maand, dag + 1)


def _koningsdag(jaar: int) -> tuple[dt.date, str]:
    """Koningsdag (27 April, from 2014; on Saturday the 26th when the 27th is a Sunday);
    before 2014 Koninginnedag (30 April; a Sunday moves it to the 29th, before 1980 to 1 May)."""
    if jaar >= 2014:
        dag = dt.date(jaar, 4, 27)
        return (dag - dt.timedelta(days=1) if dag.weekday() == 6 else dag), "Koningsdag"
    dag = dt.date(jaar, 4, 30)
    if dag.weekday() == 6:
        dag = dt.date(jaar, 4, 29) if jaar >= 1980 else dt.date(jaar, 5, 1)
    return dag, "Koninginnedag"


def feestdagen(
    jaar: int, bevrijdingsdag: Bevrijdingsdag = Bevrijdingsdag.LUSTRUM
) -> dict[dt.date, str]:
    """The public holidays of ``jaar``, by date, in calendar order."""
    p = pasen(jaar)
    dagen = {
        dt.date(jaar, 1, 1): "Nieuwjaarsdag",
        p: "Eerste Paasdag",
        p + dt.timedelta(days=1): "Tweede Paasdag",
        p + dt.timedelta(days=39): "Hemelvaartsdag",
        p + dt.timedelta(days=49): "Eerste Pinksterdag",
        p + dt.timedelta(days=50): "Tweede Pinksterdag",
        dt.date(jaar, 12, 25): "Eerste Kerstdag",
        dt.date(jaar, 12, 26): "Tweede Kerstdag",
    }
    koningsdag, naam = _koningsdag(jaar)
    dagen[koningsdag] = naam
    vrij = bevrijdingsdag == Bevrijdingsdag.JAARLIJKS or (
        bevrijdingsdag == Bevrijdingsdag.LUSTRUM and jaar % 5 == 0
    )
    if vrij:
        # 5 May can fall on Hemelvaartsdag (2005, 2016 …): the date keeps one name.
        dagen.setdefault(dt.date(jaar, 5, 5), "Bevrijdingsdag")
    return dict(sorted(dagen.items()))


def is_werkdag(datum: dt.date, bevrijdingsdag: Bevrijdingsdag = Bevrijdingsdag.LUSTRUM) -> bool:
    """Monday to Friday and not a public holiday."""
    return datum.weekday() < 5 and datum not in feestdagen(datum.year, bevrijdingsdag)


def werkdagen(
    jaar: int, maand: int, bevrijdingsdag: Bevrijdingsdag = Bevrijdingsdag.LUSTRUM
) -> tuple[dt.date, ...]:
    """Every working day of the month, in order."""
    vrij = feestdagen(jaar, bevrijdingsdag)
    dag = dt.date(jaar, maand, 1)
    uit = []
    while dag.month == maand:
        if dag.weekday() < 5 and dag not in vrij:
            uit.append(dag)
        dag += dt.timedelta(days=1)
    return tuple(uit)


def nde_werkdag(
    jaar: int, maand: int, n: int, bevrijdingsdag: Bevrijdingsdag = Bevrijdingsdag.LUSTRUM
) -> dt.date:
    """The ``n``-th working day of the month (1 is the first)."""
    dagen = werkdagen(jaar, maand, bevrijdingsdag)
    if not 1 <= n <= len(dagen):
        raise ValueError(f"{maand:02d}-{jaar} heeft {len(dagen)} werkdagen; de {n}e bestaat niet")
    return dagen[n - 1]
