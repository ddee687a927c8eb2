"""Health checks for a load balancer or an orchestrator, without login and cheap:

- ``/gezondheid/`` (liveness): the process answers. 200 JSON, no database, no broker.
- ``/gezondheid/gereed/`` (readiness): the database, the queue's broker and the shared storage
  answer. 200 JSON when all do; 503 JSON naming what fails (in Dutch, without internal
  details: those go to the log).

:class:`GezondheidMiddleware` sits first in ``MIDDLEWARE`` and answers these two paths itself:
no session, no login, no host check (a load balancer asks by IP address, which
``ALLOWED_HOSTS`` would refuse), no https redirect (it asks over plain http). The same views are
also in the URL patterns (``regietafel/urls.py``), so they have names and a place in the role
matrix.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

LEEFT = "/gezondheid/"
GEREED = "/gezondheid/gereed/"
TIMEOUT = 3
"""Seconds a check may take (the broker's connect timeout)."""


def _json(inhoud: dict[str, Any], status: int = 200) -> JsonResponse:
    antwoord = JsonResponse(inhoud, status=status, json_dumps_params={"ensure_ascii": False})
    antwoord["Cache-Control"] = "no-store"
    return antwoord


def _alleen_lezen(request: HttpRequest) -> JsonResponse | None:
    if request.method in ("GET", "HEAD"):
        return None
    antwoord = _json({"status": "fout", "melding": "Alleen GET en HEAD."}, status=405)
    antwoord["Allow"] = "GET, HEAD"
    return antwoord


# --- the checks: each returns None when fine, or raises ----------------------------------------


def controleer_database() -> None:
    verbinding = connections["default"]
    try:
        with verbinding.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        verbinding.close()  # a dropped persistent connection: the next request opens a new one
        raise


def controleer_wachtrij() -> None:
    url = str(getattr(settings, "CELERY_BROKER_URL", "") or "")
    if url.startswith("filesystem://"):
        opties = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {}
        for sleutel in ("data_folder_in", "control_folder"):
            map_ = Path(str(opties.get(sleutel, "")))
            if not map_.is_dir() or not os.access(map_, os.W_OK):
                raise OSError(f"map {sleutel} niet schrijfbaar")
        return
    from kombu import Connection

    opties = dict(getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {})
    opties.update(socket_connect_timeout=TIMEOUT, socket_timeout=TIMEOUT)
    with Connection(url, connect_timeout=TIMEOUT, transport_options=opties) as verbinding:
        verbinding.ensure_connection(max_retries=1, timeout=TIMEOUT)
        kanaal = verbinding.default_channel
        client = getattr(kanaal, "client", None)
        if client is not None and hasattr(client, "ping"):
            client.ping()  # Redis: the connection alone may be lazy


def controleer_opslag() -> None:
    from regietafel.core.opslag import controleer

    controleer()


CONTROLES: dict[str, Callable[[], None]] = {
    "database": controleer_database,
    "wachtrij": controleer_wachtrij,
    "opslag": controleer_opslag,
}
NAMEN = {"database": "de database", "wachtrij": "de wachtrij (broker)", "opslag": "de opslag"}


# --- the views ---------------------------------------------------------------------------------


@login_not_required
@never_cache
def leeft(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers; nothing else is asked."""
    return _alleen_lezen(request) or _json({"status": "ok"})


@login_not_required
@never_cache
def gereed(request: HttpRequest) -> HttpResponse:
    """Readiness: database, broker and storage, each timed; 503 names what fails."""
    if (fout := _alleen_lezen(request)) is not None:
        return fout
    controles: dict[str, dict[str, Any]] = {}
    for naam, controle in CONTROLES.items():
        begin = time.monotonic()
        try:
            controle()
        except Exception as exc:
            logger.warning("gereedheid: %s faalt", naam, exc_info=True)
            controles[naam] = {
                "status": "fout",
                "melding": f"{NAMEN[naam]} is niet bereikbaar ({type(exc).__name__}).",
            }
        else:
            controles[naam] = {"status": "ok"}
        controles[naam]["duur_ms"] = round((time.monotonic() - begin) * 1000, 1)
    falend = [naam for naam, uitkomst in controles.items() if uitkomst["status"] != "ok"]
    if falend:
        inhoud = {
            "status": "niet gereed",
            "melding": "Niet bereikbaar: " + ", ".join(NAMEN[n] for n in falend) + ".",
            "controles": controles,
        }
        return _json(inhoud, status=503)
    return _json({"status": "gereed", "controles": controles})


class GezondheidMiddleware:
    """Answers the two health paths before any other middleware (see the module's text)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == LEEFT:
            return leeft(request)
        if request.path_info == GEREED:
            return gereed(request)
        return self.get_response(request)
