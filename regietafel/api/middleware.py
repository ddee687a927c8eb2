"""Under /api/: the ``API-Version`` header on every response (NL API Design Rules,
/core/version-header), also on redirects and errors; an unexpected error outside DRF's views
as problem details instead of Django's HTML page."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from regietafel.api.problemen import probleem_antwoord
from regietafel.api.schema import api_versie
from regietafel.core.fouten import heeft_nulteken

logger = logging.getLogger("django.request")


def _api(request: HttpRequest) -> bool:
    return request.path_info == "/api" or request.path_info.startswith("/api/")


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _api(request) and heeft_nulteken(request):
            reden = "Het adres bevat een NUL-teken."
            response = probleem_antwoord(
                request,
                400,
                reden,
                invalidParams=[{"name": "invoer", "code": "nul_teken", "reason": reden}],
            )
        else:
            response = self.get_response(request)
        if _api(request):
            response["API-Version"] = api_versie()
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not _api(request):
            return None
        logger.error(
            "Interne serverfout: %s",
            request.path,
            exc_info=exception,
            extra={"status_code": 500, "request": request},
        )
        return probleem_antwoord(request, 500)
