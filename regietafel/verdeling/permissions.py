"""Who may do what in the verdeling workbench — the one place this app checks roles.

Scenarios are a provincie's domain data: the secretariaat of that provincie (or a superuser)
creates, edits, copies and deletes them (``accounts.permissions.schrijft_provincie``);
``is_staff`` alone grants nothing here. Everyone signed in reads them.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.permissions import schrijft_een_provincie, schrijft_provincie


def mag_bewerken(gebruiker: Any, provincie: Any = None) -> bool:
    """Create, edit, copy and delete the scenarios of ``provincie``: its secretariaat or a
    superuser. Without ``provincie``: whether the user writes some provincie at all."""
    if provincie is None:
        return schrijft_een_provincie(gebruiker)
    return schrijft_provincie(gebruiker, provincie.pk)


def mag_bekijken(gebruiker: Any) -> bool:
    """Every signed-in user (lezer, gemeente, …) may look at scenarios and exports."""
    return bool(getattr(gebruiker, "is_authenticated", False))
