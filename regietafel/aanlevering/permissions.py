"""Who may deliver figures, and whose deliveries a user sees: the one place this app checks
a role.

A supplier (COA, Nidos: the role aanleverancier) delivers national files; the secretariaat of a
provincie delivers for its own provincie (``accounts.permissions.is_secretariaat``); a superuser
for every one. ``is_staff`` alone grants nothing here, and a beheerder keeps the user accounts,
not the figures.

A delivery (file name, who, checksum) is seen by the secretariaat of its provincie, by the
supplier who made it, and by whoever reads every provincie (beheerder, superuser, landelijk).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import actief, is_beheerder, is_secretariaat, leest_alles

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


def zichtbare_aanleveringen(gebruiker: Any) -> Q | None:
    """The deliveries ``gebruiker`` sees, as a filter; ``None``: none at all."""
    if not actief(gebruiker):
        return None
    if leest_alles(gebruiker):
        return Q()
    if is_secretariaat(gebruiker):
        return Q(provincie_id=gebruiker.provincie_id)
    if getattr(gebruiker, "rol", None) == Rol.AANLEVERANCIER:
        return Q(door_id=gebruiker.pk)
    return None


def mag_aanlevering_zien(gebruiker: Any, *, provincie_id: int | None, door_id: int | None) -> bool:
    """``zichtbare_aanleveringen`` for one delivery (its provincie and who made it)."""
    if not actief(gebruiker):
        return False
    if leest_alles(gebruiker):
        return True
    if is_secretariaat(gebruiker):
        return provincie_id is not None and provincie_id == gebruiker.provincie_id
    if getattr(gebruiker, "rol", None) == Rol.AANLEVERANCIER:
        return door_id is not None and door_id == gebruiker.pk
    return False


def mag_opgaven_importeren(gebruiker: Any) -> bool:
    """The minister's numbers of a Spreidingswet cyclus (the indicative distribution, a
    verdeelbesluit): a beheerder or superuser (every provincie: they set up the cyclus) or the
    secretariaat of a provincie (its own, ``aanlever_provincie_id``). Not a supplier."""
    return is_beheerder(gebruiker) or is_secretariaat(gebruiker)
