"""Who may see and do what in interbestuurlijk toezicht — the one place this app checks roles.

IBT dossiers are sensitive. The decision:
- the secretariaat of the provincie (and a superuser: ``accounts.permissions.schrijft_provincie``)
  reads and writes every dossier of its provincie; ``is_staff`` alone grants nothing here;
- a lezer reads every dossier of its provincie;
- a gemeente user sees only its own gemeente: its own row in the list and its own dossier;
  another gemeente's dossier, step or document answers 404 (also by editing ids in a URL);
- a supplier (COA, Nidos) and a beheerder without another role see nothing (403).
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import actief, schrijft_een_provincie, schrijft_provincie
from regietafel.gemeenten.models import Gemeente

_actief = actief


def mag_schrijven(gebruiker: Any, provincie_id: int | None = None) -> bool:
    """The secretariaat of ``provincie_id`` or a superuser; without ``provincie_id``: whether
    the user writes some provincie at all."""
    if provincie_id is None:
        return schrijft_een_provincie(gebruiker)
    return schrijft_provincie(gebruiker, provincie_id)


def eigen_gemeente_id(gebruiker: Any) -> int | None:
    if not _actief(gebruiker) or getattr(gebruiker, "rol", None) != Rol.GEMEENTE:
        return None
    return getattr(gebruiker, "gemeente_id", None)


def mag_alles_lezen(gebruiker: Any) -> bool:
    """Every dossier of the provincie: the secretariaat, a lezer, a superuser."""
    if not _actief(gebruiker):
        return False
    return bool(gebruiker.is_superuser) or getattr(gebruiker, "rol", None) in (
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
