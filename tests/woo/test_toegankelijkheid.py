"""WCAG 2.1 A/AA with axe-core on the Woo pages, and the review without JavaScript."""

from __future__ import annotations

import datetime as dt

import pytest

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Provincie
from regietafel.woo import services
from regietafel.woo.models import Lak, WooBesluit
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _besluit(drenthe: Provincie) -> WooBesluit:
    door = Gebruiker.objects.get(username="secretariaat")
    besluit = services.maak_besluit(
        door=door,
        provincie=drenthe,
        titel="Woo-verzoek PRT",
        datum=dt.date(2026, 2, 1),
        kenmerk="WOO-1",
    )
    services.voeg_document_toe(
        door=door,
        besluit=besluit,
        titel="Brief aan de PRT",
        tekst="Beste Raymond Wanders,\n\nBel mij op 06-12345678 of mail r.wanders@emmen.nl.\n\nJetta Klijnsma",
        bron="tekst",
    )
    return besluit


def test_woo_pages_have_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    besluit = _besluit(drenthe)
    with chromium_pagina() as page:
        inloggen(page, live_server, "secretariaat")
        for pad, kop in (
            ("/woo/", "Woo-publicatie"),
            (f"/woo/{besluit.pk}/", "Woo-verzoek PRT"),
            (f"/woo/{besluit.pk}/document/1/", "1. Brief aan de PRT"),
        ):
            page.goto(f"{live_server.url}{pad}")
            assert page.locator("h1").inner_text() == kop, pad
            assert axe_overtredingen(page) == [], pad
        page.goto(f"{live_server.url}/woo/{besluit.pk}/")
        page.check("#id_bron_1")
        page.click("text=Toevoegen en persoonsgegevens zoeken")
        assert "Plak de tekst van het document." in page.content()
        assert axe_overtredingen(page) == []


def test_review_works_without_javascript(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    besluit = _besluit(drenthe)
    with chromium_pagina() as page:
        page = page.context.browser.new_context(java_script_enabled=False).new_page()
        inloggen(page, live_server, "secretariaat")
        page.goto(f"{live_server.url}/woo/{besluit.pk}/document/1/")
        page.fill("#id_fragment", "Bel mij op")
        with page.expect_navigation():
            page.click("form[action$='/eigen/'] button[type=submit]")
        assert page.url.endswith("/document/1/#eigen-kop"), page.url
        assert "1 vindplaats(en) gelakt." in page.content()
        naam = Lak.objects.get(tekst="Raymond Wanders")
        with page.expect_navigation():
            page.locator(f"#lak-{naam.pk} button[value=afgewezen]").click()
        assert "Lak „Raymond Wanders” is afgewezen." in page.content()
        page.screenshot(path="/tmp/g_woo_document.png", full_page=True)
    assert Lak.objects.get(pk=naam.pk).status == "afgewezen"
    assert Lak.objects.filter(eigen=True, tekst="Bel mij op").count() == 1
