"""Who may read what through the API: the one place this app checks a role.

Every authenticated user reads the data of its own provincie (a gemeente user: the
provincie of its gemeente as well); a staff member or a beheerder reads every provincie.
Writes are checked by the services they call (``dien_in``) and by ``mag_aanleveren``.
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from regietafel.aanlevering.permissions import mag_aanleveren
from regietafel.accounts.models import Rol

ALLE = None
"""``leesbare_provincie_ids`` for a user who reads every provincie."""


def leest_alles(gebruiker: Any) -> bool:
    return bool(gebruiker.is_staff) or getattr(gebruiker, "rol", None) == Rol.BEHEERDER


def leesbare_provincie_ids(gebruiker: Any) -> set[int] | None:
    """The provincies whose data ``gebruiker`` may read; ``ALLE`` (None) for every one."""
    if not getattr(gebruiker, "is_authenticated", False) or not gebruiker.is_active:
        return set()
    if leest_alles(gebruiker):
        return ALLE
    ids = {getattr(gebruiker, "provincie_id", None)}
    gemeente = getattr(gebruiker, "gemeente", None) if gebruiker.gemeente_id else None
    if gemeente is not None:
        ids.add(gemeente.provincie_id)
    return {i for i in ids if i is not None}


class MagAanleveren(BasePermission):
    """The imports: the secretariaat, a supplier (COA, Nidos) or a staff member."""

    message = "U mag geen bestanden aanleveren."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return mag_aanleveren(request.user)
