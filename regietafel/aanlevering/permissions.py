"""Who may deliver figures: the one place this app checks a role."""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol

AANLEVERENDE_ROLLEN = frozenset({Rol.SECRETARIAAT, Rol.AANLEVERANCIER})


def mag_aanleveren(gebruiker: Any) -> bool:
    """The secretariaat, a supplier (COA, Nidos) or a staff member; never an anonymous visitor."""
    if not getattr(gebruiker, "is_authenticated", False) or not gebruiker.is_active:
        return False
    return bool(gebruiker.is_staff) or getattr(gebruiker, "rol", None) in AANLEVERENDE_ROLLEN
