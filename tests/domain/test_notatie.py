"""Dutch notation, the one place (``domain.notatie``): every page, document, export and rule
text prints its numbers and dates through it."""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain import notatie
from regietafel.domain.indicatief import afgerond

MIN = "\u2212"


def test_getal() -> None:
    assert notatie.getal(0) == "0"
    assert notatie.getal(999) == "999"
    assert notatie.getal(5720) == "5.720"
    assert notatie.getal(1234567) == "1.234.567"
    assert notatie.getal(-670) == f"{MIN}670"
    assert notatie.getal(-5722) == f"{MIN}5.722"


def test_verschil_euro_en_procent() -> None:
    assert [notatie.verschil(n) for n in (5, 0, -670)] == ["+5", "0", f"{MIN}670"]
    assert notatie.euro(3_084_000) == "€\u00a03.084.000"
    assert notatie.heel_procent(Fraction(33, 14)) == "236%"
    assert notatie.heel_procent(Fraction(21, 2)) == "1.050%"
    assert notatie.heel_procent(Fraction(1, 200)) == "1%"  # 0,5 % rounds half up
    assert notatie.procent(Fraction(8124, 10000)) == "81,24 %"


def test_decimaal() -> None:
    assert notatie.decimaal(Fraction(2917, 100)) == "29,17"
    assert notatie.decimaal(Fraction(123962, 100)) == "1.239,62"
    assert notatie.decimaal(Fraction(-1, 2)) == f"{MIN}0,50"
    assert notatie.decimaal(Fraction(1, 8), 2) == "0,13"  # 0,125: half away from zero
    assert notatie.decimaal(Fraction(-1, 8), 2) == f"{MIN}0,13"
    assert notatie.decimaal(Fraction(-1, 1000), 2) == "0,00"  # no sign on a rounded zero
    assert notatie.decimaal(Fraction(5, 2), 0) == "3"


def test_datum_en_moment() -> None:
    assert notatie.datum(dt.date(2025, 11, 1)) == "01-11-2025"
    assert notatie.datum(dt.date(2026, 1, 12)) == "12-01-2026"
    assert notatie.datum(dt.datetime(2026, 3, 31, 23, 59)) == "31-03-2026"
    assert notatie.moment(dt.datetime(2025, 11, 1, 9, 5)) == "01-11-2025 09:05"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_getal_reads_back(n: int) -> None:
    tekst = notatie.getal(n)
    assert re.fullmatch(rf"{MIN}?\d{{1,3}}(\.\d{{3}})*", tekst)
    assert int(tekst.replace(MIN, "-").replace(".", "")) == n


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_datum_is_always_dd_mm_jjjj(d: dt.date) -> None:
    tekst = notatie.datum(d)
    assert re.fullmatch(r"\d{2}-\d{2}-\d{4}", tekst)
    assert dt.datetime.strptime(tekst, "%d-%m-%Y").date() == d


@given(st.fractions(), st.integers(min_value=0, max_value=4))
def test_decimaal_is_exact_and_rounds_half_away_from_zero(waarde: Fraction, cijfers: int) -> None:
    tekst = notatie.decimaal(waarde, cijfers)
    geheel, _, deel = tekst.replace(MIN, "-").partition(",")
    assert len(deel) == cijfers
    gelezen = Fraction(int(geheel.replace(".", "").replace("-", "") + deel), 10**cijfers)
    if tekst.startswith(MIN):
        gelezen = -gelezen
    assert abs(gelezen - waarde) <= Fraction(1, 2 * 10**cijfers)
    assert notatie.afgerond_op(waarde, cijfers) == gelezen
    assert notatie.afgerond_op(-waarde, cijfers) == -gelezen  # symmetric


@given(st.fractions())
def test_afgerond_is_round_half_up(waarde: Fraction) -> None:
    n = afgerond(waarde)
    assert waarde - Fraction(1, 2) < n <= waarde + Fraction(1, 2)


def test_datum_lang() -> None:
    assert notatie.datum_lang(dt.date(2026, 2, 5)) == "5 februari 2026"
    assert notatie.datum_lang(dt.date(2025, 11, 14)) == "14 november 2025"
    assert notatie.datum_lang(dt.date(2024, 12, 31)) == "31 december 2024"


@given(st.dates())
def test_datum_lang_names_every_month(d: dt.date) -> None:
    dag, maand, jaar = notatie.datum_lang(d).split(" ")
    assert (int(dag), notatie.MAANDEN.index(maand) + 1, int(jaar)) == (d.day, d.month, d.year)


def test_maand() -> None:
    assert notatie.maand(dt.date(2026, 1, 1)) == "01-2026"
    assert notatie.maand(dt.date(2025, 11, 30)) == "11-2025"


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_maand_is_the_month_of_datum(d: dt.date) -> None:
    assert notatie.datum(d)[3:] == notatie.maand(d)


def test_tijd() -> None:
    assert notatie.tijd(dt.time(9, 30)) == "09.30"
    assert notatie.tijd(dt.time(14, 0)) == "14.00"
    assert notatie.tijd(dt.time(23, 59, 59)) == "23.59"
