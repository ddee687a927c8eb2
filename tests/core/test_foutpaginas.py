"""Dutch error pages (issue 17, point 5): 400, 403 with the reason, 404, 429, 500 and a failed
CSRF check, in the site layout with the menu where the user is known; never Django's bare
English page or its debug page listing the URL patterns."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente, Provincie

pytestmark = pytest.mark.django_db

ENGELS = ("Not Found", "Forbidden", "Server Error", "Bad Request", "CSRF verification", "Page not")


def _foutpagina(antwoord, status: int, titel: str, *, menu: bool) -> str:  # type: ignore[no-untyped-def]
    """The checks every error page passes; its text."""
    assert antwoord.status_code == status
    assert antwoord["Content-Type"].startswith("text/html")
    html = antwoord.content.decode()
    assert '<html lang="nl">' in html
    assert f'<h1 class="utrecht-heading-1">{titel}</h1>' in html
    assert f"<title>{titel} — regietafel</title>" in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html  # the layout
    assert ('aria-label="Hoofdmenu"' in html) is menu
    assert f"Foutcode {status}" in html
    for woord in ENGELS:
        assert woord not in html, woord
    return html


@pytest.fixture
def fout_urls(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ROOT_URLCONF = "tests.core.fout_urls"


@pytest.fixture
def client_zonder_fouten() -> Client:
    return Client(raise_request_exception=False)


def test_404_anoniem_zonder_menu_en_zonder_urlpatronen(drenthe: Provincie, client: Client) -> None:
    html = _foutpagina(client.get("/bestaat-niet/"), 404, "Pagina niet gevonden", menu=False)
    assert "bestaat-niet" not in html
    assert "stand-van-zaken" not in html  # no URL pattern names, as the debug page lists
    assert 'href="/account/inloggen/"' in html


def test_404_met_menu_en_de_reden_van_de_view(secretariaat: Client) -> None:
    html = _foutpagina(
        secretariaat.get("/historie/locaties/locatie/987654321/"),
        404,
        "Pagina niet gevonden",
        menu=True,
    )
    assert "Onbekend record." in html
    assert 'href="/account/inloggen/"' not in html


def test_404_noemt_de_engelse_melding_van_get_object_or_404_niet(secretariaat: Client) -> None:
    html = _foutpagina(secretariaat.get("/trends/GM9999/"), 404, "Pagina niet gevonden", menu=True)
    assert "matches the given query" not in html


def test_403_met_de_reden_uit_de_view(lezer: Client) -> None:
    html = _foutpagina(lezer.get("/landelijk/"), 403, "Geen toegang", menu=True)
    assert "Het landelijk overzicht is voor landelijke gebruikers." in html


def test_403_met_de_reden_uit_de_service(gemeente_assen: Client) -> None:
    """The example of the issue: Assen submits figures for Emmen; the service refuses."""
    emmen = Gemeente.objects.get(naam="Emmen")
    antwoord = gemeente_assen.post(
        "/inzendingen/",
        {
            "gemeente": emmen.cbs_code,
            "peildatum": "2025-11-01",
            "oekraine": "",
            "regulier": "",
            "amv": "7",
            "toelichting": "",
        },
    )
    html = _foutpagina(antwoord, 403, "Geen toegang", menu=True)
    assert re.search(
        r'role="alert">\s*<p class="utrecht-paragraph">U mag geen cijfers inzenden voor Emmen\.</p>',
        html,
    )


def test_403_zonder_reden(drenthe: Provincie) -> None:
    """The admin raises PermissionDenied without a message: the general text only."""
    beheerder = Gebruiker.objects.create(username="zonder-rechten", is_staff=True)
    client = Client()
    client.force_login(beheerder)
    assen = Gemeente.objects.get(naam="Assen")
    html = _foutpagina(
        client.get(f"/beheer/gemeenten/gemeente/{assen.pk}/delete/"),
        403,
        "Geen toegang",
        menu=True,
    )
    assert 'role="alert"' not in html


def test_400(fout_urls: None, secretariaat: Client) -> None:
    html = _foutpagina(secretariaat.get("/_fout/400/"), 400, "Ongeldig verzoek", menu=True)
    assert "English" not in html


def test_400_onbekende_host(drenthe: Provincie, client: Client) -> None:
    """DisallowedHost: Django's message is English and names the host; the page does not."""
    html = _foutpagina(
        client.get("/", HTTP_HOST="kwaadaardig.example"), 400, "Ongeldig verzoek", menu=False
    )
    assert "kwaadaardig" not in html


def test_429(fout_urls: None, secretariaat: Client) -> None:
    antwoord = secretariaat.get("/_fout/429/")
    html = _foutpagina(antwoord, 429, "Te veel verzoeken", menu=True)
    assert antwoord["Retry-After"] == "30"
    assert "Probeer het over 1 minuut opnieuw." in html


def test_429_na_te_veel_mislukte_inlogpogingen(drenthe: Provincie, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AXES_FAILURE_LIMIT = 2
    client = Client()
    for _ in range(2):
        client.post("/account/inloggen/", {"username": "lezer", "password": "fout"})
    antwoord = client.post("/account/inloggen/", {"username": "lezer", "password": "fout"})
    assert antwoord.status_code == 429
    html = antwoord.content.decode()
    assert '<html lang="nl">' in html and 'class="site-header"' in html
    assert "Inloggen tijdelijk geblokkeerd" in html


def test_500_met_menu(fout_urls: None, secretariaat: Client) -> None:
    secretariaat.raise_request_exception = False
    html = _foutpagina(secretariaat.get("/_fout/500/"), 500, "Er ging iets mis", menu=True)
    assert "opzettelijke fout" not in html and "RuntimeError" not in html


def test_500_zonder_database(secretariaat: Client) -> None:
    """The database is what failed: the page still renders, in the layout without the menu
    (the user cannot be read)."""
    secretariaat.raise_request_exception = False
    weg = OperationalError("database onbereikbaar")
    with mock.patch.object(BaseDatabaseWrapper, "_cursor", side_effect=weg):
        antwoord = secretariaat.get("/locaties/")
    html = _foutpagina(antwoord, 500, "Er ging iets mis", menu=False)
    assert "onbereikbaar" not in html


def test_csrf(drenthe: Provincie) -> None:
    client = Client(enforce_csrf_checks=True)
    antwoord = client.post("/account/inloggen/", {"username": "lezer", "password": "x"})
    html = _foutpagina(antwoord, 403, "Formulier niet verwerkt", menu=False)
    assert "laad de pagina opnieuw" in html
