"""WCAG 2.1 A/AA (axe-core in headless Chromium) on the deadline page and the e-mail profile
page, as the secretariaat (with its forms) and as a gemeente; the e-mail choice works without
JavaScript."""

from __future__ import annotations

import pytest

from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("gebruiker", "pad", "kop"),
    [
        ("secretariaat", "/herinneringen/", "Aanlevertermijn Drenthe"),
        ("secretariaat", "/account/berichten/", "Uw e-mail"),
        ("gemeente-assen", "/account/berichten/", "Uw e-mail"),
    ],
)
def test_no_violations(drenthe, live_server, gebruiker: str, pad: str, kop: str) -> None:  # type: ignore[no-untyped-def]
    with chromium_pagina() as page:
        inloggen(page, live_server, gebruiker=gebruiker, volgende=pad)
        assert page.locator("h1").inner_text() == kop
        assert axe_overtredingen(page) == []


def test_switching_reminders_off_without_javascript(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    from regietafel.accounts.models import Gebruiker
    from regietafel.berichten.queries import uitgezet

    with chromium_pagina() as page:
        page.context.close()
        ctx = page.context.browser.new_context(java_script_enabled=False)
        page = ctx.new_page()
        inloggen(page, live_server, gebruiker="gemeente-assen", volgende="/account/berichten/")
        page.uncheck("text=Herinnering: cijfers aanleveren")
        page.click("text=Opslaan")
        page.wait_for_url("**/account/berichten/")
        assert "Uw keuze is opgeslagen." in page.content()
    assert uitgezet(Gebruiker.objects.get(username="gemeente-assen")) == {
        "herinneringen.herinnering"
    }
