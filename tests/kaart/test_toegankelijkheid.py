"""Both maps in Chromium: no axe-core violations, no request to anything but the test server,
no console error (CSP); screenshots for a look (``KAART_SCHERMAFDRUKKEN=map`` keeps them)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.demo.drenthe import DEMO_WACHTWOORD
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Waarnemer:
    """Every request and console error of a page."""

    def __init__(self, page: Any) -> None:
        self.verzoeken: list[str] = []
        self.fouten: list[str] = []
        page.on("request", lambda v: self.verzoeken.append(v.url))
        page.on("console", lambda b: self.fouten.append(b.text) if b.type == "error" else None)


def _bekijk(page: Any, w: Waarnemer, live_server: Any, pad: str, kop: str, bestand: Path) -> None:
    w.verzoeken.clear()
    w.fouten.clear()
    antwoord = page.goto(f"{live_server.url}{pad}")
    assert antwoord is not None and antwoord.ok, pad
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == kop
    assert page.locator("figure.kaart svg.kaart-svg").count() == 1
    # offline: the page, its CSS, scripts and the map all come from the test server
    assert w.verzoeken and all(u.startswith(live_server.url) for u in w.verzoeken), w.verzoeken
    assert [f for f in w.fouten if "favicon" not in f] == []
    assert axe_overtredingen(page) == [], pad
    page.screenshot(path=str(bestand), full_page=True)


def test_maps_have_no_violations_and_no_network(drenthe, live_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    Gebruiker.objects.create_user(
        "kaart-beheerder", password=DEMO_WACHTWOORD, rol=Rol.BEHEERDER, provincie=None
    )
    doel = Path(os.environ.get("KAART_SCHERMAFDRUKKEN") or tmp_path)
    doel.mkdir(parents=True, exist_ok=True)
    with chromium_pagina() as page:
        w = Waarnemer(page)
        inloggen(page, live_server, "lezer", "/kaart/")
        _bekijk(page, w, live_server, "/kaart/", "Kaart van Drenthe", doel / "kaart-drenthe.png")
        # the textures resolve: Noordenveld (< 50 %) is painted with its pattern
        vulling = page.eval_on_selector(
            'a[href="/trends/GM1699/"] path', "p => getComputedStyle(p).fill"
        )
        assert "kaart-p-kl-0" in vulling
        _bekijk(
            page, w, live_server, "/kaart/?soort=amv", "Kaart van Drenthe", doel / "kaart-amv.png"
        )
        _bekijk(
            page,
            w,
            live_server,
            "/kaart/nederland/",
            "Kaart van Nederland",
            doel / "kaart-nl-lezer.png",
        )
    with chromium_pagina() as page:
        w = Waarnemer(page)
        inloggen(page, live_server, "kaart-beheerder", "/kaart/nederland/")
        _bekijk(
            page, w, live_server, "/kaart/nederland/", "Kaart van Nederland", doel / "kaart-nl.png"
        )
        # a provincie is a link to its map
        page.click('a.provincie-link[href*="PV20"]')
        page.wait_for_url("**/kaart/?provincie=PV20*")
        assert page.locator("h1").inner_text() == "Kaart van Groningen"
