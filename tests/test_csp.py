"""Content-Security-Policy: the pages with charts and reports raise no CSP violation in Chromium."""

from __future__ import annotations

import pytest

from regietafel.demo.drenthe import DEMO_WACHTWOORD
from tests.browser import chromium_pagina
from tests.verdeling.factories import drenthe_2024

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pages_raise_no_csp_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    scenario = drenthe_2024()
    paden = [
        "/",
        f"/verdeling/{scenario.pk}/",
        "/rapportage/",
        "/rapportage/stand-van-zaken/",
        "/rapportage/verslag/2024/",
        "/rapportage/verslag/2024/teksten/",
        "/trends/",
        "/locaties/capaciteit/",
    ]
    with chromium_pagina() as page:
        fouten: list[str] = []
        page.on(
            "console",
            lambda bericht: (
                fouten.append(f"{page.url}: {bericht.text}") if bericht.type == "error" else None
            ),
        )
        page.goto(f"{live_server.url}/account/inloggen/")
        page.fill("#id_username", "secretariaat")
        page.fill("#id_password", DEMO_WACHTWOORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        for pad in paden:
            antwoord = page.goto(f"{live_server.url}{pad}")
            assert antwoord is not None and antwoord.ok, pad
            assert "default-src 'self'" in antwoord.headers["content-security-policy"]
            page.wait_for_load_state("load")
        # The scenario page has its charts, each with a nonced <style>.
        page.goto(f"{live_server.url}/verdeling/{scenario.pk}/")
        assert page.locator("figure svg style[nonce]").count() >= 1
        assert page.locator("[style]").count() == 0
        # The trend and capacity charts are images of their own URL (a policy by style hash):
        # each one drawn, none blocked.
        for pad, klasse in (
            ("/trends/", "trend__grafiek"),
            ("/locaties/capaciteit/", "capaciteit-grafiek"),
        ):
            page.goto(f"{live_server.url}{pad}")
            page.wait_for_load_state("load")
            breedtes = page.eval_on_selector_all(
                f"img.{klasse}", "els => els.map(e => e.naturalWidth)"
            )
            assert breedtes and all(b > 0 for b in breedtes), (pad, breedtes)
    assert [f for f in fouten if "Content Security Policy" in f] == []
    assert [f for f in fouten if "favicon" not in f and "404" not in f] == []


def test_a_csp_violation_is_reported(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    """The check above can fail: an inline style on a page under the policy is blocked."""
    with chromium_pagina() as page:
        fouten: list[str] = []
        page.on("console", lambda bericht: fouten.append(bericht.text))
        page.goto(f"{live_server.url}/account/inloggen/")
        page.evaluate(
            "document.body.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>')"
        )
        page.wait_for_timeout(200)
    assert any("Content Security Policy" in f for f in fouten), fouten
