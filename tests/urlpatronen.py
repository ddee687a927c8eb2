"""Every URL pattern of the site, once: the role matrix (``tests/test_rollen.py``), the export
walk (``tests/core/test_exports_inert.py``) and any test that requests every URL enumerate
them here, so a new page is found by all of them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Patroon:
    naam: str
    """``namespace:name``; an unnamed pattern: ``namespace:<route>``."""
    route: str
    """The full route, from the root (``overleg/<int:pk>/``)."""
    parameters: tuple[str, ...] = ()
    """The names of its path converters (``("pk",)``); empty for a regex pattern."""
    benoemd: bool = True


def _patronen(lijst: list[Any], route: str = "", ns: str = "") -> Iterator[Patroon]:
    for p in lijst:
        if isinstance(p, URLResolver):
            naamruimte = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from _patronen(p.url_patterns, route + str(p.pattern), naamruimte)
        elif isinstance(p, URLPattern):
            yield Patroon(
                f"{ns}{p.name}" if p.name else f"{ns}<{route}{p.pattern}>",
                route + str(p.pattern),
                tuple(getattr(p.pattern, "converters", {})),
                benoemd=bool(p.name),
            )


def alle_patronen() -> list[Patroon]:
    """Every pattern (the first of a name that occurs twice), the API and the admin included."""
    gezien: dict[str, Patroon] = {}
    for p in _patronen(get_resolver().url_patterns):
        gezien.setdefault(p.naam, p)
    return list(gezien.values())


def site_patronen() -> list[Patroon]:
    """The named pages of the site itself: without the API, the admin and regex patterns."""
    return [
        p for p in alle_patronen() if p.benoemd and not p.route.startswith(("api/", "beheer/", "^"))
    ]
