"""Who may read what through the API: the one place this app checks a role.

Every authenticated user reads the data of its own provincie (a gemeente user: the
provincie of its gemeente as well); reading every provincie is for a beheerder, a superuser
or an explicitly national user without provincie (accounts.permissions). ``is_staff`` alone
does not widen it: the secretariaat of Drenthe is staff and reads Drenthe.
Writes are checked by the services they call (``dien_in``, ``keur_goed``, ``stuur_terug``)
and by ``mag_aanleveren``.
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from regietafel.aanlevering.permissions import mag_aanleveren
from regietafel.accounts.permissions import ALLE, leesbare_provincie_ids, leest_alles
from regietafel.monitoring.permissions import eigen_gemeente_id, mag_beoordelen

__all__ = [
    "ALLE",
    "MagAanleveren",
    "leesbare_provincie_ids",
    "leest_alles",
    "zichtbare_inzendingen_filter",
]


def zichtbare_inzendingen_filter(gebruiker: Any) -> dict[str, Any] | None:
    """The filter on Inzending of the submissions ``gebruiker`` may see; None: none at all.

    A gemeente user: its own gemeente's; a reviewer (the secretariaat): its provincie's;
    a national reader (beheerder, superuser, ``landelijk``): all. A lezer or a supplier sees none (as in the app).
    """
    eigen = eigen_gemeente_id(gebruiker)
    if eigen is not None:
        return {"gemeente_id": eigen}
    if leest_alles(gebruiker):
        return {}
    if mag_beoordelen(gebruiker):
        provincie_id = getattr(gebruiker, "provincie_id", None)
        return {} if provincie_id is None else {"gemeente__provincie_id": provincie_id}
    return None


class MagAanleveren(BasePermission):
    """The imports: the secretariaat of a provincie, a supplier (COA, Nidos) or a superuser."""

    message = "U mag geen bestanden aanleveren."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return mag_aanleveren(request.user)
