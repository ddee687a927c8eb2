"""Who sees and who sets a provincie's delivery deadline: the one place this app checks a role.

Its readers (accounts.permissions) see the deadline and who delivered; the secretariaat of the
provincie (or a superuser) sets it. A gemeente sees its own deadline in the reminder mail and
on the Inzendingen page, not this page (which lists the other gemeenten).
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import actief, mag_provincie_lezen, schrijft_provincie


def mag_termijn_zien(gebruiker: Any, provincie_id: int | None = None) -> bool:
    if not actief(gebruiker) or getattr(gebruiker, "rol", None) == Rol.GEMEENTE:
        return False
    return provincie_id is None or mag_provincie_lezen(gebruiker, provincie_id)


def mag_termijn_zetten(gebruiker: Any, provincie_id: int | None) -> bool:
    return schrijft_provincie(gebruiker, provincie_id)


def is_gemeente(gebruiker: Any) -> bool:
    return actief(gebruiker) and getattr(gebruiker, "rol", None) == Rol.GEMEENTE


def is_secretariaat(gebruiker: Any) -> bool:
    return actief(gebruiker) and getattr(gebruiker, "rol", None) == Rol.SECRETARIAAT
