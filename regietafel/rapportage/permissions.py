"""Who may do what with the reports — the one place this app checks roles.

The texts of a report are a provincie's domain data: its secretariaat (or a superuser) edits
them (``accounts.permissions.schrijft_provincie``); ``is_staff`` alone grants nothing here.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.permissions import schrijft_een_provincie, schrijft_provincie


def mag_bewerken(gebruiker: Any, provincie: Any = None) -> bool:
    """Edit the texts of a report of ``provincie``: its secretariaat or a superuser. Without
    ``provincie``: whether the user writes some provincie at all."""
    if provincie is None:
        return schrijft_een_provincie(gebruiker)
    return schrijft_provincie(gebruiker, provincie.pk)


def mag_bekijken(gebruiker: Any) -> bool:
    """Every signed-in user may read and download the reports."""
    return bool(getattr(gebruiker, "is_authenticated", False))
