"""Who may do what with the ministry's requests — the one place this app checks roles.

- The secretariaat of the provincie (and staff) writes everything: requests, candidate
  locations, activations, nareizigers placements.
- A gemeente user reads, and may update the readiness of the candidate locations in its
  own gemeente only.
- A lezer reads. A supplier (COA, Nidos) only imports and does not see these pages.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.gemeenten.models import Gemeente


def _actief(gebruiker: Any) -> bool:
    return bool(getattr(gebruiker, "is_authenticated", False) and gebruiker.is_active)


def mag_lezen(gebruiker: Any) -> bool:
    if not _actief(gebruiker):
        return False
    return bool(gebruiker.is_staff) or getattr(gebruiker, "rol", None) in (
        Rol.SECRETARIAAT,
        Rol.GEMEENTE,
        Rol.LEZER,
        Rol.BEHEERDER,
    )


def mag_schrijven(gebruiker: Any, provincie_id: int | None = None) -> bool:
    """The secretariaat of ``provincie_id`` (any provincie when None is given) or staff."""
    if not _actief(gebruiker):
        return False
    if gebruiker.is_staff:
        return True
    if getattr(gebruiker, "rol", None) != Rol.SECRETARIAAT:
        return False
    eigen = getattr(gebruiker, "provincie_id", None)
    return eigen is not None and (provincie_id is None or eigen == provincie_id)


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
