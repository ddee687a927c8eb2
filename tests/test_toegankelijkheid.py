"""WCAG 2.1 A/AA: axe-core in headless Chromium finds no violations on the pages."""

from __future__ import annotations

import pytest

from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_page_has_no_violations(drenthe, live_server, settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEMO_MODE = True
    with chromium_pagina() as page:
        page.goto(f"{live_server.url}/account/inloggen/")
        assert page.locator("text=regietafel-demo").count() >= 1
        assert axe_overtredingen(page) == []


@pytest.mark.parametrize(
    ("pad", "kop"),
    [
        ("/", "Stand van zaken Drenthe per 01-11-2025"),
        ("/?peildatum=2024-10-01", "Stand van zaken Drenthe per 01-10-2024"),
        ("/?peildatum=2025-11-01&bekend_op={dag:%Y-%m-%d}", "{dag:%d-%m-%Y}"),
    ],
)
def test_stand_van_zaken_has_no_violations(drenthe, live_server, pad: str, kop: str) -> None:  # type: ignore[no-untyped-def]
    if "{dag" in pad:  # as known on the day the figures were loaded (never the real date)
        from regietafel.core import klok
        from regietafel.monitoring.models import Realisatie

        dag = klok.lokaal(Realisatie.objects.latest("geregistreerd_op").geregistreerd_op).date()
        pad = pad.format(dag=dag)
        kop = f"Stand van zaken Drenthe per 01-11-2025, zoals bekend op {kop.format(dag=dag)}"
    with chromium_pagina() as page:
        inloggen(page, live_server)
        page.goto(f"{live_server.url}{pad}")
        assert page.locator("h1").inner_text() == kop
        assert axe_overtredingen(page) == []


def test_stand_van_zaken_works_without_javascript(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    with chromium_pagina() as page:
        page.context.close()
        ctx = page.context.browser.new_context(java_script_enabled=False)
        page = ctx.new_page()
        inloggen(page, live_server)
        page.select_option("#peildatum", "2024-10-01")
        page.click("text=Toon")
        page.wait_for_url("**/?peildatum=2024-10-01")
        assert "4.793" in page.content()


def test_axe_does_report_a_violation() -> None:
    """The check above can fail: an image without alt text on a page without a language."""
    with chromium_pagina() as page:
        page.set_content(
            '<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></body></html>'
        )
        ids = {regel.split(":")[0] for regel in axe_overtredingen(page)}
        assert {"image-alt", "html-has-lang"} <= ids
