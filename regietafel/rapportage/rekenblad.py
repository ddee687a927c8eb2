"""Excel (XLSX) of a report: every table of the ``Document`` on its own sheet.

Dutch headers in one frozen row, number formats per column type (places, differences with a
sign, euros, percentages, dates), totals as formulas (SUM; a share as a quotient) and the
report's texts on the first sheet. The values are those of the PDF and the Word file.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from regietafel.rapportage.document import (
    Aandeel,
    Alinea,
    Document,
    Eigenschappen,
    Opsomming,
    Tabel,
    TabelBlok,
    Waarde,
)

FORMATEN = {
    "getal": "#,##0",
    "verschil": "+#,##0;-#,##0;0",
    "euro": '"€" #,##0',
    "procent": "0%",
    "datum": "d-m-yyyy",
}
KOP_KLEUR = "DDE6EE"
ONGELDIG = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def _voettekst(tekst: str) -> str:
    return tekst.replace("&", "&&")


def xlsx(document: Document) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.properties.title = document.titel
    wb.properties.creator = document.huisstijl.organisatie
    wb.properties.subject = f"{document.provincie}, {document.kenmerk}"
    wb.properties.language = "nl-NL"
    wb.properties.description = document.voettekst

    ws: Any = wb.active
    ws.title = "Toelichting"
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110
    ws["A1"] = document.titel
    ws["A1"].font = Font(bold=True, size=14)
    r = 3
    for label, waarde in document.toelichting:
        if waarde:
            ws.cell(row=r, column=1, value=label).font = Font(bold=True)
            ws.cell(row=r, column=2, value=waarde)
            r += 1
    r += 1
    for sectie in document.secties:
        teksten: list[str] = []
        for blok in sectie.blokken:
            if isinstance(blok, Alinea):
                teksten.append(blok.tekst)
            elif isinstance(blok, Opsomming):
                teksten.extend(f"• {item}" for item in blok.items)
            elif isinstance(blok, Eigenschappen):
                teksten.extend(f"{label}: {waarde}" for label, waarde in blok.regels)
            elif isinstance(blok, TabelBlok):
                teksten.append(f"Tabel: zie het blad '{_bladnaam(blok.tabel)}'.")
        if not teksten:
            continue
        ws.cell(row=r, column=1, value=sectie.titel).font = Font(bold=True)
        for tekst in teksten:
            cel = ws.cell(row=r, column=2, value=tekst)
            cel.alignment = Alignment(wrap_text=True, vertical="top")
            r += 1
        r += 1
    _afdruk(ws, document, breed=False)

    for tabel in document.tabellen:
        _blad(wb.create_sheet(_bladnaam(tabel)), tabel, document)
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def _bladnaam(tabel: Tabel) -> str:
    return tabel.sleutel.translate(ONGELDIG)[:31]


def _afdruk(ws: Any, document: Document, *, breed: bool) -> None:
    ws.page_setup.orientation = "landscape" if breed else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.left.text = _voettekst(document.voettekst)
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "pagina &P van &N"
    ws.oddFooter.right.size = 8


def _waarde(waarde: Waarde) -> Any:
    if isinstance(waarde, Aandeel):
        return waarde.waarde if waarde.waarde is not None else "n.v.t."
    return waarde


def _blad(ws: Any, tabel: Tabel, document: Document) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    vet = Font(bold=True)
    vulling = PatternFill("solid", fgColor=KOP_KLEUR)
    for i, kolom in enumerate(tabel.kolommen, start=1):
        cel = ws.cell(row=1, column=i, value=kolom.volledige_kop)
        cel.font = vet
        cel.fill = vulling
        cel.alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="right" if kolom.numeriek else "left"
        )
        ws.column_dimensions[get_column_letter(i)].width = max(kolom.breedte + 2, 10)
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = "B2"
    eerste, laatste = 2, len(tabel.rijen) + 1
    for r, rij in enumerate(tabel.rijen, start=eerste):
        for i, (kolom, waarde) in enumerate(zip(tabel.kolommen, rij, strict=True), start=1):
            cel = ws.cell(row=r, column=i, value=_waarde(waarde))
            _formaat(cel, kolom.soort, waarde)
    if tabel.rijen:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(tabel.kolommen))}{laatste}"
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
    bron = ws.cell(row=r + 1, column=1, value=f"{tabel.titel}. {tabel.bijschrift}")
    bron.font = Font(italic=True, size=9)
    _afdruk(ws, document, breed=tabel.breed)
    ws.print_title_rows = "1:1"


def _formaat(cel: Any, soort: str, waarde: Waarde) -> None:
    if soort == "tekst":
        return
    if soort == "datum" and not isinstance(waarde, dt.date):
        return
    cel.number_format = FORMATEN[soort]
