"""Excel (XLSX) of tables: the one writer every page, export and report uses.

A ``Tabel`` (``core.tabel``) becomes a sheet with Dutch headers in one frozen row, a number
format per column kind (places, differences with a sign, euros, percentages, dates), an auto
filter, totals as formulas (SUM; a share as a quotient), the caption under the table and
the footer text and page numbers for printing.

    return xlsx_antwoord([tabel], bestandsnaam="trends-drenthe.xlsx", titel="Trends Drenthe")
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse

from regietafel.core.tabel import Aandeel, Decimaal, Percentage, Tabel, Waarde

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATEN = {
    "getal": "#,##0",
    "verschil": "+#,##0;-#,##0;0",
    "euro": '"€" #,##0',
    "procent": "0%",
    "datum": "d-m-yyyy",
}
PERCENTAGE_FORMAAT = "0.00%"
DECIMAAL_FORMAAT = "#,##0.00"
KOP_KLEUR = "DDE6EE"
ONGELDIG = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


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
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
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
    if isinstance(waarde, Aandeel):
        return waarde.waarde if waarde.waarde is not None else "n.v.t."
    if isinstance(waarde, Percentage | Decimaal):
        return waarde.waarde
    return waarde


def _rijsom(kolom_nummers: tuple[int, ...], rij: int) -> str:
    from openpyxl.utils import get_column_letter

    return "=" + "+".join(f"{get_column_letter(k + 1)}{rij}" for k in kolom_nummers)


def blad(ws: Any, tabel: Tabel, *, voettekst: str, koptekst: Sequence[str] = ()) -> None:
    """Write ``tabel`` to the sheet ``ws``: header row frozen, rows, totals as formulas.

    ``koptekst``: lines above the header (a title, the peildatum), the first in bold; the
    header row then comes after them and an empty line, and the panes freeze below it.
    """
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    vet = Font(bold=True)
    for r, regel in enumerate(koptekst, start=1):
        ws.cell(row=r, column=1, value=regel).font = Font(bold=True, size=13) if r == 1 else Font()
    kop = len(koptekst) + 2 if koptekst else 1
    vulling = PatternFill("solid", fgColor=KOP_KLEUR)
    for i, kolom in enumerate(tabel.kolommen, start=1):
        cel = ws.cell(row=kop, column=i, value=kolom.volledige_kop)
        cel.font = vet
        cel.fill = vulling
        cel.alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="right" if kolom.numeriek else "left"
        )
        ws.column_dimensions[get_column_letter(i)].width = max(kolom.breedte + 2, 10)
    ws.row_dimensions[kop].height = 45
    eerste, laatste = kop + 1, kop + len(tabel.rijen)
    ws.freeze_panes = f"B{eerste}"
    for r, rij in enumerate(tabel.rijen, start=eerste):
        for i, (kolom, waarde) in enumerate(zip(tabel.kolommen, rij, strict=True), start=1):
            cel = ws.cell(
                row=r,
                column=i,
                value=_rijsom(kolom.rijsom, r) if kolom.rijsom else _waarde(waarde),
            )
            _formaat(cel, kolom.soort, waarde)
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
            if kolom.som and tabel.rijen:
                inhoud = f"=SUM({letter}{eerste}:{letter}{laatste})"
            elif kolom.rijsom:
                inhoud = _rijsom(kolom.rijsom, r)
            elif kolom.aandeel is not None:
                teller = get_column_letter(kolom.aandeel[0] + 1)
                noemer = get_column_letter(kolom.aandeel[1] + 1)
                inhoud = f'=IF({noemer}{r}>0,{teller}{r}/{noemer}{r},"n.v.t.")'
            cel = ws.cell(row=r, column=i, value=inhoud)
            cel.font = vet
            cel.border = lijn
            _formaat(cel, kolom.soort, waarde)
        r += 1
    for rij in tabel.voetregels:
        for i, (kolom, waarde) in enumerate(zip(tabel.kolommen, rij, strict=True), start=1):
            cel = ws.cell(row=r, column=i, value=_waarde(waarde))
            _formaat(cel, kolom.soort, waarde)
        r += 1
    onderschrift = f"{tabel.titel}. {tabel.bijschrift}" if tabel.bijschrift else tabel.titel
    bron = ws.cell(row=r + 1, column=1, value=onderschrift)
    bron.font = Font(italic=True, size=9)
    afdruk(ws, voettekst=voettekst, breed=tabel.breed)
    ws.print_title_rows = f"{kop}:{kop}"


def _formaat(cel: Any, soort: str, waarde: Waarde) -> None:
    if isinstance(waarde, Percentage):
        cel.number_format = PERCENTAGE_FORMAAT
        return
    if isinstance(waarde, Decimaal):
        cel.number_format = DECIMAAL_FORMAAT
        return
    if soort == "tekst":
        return
    if soort == "datum" and not isinstance(waarde, dt.date):
        return
    cel.number_format = FORMATEN[soort]
