"""The main menu: who sees which entry, and which one is current."""

from __future__ import annotations

import re

import pytest
from django.urls import resolve

from regietafel.core.menu import menu

pytestmark = pytest.mark.django_db


def _menu(html: str) -> dict[str, bool]:
    nav = html[html.index('class="site-nav"') : html.index("site-nav__uitloggen")]
    return {
        titel: bool(huidig)
        for huidig, titel in re.findall(
            r'<a class="utrecht-link" href="[^"]+"( aria-current="page")?>([^<]+)</a>', nav
        )
    }


def test_every_entry_points_at_a_page() -> None:
    from django.urls import reverse

    for punt in menu():
        assert resolve(reverse(punt.url_naam)).url_name


def test_a_reader_sees_the_reading_pages_and_not_the_writing_ones(lezer) -> None:
    menu = _menu(lezer.get("/").content.decode())
    assert menu["Stand van zaken"] is True
    assert {"Trends", "Kaart", "Verdeling", "Locaties", "Rapportages"} <= set(menu)
    assert "Aanleveren" not in menu and "Inzendingen" not in menu


def test_a_gemeente_sees_its_inzendingen_and_the_current_page_is_marked(gemeente_assen) -> None:
    menu = _menu(gemeente_assen.get("/trends/").content.decode())
    assert "Inzendingen" in menu
    assert [t for t, huidig in menu.items() if huidig] == ["Trends"]


def test_the_secretariaat_sees_the_upload_page(secretariaat) -> None:
    menu = _menu(secretariaat.get("/verdeling/").content.decode())
    assert "Aanleveren" in menu and "Inzendingen" in menu
    assert [t for t, huidig in menu.items() if huidig] == ["Verdeling"]


def test_every_app_registered_its_entries_in_menu_order(secretariaat) -> None:
    """The apps register their entries at start-up (AppConfig.ready); core names none."""
    assert [p.titel for p in menu()] == [
        "Stand van zaken",
        "Trends",
        "Kaart",
        "Inzendingen",
        "Aanlevertermijn",
        "Cyclus",
        "Verdeling",
        "Locaties",
        "Verzoeken",
        "Toezicht",
        "Overleg",
        "Rapportages",
        "Woo",
        "Landelijk",
        "Wijzigingen",
        "Aanleveren",
    ]
    titels = [p.titel for p in menu()]
    zichtbaar = [t for t in _menu(secretariaat.get("/").content.decode()) if t in titels]
    assert zichtbaar == [t for t in titels if t in zichtbaar]  # the page keeps the order
    assert {"Wijzigingen", "Aanleveren", "Overleg", "Woo"} <= set(zichtbaar)
