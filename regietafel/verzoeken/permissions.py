"""Who may do what with the ministry's requests — the one place this app checks roles.

- The secretariaat of the provincie (and a superuser: ``accounts.permissions.schrijft_provincie``)
  writes everything: requests, candidate locations, activations, nareizigers placements.
  ``is_staff`` alone grants nothing here; a beheerder reads.
- A gemeente user reads, and may update the readiness of the candidate locations in its
  own gemeente only.
- A lezer reads. A supplier (COA, Nidos) only imports and does not see these pages.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import actief, schrijft_een_provincie, schrijft_provincie
from regietafel.gemeenten.models import Gemeente

_actief = actief


def mag_lezen(gebruiker: Any) -> bool:
    if not _actief(gebruiker):
        return False
    return bool(gebruiker.is_superuser) or getattr(gebruiker, "rol", None) in (
        Rol.SECRETARIAAT,
        Rol.GEMEENTE,
        Rol.LEZER,
        Rol.BEHEERDER,
    )


def mag_schrijven(gebruiker: Any, provincie_id: int | None = None) -> bool:
    """The secretariaat of ``provincie_id`` or a superuser; without ``provincie_id``: whether
    the user writes some provincie at all."""
    if provincie_id is None:
        return schrijft_een_provincie(gebruiker)
    return schrijft_provincie(gebruiker, provincie_id)


def eigen_gemeente_id(gebruiker: Any) -> int | None:
    if not _actief(gebruiker) or getattr(gebruiker, "rol", None) != Rol.GEMEENTE:
        return None
    return getattr(gebruiker, "gemeente_id", None)


def mag_gereedheid_bijwerken(gebruiker: Any, gemeente: Gemeente) -> bool:
    """The readiness of a candidate location: the secretariaat, or the gemeente itself."""
    if mag_schrijven(gebruiker, gemeente.provincie_id):
        return True
    eigen = eigen_gemeente_id(gebruiker)
    return eigen is not None and eigen == gemeente.pk


def mag_maatregel_vastleggen(gebruiker: Any) -> bool:
    """The terms of the nareismaatregel are national: a superuser only (or the system)."""
    return schrijft_provincie(gebruiker, None)
