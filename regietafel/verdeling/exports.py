"""Exports of a scenario: the workbench as XLSX, and the verdeelbesluit's Tabel 1 as DOCX and PDF.

All three render the same ``Werkblad`` (computed once by the domain). openpyxl,
python-docx and WeasyPrint are imported inside the functions that need them.
"""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from regietafel.core.templatetags.getallen import getal_nl
from regietafel.domain.restopgave import TYPEN
from regietafel.verdeling.queries import REDEN_LABEL, Rij, Werkblad

TABEL1_TITEL = "Tabel 1: Verdeling asielopvangplaatsen over gemeenten"
TABEL1_KOPPEN = ("Gemeente", "Reguliere opvangplaatsen", "Amv-opvangplaatsen", "Totaal")

XLSX_KOPPEN = (
    ("Gemeente", 28),
    ("Inwoners", 11),
    ("Indicatief regulier", 12),
    ("Indicatief amv", 12),
    ("Verslag regulier", 12),
    ("Verslag amv", 12),
    ("Kansrijk regulier", 12),
    ("Kansrijk amv", 12),
    ("Extra regulier", 12),
    ("Extra amv", 12),
    ("Definitief regulier", 12),
    ("Definitief amv", 12),
    ("Totaal", 11),
    ("Uitgesloten regulier", 40),
    ("Uitgesloten amv", 40),
)
GETAL = "#,##0"


def bestandsnaam(werkblad: Werkblad, soort: str, extensie: str) -> str:
    """An ASCII file name: ``scenario-7-tabel1.pdf``."""
    return f"scenario-{werkblad.scenario.pk}-{soort}.{extensie}"


def tabel1_rijen(werkblad: Werkblad) -> list[tuple[str, int, int, int]]:
    """The rows of Tabel 1: the gemeenten with places in the decision."""
    return [
        (r.naam, r.definitief.regulier, r.definitief.amv, r.definitief.totaal)
        for r in werkblad.aangewezen
    ]


def tabel1_totaal(werkblad: Werkblad) -> tuple[int, int, int]:
    d = werkblad.totalen["definitief"]
    return d.regulier, d.amv, d.totaal


def _redenen(rij: Rij, t: str) -> str:
    return "; ".join(REDEN_LABEL[u.reden] for u in rij.uitsluitingen if u.opvangtype == t)


def scenario_xlsx(werkblad: Werkblad) -> bytes:
    """The scenario's table with Dutch headers, number formats, a frozen header row and
    totals as formulas; a sheet with the summary and one with the steps of R3."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws: Any = wb.active
    ws.title = "Verdeling"
    vet = Font(bold=True)
    for kolom, (kop, breedte) in enumerate(XLSX_KOPPEN, start=1):
        cel = ws.cell(row=1, column=kolom, value=kop)
        cel.font = vet
        cel.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(kolom)].width = breedte
    ws.freeze_panes = "B2"
    for i, r in enumerate(werkblad.rijen, start=2):
        waarden = (
            r.naam,
            r.inwoners,
            r.indicatief.regulier,
            r.indicatief.amv,
            r.verslag.regulier,
            r.verslag.amv,
            r.kansrijk.regulier,
            r.kansrijk.amv,
            r.extra.regulier,
            r.extra.amv,
            r.definitief.regulier,
            r.definitief.amv,
            f"=K{i}+L{i}",
            _redenen(r, "regulier"),
            _redenen(r, "amv"),
        )
        for kolom, waarde in enumerate(waarden, start=1):
            cel = ws.cell(row=i, column=kolom, value=waarde)
            if 2 <= kolom <= 13:
                cel.number_format = GETAL
    laatste = len(werkblad.rijen) + 1
    totaal = laatste + 1
    ws.cell(row=totaal, column=1, value="Totaal").font = vet
    for kolom in range(2, 14):
        letter = get_column_letter(kolom)
        cel = ws.cell(row=totaal, column=kolom, value=f"=SUM({letter}2:{letter}{laatste})")
        cel.number_format = GETAL
        cel.font = vet
    ws.auto_filter.ref = f"A1:{get_column_letter(len(XLSX_KOPPEN))}{laatste}"

    s: Any = wb.create_sheet("Samenvatting")
    s.column_dimensions["A"].width = 36
    s.column_dimensions["B"].width = 16
    s.column_dimensions["C"].width = 16
    s.append(("Scenario", werkblad.scenario.naam))
    s.append(("Provincie", werkblad.scenario.provincie.naam))
    s.append(("Cyclus", str(werkblad.scenario.cyclus)))
    s.append(("Berekend op", timezone.localtime().strftime("%d-%m-%Y %H:%M")))
    s.append(())
    s.append(("", "Regulier", "Amv"))
    for cel in s[6]:
        cel.font = vet
    regels = (
        ("Provinciale opgave", werkblad.opgave.regulier, werkblad.opgave.amv),
        (
            "Aangeboden (verslag + kansrijk)",
            werkblad.totalen["aangeboden"].regulier,
            werkblad.totalen["aangeboden"].amv,
        ),
        ("Restopgave", werkblad.restopgave.regulier, werkblad.restopgave.amv),
        ("Onverdeeld", werkblad.onverdeeld.regulier, werkblad.onverdeeld.amv),
    )
    for regel in regels:
        s.append(regel)
        for cel in s[s.max_row][1:]:
            cel.number_format = GETAL
    s.append(
        (
            "Percentage p",
            *(float(p) if (p := werkblad.percentage(t)) is not None else "n.v.t." for t in TYPEN),
        )
    )
    for cel in s[s.max_row][1:]:
        cel.number_format = "0.00%"

    st: Any = wb.create_sheet("Stappen")
    st.column_dimensions["A"].width = 6
    st.column_dimensions["B"].width = 140
    st.append(("Nr.", "Stap"))
    for cel in st[1]:
        cel.font = vet
    st.freeze_panes = "A2"
    for nummer, tekst in enumerate(werkblad.stappen, start=1):
        st.append((nummer, tekst))

    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def tabel1_docx(werkblad: Werkblad) -> bytes:
    """Tabel 1 of the verdeelbesluit as a Word document."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = f"{TABEL1_TITEL} — {werkblad.scenario.naam}"
    doc.core_properties.language = "nl-NL"
    doc.core_properties.subject = str(werkblad.scenario.cyclus)
    doc.add_heading(TABEL1_TITEL, level=1)
    doc.add_paragraph(
        f"Provincie {werkblad.scenario.provincie.naam} · {werkblad.scenario.cyclus} · "
        f"scenario ‘{werkblad.scenario.naam}’"
    )
    rijen = tabel1_rijen(werkblad)
    tabel = doc.add_table(rows=1, cols=4)
    tabel.style = "Table Grid"
    for cel, kop in zip(tabel.rows[0].cells, TABEL1_KOPPEN, strict=True):
        cel.text = kop
        for run in cel.paragraphs[0].runs:
            run.font.bold = True
    for naam, *getallen in [*rijen, ("Totaal", *tabel1_totaal(werkblad))]:
        cellen = tabel.add_row().cells
        cellen[0].text = naam
        for cel, n in zip(cellen[1:], getallen, strict=True):
            cel.text = getal_nl(n)
            cel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if naam == "Totaal":
            for cel in cellen:
                for run in cel.paragraphs[0].runs:
                    run.font.bold = True
    for kolom, cel in enumerate(tabel.rows[0].cells):
        if kolom:
            cel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if werkblad.niet_aangewezen:
        p = doc.add_paragraph(
            "Zonder opvangplaatsen in deze verdeling (niet in de tabel): "
            + ", ".join(werkblad.niet_aangewezen)
            + "."
        )
        for run in p.runs:
            run.font.size = Pt(9)
    uit = io.BytesIO()
    doc.save(uit)
    return uit.getvalue()


def tabel1_html(werkblad: Werkblad) -> str:
    return render_to_string(
        "verdeling/tabel1_pdf.html",
        {
            "werkblad": werkblad,
            "titel": TABEL1_TITEL,
            "koppen": TABEL1_KOPPEN,
            "rijen": tabel1_rijen(werkblad),
            "totaal": tabel1_totaal(werkblad),
        },
    )


def tabel1_pdf(werkblad: Werkblad) -> bytes:
    """Tabel 1 as PDF (WeasyPrint), with title metadata and lang nl."""
    from weasyprint import HTML

    # PDF/UA-1: tagged, with the document language and title in the catalog (accessible).
    pdf = HTML(string=tabel1_html(werkblad)).write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None
    return bytes(pdf)
