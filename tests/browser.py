"""Headless Debian Chromium for accessibility tests and screenshots (no browser downloads)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def vereis_chromium() -> None:
    if CHROMIUM:
        return
    reden = "Debian's chromium ontbreekt (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reden}; CI slaat niets over.")
    pytest.skip(reden)


@contextmanager
def chromium_pagina() -> Iterator[Any]:
    vereis_chromium()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's ORM calls are synchronous.
    # Allowed for the duration of the browser only, so it never leaks into later tests.
    vorige = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(locale="nl-NL", viewport={"width": 1400, "height": 900})
                yield page
            finally:
                browser.close()
    finally:
        if vorige is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = vorige


WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_overtredingen(page: Any) -> list[str]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    resultaat = Axe().run(page, options=WCAG)
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in resultaat.response["violations"]
    ]


def inloggen(page: Any, live_server: Any, gebruiker: str = "lezer", volgende: str = "/") -> None:
    """Log in through the login form with a demo account and wait for ``volgende``."""
    from regietafel.demo.drenthe import DEMO_WACHTWOORD

    page.goto(f"{live_server.url}/account/inloggen/?next={volgende}")
    page.fill("#id_username", gebruiker)
    page.fill("#id_password", DEMO_WACHTWOORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}{volgende}")
