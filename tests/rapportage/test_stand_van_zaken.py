"""The Stand van zaken as PDF, Word and Excel: the files are opened and every figure of seed
000's three tables (verdeling, statushouders, Nidos), totals included, is found in them."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest

from regietafel.core.opmaak import datum
from regietafel.gemeenten.models import Provincie
from regietafel.rapportage import bouwen
from tests.rapportage.conftest import (
    AMV_OUDER,
    OKT_2024,
    SEED_NIDOS,
    SEED_STATUSHOUDERS,
    SEED_VERDELING,
    docx_tabellen,
    docx_tekst,
    genereer_bestanden,
    normaal,
    pdf_tekst,
    rij_getallen,
    xlsx_boek,
)

# The documents are made once per module (fixtures below); the mark makes pytest-django set up
# the test database for them.
pytestmark = pytest.mark.django_db

STATUSHOUDERS_KOP = "Overzicht realisatie statushouders"
NIDOS_KOP = "Overzicht realisatie minderjarige statushouders"


@pytest.fixture(scope="module")
def bestanden(demo_db: Callable[[], Provincie]) -> dict[str, bytes]:
    return genereer_bestanden(
        lambda: bouwen.stand_document(demo_db(), dt.date(2025, 11, 1)), ("pdf", "docx", "xlsx")
    )


@pytest.fixture(scope="module")
def oktober_2024(demo_db: Callable[[], Provincie]) -> dict[str, bytes]:
    return genereer_bestanden(
        lambda: bouwen.stand_document(demo_db(), dt.date(2024, 10, 1)), ("pdf", "docx", "xlsx")
    )


def _delen(tekst: str) -> tuple[str, str, str]:
    """The text split at the statushouders and Nidos headings (their last occurrence)."""
    a = tekst.rindex(STATUSHOUDERS_KOP)
    b = tekst.rindex(NIDOS_KOP)
    return tekst[:a], tekst[a:b], tekst[b:]


def _verdeling_rij(naam: str, datum: object) -> list[object]:
    """The seed's row; for a gemeente without an AMV figure on 01-11-2025 the latest known
    one: opgave 0, realisatie 0 with its date (01-10-2024), verschil 0."""
    rij: list[object] = list(SEED_VERDELING[naam])
    return [*rij, 0, 0, datum, 0] if naam in AMV_OUDER else rij


def _controleer_tabellen(tekst: str) -> None:
    verdeling, statushouders, nidos = _delen(tekst)
    for naam in SEED_VERDELING:
        assert rij_getallen(verdeling, naam) == _verdeling_rij(naam, datum(OKT_2024)), naam
    for naam, cijfers in SEED_STATUSHOUDERS.items():
        assert rij_getallen(statushouders, naam) == list(cijfers), naam
    for naam, (gerealiseerd, taakstelling, voortgang) in SEED_NIDOS.items():
        resterend = max(0, taakstelling - gerealiseerd)
        assert rij_getallen(nidos, naam) == [gerealiseerd, resterend, taakstelling, voortgang]
    assert rij_getallen(nidos, "Totaal") == [73, 61, 95, "77%"]


def test_pdf_holds_every_figure_of_the_seed_tables(bestanden: dict[str, bytes]) -> None:
    _controleer_tabellen(pdf_tekst(bestanden["pdf"]))


def test_docx_holds_every_figure_of_the_seed_tables(bestanden: dict[str, bytes]) -> None:
    _controleer_tabellen(docx_tekst(bestanden["docx"]))


def test_pdf_sentences_are_generated_from_the_figures(bestanden: dict[str, bytes]) -> None:
    tekst = normaal(pdf_tekst(bestanden["pdf"]))
    assert "ambitie aangegaan van 5.648 plekken" in tekst
    assert "bepaald op 5.138 plekken" in tekst
    assert "Er zijn 4.978 plekken gerealiseerd" in tekst
    assert "een tekort van 670 plekken betekent op basis van de Drentse verdeling" in tekst
    assert (
        "Op basis van de opgave van het ministerie (5.138) betreft dit een tekort van 160 plekken"
        in tekst
    )
    assert "in totaal 3.819 plekken beschikbaar" in tekst and "3.814 plekken afgesproken" in tekst
    assert "191 plekken gerealiseerd" in tekst and "in totaal 341 plekken komen" in tekst
    assert "samen nog 521 vergunninghouders" in tekst
    assert "73 gehuisvest (77%)" in tekst
    # the free texts of the stored version and the default introduction of seed 000
    assert "weigeringen aan de deur bij de GOO's" in tekst
    assert "In Drenthe pakken we de opgaven rond asiel" in tekst
    # the defects of the sources are named, not copied
    assert "Controles op de bronnen" in tekst
    assert "5.720" in tekst and "5.722" in tekst


def test_pdf_typography_metadata_and_tags(bestanden: dict[str, bytes]) -> None:
    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(bestanden["pdf"]))
    root = lezer.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert lezer.metadata is not None
    assert (
        lezer.metadata.title
        == "Stand van zaken realisatie opgaven — Drenthe, peildatum 1 november 2025"
    )
    aantal = len(lezer.pages)
    eerste = normaal(lezer.pages[0].extract_text())
    assert "Aan: Bestuurlijke PRT Drenthe d.d. 19 november 2025" in eerste
    assert "Versie: 14 november 2025" in eerste
    for i, pagina in enumerate(lezer.pages, start=1):
        voet = normaal(pagina.extract_text())
        assert f"pagina {i} van {aantal}" in voet
        assert "versie 1 van 14 november 2025 · peildatum 1 november 2025" in voet


def test_pdf_charts_are_vector_graphics(bestanden: dict[str, bytes]) -> None:
    """The charts are drawn as paths and text (SVG), not embedded as bitmaps."""
    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(bestanden["pdf"]))
    bitmaps = sum(len(p.images) for p in lezer.pages)
    assert bitmaps == 0
    tekst = pdf_tekst(bestanden["pdf"])
    assert "Oekraïne-opgave: opgave en realisatie per gemeente" in tekst
    assert "achterstand (positief) of voorsprong (negatief)" in tekst


def test_docx_is_a_structured_word_document(bestanden: dict[str, bytes]) -> None:
    import docx

    document = docx.Document(io.BytesIO(bestanden["docx"]))
    koppen = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert koppen[:3] == [
        "Inleiding",
        "De verdeling van de asiel- en Oekraïneopgaven in Drenthe",
        "Toelichting opvangopgave ontheemden uit Oekraïne",
    ]
    assert document.core_properties.title == "Stand van zaken realisatie opgaven"
    assert document.core_properties.language == "nl-NL"
    assert any(s.orientation == 1 for s in document.sections)  # landscape for the COA table
    voet = document.sections[0].footer._element.xml
    assert "PAGE" in voet and "NUMPAGES" in voet and "peildatum 1 november 2025" in voet
    # the charts: SVG parts with a PNG fallback
    delen = {p.partname: p.content_type for p in document.part.package.iter_parts()}
    assert sum(1 for t in delen.values() if t == "image/svg+xml") == 4
    assert "svgBlip" in document.element.xml
    # header rows repeat on every page
    assert "w:tblHeader" in document.tables[0]._tbl.xml
    assert docx_tabellen(bestanden["docx"])[0][1][:4] == [
        "Gemeente",
        "Opgave\n25/26",
        "Realisatie\n01-11-2025",
        "Verschil",
    ]


def _blad_rijen(ws: Any) -> dict[str, list[Any]]:
    return {str(r[0]): list(r[1:]) for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}


def test_xlsx_one_sheet_per_table_with_formulas_and_frozen_headers(
    bestanden: dict[str, bytes],
) -> None:
    boek = xlsx_boek(bestanden["xlsx"])
    assert boek.sheetnames == ["Toelichting", "Verdeling", "Statushouders", "Nidos"]
    assert boek.properties.language == "nl-NL"
    for naam in ("Verdeling", "Statushouders", "Nidos"):
        ws = boek[naam]
        assert ws.freeze_panes == "B2", naam
        assert ws["A1"].value == "Gemeente"

    ws = boek["Verdeling"]
    koppen = [c.value for c in ws[1]]
    assert koppen[1] == "Oekraïne-opgave – Opgave (25/26)"
    assert koppen[3] == "Oekraïne-opgave – Verschil"
    rijen = _blad_rijen(ws)
    for naam in SEED_VERDELING:
        if naam == "Totaal":
            continue
        verwacht = _verdeling_rij(naam, dt.datetime(2024, 10, 1))
        assert [w for w in rijen[naam] if w is not None] == verwacht, naam
    # AMV has a "Stand per" column (the figure's own date) before its verschil
    assert koppen[9] == "Asielopvang AMV – Stand per"
    totaal = rijen["Totaal"]
    assert totaal[0] == "=SUM(B2:B13)" and totaal[2] == "=SUM(D2:D13)"
    assert totaal[9] == "=SUM(K2:K13)" and totaal[8] is None
    # the formulas give the seed's totals (the verschil: over the gemeenten with a figure)
    for i, verwacht in zip((0, 1, 2, 3, 4, 5, 6, 7, 9), SEED_VERDELING["Totaal"], strict=True):
        assert sum(r[i] or 0 for n, r in rijen.items() if n != "Totaal") == verwacht
    assert ws["B2"].number_format == "#,##0"
    assert ws["D2"].number_format == "+#,##0;-#,##0;0"

    ws = boek["Statushouders"]
    rijen = _blad_rijen(ws)
    for naam, cijfers in SEED_STATUSHOUDERS.items():
        if naam.startswith(("Totaal", "Aantal")):
            continue
        assert [w for w in rijen[naam] if w is not None] == list(cijfers), naam
    assert all(str(w).startswith("=SUM(") for w in rijen["Totaal Drenthe"])
    for i, verwacht in enumerate(SEED_STATUSHOUDERS["Totaal Drenthe"]):
        assert (
            sum(r[i] or 0 for n, r in rijen.items() if not n.startswith(("Totaal", "Aantal")))
            == verwacht
        )
    assert [w for w in rijen["Aantal gemeenten: 12"] if w is not None] == [11, 1]

    ws = boek["Nidos"]
    rijen = _blad_rijen(ws)
    assert rijen["Assen"] == [33, 0, 14, pytest.approx(33 / 14)]
    assert rijen["Westerveld"][3] == "n.v.t."
    assert rijen["Totaal"][3] == '=IF(D14>0,B14/D14,"n.v.t.")'
    assert ws["E2"].number_format == "0%"


def test_another_peildatum_shows_its_own_figures(oktober_2024: dict[str, bytes]) -> None:
    tekst = normaal(pdf_tekst(oktober_2024["pdf"]))
    assert "Peildatum: 1 oktober 2024" in tekst
    assert "4.603" in tekst and "4.793" in tekst
    assert "4.978" not in tekst and "3.819" not in tekst
    assert "Er is geen overzicht van het COA opgeslagen tot deze peildatum." in tekst
    woord = docx_tekst(oktober_2024["docx"])
    assert "4.603" in woord and "4.793" in woord and "4.978" not in woord
    rijen = _blad_rijen(xlsx_boek(oktober_2024["xlsx"])["Verdeling"])
    assert sum(r[1] or 0 for n, r in rijen.items() if n != "Totaal") == 4603
    assert sum(r[4] or 0 for n, r in rijen.items() if n != "Totaal") == 4793


def test_the_three_formats_render_the_same_document(demo_db: Callable[[], Provincie]) -> None:
    """One computation: the document is built once and every renderer reads it."""
    from regietafel.rapportage import pdf, rekenblad, woord

    document = bouwen.stand_document(demo_db(), dt.date(2025, 11, 1))
    html = pdf.html(document)
    assert "−670" in html and "5.648" in html
    assert woord.docx(document)[:2] == b"PK" and rekenblad.xlsx(document)[:2] == b"PK"
