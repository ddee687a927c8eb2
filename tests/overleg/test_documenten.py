"""The agenda (seed 002's layout) and the actie- en besluitenlijst (seed 004's layout), opened
with pypdf and python-docx: the content, the CONCEPT mark, "Ingestemd" and the carried-over
actions."""

from __future__ import annotations

import re

import pytest

from tests.overleg.conftest import docx_koptekst, docx_tekst, pdf_tekst
from tests.taken.hulp import haal

pytestmark = pytest.mark.django_db


def _get(client, url: str) -> bytes:  # type: ignore[no-untyped-def]
    response = haal(client, url)  # a PDF or Word file is made by a job
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def _regels_aaneen(tekst: str) -> str:
    """The text on one line, words that wrapped after a hyphen joined again."""
    return " ".join(re.sub(r"(?<=\w)-\n(?=\w)", "-", tekst).split())


def test_agenda_of_5_februari_as_pdf_and_docx(demo, lezer) -> None:  # type: ignore[no-untyped-def]
    pk = demo["februari"].pk
    pdf = _get(lezer, f"/overleg/{pk}/agenda.pdf")
    docx = _get(lezer, f"/overleg/{pk}/agenda.docx")
    for tekst in (" ".join(pdf_tekst(pdf).split()), " ".join(docx_tekst(docx).split())):
        assert "Overleg provinciale regietafel asiel Drenthe" in tekst
        assert "Datum: 5 februari 2026" in tekst
        assert "Tijd: 12.00 – 13.30 uur (inclusief lunch)" in tekst
        assert "Locatie: Provinciehuis Assen, Westerbrink 1 te Assen, kamer E0.67" in tekst
        assert "Actie- en besluitenlijst PRT 19 november 2025" in tekst
        assert "Ter informatie en bespreking" in tekst
        assert "c) Verzoek ministerie A&M realisatie noodopvang aan PRT Drenthe" in tekst
        assert "Ja*" in tekst
        assert (
            "* dit betreft één document: 'Stand van zaken Drentse asiel-, Oekraïne- en "
            "huisvestingsopgaven'." in tekst
        )
        # The letters follow the agenda, each on its own page, referred to as P2. and P3.
        assert "Agendapunt 5c verzoek tot noodopvang" in tekst
        assert "(Ontvangen: 12-01-2026)" in tekst
        assert "Agendapunt 7b versnelling huisvesting nareizigers" in tekst
        assert "(Ontvangen: 19-12-2025)" in tekst
        assert "P2." in tekst and "P3." in tekst
        assert "100 plekken voor asielzoekers achter de hand" in tekst
    import io

    from pypdf import PdfReader

    paginas = PdfReader(io.BytesIO(pdf)).pages
    assert len(paginas) == 3
    assert "Agendapunt 5c" in paginas[1].extract_text()
    assert "Agendapunt 7b" in paginas[2].extract_text()


def test_the_draft_list_of_5_februari_carries_concept_and_the_open_actions(
    demo, gemeente_assen
) -> None:  # type: ignore[no-untyped-def]
    pk = demo["februari"].pk
    pdf = pdf_tekst(_get(gemeente_assen, f"/overleg/{pk}/actie-en-besluitenlijst.pdf"))
    docx = _get(gemeente_assen, f"/overleg/{pk}/actie-en-besluitenlijst.docx")
    tekst_docx = docx_tekst(docx)
    # A PDF line may wrap after a hyphen ("Oekraïne-" / "opvanglocaties"): join such words.
    for tekst in (_regels_aaneen(pdf), " ".join(tekst_docx.split())):
        assert "Actie- en besluitenlijst provinciale regietafel asiel Drenthe" in tekst
        assert "Datum: 5 februari 2026" in tekst
        assert "CONCEPT" in tekst
        assert "Actie- en besluitenlijst 19 november 2025: Ingestemd." in tekst
        assert "Acties uit eerdere overleggen" in tekst
        assert "Woo-verzoek Oekraïne-opvanglocaties" in tekst  # carried over, open
        assert "Besluit: Ingestemd met de procesaanpak tweede cyclus Spreidingswet." in tekst
        assert "Ingestemd in het overleg" not in tekst
    assert pdf.count("CONCEPT") >= 3  # header on every page, watermark, closing line
    assert "CONCEPT" in docx_koptekst(docx)


def test_the_approved_list_of_19_november_says_ingestemd(demo, lezer) -> None:  # type: ignore[no-untyped-def]
    pk = demo["november"].pk
    pdf = " ".join(pdf_tekst(_get(lezer, f"/overleg/{pk}/actie-en-besluitenlijst.pdf")).split())
    docx = _get(lezer, f"/overleg/{pk}/actie-en-besluitenlijst.docx")
    for tekst in (pdf, " ".join(docx_tekst(docx).split())):
        assert "Datum: 19 november 2025" in tekst
        assert "Ingestemd in het overleg van 5 februari 2026" in tekst
        assert "CONCEPT" not in tekst
        # Seed 004's rows, in order.
        volgorde = [
            "Actie- en besluitenlijst 11 april 2025",
            "Mededelingen en korte bespreekpunten",
            "Asielopvang en opvang Oekraïense ontheemden",
            "Oekraïneopvang",
            "Huisvesting statushouders",
            "Volgende PRT 15 december",
            "Rondvraag",
        ]
        posities = [tekst.index(t) for t in volgorde]
        assert posities == sorted(posities)
        assert "Door wie?" in tekst and "Secretaris" in tekst
        assert "Een dankwoord aan de commissaris voor haar inzet in de afgelopen periode." in tekst
    assert "CONCEPT" not in docx_koptekst(docx)


def test_the_actions_of_a_meeting_as_excel(demo, lezer) -> None:  # type: ignore[no-untyped-def]
    import io

    from openpyxl import load_workbook

    data = _get(lezer, f"/overleg/{demo['februari'].pk}/actie-en-besluitenlijst.xlsx")
    ws = load_workbook(io.BytesIO(data)).active
    rijen = [[c.value for c in r] for r in ws.iter_rows()]
    kop = next(i for i, r in enumerate(rijen) if r[0] == "Actie")
    assert rijen[kop][:4] == ["Actie", "Door wie", "Deadline", "Status"]
    acties = [r for r in rijen[kop + 1 :] if r[1]]
    assert len(acties) == 5
    assert sum(1 for r in acties if r[3] == "Open") == 3


def test_unknown_format_is_404(demo, lezer) -> None:  # type: ignore[no-untyped-def]
    assert lezer.get(f"/overleg/{demo['februari'].pk}/agenda.exe").status_code == 404
