"""The upload page in headless Chromium: no axe-core violations, and it works without JavaScript."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from regietafel.monitoring.models import VergunninghoudersStand
from tests.aanlevering.bestanden import coa_rijen, schrijf_coa
from tests.browser import axe_overtredingen, chromium_pagina, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _correctie(tmp_path: Path) -> Path:
    rijen = coa_rijen()
    rijen[1][11] = 3  # Assen, realisatie oktober 2 -> 3
    rijen[1][14] += 1
    rijen[1][15] -= 1
    rijen[1][16] -= 1
    rijen[5][4 + 4] = 18  # Emmen, realisatie juli 17 -> 18
    rijen[5][14] += 1
    rijen[5][15] -= 1
    rijen[5][16] -= 1
    return schrijf_coa(tmp_path / "coa-vergunninghouders-2025-11-01-gecorrigeerd.xlsx", rijen)


def _doorloop(page: Any, live_server: Any, pad: Path, controleer: Any) -> None:
    inloggen(page, live_server, "secretariaat", volgende="/aanlevering/")
    assert page.locator("h1").inner_text() == "Cijfers aanleveren"
    controleer(page, "formulier")
    page.check("text=COA-overzicht huisvesting vergunninghouders")
    page.set_input_files("#id_bestand", str(pad))
    page.click("text=Controleer het bestand")
    page.wait_for_selector("h1:has-text('Controleer de wijzigingen')")
    controleer(page, "voorbeeld")
    page.click("text=Bevestig en sla op")
    page.wait_for_selector("h1:has-text('Aanlevering verwerkt')")
    controleer(page, "resultaat")


def _okt_assen() -> int:
    return (
        VergunninghoudersStand.objects.actueel()
        .get(gemeente__naam="Assen", peildatum="2025-11-01")
        .realisatie_okt
    )


def test_upload_preview_and_result_have_no_violations(
    drenthe: Any, live_server: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    schermafdruk = os.environ.get("REGIETAFEL_SCHERMAFDRUK")

    def controleer(page: Any, stap: str) -> None:
        assert axe_overtredingen(page) == [], stap
        if schermafdruk:  # a folder: one screenshot per step, to look at
            page.screenshot(path=f"{schermafdruk}/{stap}.png", full_page=True)

    with chromium_pagina() as page:
        _doorloop(page, live_server, _correctie(tmp_path), controleer)
    assert _okt_assen() == 3


def test_upload_works_without_javascript(
    drenthe: Any, live_server: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    with chromium_pagina() as page:
        browser = page.context.browser
        page.context.close()
        context = browser.new_context(java_script_enabled=False, locale="nl-NL")
        _doorloop(context.new_page(), live_server, _correctie(tmp_path), lambda *_: None)
    assert _okt_assen() == 3
