"""The main menu: one entry per area, shown to whom may use it.

The apps above the shared base register their entries at start-up (``AppConfig.ready()``
calls :func:`registreer`), so core imports none of them. An entry names its URL, the URL
namespaces (or url names) it stands for — the current page gets ``aria-current="page"`` —,
where not every signed-in user may use it a permission function ``f(user) -> bool``, and its
place: the menu is ordered by ``volgorde`` (steps of 10: Stand van zaken 10, Trends 20,
Kaart 30, Inzendingen 40, Cyclus 45, Verdeling 50, Locaties 60, Verzoeken 70, Toezicht 80, Overleg 90,
Rapportages 100, Woo 110, Landelijk 120, Wijzigingen 130, Aanleveren 140).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Menupunt:
    titel: str
    url_naam: str
    actief_bij: tuple[str, ...]
    """App namespaces (``verdeling``) or url names (``trends``) of the pages under this entry."""
    volgorde: int
    """The place in the menu, lowest first."""
    toegang: Callable[[Any], bool] | None = None
    """``f(user) -> bool``; None: every signed-in user."""


_PUNTEN: dict[str, Menupunt] = {}


def registreer(*punten: Menupunt) -> None:
    """Add entries to the menu (again with the same ``url_naam``: replaces that entry)."""
    for punt in punten:
        _PUNTEN[punt.url_naam] = punt


def menu() -> tuple[Menupunt, ...]:
    """Every registered entry, in menu order."""
    return tuple(sorted(_PUNTEN.values(), key=lambda p: (p.volgorde, p.titel)))


@dataclass(frozen=True)
class Link:
    titel: str
    url: str
    huidig: bool


@cache
def _url(naam: str) -> str | None:
    try:
        return reverse(naam)
    except NoReverseMatch:  # an app not installed in this configuration
        return None


def links(gebruiker: Any, app_naam: str, url_naam: str) -> list[Link]:
    """The menu for ``gebruiker`` on the page ``app_naam:url_naam``."""
    uit = []
    for punt in menu():
        url = _url(punt.url_naam)
        if url is None or (punt.toegang is not None and not punt.toegang(gebruiker)):
            continue
        huidig = app_naam in punt.actief_bij if app_naam else url_naam in punt.actief_bij
        uit.append(Link(punt.titel, url, huidig))
    return uit
