"""Reflow (WCAG 2.1 AA, 1.4.10; issue 16 point 7): every page of the site at 320 px wide
without sideways scrolling of the page (a table scrolls in its own region, a chart scales), and
the whole main menu visible on the header at 768 px (200 % zoom of a 1.536 px screen).

Every GET URL pattern of the pages (the pattern walk of ``tests/test_geen_serverfout.py``,
with the real ids of the role matrix: an object of Assen) is asked first with Django's test
client as the secretariaat of Drenthe and as gemeente Assen; what answers a whole HTML page is
then opened in one headless Chromium, one browser context per persona (signed in with the same
session). Exports, downloads, the API, JSON and HTMX fragments are no pages and are left out:
their answer is no ``text/html`` document.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client

from tests.browser import CHROMIUM, CHROMIUM_ARGS, vereis_chromium
from tests.test_geen_serverfout import echte_waarden, is_pagina, patronen, url
from tests.test_rollen import DOELEN, Context, Patroon, ctx  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERSONAS = ("secretariaat", "gemeente-assen")
SMAL: Any = {"width": 320, "height": 640}
MENU_BREED: Any = {"width": 768, "height": 1024}

BREEDSTE = """() => {
  const breed = window.innerWidth, uit = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= breed + 1) continue;
    // Inside a region that scrolls or clips on its own (a table's scroll box): no page overflow.
    let ouder = el.parentElement, eigen = false;
    while (ouder && ouder !== document.body) {
      const s = getComputedStyle(ouder);
      if (s.overflowX !== 'visible' && ouder.getBoundingClientRect().right <= breed + 1) {
        eigen = true; break;
      }
      ouder = ouder.parentElement;
    }
    if (eigen) continue;
    const naam = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (typeof el.className === 'string' && el.className.trim()
         ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    uit.push([Math.round(r.right), naam]);
  }
  uit.sort((a, b) => b[0] - a[0]);
  return {
    breedte: document.documentElement.scrollWidth,
    venster: breed,
    breedste: uit.slice(0, 3).map(([rechts, naam]) => naam + ' tot ' + rechts + ' px'),
  };
}"""

MENU = """() => {
  const kop = document.querySelector('.site-header').getBoundingClientRect();
  const breed = window.innerWidth, uit = [];
  const menu = document.querySelectorAll('nav[aria-label="Hoofdmenu"] a, nav[aria-label="Hoofdmenu"] button');
  for (const el of menu) {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    const zichtbaar = r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
    if (!zichtbaar || r.left < 0 || r.right > breed + 1 || r.bottom > kop.bottom + 1) {
      uit.push(el.textContent.trim() + ' (' + Math.round(r.left) + '–' + Math.round(r.right)
        + ' px, onder ' + Math.round(r.bottom) + ' / kop ' + Math.round(kop.bottom) + ')');
    }
  }
  return {aantal: menu.length, buiten: uit};
}"""


def ids(c: Context, patroon: Patroon) -> str | None:
    """The pattern's path with the objects of Assen, or of Emmen where Assen's cannot be made
    beside one made already (its handed-in aanbod beside its concept): the objects stay, as the
    browser asks for them later."""
    for doel in DOELEN[:2]:
        try:
            return url(patroon.route, echte_waarden(c, patroon, doel))
        except ValidationError:
            continue
    return None


def paginas(c: Context, client: Client) -> list[str]:
    """The paths of every page pattern, with the own gemeente's objects, that answer a whole
    HTML page to this client (200, ``text/html``, a document with the site's menu)."""
    uit: list[str] = []
    for patroon in patronen():
        pad = ids(c, patroon)
        if pad is None or not is_pagina(pad) or pad in uit:
            continue
        antwoord = client.get(pad)
        if antwoord.status_code != 200 or not antwoord["Content-Type"].startswith("text/html"):
            continue
        if b'aria-label="Hoofdmenu"' in antwoord.content:
            uit.append(pad)
    return uit


def sessie(c: Context, rol: str) -> tuple[Client, Any]:
    client = Client()
    client.force_login(c.gebruikers[rol])
    naam = settings.SESSION_COOKIE_NAME
    return client, {"name": naam, "value": client.cookies[naam].value}


def controleer_de_meting(page: Any, adres: str) -> None:
    """The measurement can fail: an element wider than the window, outside a scroll region,
    is found and named; inside one it is not; a menu link pushed off the header is named."""
    page.set_viewport_size(SMAL)
    page.goto(adres)
    assert page.evaluate(BREEDSTE)["breedte"] <= SMAL["width"], adres
    page.evaluate(
        """() => { const d = document.createElement('div'); d.id = 'te-breed';
        d.style.width = '900px'; d.textContent = 'x'; document.querySelector('main').append(d);
        const t = document.createElement('div'); t.className = 'tabel-container';
        t.innerHTML = '<div id="mag-breed" style="width: 2000px">y</div>';
        document.querySelector('main').append(t); }"""
    )
    meting = page.evaluate(BREEDSTE)
    assert meting["breedte"] > SMAL["width"]
    assert any(b.startswith("div#te-breed tot ") for b in meting["breedste"]), meting
    assert not any("mag-breed" in b for b in meting["breedste"]), meting
    page.evaluate(
        """() => { const l = document.querySelector('nav[aria-label="Hoofdmenu"] a');
        l.style.position = 'absolute'; l.style.top = '2000px'; }"""
    )
    page.set_viewport_size(MENU_BREED)
    assert len(page.evaluate(MENU)["buiten"]) == 1


def test_elke_pagina_vloeit_op_320_px_en_het_menu_staat_op_768_px(
    ctx: Context,  # noqa: F811
    live_server: Any,
) -> None:
    vereis_chromium()
    from playwright.sync_api import sync_playwright

    # The pages and the sessions first: no ORM call once Playwright runs its event loop here.
    per_rol = {}
    for rol in PERSONAS:
        client, koekje = sessie(ctx, rol)
        per_rol[rol] = (koekje, paginas(ctx, client))
        assert len(per_rol[rol][1]) >= 20, (rol, per_rol[rol][1])

    te_breed: list[str] = []
    menu_fout: list[str] = []
    bezocht = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for rol, (koekje, lijst) in per_rol.items():
                context = browser.new_context(locale="nl-NL", viewport=SMAL)
                context.add_cookies([{**koekje, "url": live_server.url}])
                page = context.new_page()
                if not bezocht:
                    controleer_de_meting(page, f"{live_server.url}{lijst[0]}")
                for pad in lijst:
                    page.set_viewport_size(SMAL)
                    antwoord = page.goto(f"{live_server.url}{pad}")
                    assert antwoord is not None and antwoord.status == 200, (rol, pad)
                    bezocht += 1
                    meting = page.evaluate(BREEDSTE)
                    if meting["breedte"] > meting["venster"]:
                        te_breed.append(
                            f"{rol} {pad}: {meting['breedte']} px breed bij "
                            f"{meting['venster']} px; breedste: {meting['breedste']}"
                        )
                    page.set_viewport_size(MENU_BREED)
                    menu = page.evaluate(MENU)
                    if menu["aantal"] < 3 or menu["buiten"]:
                        menu_fout.append(f"{rol} {pad}: {menu}")
                context.close()
        finally:
            browser.close()
    print(
        f"reflow: {bezocht} pagina's op 320 en 768 px", {r: len(v[1]) for r, v in per_rol.items()}
    )
    assert bezocht >= 40, bezocht
    assert not te_breed, f"{len(te_breed)} van {bezocht} pagina's te breed:\n" + "\n".join(te_breed)
    assert not menu_fout, "\n".join(menu_fout)
