"""Helpers for views: what a request is about."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest

from regietafel.gemeenten.models import Provincie


def provincie_van(request: HttpRequest) -> Provincie:
    """The user's own provincie; for users without one, the configured default (the demo: Drenthe)."""
    eigen: Provincie | None = getattr(request.user, "provincie", None)
    if eigen is not None:
        return eigen
    provincie = Provincie.objects.filter(naam=settings.REGIETAFEL_PROVINCIE).first()
    if provincie is None:
        raise Http404(
            "Er is nog geen provincie geladen. Laad de demo met `regietafel demo drenthe`."
        )
    return provincie
