"""WCAG 2.1 A/AA (axe-core, headless Chromium) for every page of the location register; the
forms work without JavaScript."""

from __future__ import annotations

import pytest

from regietafel.locaties.models import Locatie, LocatieStatus
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_read_pages_have_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    assen = Locatie.objects.get(naam="azc Assen")
    with chromium_pagina() as page:
        inloggen(page, live_server, "lezer")
        for pad, kop in (
            ("/locaties/", "Locaties Drenthe"),
            ("/locaties/?gemeente=GM1701&status=gerealiseerd", "Locaties Drenthe"),
            ("/locaties/capaciteit/", "Capaciteit provincie Drenthe"),
            ("/locaties/capaciteit/?gemeente=GM0106&van=2026-01", "Capaciteit gemeente Assen"),
            (f"/locaties/{assen.pk}/", "azc Assen Assen"),
        ):
            page.goto(f"{live_server.url}{pad}")
            assert " ".join(page.locator("h1").inner_text().split()) == kop
            assert axe_overtredingen(page) == [], pad


def test_forms_with_and_without_errors_have_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    assen = Locatie.objects.get(naam="azc Assen")
    with chromium_pagina() as page:
        inloggen(page, live_server, "gemeente-assen")
        page.goto(f"{live_server.url}/locaties/nieuw/")
        assert axe_overtredingen(page) == []
        page.fill("#id_plaatsen_regulier", "-5")
        page.click("text=Opslaan")
        page.wait_for_selector("#id_plaatsen_regulier-fout")
        assert axe_overtredingen(page) == []
        page.goto(f"{live_server.url}/locaties/{assen.pk}/wijzigen/")
        assert axe_overtredingen(page) == []
        page.goto(f"{live_server.url}/locaties/{assen.pk}/beeindigen/")
        assert axe_overtredingen(page) == []
        page.click("button:has-text('Beëindigen')")
        page.wait_for_selector("#id_reden-fout")
        assert axe_overtredingen(page) == []


def test_end_a_location_without_javascript(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    assen = Locatie.objects.get(naam="azc Assen")
    with chromium_pagina() as page:
        browser = page.context.browser
        zonder = browser.new_context(java_script_enabled=False).new_page()
        inloggen(zonder, live_server, "gemeente-assen")
        zonder.goto(f"{live_server.url}/locaties/{assen.pk}/beeindigen/")
        zonder.fill("#id_einddatum", "01-03-2026")
        zonder.fill("#id_reden", "Contract niet verlengd")
        zonder.click("button:has-text('Beëindigen')")
        zonder.wait_for_url(f"{live_server.url}/locaties/{assen.pk}/")
        assen.refresh_from_db()
        assert assen.status == LocatieStatus.BEEINDIGD
        assert "Contract niet verlengd" in zonder.content()
