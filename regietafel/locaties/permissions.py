"""Who may change the location register — the one place this app checks a role.

- gemeente: creates, edits and ends the locations of its own gemeente only;
- secretariaat: every location of its own provincie; a superuser every location
  (``accounts.permissions.schrijft_provincie``, the rule for a provincie's domain data);
- lezer, aanleverancier (COA, Nidos), beheerder and a staff member without one of those
  roles: read only (``is_staff`` only opens the admin site). COA is a party to the
  contracts, but its role in this system is to supply imports; the register is kept by the
  gemeenten and the secretariaat, who enter what COA agreed with them.
Everyone signed in reads the locations of the provincie they see.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import actief, schrijft_een_provincie, schrijft_provincie
from regietafel.gemeenten.models import Gemeente, Provincie


def _eigen_gemeente_id(gebruiker: Any) -> int | None:
    if getattr(gebruiker, "rol", None) != Rol.GEMEENTE:
        return None
    return getattr(gebruiker, "gemeente_id", None)


def mag_bewerken(gebruiker: Any, gemeente: Gemeente) -> bool:
    """May ``gebruiker`` create, edit or end locations in ``gemeente``?"""
    if not actief(gebruiker):
        return False
    if schrijft_provincie(gebruiker, gemeente.provincie_id):
        return True
    eigen = _eigen_gemeente_id(gebruiker)
    return eigen is not None and eigen == gemeente.pk


def bewerkbare_gemeenten(gebruiker: Any, provincie: Provincie) -> list[Gemeente]:
    """The gemeenten of ``provincie`` in which ``gebruiker`` may create locations (the form's choices)."""
    if not actief(gebruiker):
        return []
    qs = Gemeente.objects.filter(provincie=provincie).order_by("naam")
    if schrijft_provincie(gebruiker, provincie.pk):
        return list(qs)
    eigen = _eigen_gemeente_id(gebruiker)
    return list(qs.filter(pk=eigen)) if eigen is not None else []


def mag_iets_bewerken(gebruiker: Any) -> bool:
    """Whether to offer the buttons at all (cheap: no query)."""
    if not actief(gebruiker):
        return False
    return schrijft_een_provincie(gebruiker) or _eigen_gemeente_id(gebruiker) is not None
