"""WCAG 2.1 A/AA on the report pages (axe-core in Debian's headless Chromium), and a look
at them as a screenshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from regietafel.demo.drenthe import DEMO_WACHTWOORD
from tests.browser import chromium_pagina

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _axe(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    resultaat = Axe().run(page, options=WCAG)
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in resultaat.response["violations"]
    ]


def _inloggen(page: Any, live_server: Any, gebruiker: str) -> None:
    page.goto(f"{live_server.url}/account/inloggen/")
    page.fill("#id_username", gebruiker)
    page.fill("#id_password", DEMO_WACHTWOORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


@pytest.mark.parametrize(
    ("pad", "kop"),
    [
        ("/rapportage/", "Rapportages"),
        ("/rapportage/stand-van-zaken/?peildatum=2025-11-01", "Stand van zaken realisatie opgaven"),
        ("/rapportage/verslag/2024/", "Het verslag van Drenthe in het kader van de Spreidingswet"),
        ("/rapportage/stand-van-zaken/teksten/?peildatum=2025-11-01", "Teksten bewerken"),
    ],
)
def test_report_pages_have_no_violations(
    drenthe: Any, live_server: Any, tmp_path: Path, pad: str, kop: str
) -> None:
    with chromium_pagina() as page:
        _inloggen(page, live_server, "secretariaat")
        page.goto(f"{live_server.url}{pad}")
        assert page.locator("h1").first.inner_text() == kop
        page.screenshot(path=str(tmp_path / "pagina.png"), full_page=True)
        assert _axe(page) == []
