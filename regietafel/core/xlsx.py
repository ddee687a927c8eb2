"""Excel (XLSX) of tables: the one writer every page, export and report uses.

A ``Tabel`` (``core.tabel``) becomes a sheet with Dutch headers in one frozen row, a number
format per column kind (places, differences with a sign, euros, percentages, dates), an auto
filter, totals as formulas (SUM; a share as a quotient), the caption under the table and
the footer text and page numbers for printing.

    return xlsx_antwoord([tabel], bestandsnaam="trends-drenthe.xlsx", titel="Trends Drenthe")

Exports are inert (OWASP, CSV/formula injection): every cell is written by ``cel`` (or
``regel``), which stores text as a typed string cell — openpyxl would otherwise turn any text
starting with "=" into a live formula and "#N/A" into an error value — and marks text that a
spreadsheet would read as a formula with the quote prefix, so that editing the cell keeps it
text. Only a ``Formule``, which the product builds itself (a SUM, a row sum, a quotient), is
written as a formula. ``opslaan``, through which every workbook leaves, turns any other formula
back into text, so a cell written around ``cel`` cannot become one either.
"""

from __future__ import annotations

import datetime as dt
import io
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse

from regietafel.core import klok
from regietafel.core.tabel import (
    Aandeel,
    Decimaal,
    Noot,
    Ontbreekt,
    Percentage,
    Tabel,
    Waarde,
    kaal,
)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATEN = {
    "getal": "#,##0",
    "verschil": "+#,##0;-#,##0;0",
    "euro": '"€" #,##0',
    "procent": "0%",
    "datum": "dd-mm-yyyy",
}
MOMENT_FORMAAT = "dd-mm-yyyy hh:mm"
"""Dates as everywhere in the product: dd-mm-jjjj (``domain.notatie.datum``), in every cell."""
PERCENTAGE_FORMAAT = "0.00%"
DECIMAAL_FORMAAT = "#,##0.00"
KOP_KLEUR = "DDE6EE"
ONGELDIG = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
MAX_TEKST = 32_767
FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""A text starting with one of these (after spaces) reads as a formula when typed into a
spreadsheet: it gets the quote prefix (in CSV: ``core.csvexport``, a leading quote)."""


@dataclass(frozen=True)
class Formule:
    """A formula the product makes itself: ``Formule("=SUM(B2:B13)")``. The only kind of
    value ``cel`` writes as a formula; text from users never is one."""

    tekst: str

    def __post_init__(self) -> None:
        if not self.tekst.startswith("="):
            raise ValueError(f"een formule begint met '=': {self.tekst!r}")


_FORMULES: weakref.WeakKeyDictionary[Any, set[tuple[int, int]]] = weakref.WeakKeyDictionary()
"""Per worksheet the (row, column) of the formulas written as ``Formule``."""


def lijkt_formule(tekst: str) -> bool:
    """Would a spreadsheet read ``tekst`` typed into a cell as a formula?"""
    return tekst.lstrip(" ").startswith(FORMULETEKENS)


def cel(ws: Any, rij: int, kolom: int, waarde: Any) -> Any:
    """Write one cell: text always as text, a ``Formule`` as a formula, numbers, dates and
    booleans as themselves (a date shown dd-mm-jjjj, a moment dd-mm-jjjj uu:mm, in local time
    without a time zone, which Excel cannot store). Returns the cell (for its style)."""
    if isinstance(waarde, Formule):
        c = ws.cell(row=rij, column=kolom, value=waarde.tekst)
        _FORMULES.setdefault(ws, set()).add((rij, kolom))
        return c
    c = ws.cell(row=rij, column=kolom)
    if isinstance(waarde, str):
        _tekst(c, waarde)
    else:
        if isinstance(waarde, dt.datetime):
            if waarde.tzinfo is not None:
                waarde = klok.lokaal(waarde).replace(tzinfo=None)
            c.number_format = MOMENT_FORMAAT
        elif isinstance(waarde, dt.date):
            c.number_format = FORMATEN["datum"]
        c.value = waarde
        _FORMULES.get(ws, set()).discard((rij, kolom))
    return c


def _tekst(c: Any, tekst: str) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Control characters make openpyxl refuse the cell (and Excel the file); a cell holds at
    # most 32.767 characters.
    c.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", tekst)[:MAX_TEKST]
    c.data_type = "s"  # never "f" (formula) or "e" (an error value such as "#N/A")
    if lijkt_formule(tekst):
        c.quotePrefix = True
    formules = _FORMULES.get(c.parent)
    if formules:
        formules.discard((c.row, c.column))


def regel(ws: Any, waarden: Iterable[Any]) -> int:
    """Append a row (as ``ws.append``) through ``cel``; returns its row number."""
    rij = ws._current_row + 1  # as ws.append
    for kolom, waarde in enumerate(waarden, start=1):
        cel(ws, rij, kolom, waarde)
    ws._current_row = rij  # an empty row counts too
    return rij


def maak_inert(wb: Any) -> int:
    """Every formula that is not a ``Formule`` of the product becomes text again (and an error
    value written from text too); returns how many cells were changed."""
    veranderd = 0
    for ws in wb.worksheets:
        formules = _FORMULES.get(ws, set())
        for c in getattr(ws, "_cells", {}).values():
            if c.data_type == "f" and (c.row, c.column) not in formules:
                _tekst(c, str(c.value))
                veranderd += 1
            elif c.data_type == "e" and isinstance(c.value, str):
                _tekst(c, c.value)
                veranderd += 1
    return veranderd


def bladnaam(tabel: Tabel) -> str:
    return tabel.sleutel.translate(ONGELDIG)[:31]


def nieuw_werkboek(*, titel: str, maker: str = "regietafel", onderwerp: str = "") -> Any:
    """An empty workbook with Dutch document properties (the first sheet still to be filled)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.title = titel
    wb.properties.creator = maker
    wb.properties.subject = onderwerp
    wb.properties.language = "nl-NL"
    return wb


def werkboek(
    tabellen: Sequence[Tabel], *, titel: str, voettekst: str = "", maker: str = "regietafel"
) -> bytes:
    """Every table on its own sheet, in order."""
    if not tabellen:
        raise ValueError("een werkboek heeft ten minste één tabel")
    wb = nieuw_werkboek(titel=titel, maker=maker)
    wb.properties.description = voettekst
    eerste = True
    for tabel in tabellen:
        if eerste:
            ws = wb.active
            ws.title = bladnaam(tabel)
            eerste = False
        else:
            ws = wb.create_sheet(bladnaam(tabel))
        blad(ws, tabel, voettekst=voettekst or titel)
    return opslaan(wb)


def opslaan(wb: Any) -> bytes:
    """The workbook as bytes: the one way a workbook leaves the product (made inert first)."""
    maak_inert(wb)
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def xlsx_antwoord(
    tabellen: Sequence[Tabel], *, bestandsnaam: str, titel: str, voettekst: str = ""
) -> HttpResponse:
    """A download response with the workbook of ``tabellen``."""
    response = HttpResponse(
        werkboek(tabellen, titel=titel, voettekst=voettekst), content_type=XLSX_MIME
    )
    return als_bijlage(response, bestandsnaam)


def als_bijlage(response: HttpResponse, bestandsnaam: str) -> HttpResponse:
    """``response`` as a download named ``bestandsnaam``: quotes escaped, a non-ASCII name
    encoded (RFC 6266), control characters left out (a name may hold a user's text, and a
    line break in a header would be a server error)."""
    from django.utils.http import content_disposition_header

    naam = "".join(t for t in bestandsnaam if t.isprintable()) or "download"
    response["Content-Disposition"] = content_disposition_header(True, naam)
    return response


def afdruk(ws: Any, *, voettekst: str, breed: bool) -> None:
    ws.page_setup.orientation = "landscape" if breed else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.left.text = voettekst.replace("&", "&&")
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "pagina &P van &N"
    ws.oddFooter.right.size = 8


def _waarde(waarde: Waarde) -> Any:
    """A cell's value for Excel: a link's text, a note's value, a missing figure empty."""
    waarde = kaal(waarde)
    if isinstance(waarde, Aandeel):
        return waarde.waarde if waarde.waarde is not None else "n.v.t."
    if isinstance(waarde, Percentage | Decimaal):
        return waarde.waarde
    return waarde


def _rijsom(kolom_nummers: tuple[int, ...], rij: int) -> Formule:
    from openpyxl.utils import get_column_letter

    return Formule("=" + "+".join(f"{get_column_letter(k + 1)}{rij}" for k in kolom_nummers))


def blad(ws: Any, tabel: Tabel, *, voettekst: str, koptekst: Sequence[str] = ()) -> None:
    """Write ``tabel`` to the sheet ``ws``: header row frozen, rows, totals as formulas.

    ``koptekst``: lines above the header (a title, the peildatum), the first in bold; the
    header row then comes after them and an empty line, and the panes freeze below it.
    """
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    vet = Font(bold=True)
    for r, tekst in enumerate(koptekst, start=1):
        cel(ws, r, 1, tekst).font = Font(bold=True, size=13) if r == 1 else Font()
    kop = len(koptekst) + 2 if koptekst else 1
    vulling = PatternFill("solid", fgColor=KOP_KLEUR)
    for i, kolom in enumerate(tabel.kolommen, start=1):
        kopcel = cel(ws, kop, i, kolom.volledige_kop)
        kopcel.font = vet
        kopcel.fill = vulling
        kopcel.alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="right" if kolom.numeriek else "left"
        )
        ws.column_dimensions[get_column_letter(i)].width = max(kolom.breedte + 2, 10)
    ws.row_dimensions[kop].height = 45
    eerste, laatste = kop + 1, kop + len(tabel.rijen)
    ws.freeze_panes = f"B{eerste}"
    for r, rij in enumerate(tabel.rijen, start=eerste):
        for i, (kolom, waarde) in enumerate(zip(tabel.kolommen, rij, strict=True), start=1):
            c = cel(ws, r, i, _rijsom(kolom.rijsom, r) if kolom.rijsom else _waarde(waarde))
            _formaat(c, kolom.soort, waarde)
            if isinstance(waarde, Noot):
                _opmerking(c, waarde.noot)
    if tabel.rijen:
        ws.auto_filter.ref = f"A{kop}:{get_column_letter(len(tabel.kolommen))}{laatste}"
    r = laatste + 1
    if tabel.totaal is not None:
        lijn = Border(top=Side(style="thin"))
        for i, (kolom, waarde) in enumerate(
            zip(tabel.kolommen, tabel.totaal, strict=True), start=1
        ):
            letter = get_column_letter(i)
            inhoud: Any = _waarde(waarde) if i == 1 else None
            if isinstance(waarde, Ontbreekt):
                pass  # a missing total (no opgave at all) stays empty: never a SUM of 0
            elif kolom.som and tabel.rijen:
                inhoud = Formule(f"=SUM({letter}{eerste}:{letter}{laatste})")
            elif kolom.rijsom:
                inhoud = _rijsom(kolom.rijsom, r)
            elif kolom.aandeel is not None:
                teller = get_column_letter(kolom.aandeel[0] + 1)
                noemer = get_column_letter(kolom.aandeel[1] + 1)
                inhoud = Formule(f'=IF({noemer}{r}>0,{teller}{r}/{noemer}{r},"n.v.t.")')
            c = cel(ws, r, i, inhoud)
            c.font = vet
            c.border = lijn
            _formaat(c, kolom.soort, waarde)
            if isinstance(waarde, Noot):
                _opmerking(c, waarde.noot)
        r += 1
    for rij in tabel.voetregels:
        for i, (kolom, waarde) in enumerate(zip(tabel.kolommen, rij, strict=True), start=1):
            c = cel(ws, r, i, _waarde(waarde))
            _formaat(c, kolom.soort, waarde)
            if isinstance(waarde, Noot):
                _opmerking(c, waarde.noot)
        r += 1
    onderschrift = f"{tabel.titel}. {tabel.bijschrift}" if tabel.bijschrift else tabel.titel
    bron = cel(ws, r + 1, 1, onderschrift)
    bron.font = Font(italic=True, size=9)
    afdruk(ws, voettekst=voettekst, breed=tabel.breed)
    ws.print_title_rows = f"{kop}:{kop}"


def _opmerking(c: Any, tekst: str) -> None:
    """A note of the page (``Noot``) as the cell's comment: the cell keeps its number."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.comments import Comment

    c.comment = Comment(ILLEGAL_CHARACTERS_RE.sub("\ufffd", tekst)[:MAX_TEKST], "regietafel")


def _formaat(c: Any, soort: str, waarde: Waarde) -> None:
    waarde = kaal(waarde)
    if isinstance(waarde, Percentage):
        c.number_format = PERCENTAGE_FORMAAT
        return
    if isinstance(waarde, Decimaal):
        c.number_format = DECIMAAL_FORMAAT
        return
    if soort == "tekst":
        return
    if soort == "datum" and not isinstance(waarde, dt.date):
        return
    c.number_format = FORMATEN[soort]
