"""WCAG 2.1 A/AA (axe-core, headless Chromium) for the national view, a drill-down and the
national Stand van zaken."""

from __future__ import annotations

import pytest

from regietafel.demo import landelijk as demo
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_national_view_and_drill_down_have_no_violations(minister, live_server) -> None:  # type: ignore[no-untyped-def]
    demo.laad(maanden=1, met_drenthe=False)
    with chromium_pagina() as page:
        inloggen(page, live_server, "minister", "/landelijk/")
        assert page.locator("h1").inner_text() == "Landelijk overzicht"
        assert page.locator(".synthetisch-melding").is_visible()
        assert axe_overtredingen(page) == []
        page.click("text=Noord-Brabant")
        page.wait_for_url("**/?provincie=PV30**")
        assert "Noord-Brabant" in page.locator("main").inner_text()


def test_national_stand_van_zaken_has_no_violations(minister, live_server) -> None:  # type: ignore[no-untyped-def]
    demo.laad(maanden=1, met_drenthe=False)
    with chromium_pagina() as page:
        inloggen(page, live_server, "minister", "/landelijk/")
        page.click("text=De landelijke stand van zaken")
        page.wait_for_url("**/rapportage/landelijk/**")
        assert page.locator("h1").inner_text() == "Stand van zaken realisatie opgaven"
        assert page.locator("h2", has_text="Noord-Brabant").count() == 1
        assert axe_overtredingen(page) == []
