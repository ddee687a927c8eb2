"""WCAG 2.1 A/AA on every error page (axe-core in headless Chromium): 400, 403 with the
reason, 404 (anonymous and signed in), 429, 500 and the failed CSRF check."""

from __future__ import annotations

import pytest

from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGINAS = [
    # (path, user or None, status, heading)
    ("/bestaat-niet/", None, 404, "Pagina niet gevonden"),
    ("/bestaat-niet/", "lezer", 404, "Pagina niet gevonden"),
    ("/landelijk/", "lezer", 403, "Geen toegang"),
    ("/_fout/400/", "lezer", 400, "Ongeldig verzoek"),
    ("/_fout/429/", "lezer", 429, "Te veel verzoeken"),
    ("/_fout/500/", "lezer", 500, "Er ging iets mis"),
]


def test_elke_foutpagina_is_toegankelijk(drenthe, live_server, settings) -> None:  # type: ignore[no-untyped-def]
    settings.ROOT_URLCONF = "tests.core.fout_urls"
    ingelogd = False
    with chromium_pagina() as page:
        for pad, gebruiker, status, kop in PAGINAS:
            if gebruiker and not ingelogd:
                inloggen(page, live_server, gebruiker)
                ingelogd = True
            antwoord = page.goto(f"{live_server.url}{pad}")
            assert antwoord is not None and antwoord.status == status, pad
            assert page.locator("h1").inner_text() == kop
            assert page.locator("html").get_attribute("lang") == "nl"
            assert (page.locator("nav[aria-label=Hoofdmenu]").count() == 1) is bool(gebruiker)
            assert axe_overtredingen(page) == [], pad
        # A form whose CSRF cookie is gone: Django refuses it with the Dutch 403 page.
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/account/inloggen/")
        page.context.clear_cookies()
        page.fill("#id_username", "lezer")
        page.fill("#id_password", "x")
        with page.expect_response(lambda r: r.request.method == "POST") as wacht:
            page.click("button[type=submit]")
        assert wacht.value.status == 403
        assert page.locator("h1").inner_text() == "Formulier niet verwerkt"
        assert axe_overtredingen(page) == []
