"""CSV of tables: the one CSV writer (the history lists, the CLI exports).

Semicolon-separated, as a Dutch spreadsheet opens it in columns. Exports are inert (OWASP, CSV
injection): a text cell that a spreadsheet would read as a formula — starting with ``=``,
``+``, ``-``, ``@``, a tab or a line break, also after spaces — gets a leading single quote;
a number stays a number, also a negative one (``-5``, ``-1.000`` as text too), but ``-2+3``
is text and is quoted.

    return csv_antwoord(["Gemeente", "Aantal"], rijen, bestandsnaam="wijzigingen.csv")
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse

from regietafel.core import opmaak
from regietafel.core.xlsx import als_bijlage, lijkt_formule

GETAL = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
"""A plain number, also written as text in the Dutch way ("-1.000", "81,24")."""


def neutraliseer(tekst: str) -> str:
    """``tekst`` as a CSV cell that no spreadsheet reads as a formula."""
    if lijkt_formule(tekst) and not GETAL.fullmatch(tekst.strip()):
        return "'" + tekst
    return tekst


def celtekst(waarde: Any) -> str:
    """One cell: empty for None, a number as itself, a date dd-mm-jjjj, text neutralised."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.datetime):
        return opmaak.moment(waarde)
    if isinstance(waarde, dt.date):
        return opmaak.datum(waarde)
    if isinstance(waarde, int | float):
        return str(waarde)
    return neutraliseer(str(waarde))


def csv_tekst(koppen: Iterable[Any], rijen: Iterable[Iterable[Any]], *, bom: bool = False) -> str:
    """The header row and the rows as CSV text (``bom``: a byte order mark for Excel)."""
    uit = io.StringIO()
    if bom:
        uit.write("\ufeff")
    # RFC 4180 line ends: the writer then quotes every cell holding a CR or LF (with "\n"
    # alone a CR in a cell would end the row in a spreadsheet, and start a formula).
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([celtekst(k) for k in koppen])
    for rij in rijen:
        schrijver.writerow([celtekst(w) for w in rij])
    return uit.getvalue()


def csv_antwoord(
    koppen: Iterable[Any], rijen: Iterable[Iterable[Any]], *, bestandsnaam: str
) -> HttpResponse:
    """A download with the CSV (a BOM, so that Excel reads the accents as UTF-8)."""
    response = HttpResponse(
        csv_tekst(koppen, rijen, bom=True), content_type="text/csv; charset=utf-8"
    )
    return als_bijlage(response, bestandsnaam)
