"""Who may do what with Woo publications — the one place this app checks roles.

Only the secretariaat of the PRT works on Woo-besluiten: the documents hold unredacted
personal data until they are published. Everyone else gets 403 (also a beheerder, a staff
member and a superuser without the role: the extra rule of this app on top of
``accounts.permissions.schrijft_provincie``); a secretariaat of another provincie gets 404
for a besluit that is not its own.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from regietafel.accounts.permissions import is_secretariaat, schrijft_provincie


def mag_woo(gebruiker: Any) -> bool:
    """The secretariaat of a provincie (the role, with its provincie)."""
    return is_secretariaat(gebruiker)


def vereis_woo(gebruiker: Any) -> None:
    if not mag_woo(gebruiker):
        raise PermissionDenied("Alleen het secretariaat van de PRT werkt aan Woo-besluiten.")


def mag_provincie(gebruiker: Any, provincie_id: int) -> bool:
    """A secretariaat works on its own provincie only."""
    return mag_woo(gebruiker) and schrijft_provincie(gebruiker, provincie_id)
