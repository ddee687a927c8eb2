"""The log: one line per request, and a filter that keeps secrets and personal notes out.

:class:`VerzoekLogMiddleware` (first in ``MIDDLEWARE``) gives every request an id (the
proxy's ``X-Request-ID`` when it is a plain token, else a new one), returns it in the response
header ``X-Request-ID`` and logs one line on the logger ``regietafel.verzoek`` when the response
is ready: ``request_id``, ``user_id`` (a number, never a name), ``method``, ``path`` (without the
query string, which may hold a token), ``status`` and ``duration_ms``. Every other line written
during the request carries the same ``request_id`` (:class:`VerzoekIdFilter`).

In production the lines are JSON (python-json-logger, ``LOG_FORMAT=json``; settings.LOGGING).

:class:`GeheimFilter` sits on the handler, so it sees every line of every logger: a field whose
name says password, token, session, cookie, secret, authorization or a personal note
(opmerking, notitie, toelichting) is replaced by ``[verwijderd]``, at any depth; a request
object becomes its method and path; ``key=value`` pairs and ``Token``/``Bearer`` credentials in
the message and in a traceback's text are masked.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("regietafel.verzoek")

VERWIJDERD = "[verwijderd]"
_VERZOEK_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "regietafel_verzoek_id", default=None
)
_GELDIG_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")
GEHEIME_NAAM = re.compile(
    r"pass(word|wd)?|wachtwoord|token|secret|geheim|session|sessie|cookie|csrf|"
    r"authori[sz]ation|api[_-]?key|sleutel|credential|opmerking|notitie|toelichting|"
    r"persoonlijk",
    re.IGNORECASE,
)
_PAAR = re.compile(
    r"(?P<naam>[\w.-]*(?:pass(?:word|wd)?|wachtwoord|token|secret|geheim|session(?:id)?|"
    r"sessie|csrf[\w-]*|api[_-]?key|sleutel|opmerking|notitie)[\w.-]*)"
    r"(?P<scheiding>\s*[=:]\s*)(?P<waarde>\"[^\"]*\"|'[^']*'|[^\s&;,]+)",
    re.IGNORECASE,
)
_CREDENTIAL = re.compile(r"\b(Token|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}", re.IGNORECASE)
_STANDAARD = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "taskName",
}


def verzoek_id() -> str | None:
    """The id of the request being handled in this thread, if any."""
    return _VERZOEK_ID.get()


def maskeer_tekst(tekst: str) -> str:
    tekst = _CREDENTIAL.sub(lambda m: f"{m.group(1)} {VERWIJDERD}", tekst)
    return _PAAR.sub(lambda m: f"{m.group('naam')}{m.group('scheiding')}{VERWIJDERD}", tekst)


def maskeer(waarde: Any, diepte: int = 0) -> Any:
    """A copy of ``waarde`` with every secret field masked (dicts, lists, requests, text)."""
    if diepte > 6:
        return VERWIJDERD
    if isinstance(waarde, HttpRequest):
        return f"{waarde.method} {waarde.path}"
    if isinstance(waarde, Mapping):
        return {
            k: VERWIJDERD if GEHEIME_NAAM.search(str(k)) else maskeer(v, diepte + 1)
            for k, v in waarde.items()
        }
    if isinstance(waarde, list | tuple | set | frozenset):
        return [maskeer(v, diepte + 1) for v in waarde]
    if isinstance(waarde, str):
        return maskeer_tekst(waarde)
    if isinstance(waarde, bytes):
        return maskeer_tekst(waarde.decode("utf-8", "replace"))
    if waarde is None or isinstance(waarde, bool | int | float):
        return waarde
    return maskeer_tekst(str(waarde))


class GeheimFilter(logging.Filter):
    """Masks secrets and personal notes in every record (see the module's text)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            bericht = record.getMessage()
        except Exception:
            bericht = str(record.msg)
        record.msg, record.args = maskeer_tekst(bericht), ()
        for naam in list(record.__dict__):
            if naam in _STANDAARD:
                continue
            record.__dict__[naam] = (
                VERWIJDERD if GEHEIME_NAAM.search(naam) else maskeer(record.__dict__[naam])
            )
        if record.exc_info:
            tekst = logging.Formatter().formatException(record.exc_info)
            record.exc_info, record.exc_text = None, maskeer_tekst(tekst)
        elif record.exc_text:
            record.exc_text = maskeer_tekst(record.exc_text)
        return True


class VerzoekIdFilter(logging.Filter):
    """Adds ``request_id`` to every record written while a request is handled."""

    def filter(self, record: logging.LogRecord) -> bool:
        rid = verzoek_id()
        if rid is not None and not hasattr(record, "request_id"):
            record.request_id = rid
        return True


def _gebruiker_id(request: HttpRequest) -> int | None:
    gebruiker = request.__dict__.get("user")
    if gebruiker is None:
        return None
    try:
        return int(gebruiker.pk) if gebruiker.is_authenticated else None
    except Exception:
        return None


class VerzoekLogMiddleware:
    """One log line per request, with its id (also in the response header ``X-Request-ID``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        binnen = request.headers.get("X-Request-ID", "")
        rid = binnen if _GELDIG_ID.fullmatch(binnen) else uuid.uuid4().hex
        request.request_id = rid  # type: ignore[attr-defined]
        token = _VERZOEK_ID.set(rid)
        begin = time.monotonic()
        try:
            antwoord = self.get_response(request)
        finally:
            _VERZOEK_ID.reset(token)
        antwoord["X-Request-ID"] = rid
        duur = round((time.monotonic() - begin) * 1000, 1)
        niveau = logging.INFO
        if request.path_info.startswith("/gezondheid/") and antwoord.status_code < 500:
            niveau = logging.DEBUG  # a load balancer asks every few seconds
        logger.log(
            niveau,
            "%s %s %s %.1f ms",
            request.method,
            request.path,
            antwoord.status_code,
            duur,
            extra={
                "request_id": rid,
                "user_id": _gebruiker_id(request),
                "method": request.method,
                "path": request.path,
                "status": antwoord.status_code,
                "duration_ms": duur,
            },
        )
        return antwoord
