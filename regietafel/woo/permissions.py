"""Who may do what with Woo publications — the one place this app checks roles.

Only the secretariaat of the PRT works on Woo-besluiten: the documents hold unredacted
personal data until they are published. Everyone else gets 403; a secretariaat of another
provincie gets 404 for a besluit that is not its own.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from regietafel.accounts.models import Rol


def mag_woo(gebruiker: Any) -> bool:
    if not getattr(gebruiker, "is_authenticated", False):
        return False
    return getattr(gebruiker, "rol", None) == Rol.SECRETARIAAT


def vereis_woo(gebruiker: Any) -> None:
    if not mag_woo(gebruiker):
        raise PermissionDenied("Alleen het secretariaat van de PRT werkt aan Woo-besluiten.")


def mag_provincie(gebruiker: Any, provincie_id: int) -> bool:
    """A secretariaat works on its own provincie (one without a provincie: on every one)."""
    eigen = getattr(gebruiker, "provincie_id", None)
    return eigen is None or eigen == provincie_id
