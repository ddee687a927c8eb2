"""The report pages: who may see, download and edit; downloads with proper file names."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Provincie
from regietafel.rapportage.models import RapportVersie
from tests.rapportage.conftest import docx_tekst, normaal
from tests.taken.hulp import haal

pytestmark = pytest.mark.django_db


def _client(naam: str) -> Client:
    client = Client()
    client.force_login(Gebruiker.objects.get(username=naam))
    return client


def test_anonymous_visitor_is_sent_to_login(drenthe: Provincie) -> None:
    for pad in ("/rapportage/", "/rapportage/stand-van-zaken/pdf/?peildatum=2025-11-01"):
        response = Client().get(pad)
        assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")


def test_list_page_offers_the_downloads(lezer: Client) -> None:
    html = lezer.get("/rapportage/").content.decode()
    assert 'href="/rapportage/stand-van-zaken/pdf/?peildatum=2025-11-01"' in html
    assert 'href="/rapportage/stand-van-zaken/docx/?peildatum=2025-11-01"' in html
    assert 'href="/rapportage/stand-van-zaken/xlsx/?peildatum=2025-11-01"' in html
    assert 'href="/rapportage/verslag/2024/pdf/"' in html
    assert "Teksten bewerken" not in html  # a lezer does not edit
    assert 'aria-current="page"' in html and ">Rapportages</a>" in html
    html = lezer.get("/rapportage/?peildatum=2024-10-01&cyclus=2024").content.decode()
    assert 'href="/rapportage/stand-van-zaken/pdf/?peildatum=2024-10-01"' in html
    assert '<option value="2024" selected>2024 — Spreidingswet 2025–2026' in html  # no "2.024"


def test_stand_van_zaken_page_has_the_export_buttons(lezer: Client) -> None:
    html = lezer.get("/?peildatum=2024-10-01").content.decode()
    for formaat in ("pdf", "docx", "xlsx"):
        assert f'href="/rapportage/stand-van-zaken/{formaat}/?peildatum=2024-10-01"' in html


@pytest.mark.parametrize(
    ("pad", "bestand", "mime"),
    [
        (
            "/rapportage/stand-van-zaken/pdf/?peildatum=2025-11-01",
            "stand-van-zaken-drenthe-2025-11-01.pdf",
            "application/pdf",
        ),
        (
            "/rapportage/stand-van-zaken/xlsx/?peildatum=2024-10-01",
            "stand-van-zaken-drenthe-2024-10-01.xlsx",
            "spreadsheetml",
        ),
        (
            "/rapportage/verslag/2024/docx/",
            "provinciaal-verslag-drenthe-2024.docx",
            "wordprocessingml",
        ),
    ],
)
def test_downloads(lezer: Client, pad: str, bestand: str, mime: str) -> None:
    response = haal(lezer, pad)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{bestand}"'
    assert mime in response["Content-Type"]


def test_previews_render_the_same_document(lezer: Client) -> None:
    html = lezer.get("/rapportage/stand-van-zaken/?peildatum=2025-11-01").content.decode()
    assert "Er zijn 4.978 plekken gerealiseerd" in html and "−670" in html
    assert 'alt="Oekraïne-opgave: opgave en realisatie per gemeente.' in html
    html = lezer.get("/rapportage/verslag/2024/").content.decode()
    assert "€\u00a03.084.000" in html and "Bijlage 2 Aanspraak bonusregelingen" in html


@pytest.mark.parametrize(
    "pad",
    [
        "/rapportage/stand-van-zaken/pdf/?peildatum=2025-10-01",
        "/rapportage/stand-van-zaken/pdf/?peildatum=gisteren",
        "/rapportage/verslag/2030/pdf/",
        "/rapportage/verslag/2026/",
        "/rapportage/stand-van-zaken/odt/?peildatum=2025-11-01",
    ],
)
def test_no_data_is_404(lezer: Client, pad: str) -> None:
    assert lezer.get(pad).status_code == 404


@pytest.mark.parametrize("gebruiker", ["lezer", "gemeente-assen", "coa"])
def test_only_the_secretariaat_edits_texts(drenthe: Provincie, gebruiker: str) -> None:
    client = _client(gebruiker)
    pad = "/rapportage/stand-van-zaken/teksten/?peildatum=2025-11-01"
    assert client.get(pad).status_code == 403
    response = client.post(pad, {"versie_datum": "2025-11-20", "tekst_inleiding": "Gehackt."})
    assert response.status_code == 403
    assert (
        client.post("/rapportage/verslag/2024/teksten/", {"versie_datum": "2025-11-20"}).status_code
        == 403
    )
    assert not RapportVersie.objects.filter(teksten__inleiding="Gehackt.").exists()


def test_secretariaat_saves_a_new_version_that_the_reports_use(secretariaat: Client) -> None:
    pad = "/rapportage/stand-van-zaken/teksten/?peildatum=2025-11-01"
    html = secretariaat.get(pad).content.decode()
    assert "weigeringen aan de deur" in html  # the current version's text, ready to edit
    response = secretariaat.post(
        pad,
        {
            "versie_datum": "2025-11-20",
            "adressering": "Bestuurlijke PRT Drenthe d.d. 26 november 2025",
            "tekst_inleiding": "Een nieuwe inleiding.\n\nMet een tweede alinea.",
            "tekst_oekraine": "- Eerste punt\n- Tweede punt",
            "tekst_statushouders": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/rapportage/?peildatum=2025-11-01"
    versie = (
        RapportVersie.objects.filter(peildatum=dt.date(2025, 11, 1)).order_by("-volgnummer").first()
    )
    assert versie is not None and versie.volgnummer == 2
    assert versie.aangemaakt_door == Gebruiker.objects.get(username="secretariaat")
    assert RapportVersie.objects.filter(
        peildatum=dt.date(2025, 11, 1), volgnummer=1
    ).exists()  # kept
    assert AuditRegel.objects.filter(
        object_type="rapportage.rapportversie", object_id=str(versie.pk)
    ).exists()

    woord = haal(secretariaat, "/rapportage/stand-van-zaken/docx/?peildatum=2025-11-01")
    tekst = normaal(docx_tekst(woord.content))
    assert "Een nieuwe inleiding." in tekst and "Met een tweede alinea." in tekst
    assert "Tweede punt" in tekst and "weigeringen aan de deur" not in tekst
    assert "Aan: Bestuurlijke PRT Drenthe d.d. 26 november 2025" in tekst
    assert "Versie: 20 november 2025" in tekst
    assert "Er zijn 4.978 plekken gerealiseerd" in tekst  # generated sentences stay


def test_invalid_form_is_shown_again(secretariaat: Client) -> None:
    response = secretariaat.post("/rapportage/verslag/2024/teksten/", {"versie_datum": "morgen"})
    assert response.status_code == 200
    assert "Vul een datum in" in response.content.decode()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("/rapportage/"):
            self.links.append(href)


def test_a_cyclus_without_opgaven_is_not_offered_but_explained(
    secretariaat: Client, lezer: Client
) -> None:
    """Issue 16, point 7: the second cyclus (2026) has no opgaven for Drenthe yet; /rapportage/
    does not offer it (its five buttons would all end in a 404) and says why, in Dutch."""
    from regietafel.opgaven.models import Cyclus, CyclusSoort, Opgave

    zonder = [
        c
        for c in Cyclus.objects.filter(soort=CyclusSoort.SPREIDINGSWET)
        if not Opgave.objects.filter(cyclus=c, gemeente__provincie__naam="Drenthe").exists()
    ]
    assert [c.jaar for c in zonder] == [2026]  # the demo's second cyclus, without opgaven
    for client, query, volgen in (
        (secretariaat, "", True),
        (secretariaat, "?cyclus=2026", False),
        (lezer, "?cyclus=2026", True),
    ):
        html = normaal(client.get(f"/rapportage/{query}").content.decode())
        assert '<option value="2026"' not in html
        assert '<option value="2024" selected>' in html
        assert (
            "De cyclus 2026 (Spreidingswet 2027–2028 (tweede cyclus)) staat niet in de keuze: "
            "voor Drenthe zijn daarin nog geen opgaven vastgelegd" in html
        )
        assert "/rapportage/verslag/2026/" not in html
        links = _Links()
        links.feed(html)
        assert len(links.links) >= 8
        for link in links.links if volgen else ():  # every button of the page gives a result
            assert haal(client, link).status_code == 200, link
    html = secretariaat.get("/rapportage/?cyclus=2026").content.decode()
    assert (
        "Het verslag van cyclus 2026 kan nog niet worden gemaakt: voor Drenthe zijn in die "
        "cyclus nog geen opgaven vastgelegd." in html
    )
