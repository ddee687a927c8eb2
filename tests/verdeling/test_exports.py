"""Exports of a scenario: XLSX read back with openpyxl, Tabel 1 as DOCX and PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.verdeling.queries import werkblad
from regietafel.verdeling.services import wijzig_scenario
from tests.verdeling.factories import TABEL_1, drenthe_2024, herlaad

pytestmark = pytest.mark.django_db

TABEL_1_RIJEN = [
    (naam, f"{r:,}".replace(",", "."), f"{a:,}".replace(",", "."), f"{r + a:,}".replace(",", "."))
    for naam, (r, a) in TABEL_1.items()
]


def _pdf_objecten(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated (the catalog sits in an object stream)."""
    delen = [pdf]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            delen.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue
    return b"\n".join(delen)


def test_xlsx_has_dutch_headers_formats_frozen_header_and_formula_totals(lezer: Client) -> None:
    from openpyxl import load_workbook

    scenario = drenthe_2024()
    response = lezer.get(f"/verdeling/{scenario.pk}/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert f'filename="scenario-{scenario.pk}-verdeling.xlsx"' in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Verdeling", "Samenvatting", "Stappen"]
    ws = wb["Verdeling"]
    koppen = [c.value for c in ws[1]]
    assert koppen[:3] == ["Gemeente", "Inwoners", "Indicatief regulier"]
    assert "Definitief regulier" in koppen and "Uitgesloten amv" in koppen
    assert ws.freeze_panes == "B2"
    kol = {kop: i for i, kop in enumerate(koppen)}
    rijen = {r[0].value: r for r in ws.iter_rows(min_row=2, max_row=13)}
    for naam, (regulier, amv) in TABEL_1.items():
        assert rijen[naam][kol["Definitief regulier"]].value == regulier
        assert rijen[naam][kol["Definitief amv"]].value == amv
    assert rijen["Assen"][kol["Definitief regulier"]].number_format == "#,##0"
    assert rijen["Assen"][kol["Totaal"]].value == "=K3+L3"
    totaal = [c.value for c in ws[14]]
    assert totaal[0] == "Totaal"
    assert totaal[kol["Definitief regulier"]] == "=SUM(K2:K13)"
    assert totaal[kol["Definitief amv"]] == "=SUM(L2:L13)"
    samenvatting = {r[0].value: [c.value for c in r[1:]] for r in wb["Samenvatting"].iter_rows()}
    assert samenvatting["Provinciale opgave"] == [2462, 229]
    assert samenvatting["Restopgave"] == [0, 0]
    assert samenvatting["Percentage p"] == ["n.v.t.", "n.v.t."]
    # Numbered steps; under them (core.xlsx) the sheet's caption.
    stappen = [
        r[1].value for r in wb["Stappen"].iter_rows(min_row=2) if isinstance(r[0].value, int)
    ]
    assert wb["Stappen"].freeze_panes == "B2"
    assert stappen == list(werkblad(herlaad(scenario)).stappen)


def test_xlsx_percentage_is_a_number_with_a_percent_format(lezer: Client) -> None:
    from openpyxl import load_workbook

    scenario = drenthe_2024()
    wijzig_scenario(
        door=Gebruiker.objects.get(username="secretariaat"),
        scenario=scenario,
        velden={"opgave_regulier": 3900},
    )
    wb = load_workbook(io.BytesIO(lezer.get(f"/verdeling/{scenario.pk}/export.xlsx").content))
    rij = next(r for r in wb["Samenvatting"].iter_rows() if r[0].value == "Percentage p")
    p = werkblad(herlaad(scenario)).percentage("regulier")
    assert p is not None
    assert rij[1].value == pytest.approx(float(p))
    assert rij[1].number_format == "0.00%"


def test_tabel1_docx_is_the_table_of_the_verdeelbesluit(lezer: Client) -> None:
    from docx import Document

    scenario = drenthe_2024()
    response = lezer.get(f"/verdeling/{scenario.pk}/tabel1.docx")
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    assert doc.core_properties.title.startswith(
        "Tabel 1: Verdeling asielopvangplaatsen over gemeenten"
    )
    assert doc.core_properties.language == "nl-NL"
    (tabel,) = doc.tables
    cellen = [tuple(c.text for c in rij.cells) for rij in tabel.rows]
    assert cellen[0] == ("Gemeente", "Reguliere opvangplaatsen", "Amv-opvangplaatsen", "Totaal")
    assert cellen[1:-1] == TABEL_1_RIJEN
    assert cellen[-1] == ("Totaal", "3.814", "341", "4.155")


def test_tabel1_leaves_out_gemeenten_without_places_and_says_so(lezer: Client) -> None:
    from docx import Document

    scenario = drenthe_2024()
    noordenveld = herlaad(scenario).gemeenten.get(gemeente__naam="Noordenveld")
    wijzig_scenario(
        door=Gebruiker.objects.get(username="secretariaat"),
        scenario=scenario,
        gemeenten={noordenveld.gemeente_id: {"verslag_amv": 0}},
        velden={"opgave_amv": 0},
    )
    doc = Document(io.BytesIO(lezer.get(f"/verdeling/{scenario.pk}/tabel1.docx").content))
    namen = [rij.cells[0].text for rij in doc.tables[0].rows]
    assert "Noordenveld" not in namen
    assert any("Noordenveld" in p.text for p in doc.paragraphs)


def test_tabel1_pdf_has_title_language_and_the_numbers(lezer: Client, tmp_path: Path) -> None:
    scenario = drenthe_2024()
    response = lezer.get(f"/verdeling/{scenario.pk}/tabel1.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 5_000
    inhoud = _pdf_objecten(pdf)
    assert b"/Lang (nl)" in inhoud
    titel = "Tabel 1: Verdeling asielopvangplaatsen over gemeenten — Drenthe"
    assert ("\ufeff" + titel).encode("utf-16-be").hex().encode() in inhoud  # document title
    assert b"/StructTreeRoot" in inhoud  # tagged (PDF/UA-1)
    if shutil.which("pdftotext"):
        (tmp_path / "t.pdf").write_bytes(pdf)
        tekst = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "t.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Tabel 1: Verdeling asielopvangplaatsen over gemeenten" in tekst
        for naam, regulier, amv, totaal in TABEL_1_RIJEN:
            assert re.search(rf"{naam}\s+{regulier}\s+{amv}\s+{totaal}\n", tekst), naam
        assert "3.814" in tekst and "4.155" in tekst


def test_tabel1_html_for_the_pdf_has_every_row(drenthe: object) -> None:
    """What WeasyPrint renders: checked as text, also where pdftotext is missing."""
    from regietafel.verdeling.exports import tabel1_html

    html = tabel1_html(werkblad(drenthe_2024()))
    assert '<html lang="nl">' in html
    assert "<title>Tabel 1: Verdeling asielopvangplaatsen over gemeenten" in html
    # The pages' table template (core/tabel.html): numbers in right-aligned cells.
    td = '<td class="utrecht-table__cell utrecht-table__cell--numeric">'
    for naam, regulier, amv, totaal in TABEL_1_RIJEN:
        cellen = f"{td}{regulier}</td>{td}{amv}</td>{td}{totaal}</td>"
        assert f">{naam}</th>{cellen}" in html
    assert f"{td}3.814</td>{td}341</td>{td}4.155</td>" in html
