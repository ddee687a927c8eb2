"""Helpers for views: what a request is about (its provincie), and HTTP caching keyed on the
data version.

In the shared base above ``gemeenten``, ``accounts`` and ``audit``, whose models and rules it
reads; ``core`` below them knows no app.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from regietafel.accounts.permissions import leest_alles
from regietafel.audit import gegevensversie
from regietafel.gemeenten.models import Provincie

PROVINCIE_CODE = re.compile(r"^PV\d{2}$")


KEUZE = "regietafel_provincie"
"""Session key: the provincie a national user chose last (its CBS code)."""


def provincie_van(request: HttpRequest) -> Provincie:
    """The provincie a page is about.

    ``?provincie=PVnn`` (a CBS code) chooses one: a national user (superuser, beheerder, or a
    user without provincie marked ``landelijk``: ``accounts.permissions.leest_alles``) may
    choose any provincie, and the choice is kept in the session, so the links and forms of
    the page (peildatum, trends, reports) stay in that provincie; another user may name only
    its own provincie, any other code is a 404. Without the parameter: the user's own
    provincie, a national user's last choice, else the configured default (the demo: Drenthe).
    """
    eigen: Provincie | None = getattr(request.user, "provincie", None)
    sessie = getattr(request, "session", None)
    if code := request.GET.get("provincie"):
        if not PROVINCIE_CODE.match(code):
            raise Http404("Onbekende provincie.")
        if eigen is not None and eigen.code == code:
            return eigen
        if not leest_alles(request.user):
            raise Http404("U kunt alleen de cijfers van uw eigen provincie inzien.")
        gekozen = Provincie.objects.filter(code=code).first()
        if gekozen is None:
            raise Http404(f"Provincie {code} bestaat niet.")
        if sessie is not None and sessie.get(KEUZE) != gekozen.code:
            sessie[KEUZE] = gekozen.code
        return gekozen
    if eigen is not None:
        return eigen
    if sessie is not None and (keuze := sessie.get(KEUZE)) and leest_alles(request.user):
        gekozen = Provincie.objects.filter(code=keuze).first()
        if gekozen is not None:
            return gekozen
    provincie = Provincie.objects.filter(naam=settings.REGIETAFEL_PROVINCIE).first()
    if provincie is None:
        raise Http404(
            "Er is nog geen provincie geladen. Laad de demo met `regietafel demo drenthe`."
        )
    return provincie


# --- HTTP caching keyed on the data version ------------------------------------------------


def _versie(request: HttpRequest) -> tuple[str, dt.datetime | None]:
    """The data version (``audit.gegevensversie``) and the moment of the newest change, once
    per request."""
    if not hasattr(request, "_regietafel_versie"):
        request._regietafel_versie = gegevensversie.versie_en_moment()  # type: ignore[attr-defined]
    return request._regietafel_versie  # type: ignore[attr-defined,no-any-return]


def data_versie(request: HttpRequest) -> str:
    """The data version as this request read it (one query per request, however many
    cached results it asks)."""
    return _versie(request)[0]


def _etag(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    # The session, not only the user: the page holds the session's CSRF token (logout form).
    sessie = getattr(request, "session", None)
    sleutel = "|".join(
        (
            _versie(request)[0],
            getattr(sessie, "session_key", None) or "",
            sessie.get(KEUZE, "") if sessie is not None else "",  # the chosen provincie
            request.get_full_path(),
        )
    )
    return hashlib.sha256(sleutel.encode()).hexdigest()[:32]


def _last_modified(request: HttpRequest, *args: Any, **kwargs: Any) -> dt.datetime | None:
    return _versie(request)[1]


PAGINA_SECONDEN = 600


def _bewaard(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Keep the rendered page in the server cache under its ETag (data version, session,
    chosen provincie, URL): the same user asking again before any write gets the same bytes
    without rendering. Only a plain 200 HTML page without a CSP nonce and without pending
    messages is kept; inside a transaction (tests) nothing is kept."""

    @functools.wraps(view)
    def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from django.core.cache import cache

        sessie = getattr(request, "session", None)
        bruikbaar = (
            request.method == "GET"
            and sessie is not None
            and sessie.session_key
            and "messages" not in request.COOKIES
            and "_messages" not in sessie
            and gegevensversie.cache_actief()
        )
        if not bruikbaar:
            return view(request, *args, **kwargs)
        sleutel = f"regietafel:pagina:{_etag(request)}"
        if (bewaard := cache.get(sleutel)) is not None:
            inhoud, soort = bewaard
            return HttpResponse(inhoud, content_type=soort)
        antwoord = view(request, *args, **kwargs)
        if (
            antwoord.status_code == 200
            and not antwoord.streaming
            and antwoord.get("Content-Type", "").startswith("text/html")
            and not antwoord.has_header("Content-Disposition")
            and b'nonce="' not in antwoord.content
        ):
            cache.set(sleutel, (antwoord.content, antwoord["Content-Type"]), PAGINA_SECONDEN)
        return antwoord

    return inner


def cache_op_gegevens(
    view: Callable[..., HttpResponse] | None = None, *, bewaar: bool = False
) -> Any:
    """Conditional GET for a page that shows stored figures only: ETag (data version, session,
    URL) and Last-Modified (the newest change), ``Cache-Control: private, no-cache`` — the
    browser keeps the page for this user only and asks every time; unchanged data is a 304
    without rendering. Not for pages with a CSP nonce (an inline ``<style nonce>``): a cached
    page keeps the old nonce. ``bewaar=True`` also keeps the rendered page on the server
    (``_bewaard``), for a page that is expensive to render, such as the Stand van zaken.

    Use as ``@cache_op_gegevens`` or ``@cache_op_gegevens(bewaar=True)``."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        kern = _bewaard(view) if bewaar else view
        voorwaardelijk = condition(etag_func=_etag, last_modified_func=_last_modified)(kern)

        @functools.wraps(view)
        def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            antwoord: HttpResponse = voorwaardelijk(request, *args, **kwargs)
            if antwoord.status_code in (200, 304):
                patch_cache_control(antwoord, private=True, no_cache=True)
            return antwoord

        return inner

    return decorator(view) if view is not None else decorator


def parameters_behalve(request: HttpRequest, *namen: str) -> list[tuple[str, str]]:
    """The query parameters of ``request`` except ``namen`` (and ``formaat``): the hidden
    fields of a small GET form that changes one choice and keeps the others."""
    weg = {*namen, "formaat"}
    return [(k, v) for k, waarden in request.GET.lists() if k not in weg for v in waarden]
