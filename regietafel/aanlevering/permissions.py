"""Who may deliver figures: the one place this app checks a role.

A supplier (COA, Nidos: the role aanleverancier) delivers national files; the secretariaat of a
provincie delivers for its own provincie (``accounts.permissions.is_secretariaat``); a superuser
for every one. ``is_staff`` alone grants nothing here, and a beheerder keeps the user accounts,
not the figures.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import actief, is_secretariaat

AANLEVERENDE_ROLLEN = frozenset({Rol.SECRETARIAAT, Rol.AANLEVERANCIER})


def mag_aanleveren(gebruiker: Any) -> bool:
    """The secretariaat of a provincie, a supplier (COA, Nidos) or a superuser; never an
    anonymous visitor."""
    if not actief(gebruiker):
        return False
    if gebruiker.is_superuser or is_secretariaat(gebruiker):
        return True
    return getattr(gebruiker, "rol", None) == Rol.AANLEVERANCIER


def aanlever_provincie_id(gebruiker: Any) -> int | None:
    """The provincie a user may deliver figures for; None: every one (a supplier such as COA
    or Nidos delivers national files; a superuser; the system itself, ``door=None``). A
    secretariaat delivers for its own provincie only."""
    if getattr(gebruiker, "rol", None) == Rol.AANLEVERANCIER:
        return None
    if getattr(gebruiker, "is_superuser", False):
        return None
    return getattr(gebruiker, "provincie_id", None)
