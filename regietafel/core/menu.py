"""The main menu: one entry per area, shown to whom may use it.

An entry names its URL, the URL namespaces (or url names) it stands for — the current page
gets ``aria-current="page"`` — and, where not every signed-in user may use it, the dotted
path of a permission function ``f(user) -> bool``. The order is the order of the menu.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Menupunt:
    titel: str
    url_naam: str
    actief_bij: tuple[str, ...]
    """App namespaces (``verdeling``) or url names (``trends``) of the pages under this entry."""
    toegang: str = ""
    """Dotted path of ``f(user) -> bool``; empty: every signed-in user."""


MENU = (
    Menupunt("Stand van zaken", "stand-van-zaken", ("stand-van-zaken",)),
    Menupunt("Trends", "trends", ("trends", "trends-gemeente")),
    Menupunt("Kaart", "kaart:provincie", ("kaart",)),
    Menupunt(
        "Inzendingen",
        "inzendingen",
        ("inzendingen", "inzending"),
        "regietafel.monitoring.permissions.mag_inzendingen_gebruiken",
    ),
    Menupunt("Verdeling", "verdeling:lijst", ("verdeling",)),
    Menupunt("Locaties", "locaties:lijst", ("locaties",)),
    Menupunt(
        "Verzoeken",
        "verzoeken:overzicht",
        ("verzoeken",),
        "regietafel.verzoeken.permissions.mag_lezen",
    ),
    Menupunt(
        "Toezicht",
        "toezicht:overzicht",
        ("toezicht",),
        "regietafel.toezicht.permissions.mag_pagina_zien",
    ),
    Menupunt(
        "Overleg",
        "overleg:lijst",
        ("overleg",),
        "regietafel.overleg.permissions.mag_lezen",
    ),
    Menupunt("Rapportages", "rapportage:lijst", ("rapportage",)),
    Menupunt("Woo", "woo:lijst", ("woo",), "regietafel.woo.permissions.mag_woo"),
    Menupunt(
        "Landelijk",
        "landelijk:overzicht",
        ("landelijk",),
        "regietafel.landelijk.permissions.is_landelijk",
    ),
    Menupunt(
        "Wijzigingen",
        "historie:wijzigingen",
        ("historie",),
        "regietafel.historie.permissions.mag_wijzigingen_zien",
    ),
    Menupunt(
        "Aanleveren",
        "aanlevering:start",
        ("aanlevering",),
        "regietafel.aanlevering.permissions.mag_aanleveren",
    ),
)


@dataclass(frozen=True)
class Link:
    titel: str
    url: str
    huidig: bool


@cache
def _toegang(pad: str) -> Callable[[Any], bool]:
    return import_string(pad)  # type: ignore[no-any-return]


@cache
def _url(naam: str) -> str | None:
    try:
        return reverse(naam)
    except NoReverseMatch:  # an app not installed in this configuration
        return None


def links(gebruiker: Any, app_naam: str, url_naam: str) -> list[Link]:
    """The menu for ``gebruiker`` on the page ``app_naam:url_naam``."""
    uit = []
    for punt in MENU:
        url = _url(punt.url_naam)
        if url is None or (punt.toegang and not _toegang(punt.toegang)(gebruiker)):
            continue
        huidig = app_naam in punt.actief_bij if app_naam else url_naam in punt.actief_bij
        uit.append(Link(punt.titel, url, huidig))
    return uit
