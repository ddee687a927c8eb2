"""WCAG 2.1 A/AA (axe-core, headless Chromium) on every overleg page, and closing an action
without JavaScript."""

from __future__ import annotations

import pytest

from regietafel.overleg.models import Actie, ActieStatus, Brief, Overleg
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_pages_have_no_violations(demo, live_server) -> None:  # type: ignore[no-untyped-def]
    feb = Overleg.objects.get(pk=demo["februari"].pk)
    brief = Brief.objects.get(onderwerp="Verzoek tot noodopvang")
    with chromium_pagina() as page:
        inloggen(page, live_server, "gemeente-assen", "/overleg/")
        for pad, kop in (
            ("/overleg/", "Overleggen provinciale regietafel asiel Drenthe"),
            (f"/overleg/{feb.pk}/", "Bestuurlijk PRT Drenthe, 5 februari 2026"),
            (f"/overleg/{demo['november'].pk}/", "Bestuurlijk PRT Drenthe, 19 november 2025"),
            ("/overleg/acties/", "Acties PRT Drenthe"),
            ("/overleg/brieven/", "Brieven en verzoeken"),
            (f"/overleg/brieven/{brief.pk}/", "Verzoek tot noodopvang"),
            ("/overleg/zoeken/?q=noodopvang", "Zoeken"),
            ("/overleg/zoeken/", "Zoeken"),
        ):
            page.goto(f"{live_server.url}{pad}")
            assert page.locator("h1").inner_text() == kop, pad
            assert axe_overtredingen(page) == [], pad


def test_secretariaat_pages_and_forms_have_no_violations(demo, live_server) -> None:  # type: ignore[no-untyped-def]
    feb = demo["februari"]
    punt = feb.agendapunten.get(nummer=5, letter="c")
    brief = Brief.objects.get(onderwerp="Verzoek tot noodopvang")
    with chromium_pagina() as page:
        inloggen(page, live_server, "secretariaat", "/overleg/")
        for pad in (
            "/overleg/",
            f"/overleg/{feb.pk}/",
            f"/overleg/{feb.pk}/bewerken/",
            f"/overleg/{feb.pk}/agendapunt/nieuw/",
            f"/overleg/agendapunt/{punt.pk}/",
            "/overleg/acties/",
            "/overleg/brieven/",
            "/overleg/brieven/nieuw/",
            f"/overleg/brieven/{brief.pk}/",
        ):
            page.goto(f"{live_server.url}{pad}")
            assert axe_overtredingen(page) == [], pad
        # A form with errors: the messages are linked and the page stays accessible.
        page.goto(f"{live_server.url}/overleg/agendapunt/{punt.pk}/")
        page.click("text=Actie toevoegen")
        page.wait_for_selector(".utrecht-form-field-error-message")
        assert axe_overtredingen(page) == []


def test_close_an_action_without_javascript(demo, live_server) -> None:  # type: ignore[no-untyped-def]
    feb = demo["februari"]
    actie = Actie.objects.get(omschrijving__startswith="Woo-verzoek")
    with chromium_pagina() as page:
        page.context.close()
        sec = page.context.browser.new_context(java_script_enabled=False).new_page()
        inloggen(sec, live_server, "secretariaat", "/overleg/")
        sec.goto(f"{live_server.url}/overleg/{feb.pk}/")
        sec.locator(f"#actie-{actie.pk} button").click()
        sec.wait_for_url(f"{live_server.url}/overleg/{feb.pk}/#actie-{actie.pk}")
        actie.refresh_from_db()
        assert actie.status == ActieStatus.AFGEROND and actie.afgerond_in_id == feb.pk
        assert "Actie is nu afgerond." in sec.content()
