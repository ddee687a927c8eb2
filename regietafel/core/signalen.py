"""Warnings for the Stand van zaken page, gathered from every app that has them.

An app offers warnings by defining ``signalen.py`` with

    def signalen(provincie: Provincie, datum: datetime.date) -> list[Signaal]: ...

It must run a constant number of SQL queries, whatever the number of rows. The dashboard
shows the warnings of all apps, most urgent first; the page stays the one place they meet.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Signaal:
    tekst: str
    """One Dutch sentence, numbers formatted (1.000, 01-03-2026)."""
    ernst: str = "waarschuwing"
    """"waarschuwing" (to act on) or "informatie"."""
    url: str = ""
    """Where the user can act on it, if anywhere."""
    datum: dt.date | None = None
    """When it falls due; sorts the list."""


@functools.cache
def _bronnen() -> tuple[Callable[[models.Model, dt.date], list[Signaal]], ...]:
    """The ``signalen`` function of every app that has a ``signalen.py``, looked up once (a
    module that is not there is not looked for again on every request)."""
    uit = []
    for config in apps.get_app_configs():
        if not config.name.startswith("regietafel.") or config.name == "regietafel.core":
            continue
        try:
            module = import_module(f"{config.name}.signalen")
        except ModuleNotFoundError as fout:
            if fout.name != f"{config.name}.signalen":
                raise
            continue
        uit.append(module.signalen)
    return tuple(uit)


def verzamel(provincie: models.Model, datum: dt.date) -> list[Signaal]:
    """The warnings of every app for ``provincie`` (a ``gemeenten.Provincie``; core imports
    no app) on ``datum``."""
    gevonden: list[Signaal] = []
    for signalen in _bronnen():
        gevonden.extend(signalen(provincie, datum))
    return sorted(
        gevonden,
        key=lambda s: (s.ernst != "waarschuwing", s.datum or dt.date.max, s.tekst),
    )
