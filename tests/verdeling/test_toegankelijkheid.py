"""WCAG 2.1 A/AA with axe-core in headless Chromium: the workbench, the comparison, Ukraine."""

from __future__ import annotations

import re

import pytest

from regietafel.verdeling.models import Scenario
from tests.browser import axe_overtredingen, chromium_pagina, inloggen
from tests.verdeling.factories import drenthe_2024

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("gebruiker", ["secretariaat", "lezer"])
def test_workbench_pages_have_no_violations(drenthe, live_server, gebruiker: str) -> None:  # type: ignore[no-untyped-def]
    a, b = drenthe_2024("A"), drenthe_2024("B")
    with chromium_pagina() as page:
        inloggen(page, live_server, gebruiker)
        for pad, kop in (
            ("/verdeling/", "Verdeling: scenario's"),
            (f"/verdeling/{a.pk}/", "A"),
            (f"/verdeling/vergelijk/?a={a.pk}&b={b.pk}", "Scenario's vergelijken"),
            ("/verdeling/oekraine/", "Oekraïne-opgave verdelen naar inwonertal"),
            (
                f"/verdeling/{a.pk}/verwijder/" if gebruiker == "secretariaat" else "/verdeling/",
                None,
            ),
        ):
            page.goto(f"{live_server.url}{pad}")
            if kop:
                assert page.locator("h1").inner_text() == kop, pad
            assert axe_overtredingen(page) == [], pad


def test_form_errors_have_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    scenario = drenthe_2024()
    with chromium_pagina() as page:
        inloggen(page, live_server, "secretariaat")
        page.goto(f"{live_server.url}/verdeling/{scenario.pk}/")
        page.fill("#id_opgave_regulier", "-5")
        page.fill("#id_gemeenten-1-verslag_regulier", "")
        page.click("text=Opslaan en opnieuw berekenen")
        assert page.locator(".foutoverzicht").count() == 1
        assert axe_overtredingen(page) == []


def test_editing_works_without_javascript(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    scenario = drenthe_2024()
    with chromium_pagina() as page:
        page.context.close()
        page = page.context.browser.new_context(java_script_enabled=False).new_page()
        inloggen(page, live_server, "secretariaat")
        page.goto(f"{live_server.url}/verdeling/{scenario.pk}/")
        page.fill("#id_opgave_regulier", "3900")
        page.click("text=Opslaan en opnieuw berekenen")
        page.wait_for_url(re.compile(rf"/verdeling/{scenario.pk}/#uitkomst-kop$"))
        assert "Opgeslagen (1 wijziging)" in page.content(), page.locator(
            "[role=status]"
        ).all_inner_texts()
        assert "Restopgave regulier: opgave 3900" in page.content()
    assert Scenario.objects.get(pk=scenario.pk).opgave_regulier == 3900
