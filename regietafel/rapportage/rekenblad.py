"""Excel (XLSX) of a report: every table of the ``Document`` on its own sheet.

Dutch headers in one frozen row, number formats per column type (places, differences with a
sign, euros, percentages, dates), totals as formulas (SUM; a share as a quotient) and the
report's texts on the first sheet. The values are those of the PDF and the Word file.
"""

from __future__ import annotations

from typing import Any

from regietafel.core import xlsx as excel
from regietafel.rapportage.document import (
    Alinea,
    Document,
    Eigenschappen,
    Opsomming,
    TabelBlok,
)


def xlsx(document: Document) -> bytes:
    from openpyxl.styles import Alignment, Font

    wb = excel.nieuw_werkboek(
        titel=document.titel,
        maker=document.huisstijl.organisatie,
        onderwerp=f"{document.provincie}, {document.kenmerk}",
    )
    wb.properties.description = document.voettekst

    ws: Any = wb.active
    ws.title = "Toelichting"
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110
    excel.cel(ws, 1, 1, document.titel).font = Font(bold=True, size=14)
    r = 3
    for label, waarde in document.toelichting:
        if waarde:
            excel.cel(ws, r, 1, label).font = Font(bold=True)
            excel.cel(ws, r, 2, waarde)
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
                teksten.append(f"Tabel: zie het blad '{excel.bladnaam(blok.tabel)}'.")
        if not teksten:
            continue
        excel.cel(ws, r, 1, sectie.titel).font = Font(bold=True)
        for tekst in teksten:
            excel.cel(ws, r, 2, tekst).alignment = Alignment(wrap_text=True, vertical="top")
            r += 1
        r += 1
    excel.afdruk(ws, voettekst=document.voettekst, breed=False)

    for tabel in document.tabellen:
        excel.blad(wb.create_sheet(excel.bladnaam(tabel)), tabel, voettekst=document.voettekst)
    return excel.opslaan(wb)
