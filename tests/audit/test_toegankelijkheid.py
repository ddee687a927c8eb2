"""WCAG 2.1 A/AA (axe-core, headless Chromium) for Historie and Wijzigingen."""

from __future__ import annotations

import pytest

from regietafel.historie.templatetags.historie import historie_url
from regietafel.opgaven.models import Opgave
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_history_pages_have_no_violations(drenthe, live_server) -> None:  # type: ignore[no-untyped-def]
    opgave = Opgave.objects.filter(gemeente__naam="Assen").order_by("pk").first()
    assert opgave is not None
    with chromium_pagina() as page:
        inloggen(page, live_server, "secretariaat")
        for pad, kop in (
            (historie_url(opgave), f"Historie: {opgave}"),
            ("/historie/", "Wijzigingen Drenthe"),
            (
                "/historie/?soort=opgaven.opgave&van=2025-02-01&tot=2025-01-01",
                "Wijzigingen Drenthe",
            ),
        ):
            page.goto(f"{live_server.url}{pad}")
            assert page.locator("h1").inner_text() == kop
            assert axe_overtredingen(page) == [], pad
