"""The readable schema page and the API's JSON raise no CSP violation in Chromium; the schema
page has no WCAG violation (axe-core)."""

from __future__ import annotations

import pytest

from regietafel.demo.drenthe import DEMO_WACHTWOORD
from tests.browser import axe_overtredingen, chromium_pagina

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_pages_raise_no_csp_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    with chromium_pagina() as page:
        fouten: list[str] = []
        page.on(
            "console",
            lambda bericht: (
                fouten.append(f"{page.url}: {bericht.text}") if bericht.type == "error" else None
            ),
        )
        page.goto(f"{live_server.url}/account/inloggen/")
        page.fill("#id_username", "lezer")
        page.fill("#id_password", DEMO_WACHTWOORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        for pad in ["/api/schema/bekijk/", "/api/v1", "/api/v1/realisaties"]:
            antwoord = page.goto(f"{live_server.url}{pad}")
            assert antwoord is not None and antwoord.ok, pad
            page.wait_for_load_state("load")
            if pad == "/api/schema/bekijk/":
                assert page.locator("caption").inner_text() == "Paden en methoden"
                assert axe_overtredingen(page) == [], pad
        assert page.locator("body").inner_text().startswith('{"count":')
    assert [f for f in fouten if "favicon" not in f and "404" not in f] == []
