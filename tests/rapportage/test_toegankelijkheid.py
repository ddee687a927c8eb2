"""WCAG 2.1 A/AA on the report pages (axe-core in Debian's headless Chromium), and a look
at them as a screenshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
        inloggen(page, live_server, "secretariaat")
        page.goto(f"{live_server.url}{pad}")
        assert page.locator("h1").first.inner_text() == kop
        page.screenshot(path=str(tmp_path / "pagina.png"), full_page=True)
        assert axe_overtredingen(page) == []
