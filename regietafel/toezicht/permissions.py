"""Who may see and do what in interbestuurlijk toezicht — the one place this app checks roles.

IBT dossiers are sensitive. The decision:
- the secretariaat of the provincie (and staff) reads and writes every dossier of its provincie;
- a lezer reads every dossier of its provincie;
- a gemeente user sees only its own gemeente: its own row in the list and its own dossier;
  another gemeente's dossier, step or document answers 404 (also by editing ids in a URL);
- a supplier (COA, Nidos) and a beheerder without another role see nothing (403).
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.gemeenten.models import Gemeente


def _actief(gebruiker: Any) -> bool:
    return bool(getattr(gebruiker, "is_authenticated", False) and gebruiker.is_active)


def mag_schrijven(gebruiker: Any, provincie_id: int | None = None) -> bool:
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


def mag_alles_lezen(gebruiker: Any) -> bool:
    """Every dossier of the provincie: the secretariaat, a lezer, staff."""
    if not _actief(gebruiker):
        return False
    return bool(gebruiker.is_staff) or getattr(gebruiker, "rol", None) in (
        Rol.SECRETARIAAT,
        Rol.LEZER,
    )


def mag_pagina_zien(gebruiker: Any) -> bool:
    return mag_alles_lezen(gebruiker) or eigen_gemeente_id(gebruiker) is not None


def zichtbare_gemeente_id(gebruiker: Any) -> int | None:
    """None: every gemeente of the provincie; an id: only that gemeente (a gemeente user)."""
    if mag_alles_lezen(gebruiker):
        return None
    return eigen_gemeente_id(gebruiker)


def mag_dossier_zien(gebruiker: Any, gemeente: Gemeente) -> bool:
    if mag_alles_lezen(gebruiker):
        return True
    return eigen_gemeente_id(gebruiker) == gemeente.pk
