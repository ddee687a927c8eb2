"""The error pages: 400, 403 (with the reason), 404, 429, 500 and a failed CSRF check.

Dutch, in the site layout, with the menu where the user is known (``handler400`` …
``handler500`` in ``regietafel/urls.py``, ``CSRF_FAILURE_VIEW`` in the settings). The API
answers its errors itself, as problem details (``regietafel/api/problemen.py``).

The 500 page must render when the database is what failed: it renders with the request
(menu, user) only if that works, and otherwise without it (the layout without menu).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_plus

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import Resolver404

logger = logging.getLogger(__name__)

SJABLOON = "fouten/fout.html"


@dataclass(frozen=True)
class Fout:
    status: int
    titel: str
    uitleg: str


BAD_REQUEST = Fout(
    400,
    "Ongeldig verzoek",
    "Dit verzoek kon niet worden verwerkt: het adres of de meegestuurde gegevens kloppen niet. "
    "Controleer het adres, of ga terug en probeer het opnieuw.",
)
GEEN_TOEGANG = Fout(
    403,
    "Geen toegang",
    "U heeft geen toegang tot deze pagina of handeling.",
)
NIET_GEVONDEN = Fout(
    404,
    "Pagina niet gevonden",
    "Deze pagina bestaat niet (meer), of is niet voor u bestemd. Controleer het adres.",
)
TE_VEEL = Fout(
    429,
    "Te veel verzoeken",
    "U heeft in korte tijd te veel verzoeken gedaan. Wacht even en probeer het dan opnieuw.",
)
SERVERFOUT = Fout(
    500,
    "Er ging iets mis",
    "Er is aan onze kant een fout opgetreden; de fout is vastgelegd. Probeer het later "
    "opnieuw. Blijft het misgaan, neem dan contact op met de beheerder.",
)
CSRF = Fout(
    403,
    "Formulier niet verwerkt",
    "Het formulier is niet verwerkt, omdat de beveiligingscontrole van het formulier "
    "mislukte. Dat gebeurt als de pagina lang heeft opengestaan, als u intussen opnieuw "
    "bent ingelogd of als uw browser geen cookies van deze site toestaat. Ga terug, laad de "
    "pagina opnieuw en probeer het nog eens.",
)

_DJANGO_404 = re.compile(r"^No .* matches the given query\.$")
"""``get_object_or_404``'s own message: English, and it names a model."""


def _reden(exception: BaseException | None) -> str:
    """The message a view raised (``PermissionDenied("U mag …")``, ``Http404("Onbekende
    provincie.")``); empty for the resolver's 404, which holds the URL patterns, and for
    Django's English default."""
    if exception is None or isinstance(exception, Resolver404) or not exception.args:
        return ""
    reden = exception.args[0]
    if not isinstance(reden, str) or _DJANGO_404.match(reden):
        return ""
    return reden


def foutpagina(request: HttpRequest, fout: Fout, reden: str = "") -> HttpResponse:
    """The error page ``fout`` in the site layout; ``reden``: the Dutch reason, if any."""
    context: dict[str, Any] = {"fout": fout, "reden": reden}
    try:
        inhoud = render_to_string(SJABLOON, context, request=request)
    except Exception:  # the database, the session or the menu failed: the bare layout
        logger.warning("Foutpagina %s zonder gebruiker getoond", fout.status, exc_info=True)
        inhoud = render_to_string(SJABLOON, {**context, "zonder_verzoek": True})
    return HttpResponse(inhoud, status=fout.status)


def verkeerd_verzoek(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    """``handler400``: a form or parser refused the request (``SuspiciousOperation``,
    ``BadRequest``). Their messages are Django's, in English: not shown."""
    return foutpagina(request, BAD_REQUEST)


def geen_toegang(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    """``handler403``: with the Dutch reason of the ``PermissionDenied`` the view raised."""
    return foutpagina(request, GEEN_TOEGANG, _reden(exception))


def niet_gevonden(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    """``handler404``: with the reason of the ``Http404`` a view raised (the resolver's own
    404 names the URL patterns: never shown)."""
    reden = _reden(exception) if isinstance(exception, Http404) else ""
    return foutpagina(request, NIET_GEVONDEN, reden)


def serverfout(request: HttpRequest) -> HttpResponse:
    """``handler500``."""
    return foutpagina(request, SERVERFOUT)


def te_veel_verzoeken(request: HttpRequest, *, wacht_seconden: int) -> HttpResponse:
    """429 for a rate limit, with ``Retry-After`` (the login lockout of django-axes has its
    own page: ``accounts.views.geblokkeerd``, in the same layout)."""
    minuten = -(-wacht_seconden // 60)
    reden = (
        f"Probeer het over {minuten} minuut opnieuw."
        if minuten == 1
        else f"Probeer het over {minuten} minuten opnieuw."
    )
    antwoord = foutpagina(request, TE_VEEL, reden)
    antwoord["Retry-After"] = str(wacht_seconden)
    return antwoord


def csrf_mislukt(request: HttpRequest, reason: str = "") -> HttpResponse:
    """``CSRF_FAILURE_VIEW``: Django's reason is English and technical; the page explains."""
    return foutpagina(request, CSRF)


def heeft_nulteken(request: HttpRequest) -> bool:
    """A NUL character in the path or the query (``%00``): no id, name or date holds one, and
    PostgreSQL refuses it in any text comparison (a 500 instead of a 400)."""
    return "\x00" in request.path or "\x00" in unquote_plus(request.META.get("QUERY_STRING", ""))


class GeenNultekenMiddleware:
    """400 (the Dutch page) for a request with a NUL character in its path or query, before
    any view lets it reach the database. The API answers the same as problem details
    (``regietafel.api.middleware``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if heeft_nulteken(request):
            return verkeerd_verzoek(request)
        return self.get_response(request)
