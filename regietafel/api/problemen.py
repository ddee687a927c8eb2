"""Every API error as problem details (RFC 9457, ``application/problem+json``), in Dutch.

NL API Design Rules, /core/error-handling/problem-details: an error carries ``status``,
``title`` and ``detail`` (here also ``type`` and ``instance``); a 400 lists every invalid
field in ``invalidParams`` (``name``, ``code``, ``reason``), as the NL GOV profile for
problem details suggests (/core/error-handling/all-errors: all errors together).

DRF's own messages are English (its Dutch translation is partial and informal), so none of
them is passed on: each exception class gets a Dutch ``detail`` written here. Only the text of
the project's own exceptions (raised with a Dutch message by a service or a view) is kept;
validation messages are Dutch at the source (``regietafel.api.velden``).
"""

from __future__ import annotations

import json
import logging
import math
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from rest_framework import exceptions
from rest_framework.settings import api_settings

from regietafel.domain.notatie import getal

PROBLEEM_JSON = "application/problem+json"

TITELS: dict[int, str] = {
    400: "Ongeldige invoer",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    409: "Conflict",
    413: "Verzoek te groot",
    415: "Mediatype niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne serverfout",
}

# The default detail per status, for an exception that brings no Dutch text of its own.
DETAILS: dict[int, str] = {
    400: "Het verzoek is ongeldig.",
    401: "Meld u aan met de kop 'Authorization: Token <sleutel>'.",
    403: "U mag dit niet doen.",
    404: "Deze resource bestaat niet, of u mag haar niet zien.",
    405: "Deze methode is hier niet toegestaan.",
    406: "Dit formaat levert de API hier niet; vraag JSON (Accept: application/json).",
    409: "Het verzoek botst met de huidige toestand van de resource.",
    413: "Het verzoek is te groot.",
    415: "Dit mediatype wordt hier niet ondersteund.",
    429: "Te veel verzoeken; probeer het later opnieuw.",
    500: "Er ging op de server iets mis. Probeer het later opnieuw; blijft het misgaan, "
    "neem dan contact op met de beheerder.",
}

logger = logging.getLogger("django.request")


class OngeldigeInvoer(exceptions.ValidationError):
    """A 400 with extension members next to ``invalidParams`` (an import's ``fouten``)."""

    def __init__(self, detail: Any, *, extra: dict[str, Any]) -> None:
        super().__init__(detail)
        self.extra = extra


class TeGroot(exceptions.APIException):
    """413: a body over DATA_UPLOAD_MAX_MEMORY_SIZE (Django refuses to read it)."""

    status_code = 413
    default_detail = DETAILS[413]
    default_code = "te_groot"


class Conflict(exceptions.APIException):
    """409: the request is valid but clashes with the resource's state (already judged)."""

    status_code = 409
    default_detail = DETAILS[409]
    default_code = "conflict"


def probleem_type(status: int) -> str:
    """The ``type`` URI: the status code's definition (RFC 9110; 429 is RFC 6585)."""
    if status == 429:
        return "https://www.rfc-editor.org/rfc/rfc6585#section-4"
    return f"https://www.rfc-editor.org/rfc/rfc9110#status.{status}"


def probleem(
    status: int,
    detail: str | None = None,
    *,
    instance: str | None = None,
    titel: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The body of a problem: type, title, status, detail, instance and extension members."""
    data: dict[str, Any] = {
        "type": probleem_type(status),
        "title": titel or TITELS.get(status, "Fout"),
        "status": status,
        "detail": detail or DETAILS.get(status, TITELS.get(status, "Fout")),
    }
    if instance is not None:
        data["instance"] = instance
    data.update(extra)
    return data


def als_json(
    body: dict[str, Any], status: int, headers: dict[str, str] | None = None
) -> HttpResponse:
    """A problem as a plain Django response: always JSON, whatever renderer the view has (the
    OpenAPI document's YAML view too)."""
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=PROBLEEM_JSON,
        headers=headers,
    )


def probleem_antwoord(
    request: HttpRequest, status: int, detail: str | None = None, **extra: Any
) -> HttpResponse:
    """A problem for a view outside DRF (redirects, the catch-all, the middleware)."""
    return als_json(probleem(status, detail, instance=request.path, **extra), status)


def _reden(melding: Any) -> str:
    tekst = str(melding)
    return DETAILS[400] if tekst == str(exceptions.ValidationError.default_detail) else tekst


def ongeldige_velden(fouten: Any, pad: str = "") -> list[dict[str, str]]:
    """DRF's nested validation errors as a flat ``invalidParams`` list: ``regels[1].aantal``
    (a list's errors come as a list, or as a dict by index)."""
    if isinstance(fouten, dict):
        uit: list[dict[str, str]] = []
        for sleutel, waarde in fouten.items():
            if isinstance(sleutel, int):
                uit += ongeldige_velden(waarde, f"{pad}[{sleutel}]")
                continue
            naam = "" if sleutel in (api_settings.NON_FIELD_ERRORS_KEY, "detail") else sleutel
            uit += ongeldige_velden(waarde, f"{pad}.{naam}" if pad and naam else pad or naam)
        return uit
    if isinstance(fouten, list):
        uit = []
        for index, waarde in enumerate(fouten):
            if isinstance(waarde, str):
                uit.append(
                    {
                        "name": pad or "invoer",
                        "code": str(getattr(waarde, "code", None) or "invalid"),
                        "reason": _reden(waarde),
                    }
                )
            else:
                uit += ongeldige_velden(waarde, f"{pad}[{index}]")
        return uit
    return [{"name": pad or "invoer", "code": "invalid", "reason": _reden(fouten)}]


MAX_IN_DETAIL = 10


def _validatie_detail(params: list[dict[str, str]]) -> str:
    """The first invalid fields in one sentence each; all of them are in ``invalidParams``."""
    regels = [
        f"{p['name']}: {p['reason']}" if p["name"] != "invoer" else p["reason"]
        for p in params[:MAX_IN_DETAIL]
    ]
    tekst = " ".join(regel if regel.endswith(".") else f"{regel}." for regel in regels)
    if len(params) > MAX_IN_DETAIL:
        tekst += f" En nog {len(params) - MAX_IN_DETAIL} (zie invalidParams)."
    return tekst


def _eigen_tekst(exc: exceptions.APIException) -> str | None:
    """The exception's own text if the project wrote it (Dutch); None for DRF's defaults."""
    tekst = str(exc.detail) if isinstance(exc.detail, str) else None
    if not tekst or tekst == str(exc.default_detail):
        return None
    return tekst


def _detail(exc: exceptions.APIException) -> str:
    status = exc.status_code
    if isinstance(exc, exceptions.NotAuthenticated):
        return DETAILS[401]
    if isinstance(exc, exceptions.AuthenticationFailed):
        return (
            "De sleutel (token) of de aanmeldgegevens zijn ongeldig, of het account is niet actief."
        )
    if isinstance(exc, exceptions.MethodNotAllowed):
        return DETAILS[405]
    if isinstance(exc, exceptions.NotAcceptable):
        return DETAILS[406]
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return (
            "Dit mediatype (Content-Type) wordt hier niet ondersteund; zie het OpenAPI-document "
            "voor de mediatypes per operatie."
        )
    if isinstance(exc, exceptions.Throttled):
        if exc.wait is None:
            return DETAILS[429]
        return f"Te veel verzoeken; probeer het over {math.ceil(exc.wait)} seconden opnieuw."
    if isinstance(exc, exceptions.ParseError):
        return "De inhoud van het verzoek is niet te lezen (geen geldige JSON of multipart)."
    if isinstance(exc, exceptions.PermissionDenied):
        tekst = _eigen_tekst(exc)
        if tekst and tekst.startswith("CSRF Failed"):
            return (
                "De CSRF-controle is mislukt: een schrijfverzoek met een sessie heeft een "
                "CSRF-token nodig. Een programma meldt zich aan met een token."
            )
        return tekst or DETAILS[403]
    if isinstance(exc, TeGroot):
        grens = getal(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return f"Het verzoek is te groot: zonder bestanden hoogstens {grens} bytes."
    if isinstance(exc, exceptions.NotFound | Conflict):
        return _eigen_tekst(exc) or DETAILS.get(status, DETAILS[404])
    return DETAILS.get(status, DETAILS[500] if status >= 500 else DETAILS[400])


def _code(exc: exceptions.APIException) -> str:
    return str(getattr(exc.detail, "code", None) or exc.default_code)


def als_api_exception(exc: Exception) -> exceptions.APIException | None:
    """Django's exceptions as DRF's (as DRF's own handler does); None for an unexpected error."""
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError({"detail": exc.messages})
    if isinstance(exc, RequestDataTooBig):
        return TeGroot()
    if isinstance(exc, SuspiciousOperation):  # e.g. too many fields: a bad request, not a 500
        return exceptions.ParseError()
    if isinstance(exc, exceptions.APIException):
        return exc
    return None


def probleem_handler(exc: Exception, context: dict[str, Any]) -> HttpResponse:
    """DRF's EXCEPTION_HANDLER: every error of an API view as a problem, in Dutch.

    An unexpected exception is logged (as Django logs a server error) and answered with a
    problem 500 instead of Django's HTML page."""
    request = context.get("request")
    pad = request.path if request is not None else None
    api_exc = als_api_exception(exc)
    headers: dict[str, str] = {}
    if api_exc is None:
        logger.error(
            "Interne serverfout: %s",
            pad,
            exc_info=exc,
            extra={"status_code": 500, "request": getattr(request, "_request", None)},
        )
        return als_json(probleem(500, instance=pad), 500)
    status = api_exc.status_code
    if getattr(api_exc, "auth_header", None):
        headers["WWW-Authenticate"] = api_exc.auth_header  # type: ignore[attr-defined]
    if isinstance(api_exc, exceptions.Throttled) and api_exc.wait is not None:
        headers["Retry-After"] = str(math.ceil(api_exc.wait))
    if isinstance(api_exc, exceptions.ValidationError):
        params = ongeldige_velden(api_exc.detail)
        body = probleem(
            status, _validatie_detail(params) or DETAILS[400], instance=pad, invalidParams=params
        )
    else:
        detail = _detail(api_exc)
        body = probleem(status, detail, instance=pad)
        if status == 400:  # a request that cannot be read: the whole input is invalid
            body["invalidParams"] = [{"name": "invoer", "code": _code(api_exc), "reason": detail}]
    extra = getattr(api_exc, "extra", None)
    if isinstance(extra, dict):
        body.update(extra)
    return als_json(body, status, headers)
