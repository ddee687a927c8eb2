"""Who may do what with the reports — the one place this app checks roles."""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol


def mag_bewerken(gebruiker: Any) -> bool:
    """Edit the texts of a report: the secretariaat of the PRT and staff."""
    if not getattr(gebruiker, "is_authenticated", False):
        return False
    return bool(gebruiker.is_staff or getattr(gebruiker, "rol", None) == Rol.SECRETARIAAT)


def mag_bekijken(gebruiker: Any) -> bool:
    """Every signed-in user may read and download the reports."""
    return bool(getattr(gebruiker, "is_authenticated", False))
