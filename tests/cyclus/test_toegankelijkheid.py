"""WCAG 2.1 A/AA with axe-core in headless Chromium: the cycle's pages, for a gemeente (its
concept with the forms), the secretariaat (review) and a reader; and handing in an offer
without JavaScript."""

from __future__ import annotations

import pytest

from regietafel.accounts.models import Gebruiker
from regietafel.cyclus.models import AanbodStatus, AanbodVersie
from regietafel.demo import cyclus as demo_cyclus
from regietafel.demo.drenthe import DEMO_WACHTWOORD
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_cycle_pages_have_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    demo_cyclus.laad_drenthe()
    assen = AanbodVersie.objects.get(gemeente__naam="Assen")
    with chromium_pagina() as page:
        inloggen(page, live_server, "lezer")
        for pad in (
            "/cyclus/",
            "/cyclus/2026/",
            "/cyclus/2026/puzzel/",
            "/cyclus/2026/aanbod/",
            f"/cyclus/aanbod/{assen.pk}/",
            "/cyclus/2026/verdeelbesluit/",
            "/rapportage/verslag/2026/",
        ):
            page.goto(f"{live_server.url}{pad}")
            assert axe_overtredingen(page) == [], pad
    beheer = Gebruiker.objects.create(username="beheer-axe", rol="beheerder")
    beheer.set_password(DEMO_WACHTWOORD)
    beheer.save()
    for gebruiker, paden in (
        (
            "secretariaat",
            (
                "/cyclus/2026/indicatief/",
                "/cyclus/2026/verdeelbesluit/",
                "/rapportage/verslag/2026/teksten/",
            ),
        ),
        ("beheer-axe", ("/cyclus/2026/opzet/",)),
    ):
        with chromium_pagina() as page:
            inloggen(page, live_server, gebruiker)
            for pad in paden:
                page.goto(f"{live_server.url}{pad}")
                assert axe_overtredingen(page) == [], pad


def test_a_gemeente_hands_in_without_javascript_and_the_forms_pass(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    demo_cyclus.laad_drenthe()
    with chromium_pagina() as page:
        context = page.context.browser.new_context(java_script_enabled=False, locale="nl-NL")
        page = context.new_page()
        inloggen(page, live_server, "gemeente-emmen")
        page.goto(f"{live_server.url}/cyclus/2026/aanbod/")
        page.click("text=Nieuwe versie maken")
        versie = AanbodVersie.objects.get(gemeente__naam="Emmen", status=AanbodStatus.CONCEPT)
        page.click("text=Nieuw plan toevoegen")
        page.fill("#id_naam", "Tweede AMV-locatie")
        page.select_option("#id_soort", "amv")
        page.fill("#id_plaatsen", "")
        page.click("button:has-text('Opslaan')")
        assert page.locator(".foutoverzicht").count() == 1
        page.fill("#id_plaatsen", "24")
        page.fill("#id_toezegging_toelichting", "Het college zegde toe binnen zes maanden.")
        page.click("button:has-text('Opslaan')")
        page.click("button:has-text('Aanbod indienen')")
        assert "is ingediend" in page.content()
        versie.refresh_from_db()
        assert versie.status == AanbodStatus.INGEDIEND
        context.close()
    with chromium_pagina() as page:
        # The gemeente's forms (with JavaScript: axe-core runs in the page).
        inloggen(page, live_server, "gemeente-assen")
        page.goto(f"{live_server.url}/cyclus/2026/aanbod/")
        page.click("text=Nieuwe versie maken")
        assert axe_overtredingen(page) == []
        page.click("text=Nieuw plan toevoegen")
        assert axe_overtredingen(page) == []
        page.fill("#id_naam", "")
        page.click("button:has-text('Opslaan')")
        assert page.locator(".foutoverzicht").count() == 1
        assert axe_overtredingen(page) == []
    with chromium_pagina() as page:
        inloggen(page, live_server, "secretariaat")
        page.goto(f"{live_server.url}/cyclus/aanbod/{versie.pk}/")
        assert axe_overtredingen(page) == []
        page.click("button:has-text('Goedkeuren')")
        versie.refresh_from_db()
        assert versie.status == AanbodStatus.GOEDGEKEURD


def test_the_cyclus_choice_on_the_monitoring_pages_has_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    """Both cycles side by side: the choice and its note on the Stand van zaken, trends, map,
    toezicht and the national overview (a figure of March 2026, after the second cyclus'
    numbers were published)."""
    import datetime as dt

    from regietafel.gemeenten.models import Gemeente
    from regietafel.monitoring.services import registreer_realisatie
    from regietafel.opgaven.models import Soort

    demo_cyclus.laad_drenthe()
    assen = Gemeente.objects.get(naam="Assen")
    registreer_realisatie(
        door=None, gemeente=assen, soort=Soort.REGULIER, peildatum=dt.date(2026, 3, 1), aantal=1000
    )
    beheer = Gebruiker.objects.create(username="beheer-keuze", rol="beheerder")
    beheer.set_password(DEMO_WACHTWOORD)
    beheer.save()
    for gebruiker, paden in (
        (
            "secretariaat",
            (
                "/?peildatum=2026-03-01",
                "/?peildatum=2026-03-01&cyclus=2026",
                "/trends/?cyclus=2026",
                "/kaart/?soort=regulier&cyclus=2026",
                "/toezicht/?cyclus=2026",
            ),
        ),
        ("beheer-keuze", ("/landelijk/?peildatum=2026-03-01&cyclus=2026",)),
    ):
        with chromium_pagina() as page:
            inloggen(page, live_server, gebruiker)
            for pad in paden:
                page.goto(f"{live_server.url}{pad}")
                assert 'name="cyclus"' in page.content(), pad
                assert axe_overtredingen(page) == [], pad
