"""Which provincies a user reads and writes: the one place the scope of a role is decided.

A provincial user (secretariaat, lezer, aanleverancier) reads its own provincie; a gemeente
user reads the provincie of its gemeente. Reading every provincie is for a beheerder, a
superuser, or a user without provincie who is explicitly national (``landelijk``).
``is_staff`` alone grants nothing here: the demo secretariaat is staff (for the admin) and
still reads only Drenthe.

Writing a provincie's domain data is ``schrijft_provincie`` (below): its secretariaat or a
superuser, never ``is_staff`` alone. Every app's permissions.py builds on these functions.
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


# --- Writing a provincie's domain data -------------------------------------------------------
#
# One rule for every app: the domain data of a provincie (locations, scenarios, requests,
# meetings, toezicht dossiers, reviews of submissions, report texts, Woo) is written by the
# secretariaat of THAT provincie, or by a superuser. ``is_staff`` alone only opens the admin
# site (which accounts.admin_mixins scopes per provincie); a beheerder keeps the user accounts and
# reads every provincie, but writes no provincie's figures. Each app adds its own extra rules
# on top (a gemeente on its own objects, a supplier's imports) in its permissions.py.


def is_secretariaat(gebruiker: Any) -> bool:
    """An active user with the role secretariaat AND a provincie (one without writes nothing)."""
    return (
        actief(gebruiker)
        and getattr(gebruiker, "rol", None) == Rol.SECRETARIAAT
        and getattr(gebruiker, "provincie_id", None) is not None
    )


def schrijft_provincie(gebruiker: Any, provincie_id: int | None) -> bool:
    """May ``gebruiker`` write the domain data of provincie ``provincie_id``?

    The secretariaat of that provincie, or a superuser. Data without a provincie
    (``provincie_id`` None) is national: only a superuser.
    """
    if not actief(gebruiker):
        return False
    if gebruiker.is_superuser:
        return True
    return provincie_id is not None and (
        is_secretariaat(gebruiker) and gebruiker.provincie_id == provincie_id
    )


def schrijft_een_provincie(gebruiker: Any) -> bool:
    """Whether ``gebruiker`` writes some provincie's data at all (to offer buttons and forms;
    no query): a secretariaat with a provincie, or a superuser."""
    return actief(gebruiker) and (bool(gebruiker.is_superuser) or is_secretariaat(gebruiker))
