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


def aanlever_provincie_id(gebruiker: Any) -> int | None:
    """The provincie a user may deliver figures for; None: every one (a supplier such as COA
    or Nidos delivers national files; a user without provincie). A secretariaat (or a staff
    member of a provincie) delivers for its own provincie only."""
    if getattr(gebruiker, "rol", None) == Rol.AANLEVERANCIER:
        return None
    return getattr(gebruiker, "provincie_id", None)
