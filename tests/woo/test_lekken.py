"""Issue 17.6: a Woo publication leaves nothing readable, through the CLI and through the page.

The test letter (``tests/data/woo/bezwaar_alle_soorten.txt``) holds every kind twice or more:
addresses with and without a postcode, IBANs (one in lower case with odd spacing), dates of
birth, BSNs, phone numbers, e-mail addresses and names. It is redacted from a file called
"bezwaar Karin de Boer": neither the items nor that name may be readable in the PDF's text
(``pdftotext``, whitespace removed, any case), in its metadata, or in any string of any PDF
object (bookmarks, tags).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Provincie
from regietafel.woo import services
from regietafel.woo.models import WooBesluit, WooDocument
from tests.woo.helpers import DATA, zonder_wit

pytestmark = pytest.mark.django_db

BRIEF = DATA / "bezwaar_alle_soorten.txt"
BESTANDSNAAM = "bezwaar Karin de Boer"
ITEMS = {
    "adres met postcode": ["Molenstraat 41b, 7811 AB Emmen", "Brinkweg 3, 9461 CD Gieten"],
    "adres zonder postcode": [
        "Kerkstraat 12 Emmen",
        "Hoofdweg 5 Nieuw-Buinen",
        "Dorpsstraat 7a Zuidlaren",
    ],
    "iban": ["NL91 ABNA 0417 1643 00", "nl44 rabo0123  456 789"],
    "geboortedatum": ["14 maart 1987", "03-11-1979"],
    "bsn": ["111222333", "1234.56.782"],
    "telefoon": ["06-12345678", "0591 123 456"],
    "e-mail": ["karin.deboer@example.nl", "h.j.mulder@gemeente-voorbeeld.nl"],
    "naam": ["Karin de Boer", "Hendrik Jan Mulder"],
}
DELEN = [
    # parts that must go with their item: a half-redacted address or IBAN is still readable
    "Kerkstraat",
    "Hoofdweg",
    "Dorpsstraat",
    "Molenstraat",
    "Brinkweg",
    "7811 AB",
    "9461 CD",
    "rabo",
    "ABNA",
    "1987",
    "1979",
    "Karin",
    "Mulder",
    "deboer",
]
ALLES = [t for lijst in ITEMS.values() for t in lijst]


def _plat(tekst: str) -> str:
    return zonder_wit(tekst).casefold()


def pdftotext(inhoud: bytes) -> str:
    assert shutil.which("pdftotext"), "pdftotext ontbreekt: apt-get install poppler-utils"
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=inhoud,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode("utf-8")


def pdf_strings(inhoud: bytes) -> list[str]:
    """Every string in every object of the PDF (metadata, bookmarks, tags, annotations)."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, TextStringObject

    lezer = PdfReader(io.BytesIO(inhoud))
    uit: list[str] = []
    gezien: set[tuple[int, int]] = set()
    stapel: list[object] = [lezer.trailer]
    while stapel:
        obj = stapel.pop()
        if isinstance(obj, IndirectObject):
            sleutel = (obj.idnum, obj.generation)
            if sleutel in gezien:
                continue
            gezien.add(sleutel)
            stapel.append(obj.get_object())
        elif isinstance(obj, DictionaryObject):
            stapel.extend(v for k, v in obj.items() if k != "/Parent")
        elif isinstance(obj, ArrayObject):
            stapel.extend(obj)
        elif isinstance(obj, TextStringObject | str):
            uit.append(str(obj))
    return uit


def metadata(inhoud: bytes) -> str:
    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(inhoud))
    velden = [f"{k}={v}" for k, v in (lezer.metadata or {}).items()]
    xmp = lezer.xmp_metadata
    if xmp is not None:
        velden.append(xmp.rdf_root.toxml())
    return "\n".join(velden)


def leest_nog(inhoud: bytes) -> dict[str, list[str]]:
    """What of the letter (and its file name) can still be read, per place in the PDF."""
    tekst = _plat(pdftotext(inhoud))
    meta = _plat(metadata(inhoud))
    strings = _plat("\n".join(pdf_strings(inhoud)))
    zoek = [*ALLES, *DELEN, BESTANDSNAAM]
    return {
        "tekst": [t for t in [*ALLES, *DELEN] if _plat(t) in tekst],
        "metadata": [t for t in zoek if _plat(t) in meta],
        "objecten": [t for t in zoek if _plat(t) in strings],
    }


NIETS = {"tekst": [], "metadata": [], "objecten": []}


def _controleer_pdf(inhoud: bytes, titel: str) -> None:
    assert leest_nog(inhoud) == NIETS
    tekst = zonder_wit(pdftotext(inhoud))
    # the rest of the letter is still there and reads as a letter
    for blijft in (
        "Betreft: bezwaar tegen de huisvesting van statushouders",
        "Jetta Klijnsma",  # the commissaris acting in office is not redacted
        "de gemeente Emmen 120 woningen zoekt",
        "Postbus 122, 9400 AC Assen",  # the provincie's own address
        "Emmen, 3 februari 2026",  # the date of the letter is no date of birth
        "Toelichting grondslagen",
    ):
        assert zonder_wit(blijft) in tekst, blijft
    assert f"/Title={titel}" in metadata(inhoud).splitlines()


def test_the_test_letter_holds_each_kind_twice() -> None:
    tekst = BRIEF.read_text(encoding="utf-8")
    for soort, lijst in ITEMS.items():
        assert len(lijst) >= 2 and all(t in tekst for t in lijst), soort
    assert any(t == t.lower() and "  " in t for t in ITEMS["iban"])  # lower case, odd spacing


def test_cli_leaves_nothing_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    invoer = tmp_path / f"{BESTANDSNAAM}.txt"
    invoer.write_bytes(BRIEF.read_bytes())
    uit = tmp_path / "gelakt.pdf"
    call_command("woo", "lakken", str(invoer), "--uitvoer", str(uit), "--json")
    import json

    lakken = json.loads(capsys.readouterr().out)
    soorten = {lk["soort"] for lk in lakken}
    assert soorten == {"naam", "adres", "iban", "geboortedatum", "bsn", "telefoon", "e-mail"}
    assert {lk["grond"] for lk in lakken if lk["soort"] == "bsn"} == {"E"}
    _controleer_pdf(uit.read_bytes(), "Woo-document")


def test_cli_from_docx_with_a_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    doc = Document()
    for regel in BRIEF.read_text(encoding="utf-8").split("\n"):
        doc.add_paragraph(regel)
    doc.core_properties.title = BESTANDSNAAM  # the file's own metadata is not copied either
    doc.core_properties.author = "Karin de Boer"
    invoer = tmp_path / f"{BESTANDSNAAM}.docx"
    doc.save(invoer)
    uit = tmp_path / "gelakt.pdf"
    call_command(
        "woo", "lakken", str(invoer), "--uitvoer", str(uit), "--titel", "Bezwaarschrift 2026-17"
    )
    _controleer_pdf(uit.read_bytes(), "Bezwaarschrift 2026-17")


def test_cli_refuses_a_title_with_personal_data(tmp_path: Path) -> None:
    import sys

    invoer = tmp_path / "brief.txt"
    invoer.write_bytes(BRIEF.read_bytes())
    uit = tmp_path / "uit.pdf"
    opdracht = ["woo", "lakken", str(invoer), "--uitvoer", str(uit), "--titel", BESTANDSNAAM]
    proces = subprocess.run(
        [sys.executable, "-m", "regietafel", *opdracht],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proces.returncode == 2
    assert "De titel bevat persoonsgegevens (naam „Karin de Boer”)" in proces.stderr
    assert "Traceback" not in proces.stderr
    assert not uit.exists()


@pytest.fixture
def besluit(gebruiker_secretariaat: Gebruiker, drenthe: Provincie) -> WooBesluit:
    return services.maak_besluit(
        door=gebruiker_secretariaat,
        provincie=drenthe,
        titel="Woo-verzoek bezwaren huisvesting",
        datum=dt.date(2026, 2, 1),
        kenmerk="WOO-2026-017",
    )


def _upload(client: Client, besluit: WooBesluit, titel: str) -> object:
    return client.post(
        f"/woo/{besluit.pk}/document/",
        {
            "bron": "upload",
            "titel": titel,
            "bestand": SimpleUploadedFile(f"{BESTANDSNAAM}.txt", BRIEF.read_bytes(), "text/plain"),
        },
    )


def test_page_leaves_nothing_readable(secretariaat: Client, besluit: WooBesluit) -> None:
    response = _upload(secretariaat, besluit, "Bezwaar huisvesting statushouders")
    assert response.status_code == 302  # type: ignore[attr-defined]
    document = WooDocument.objects.get(besluit=besluit)
    assert document.titel == "Bezwaar huisvesting statushouders"
    assert {lk.soort for lk in document.lakken.all()} == {
        "naam",
        "adres",
        "iban",
        "geboortedatum",
        "bsn",
        "telefoon",
        "e-mail",
    }
    for url in (
        f"/woo/{besluit.pk}/document/1/publicatie.pdf",
        f"/woo/{besluit.pk}/publicatie.pdf",
    ):
        pdf = secretariaat.get(url)
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        assert BESTANDSNAAM not in pdf["Content-Disposition"]
        _controleer_pdf(pdf.content, "Woo-besluit: Woo-verzoek bezwaren huisvesting — WOO-2026-017")
        assert "Document 1. Bezwaar huisvesting statushouders" in pdftotext(pdf.content)
    # the inventory carries the reviewer's title too
    xlsx = secretariaat.get(f"/woo/{besluit.pk}/?formaat=xlsx&tabel=inventaris")
    from openpyxl import load_workbook

    cellen = [c.value for rij in load_workbook(io.BytesIO(xlsx.content)).active for c in rij]
    assert "Bezwaar huisvesting statushouders" in cellen
    assert not any(isinstance(c, str) and "Karin" in c for c in cellen)


def test_page_never_takes_the_file_name_as_title(secretariaat: Client, besluit: WooBesluit) -> None:
    leeg = _upload(secretariaat, besluit, "")
    assert leeg.status_code == 400  # type: ignore[attr-defined]
    assert "Geef het document een titel zonder persoonsgegevens" in leeg.content.decode()  # type: ignore[attr-defined]
    met_naam = _upload(secretariaat, besluit, BESTANDSNAAM)
    assert met_naam.status_code == 400  # type: ignore[attr-defined]
    assert "De titel bevat persoonsgegevens (naam „Karin de Boer”)" in met_naam.content.decode()  # type: ignore[attr-defined]
    assert not WooDocument.objects.exists()


def test_reviewer_sets_the_title_on_the_document_page(
    secretariaat: Client, besluit: WooBesluit
) -> None:
    _upload(secretariaat, besluit, "Bezwaar")
    url = f"/woo/{besluit.pk}/document/1/"
    assert 'name="titel" value="Bezwaar"' in secretariaat.get(url).content.decode()
    r = secretariaat.post(f"{url}status/", {"titel": "Bezwaar van Hendrik Jan Mulder"})
    assert r.status_code == 400
    assert "persoonsgegevens (naam „Hendrik Jan Mulder”)" in r.content.decode()
    r = secretariaat.post(f"{url}status/", {"titel": "Bezwaar tegen de huisvesting"})
    assert r.status_code == 302 and r["Location"].endswith("#titel-kop")
    assert WooDocument.objects.get().titel == "Bezwaar tegen de huisvesting"
    pdf = secretariaat.get(f"{url}publicatie.pdf").content
    assert "Document 1. Bezwaar tegen de huisvesting" in pdftotext(pdf)


def test_a_besluit_title_with_personal_data_is_refused(secretariaat: Client) -> None:
    r = secretariaat.post(
        "/woo/nieuw/",
        {"titel": "Woo-verzoek van Karin de Boer", "datum": "2026-02-01", "kenmerk": "W-1"},
    )
    assert r.status_code == 400
    assert "De titel bevat persoonsgegevens (naam „Karin de Boer”)" in r.content.decode()
    assert not WooBesluit.objects.exists()


def test_the_register_of_place_and_street_names() -> None:
    import csv

    from regietafel.woo.plaatsen import GEMEENTEN_CSV, register

    r = register()
    with GEMEENTEN_CSV.open(encoding="utf-8") as f:
        gemeenten = [rij["naam"] for rij in csv.DictReader(f)]
    assert len(gemeenten) == 342 and all(r.is_plaats(g) for g in gemeenten)
    for woonplaats in ("Nieuw-Buinen", "Zuidlaren", "Gieten", "Ter Apel", "Exloo", "Een"):
        assert r.is_plaats(woonplaats), woonplaats
    assert len(r.plaatsen) > 6000
    # streets without a street word come from the BAG list deduce ships
    assert r.is_straat("Noordeinde") and r.is_straat("Het Want")
    assert not r.is_straat("Postbus") and not r.is_straat("November")
