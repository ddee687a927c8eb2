"""WCAG 2.1 A/AA with axe-core in headless Chromium: the toezicht pages."""

from __future__ import annotations

import pytest

from regietafel.toezicht.models import Dossier
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("gebruiker", ["secretariaat", "lezer"])
def test_pages_have_no_violations(demo, live_server, gebruiker: str) -> None:  # type: ignore[no-untyped-def]
    d = Dossier.objects.get(gemeente__naam="Tynaarlo")
    stap = d.stappen.first()
    paden = [
        ("/toezicht/", "Interbestuurlijk toezicht"),
        (f"/toezicht/{d.pk}/", "Toezicht Tynaarlo"),
        (f"/toezicht/stappen/{stap.pk}/", "Informatie opvragen (20-01-2026)"),  # type: ignore[union-attr]
    ]
    if gebruiker == "secretariaat":
        paden.append(("/toezicht/openen/?gemeente=GM0106", "Toezichtdossier openen voor Assen"))
    with chromium_pagina() as page:
        inloggen(page, live_server, gebruiker)
        for pad, kop in paden:
            page.goto(f"{live_server.url}{pad}")
            assert page.locator("h1").inner_text() == kop, pad
            assert axe_overtredingen(page) == [], pad


def test_gemeente_list_and_errors_have_no_violations(demo, live_server) -> None:  # type: ignore[no-untyped-def]
    d = Dossier.objects.get(gemeente__naam="Tynaarlo")
    with chromium_pagina() as page:
        inloggen(page, live_server, "gemeente-assen")
        page.goto(f"{live_server.url}/toezicht/")
        assert axe_overtredingen(page) == []
    with chromium_pagina() as page:
        inloggen(page, live_server, "secretariaat")
        page.goto(f"{live_server.url}/toezicht/{d.pk}/")
        page.fill("#id_stap-datum", "2026-05-01")
        page.fill("#id_stap-termijn", "2026-04-01")
        page.click("main form[action$='/stappen/'] button[type=submit]")
        assert page.locator("#id_stap-termijn[aria-invalid=true]").count() == 1
        assert axe_overtredingen(page) == []
