"""The provinciaal verslag of the second cycle: letters, verslag, Bijlage 1 from the aanbod and
Bijlage 2 with the cyclus' own amounts, as PDF and DOCX, CONCEPT until approved, and every
number from the one PUZZEL."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from regietafel.cyclus.services import ElementInvoer
from regietafel.domain.aanbod import Element
from regietafel.gemeenten.models import Provincie
from regietafel.rapportage.models import Rapportsoort, RapportVersie
from regietafel.rapportage.services import bewaar_versie
from regietafel.rapportage.verslag import verslag_document
from tests.cyclus.factories import aanbod, cyclus_2026, gebruiker, indicatief_2026, opzet_2026
from tests.cyclus.tekst import document_tekst
from tests.rapportage.conftest import docx_tekst, normaal, pdf_tekst
from tests.taken.hulp import haal

pytestmark = pytest.mark.django_db


@pytest.fixture
def tweede(drenthe: Provincie) -> Provincie:
    opzet_2026(illustratief=True, spuk1_per_plek=2500)
    indicatief_2026(drenthe)
    aanbod(
        "Assen",
        [
            {
                "naam": "azc Assen",
                "locatie": "azc Assen",
                "soort": "regulier",
                "plaatsen": 1000,
                "beschikbaar_van": dt.date(2017, 3, 1),
                "beschikbaar_tot": dt.date(2036, 4, 1),
            },
        ],
    )
    aanbod(
        "Emmen",
        [
            {
                "naam": "AMV-locatie Emmen",
                "soort": "amv",
                "plaatsen": 50,
                "beschikbaar_van": dt.date(2027, 3, 1),
                "elementen": {Element.BESLUITVORMING: ElementInvoer("raadsbesluit 12-03-2026")},
            },
        ],
    )
    return drenthe


def _document(drenthe: Provincie) -> str:
    return document_tekst(verslag_document(drenthe, cyclus_2026()))


def test_the_verslag_is_complete_and_its_numbers_agree(tweede: Provincie) -> None:
    tekst = _document(tweede)
    for kop in (
        "## Aanbiedingsbrief aan de minister",
        "## Inleiding",
        "## Verdeling opvangopgaven",
        "## Financiële regelingen",
        "## Bijlage 1 Format provinciale verslag Drenthe",
        "## Bijlage 2 Aanspraak bonusregelingen",
        "## Aanbiedingsbrief aan de colleges",
    ):
        assert kop in tekst, kop
    assert "Status: CONCEPT — nog niet vastgesteld" in tekst
    assert "ILLUSTRATIEF" in tekst and "## Illustratief" in tekst
    # The one result: what counts, in the letter, the PUZZEL's total and Bijlage 1.
    zin = (
        "De gemeenten van Drenthe bieden 1.000 reguliere en 50 AMV-plaatsen aan die meetellen, "
        "tegen een provinciale opgave van 2.244 regulier en 210 AMV."
    )
    assert tekst.count(zin) == 3  # both letters and the verslag, nowhere contradicted
    assert "Aantal ingevulde asielopvangplekken regulier: 1.000" in tekst
    assert "Nog in te vullen asielopvangplekken regulier: 1.244" in tekst
    assert "Aantal ingevulde asielopvangplekken AMV: 50" in tekst
    assert "Nog in te vullen asielopvangplekken AMV: 160" in tekst
    totaal = next(
        r
        for r in tekst.splitlines()
        if r.startswith("Totaal | 502.051") or r.startswith("Totaal |")
    )
    assert "2.244 | 1.000 | 0 | −1.244 | 210 | 50 | 0 | −160" in totaal
    # Bijlage 1 lists the aanbod's locations and plans, with their judgement.
    assert "Assen | azc Assen | 1.000 | 1.000 |" in tekst
    assert "Emmen | AMV-locatie Emmen (plan) | 50 |" in tekst
    assert "Lokale besluitvorming is afgerond: raadsbesluit 12-03-2026" in tekst
    # Bijlage 2 with the cyclus' own amounts: SPUK 1 € 2.500 (Assen: 1.000 − 328 = 672 places).
    assert "SPUK 1, duurzame plekken: € 2.500 per reguliere plek" in tekst.replace("\u00a0", " ")
    assert "Assen | 328 | 1.000 | 672 | € 1.680.000" in tekst.replace("\u00a0", " ")
    assert "SPUK 2, bijzondere plekken: € 2.000 per AMV-plek." in tekst.replace("\u00a0", " ")
    # The verdict and what the minister would add.
    assert "De verdeling is nog niet volledig en uitvoerbaar" in tekst
    assert "verdeelt de minister een restopgave van 1.244 regulier en 160 AMV" in tekst


def test_approving_an_aanbod_changes_the_verslag(tweede: Provincie) -> None:
    voor = _document(tweede)
    aanbod(
        "Hoogeveen",
        [
            {
                "naam": "azc Hoogeveen",
                "locatie": "azc Hoogeveen",
                "soort": "regulier",
                "plaatsen": 940,
                "beschikbaar_van": dt.date(2014, 12, 24),
                "beschikbaar_tot": dt.date(2034, 2, 9),
            }
        ],
    )
    na = _document(tweede)
    assert "bieden 1.940 reguliere en 50 AMV-plaatsen aan" in na
    assert "bieden 1.940" not in voor
    assert "Hoogeveen | azc Hoogeveen | 940 | 940 |" in na


def test_concept_until_approved_and_again_after_an_edit(
    tweede: Provincie, secretariaat: Client
) -> None:
    pagina = secretariaat.get("/rapportage/verslag/2026/")
    assert pagina.status_code == 200 and "Status: CONCEPT" in pagina.content.decode()
    assert secretariaat.post("/rapportage/verslag/2026/vaststellen/").status_code == 302
    versie = RapportVersie.objects.get(cyclus=cyclus_2026(), provincie=tweede)
    assert versie.vastgesteld_op is not None
    tekst = _document(tweede)
    assert "CONCEPT" not in tekst and "Status: vastgesteld op" in tekst
    bewaar_versie(
        door=gebruiker("secretariaat"),
        soort=Rapportsoort.VERSLAG,
        provincie=tweede,
        cyclus=cyclus_2026(),
        versie_datum=dt.date(2026, 11, 20),
        teksten={"brief_minister": "Excellentie,\n\nEen nieuwe brief."},
    )
    tekst = _document(tweede)
    assert "Status: CONCEPT" in tekst and "Een nieuwe brief." in tekst
    lezer = Client()
    lezer.force_login(gebruiker("lezer"))
    assert lezer.post("/rapportage/verslag/2026/vaststellen/").status_code == 403


def test_the_letters_are_editable_for_a_workflow_cyclus_only(
    tweede: Provincie, secretariaat: Client
) -> None:
    nieuw = secretariaat.get("/rapportage/verslag/2026/teksten/").content.decode()
    assert (
        "Aanbiedingsbrief aan de minister" in nieuw and "Aanbiedingsbrief aan de colleges" in nieuw
    )
    oud = secretariaat.get("/rapportage/verslag/2024/teksten/").content.decode()
    assert "Aanbiedingsbrief" not in oud


@pytest.mark.parametrize("formaat", ["pdf", "docx"])
def test_the_cli_writes_a_complete_verslag(tweede: Provincie, tmp_path: Path, formaat: str) -> None:
    uit = tmp_path / f"verslag.{formaat}"
    call_command(
        "rapport",
        "verslag",
        "--provincie",
        "Drenthe",
        "--cyclus",
        "2026",
        "--format",
        formaat,
        "-o",
        str(uit),
    )
    inhoud = uit.read_bytes()
    tekst = normaal(pdf_tekst(inhoud) if formaat == "pdf" else docx_tekst(inhoud))
    for deel in (
        "Aanbiedingsbrief aan de minister",
        "Bijlage 1 Format provinciale verslag Drenthe",
        "Bijlage 2 Aanspraak bonusregelingen",
        "Aanbiedingsbrief aan de colleges",
        "CONCEPT",
        "llustratief",
        "azc Assen",
    ):
        assert deel in tekst, deel
    assert re.search(r"bieden 1\.000 reguliere en 50 AMV-plaatsen aan", tekst)


def test_the_reports_page_offers_2026_without_dead_buttons(
    drenthe: Provincie, lezer: Client
) -> None:
    # Before the minister's numbers are in: no buttons, a sentence and the way to the cyclus.
    pagina = lezer.get("/rapportage/?cyclus=2026").content.decode()
    assert "nog geen opgaven vastgelegd" in pagina
    assert 'href="/rapportage/verslag/2026/"' not in pagina
    opzet_2026()
    indicatief_2026(drenthe)
    pagina = lezer.get("/rapportage/?cyclus=2026").content.decode()
    assert 'href="/rapportage/verslag/2026/"' in pagina
    assert lezer.get("/rapportage/verslag/2026/").status_code == 200
    pdf = haal(lezer, "/rapportage/verslag/2026/pdf/")  # a document is made by a job
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_without_amounts_bijlage_2_says_they_are_not_set(drenthe: Provincie) -> None:
    opzet_2026(spuk1_per_plek=None, spuk2_per_plek=None)
    indicatief_2026(drenthe)
    tekst = _document(drenthe)
    bijlage2 = tekst[
        tekst.index("## Bijlage 2 Aanspraak bonusregelingen") : tekst.index(
            "## Aanbiedingsbrief aan de colleges"
        )
    ]
    assert "De bedragen van deze cyclus zijn (nog) niet vastgelegd in de opzet van de cyclus." in (
        bijlage2
    )
    assert "Aanspraak bonusregelingen per gemeente" not in tekst  # no table without amounts
    assert "Voor de cyclus 2026 zijn (nog) geen bedragen van de bonusregelingen vastgelegd" in tekst
