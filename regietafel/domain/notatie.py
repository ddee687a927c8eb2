"""Dutch notation, the one place: numbers, amounts, shares and dates as officials write them.

    getal(-5722)                     "−5.722"   (thousands with a dot, the real minus U+2212)
    verschil(5)                      "+5"       (a difference with its sign; 0 stays "0")
    euro(3084000)                    "€ 3.084.000" (a no-break space after the sign)
    decimaal(Fraction(123962, 100))  "1.239,62" (exact, half away from zero)
    procent(Fraction(8124, 10000))   "81,24 %"
    datum(date(2025, 11, 1))         "01-11-2025" (dd-mm-jjjj, always two digits)
    datum_lang(date(2026, 2, 5))     "5 februari 2026" (a date in words, as a letter writes it)
    maand(date(2026, 1, 1))          "01-2026"  (a month: mm-jjjj)
    tijd(time(9, 30))                "09.30"    (a time of day, as an invitation writes it)
    moment(datetime(2025, 11, 1, 9, 5))  "01-11-2025 09:05"

Every page, document, export, CLI and rule text writes its numbers and dates through these
functions (the pages through ``core.opmaak`` and the template filters of ``core``). A year or a
code is no number: print it with ``str`` ("2025"), never with ``getal``.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from regietafel.domain.indicatief import afgerond

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MIN = "\u2212"
"""The minus sign for display (U+2212); a hyphen-minus only where a machine reads it."""
NBSP = "\u00a0"


def getal(n: int) -> str:
    """5720 → "5.720", −670 → "−670"."""
    return (MIN if n < 0 else "") + f"{abs(n):,}".replace(",", ".")


def verschil(n: int) -> str:
    """A difference with its sign: "+5", "0", "−670"."""
    return ("+" if n > 0 else "") + getal(n)


def euro(n: int) -> str:
    """An amount in whole euros: "€ 3.084.000", "€ −2.000"."""
    return f"€{NBSP}{getal(n)}"


def afgerond_op(waarde: Fraction, cijfers: int) -> Fraction:
    """``waarde`` rounded to ``cijfers`` decimals, half away from zero, exactly."""
    schaal = 10**cijfers
    teken = -1 if waarde < 0 else 1
    return teken * Fraction(afgerond(abs(waarde) * schaal), schaal)


def decimaal(waarde: Fraction, cijfers: int = 2) -> str:
    """A Dutch decimal, rounded exactly: "29,17", "1.239,62", "−0,50"; no float involved."""
    q = afgerond_op(waarde, cijfers)
    geheel, deel = divmod(abs(q) * 10**cijfers, 10**cijfers)
    tekst = (MIN if q < 0 else "") + getal(int(geheel))
    return f"{tekst},{int(deel):0{cijfers}d}" if cijfers > 0 else tekst


def procent(aandeel: Fraction, cijfers: int = 2) -> str:
    """A share as a percentage with decimals: "81,24 %"."""
    return f"{decimaal(aandeel * 100, cijfers)} %"


def heel_procent(aandeel: Fraction) -> str:
    """A share as a whole percentage, rounded half up: "236%", "1.050%"."""
    return f"{getal(afgerond(aandeel * 100))}%"


def datum(d: dt.date) -> str:
    """dd-mm-jjjj: "01-11-2025"."""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def maand(d: dt.date) -> str:
    """The month of a date, mm-jjjj: "01-2026"."""
    return f"{d.month:02d}-{d.year:04d}"


def tijd(t: dt.time) -> str:
    """A time of day with a dot: "09.30", "14.00"."""
    return f"{t.hour:02d}.{t.minute:02d}"


def datum_lang(d: dt.date) -> str:
    """A date in words: "5 februari 2026", "14 november 2025"."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def moment(m: dt.datetime) -> str:
    """dd-mm-jjjj uu:mm of a moment in the time zone it carries: "01-11-2025 09:05"."""
    return f"{datum(m)} {m.hour:02d}:{m.minute:02d}"
