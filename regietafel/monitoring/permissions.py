"""Who may submit and who may judge a gemeente's own figures: the one place this app checks a role.

A gemeente user submits for its own gemeente only; the secretariaat of the gemeente's
provincie (and a staff member) approves or returns a submission. A reader or a supplier
does neither.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.gemeenten.models import Gemeente


def _actief(gebruiker: Any) -> bool:
    return bool(getattr(gebruiker, "is_authenticated", False) and gebruiker.is_active)


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
    """National staff, or the secretariaat of the provincie (of ``gemeente``, when given)."""
    if not _actief(gebruiker):
        return False
    if gebruiker.is_staff and getattr(gebruiker, "provincie_id", None) is None:
        return True  # national staff; a provincial (staff) secretariaat only its provincie
    if getattr(gebruiker, "rol", None) != Rol.SECRETARIAAT:
        return False
    provincie_id = getattr(gebruiker, "provincie_id", None)
    if provincie_id is None:
        return False
    return gemeente is None or gemeente.provincie_id == provincie_id


def beoordeelt_provincie_id(gebruiker: Any) -> int | None:
    """The provincie whose submissions a reviewer sees; None: all (staff without a provincie)."""
    return getattr(gebruiker, "provincie_id", None)


def mag_inzendingen_gebruiken(gebruiker: Any) -> bool:
    """Whether the Inzendingen page is for this user at all (the menu link)."""
    return eigen_gemeente_id(gebruiker) is not None or mag_beoordelen(gebruiker)


def mag_inzending_zien(gebruiker: Any, gemeente: Gemeente) -> bool:
    return mag_inzenden(gebruiker, gemeente) or mag_beoordelen(gebruiker, gemeente)
