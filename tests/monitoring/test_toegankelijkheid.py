"""WCAG 2.1 A/AA (axe-core, headless Chromium) for Inzendingen and Trends; the forms work
without JavaScript."""

from __future__ import annotations

import datetime as dt

import pytest

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring.models import Inzending, InzendingStatus
from regietafel.monitoring.services import dien_in
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_inzending() -> Inzending:
    return dien_in(
        door=Gebruiker.objects.get(username="gemeente-assen"),
        gemeente=Gemeente.objects.get(naam="Assen"),
        peildatum=dt.date(2025, 11, 1),
        aantallen={"oekraine": 830, "regulier": 1000},
        toelichting="Nieuwe locatie",
    )


def test_trend_pages_have_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    with chromium_pagina() as page:
        inloggen(page, live_server)
        for pad, kop in (
            ("/trends/", "Trends provincie Drenthe"),
            ("/trends/GM0106/", "Trends gemeente Assen"),
        ):
            page.goto(f"{live_server.url}{pad}")
            assert page.locator("h1").inner_text() == kop
            assert axe_overtredingen(page) == [], pad


def test_gemeente_form_with_and_without_errors_has_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    with chromium_pagina() as page:
        inloggen(page, live_server, "gemeente-assen")
        page.goto(f"{live_server.url}/inzendingen/")
        assert axe_overtredingen(page) == []
        page.fill("#id_oekraine", "-5")
        page.click("text=Indienen")
        page.wait_for_selector("#id_oekraine-fout")
        assert axe_overtredingen(page) == []


def test_review_pages_have_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    inzending = _open_inzending()
    with chromium_pagina() as page:
        inloggen(page, live_server, "secretariaat")
        page.goto(f"{live_server.url}/inzendingen/")
        assert axe_overtredingen(page) == []
        page.goto(f"{live_server.url}/inzendingen/{inzending.pk}/")
        assert axe_overtredingen(page) == []
        page.click("text=Terugsturen")  # without a remark: the error is shown and linked
        page.wait_for_selector("#id_opmerking-fout")
        assert axe_overtredingen(page) == []


def test_submit_and_approve_without_javascript(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    with chromium_pagina() as page:
        page.context.close()
        browser = page.context.browser
        gemeente = browser.new_context(java_script_enabled=False).new_page()
        inloggen(gemeente, live_server, "gemeente-assen")
        gemeente.goto(f"{live_server.url}/inzendingen/")
        gemeente.select_option("#id_peildatum", "2025-11-01")
        gemeente.fill("#id_oekraine", "830")
        gemeente.click("text=Indienen")
        gemeente.wait_for_url("**/inzendingen/*/")
        inzending = Inzending.objects.get()

        sec = browser.new_context(java_script_enabled=False).new_page()
        inloggen(sec, live_server, "secretariaat")
        sec.goto(f"{live_server.url}/inzendingen/{inzending.pk}/")
        sec.click("text=Goedkeuren")
        sec.wait_for_url(f"{live_server.url}/inzendingen/")
        inzending.refresh_from_db()
        assert inzending.status == InzendingStatus.GOEDGEKEURD
        sec.goto(f"{live_server.url}/?peildatum=2025-11-01")
        assert "830" in sec.content()
