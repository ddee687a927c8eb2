"""Which provincies a user reads: the one place the scope of a role is decided.

A provincial user (secretariaat, lezer, aanleverancier) reads its own provincie; a gemeente
user reads the provincie of its gemeente. Reading every provincie is for a beheerder, a
superuser, or a user without provincie who is explicitly national (``landelijk``).
``is_staff`` alone grants nothing here: the demo secretariaat is staff (for the admin) and
still reads only Drenthe.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol

ALLE = None
"""``leesbare_provincie_ids`` for a user who reads every provincie."""


def actief(gebruiker: Any) -> bool:
    return bool(getattr(gebruiker, "is_authenticated", False) and gebruiker.is_active)


def is_beheerder(gebruiker: Any) -> bool:
    """A superuser or a user with the role beheerder."""
    return actief(gebruiker) and (
        bool(gebruiker.is_superuser) or getattr(gebruiker, "rol", None) == Rol.BEHEERDER
    )


def leest_alles(gebruiker: Any) -> bool:
    """Reads every provincie: beheerder, superuser, or national without a provincie."""
    if not actief(gebruiker):
        return False
    if is_beheerder(gebruiker):
        return True
    return bool(getattr(gebruiker, "landelijk", False)) and not getattr(
        gebruiker, "provincie_id", None
    )


def leesbare_provincie_ids(gebruiker: Any) -> set[int] | None:
    """The provincies whose data ``gebruiker`` may read; ``ALLE`` (None) for every one."""
    if not actief(gebruiker):
        return set()
    if leest_alles(gebruiker):
        return ALLE
    ids = {getattr(gebruiker, "provincie_id", None)}
    if getattr(gebruiker, "gemeente_id", None):
        ids.add(gebruiker.gemeente.provincie_id)
    return {i for i in ids if i is not None}


def mag_provincie_lezen(gebruiker: Any, provincie_id: int | None) -> bool:
    ids = leesbare_provincie_ids(gebruiker)
    return ids is ALLE or provincie_id in ids
