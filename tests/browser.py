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
