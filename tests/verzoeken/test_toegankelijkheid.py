"""WCAG 2.1 A/AA with axe-core in headless Chromium: the verzoeken pages, with forms and errors."""

from __future__ import annotations

import datetime as dt

import pytest

from regietafel.verzoeken.models import Kandidaatlocatie, NareizigersPlaatsing, NoodopvangVerzoek
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("gebruiker", ["secretariaat", "gemeente-assen", "lezer"])
def test_pages_have_no_violations(demo, live_server, gebruiker: str) -> None:  # type: ignore[no-untyped-def]
    v = NoodopvangVerzoek.objects.get(ontvangen_op=dt.date(2026, 1, 12))
    k = Kandidaatlocatie.objects.get(gemeente__naam="Assen")
    paden = [
        ("/verzoeken/", "Noodopvangreserve"),
        (f"/verzoeken/noodopvang/{v.pk}/", "Noodopvang 100 plaatsen (12-01-2026)"),
        (f"/verzoeken/kandidaten/{k.pk}/", "Sporthal (demo)"),
        ("/verzoeken/nareizigers/?datum=2026-01-20", "Nareizigers"),
    ]
    if gebruiker == "secretariaat":
        p = NareizigersPlaatsing.objects.get(gemeente__naam="Emmen")
        paden += [
            ("/verzoeken/noodopvang/nieuw/", "Nieuw noodopvangverzoek"),
            (f"/verzoeken/noodopvang/{v.pk}/bewerken/", "Verzoek bewerken"),
            ("/verzoeken/nareizigers/nieuw/", "Plaatsing vastleggen"),
            (f"/verzoeken/nareizigers/{p.pk}/", "Plaatsing bewerken"),
        ]
    with chromium_pagina() as page:
        inloggen(page, live_server, gebruiker)
        for pad, kop in paden:
            page.goto(f"{live_server.url}{pad}")
            assert page.locator("h1").inner_text() == kop, pad
            assert axe_overtredingen(page) == [], pad


def test_form_errors_have_no_violations(demo, live_server) -> None:  # type: ignore[no-untyped-def]
    with chromium_pagina() as page:
        inloggen(page, live_server, "secretariaat")
        page.goto(f"{live_server.url}/verzoeken/noodopvang/nieuw/")
        page.fill("#id_van_wie", "Ministerie")
        page.fill("#id_plaatsen", "0")
        page.click("main button[type=submit]")
        assert page.locator(".utrecht-form-field-error-message").count() >= 1
        assert page.locator("#id_plaatsen[aria-invalid=true]").count() == 1
        assert axe_overtredingen(page) == []


def test_readiness_works_without_javascript(demo, live_server) -> None:  # type: ignore[no-untyped-def]
    k = Kandidaatlocatie.objects.get(gemeente__naam="Assen")
    with chromium_pagina() as page:
        page = page.context.browser.new_context(java_script_enabled=False).new_page()
        inloggen(page, live_server, "gemeente-assen")
        page.goto(f"{live_server.url}/verzoeken/kandidaten/{k.pk}/")
        page.select_option("#id_gereedheid", "vervallen")
        page.click("text=Opslaan")
        page.wait_for_url(f"{live_server.url}/verzoeken/kandidaten/{k.pk}/")
        assert "De gereedheid is bijgewerkt." in page.content()
    k.refresh_from_db()
    assert k.gereedheid == "vervallen"
