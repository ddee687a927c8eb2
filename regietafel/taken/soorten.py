"""The kinds of job, registered by the apps that run them (the registry pattern of
``core.menu`` and ``core.rapporten``): ``taken`` sits in the shared base and knows no area; a
report, an import or a meeting document registers its ``Taaksoort`` in its ``AppConfig.ready()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from regietafel.taken.models import Taak


class TaakFout(Exception):
    """A job that cannot succeed, with its Dutch reason for the user ("Voor Drenthe zijn geen
    cijfers op 01-11-2025."): the job is marked mislukt with this text and not tried again."""


@dataclass(frozen=True)
class Resultaat:
    """What a job made: a file (stored by its checksum), and/or data for its status page."""

    bestand: bytes | None = None
    extensie: str = ""
    bestandsnaam: str = ""
    gegevens: dict[str, Any] = field(default_factory=dict)
    """JSON for the status page (an import's counts)."""
    melding: str = ""
    """One Dutch line under "klaar": "342 rijen gelezen, 12 nieuw, 3 gewijzigd"."""


Voortgang = Callable[[int, str], None]
"""``voortgang(procent, stap)``: how far the job is (0–100) and what it does now, in Dutch."""


@dataclass(frozen=True)
class Taaksoort:
    naam: str
    """Unique, dotted: ``rapportage.stand_van_zaken``."""
    voer_uit: Callable[[Taak, Voortgang], Resultaat]
    """Runs in the worker; raises ``TaakFout`` for a reason the user should read."""
    gedeeld: bool = False
    """A document for everyone who may read the job's provincie (one job serves all who ask
    for the same document and data version); otherwise only its requester sees it."""
    mag_zien: Callable[[Any, Taak], bool] | None = None
    """An extra check of the app (a role); None: none."""
    resultaat_template: str = ""
    """A template that shows ``taak.resultaat`` on the status page (an import's summary)."""


_SOORTEN: dict[str, Taaksoort] = {}


def registreer(soort: Taaksoort) -> None:
    _SOORTEN[soort.naam] = soort


def zoek(naam: str) -> Taaksoort | None:
    return _SOORTEN.get(naam)
