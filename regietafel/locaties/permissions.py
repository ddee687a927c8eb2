"""Who may change the location register — the one place this app checks a role.

- gemeente: creates, edits and ends the locations of its own gemeente only;
- secretariaat: every location of its own provincie;
- staff without one of those roles: every location;
- lezer, aanleverancier (COA, Nidos) and beheerder: read only. COA is a party to the
  contracts, but its role in this system is to supply imports; the register is kept by the
  gemeenten and the secretariaat, who enter what COA agreed with them.
Everyone signed in reads the locations of the provincie they see.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.gemeenten.models import Gemeente, Provincie


def _actief(gebruiker: Any) -> bool:
    return bool(getattr(gebruiker, "is_authenticated", False) and gebruiker.is_active)


def mag_bewerken(gebruiker: Any, gemeente: Gemeente) -> bool:
    """May ``gebruiker`` create, edit or end locations in ``gemeente``?"""
    if not _actief(gebruiker):
        return False
    rol = getattr(gebruiker, "rol", None)
    if rol == Rol.GEMEENTE:
        return getattr(gebruiker, "gemeente_id", None) == gemeente.pk
    if rol == Rol.SECRETARIAAT:
        return getattr(gebruiker, "provincie_id", None) == gemeente.provincie_id
    return bool(gebruiker.is_staff)


def bewerkbare_gemeenten(gebruiker: Any, provincie: Provincie) -> list[Gemeente]:
    """The gemeenten of ``provincie`` in which ``gebruiker`` may create locations (the form's choices)."""
    if not _actief(gebruiker):
        return []
    rol = getattr(gebruiker, "rol", None)
    qs = Gemeente.objects.filter(provincie=provincie).order_by("naam")
    if rol == Rol.GEMEENTE:
        eigen = getattr(gebruiker, "gemeente_id", None)
        return list(qs.filter(pk=eigen)) if eigen is not None else []
    if rol == Rol.SECRETARIAAT:
        return list(qs) if getattr(gebruiker, "provincie_id", None) == provincie.pk else []
    return list(qs) if gebruiker.is_staff else []


def mag_iets_bewerken(gebruiker: Any) -> bool:
    """Whether to offer the buttons at all (cheap: no query)."""
    if not _actief(gebruiker):
        return False
    rol = getattr(gebruiker, "rol", None)
    if rol == Rol.GEMEENTE:
        return getattr(gebruiker, "gemeente_id", None) is not None
    if rol == Rol.SECRETARIAAT:
        return getattr(gebruiker, "provincie_id", None) is not None
    return bool(gebruiker.is_staff)
