"""The project's URLs plus views that fail on purpose, for the error page tests."""

from __future__ import annotations

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import path

from regietafel.core.fouten import te_veel_verzoeken
from regietafel.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def _ongeldig(request: HttpRequest) -> HttpResponse:
    raise BadRequest("Bad request (English, from Django)")


def _geweigerd(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied("U mag geen cijfers inzenden voor Emmen.")


def _kapot(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("opzettelijke fout")


def _te_veel(request: HttpRequest) -> HttpResponse:
    return te_veel_verzoeken(request, wacht_seconden=30)


urlpatterns = [
    path("_fout/400/", _ongeldig),
    path("_fout/403/", _geweigerd),
    path("_fout/429/", _te_veel),
    path("_fout/500/", _kapot),
    *urlpatterns,
]
