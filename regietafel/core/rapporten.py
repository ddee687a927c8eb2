"""The reports an area may take up without importing the reporting app.

The reports are an output, above the areas: ``rapportage`` registers its makers at start-up
(``RapportageConfig.ready()``), and an area asks for them here. overleg stores the Stand van
zaken as a meeting's attachment (PDF), woo takes its text as a document to redact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class GeenGegevens(Exception):
    """A report was asked for something without data; the message is Dutch, for the user."""


@dataclass(frozen=True)
class StandVanZakenMaker:
    document: Callable[[Any, dt.date], Any]
    """The Stand van zaken of a provincie (a ``gemeenten.Provincie``; core imports no app) on a
    peildatum as a report document (``titel``, ``kopregels``, ``secties``); raises
    ``GeenGegevens`` without figures on that date."""
    pdf: Callable[[Any], bytes]
    """That document as PDF."""
    heeft_cijfers: Callable[[Any, dt.date], bool] | None = None
    """Whether the provincie has figures on that peildatum (a quick check before a job)."""


_stand_van_zaken: StandVanZakenMaker | None = None


def registreer_stand_van_zaken(maker: StandVanZakenMaker) -> None:
    global _stand_van_zaken
    _stand_van_zaken = maker


def stand_van_zaken() -> StandVanZakenMaker:
    if _stand_van_zaken is None:
        raise ImproperlyConfigured("Geen rapportage geïnstalleerd: de stand van zaken ontbreekt.")
    return _stand_van_zaken
