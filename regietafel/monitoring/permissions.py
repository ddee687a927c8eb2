"""Who may submit and who may judge a gemeente's own figures: the one place this app checks a role.

A gemeente user submits for its own gemeente only; the secretariaat of the gemeente's
provincie (or a superuser: ``accounts.permissions.schrijft_provincie``) approves or returns a
submission. A reader, a supplier, a beheerder and a staff member as such do neither.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import actief, schrijft_een_provincie, schrijft_provincie
from regietafel.gemeenten.models import Gemeente

_actief = actief


def eigen_gemeente_id(gebruiker: Any) -> int | None:
    """The gemeente a gemeente user speaks for; None for every other user."""
    if not _actief(gebruiker) or getattr(gebruiker, "rol", None) != Rol.GEMEENTE:
        return None
    return getattr(gebruiker, "gemeente_id", None)


def mag_inzenden(gebruiker: Any, gemeente: Gemeente) -> bool:
    """A gemeente user, for its own gemeente."""
    eigen = eigen_gemeente_id(gebruiker)
    return eigen is not None and eigen == gemeente.pk


def mag_beoordelen(gebruiker: Any, gemeente: Gemeente | None = None) -> bool:
    """The secretariaat of the provincie of ``gemeente``, or a superuser; without ``gemeente``:
    whether the user judges some provincie's submissions at all."""
    if gemeente is None:
        return schrijft_een_provincie(gebruiker)
    return schrijft_provincie(gebruiker, gemeente.provincie_id)


def beoordeelt_provincie_id(gebruiker: Any) -> int | None:
    """The provincie whose submissions a reviewer sees; None: all (a superuser without one)."""
    return getattr(gebruiker, "provincie_id", None)


def mag_inzendingen_gebruiken(gebruiker: Any) -> bool:
    """Whether the Inzendingen page is for this user at all (the menu link)."""
    return eigen_gemeente_id(gebruiker) is not None or mag_beoordelen(gebruiker)


def mag_inzending_zien(gebruiker: Any, gemeente: Gemeente) -> bool:
    return mag_inzenden(gebruiker, gemeente) or mag_beoordelen(gebruiker, gemeente)
