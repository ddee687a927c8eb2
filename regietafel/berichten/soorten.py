"""The kinds of e-mail, registered by the apps that send them (the registry pattern of
``core.menu`` and ``taken.soorten``): ``berichten`` sits in the shared base and knows no area;
a reminder, a returned submission or an approved offer registers its ``Berichtsoort`` in its
``AppConfig.ready()``.

An essential kind (a reply to the user's own action: a returned submission, an approved offer)
always goes out; a user switches the others off on ``/account/berichten/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Berichtsoort:
    naam: str
    """Unique, dotted: ``herinneringen.herinnering``."""
    titel: str
    """For the profile page: "Herinnering aan het aanleveren van uw cijfers"."""
    uitleg: str
    """One sentence: when and why this mail comes."""
    essentieel: bool = False
    voor: Callable[[Any], bool] | None = None
    """Which users it can reach (the profile page lists only those); None: everyone."""
    volgorde: int = 100


_SOORTEN: dict[str, Berichtsoort] = {}


def registreer(soort: Berichtsoort) -> None:
    _SOORTEN[soort.naam] = soort


def zoek(naam: str) -> Berichtsoort | None:
    return _SOORTEN.get(naam)


def voor_gebruiker(gebruiker: Any) -> list[Berichtsoort]:
    """The kinds that can reach ``gebruiker``, in the profile page's order."""
    return sorted(
        (s for s in _SOORTEN.values() if s.voor is None or s.voor(gebruiker)),
        key=lambda s: (s.volgorde, s.titel),
    )
