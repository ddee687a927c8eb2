"""The dashboard's page (Stand van zaken) in two parts: the part that depends only on the
figures, rendered once into HTML, and the shell that depends on the request (the user, the
menu, the CSRF token, the request's own messages, the Excel links that keep its query).

``maak(stand, tabellen)`` renders the data part by the same templates the page always used
(``_stand_voor.html`` above the messages, ``_stand_na.html`` below the signals) and keeps the
plain values the view needs. The stored projection (``monitoring.standprojectie``) holds a
``StandPagina``; a request unpickles strings, dates and bytes, never a model instance. The
Excel links carry the request's own query parameters, so the stored HTML has a gap in their
place that ``StandPagina.na_voor(request)`` fills per request.

A stand computed in the request (``?bekend_op=``, ``?cyclus=``, no current projection) is
rendered by the same ``maak``, with the request at hand: no gaps.
"""

from __future__ import annotations

import datetime as dt
import html
import pickle
import re
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_plus

from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from regietafel.core import opmaak
from regietafel.core.excelpagina import CONTEXT_PARAMETERS, CONTEXT_SLEUTEL
from regietafel.core.inlas import inlassen, plek
from regietafel.core.signalen import Signaal
from regietafel.core.tabel import Tabel
from regietafel.core.templatetags.excel import excel_urls
from regietafel.monitoring.queries import StandVanZaken

GAT = "\x00"
"""The path of the stand-in request the stored HTML is rendered with: it marks the Excel
links (``core.templatetags.excel.excel_url``), cut out and filled per request."""

_EXCEL_GAT = re.compile(r"\x00\?formaat=xlsx(?:&amp;tabel=([^\"&]*))?")


class _GatRequest:
    """What ``excel_url`` reads of a request: a path that marks the link, no parameters."""

    path = GAT
    GET = QueryDict()


def omgeving() -> tuple[str, str]:
    """What the rendered HTML depends on besides the figures: the language (``{% translate
    %}``, month names) and the script prefix (``{% url %}``). A stored page made in another
    one is not served."""
    return get_language() or "", get_script_prefix()


def gekozen_jaar(stand: StandVanZaken) -> int | None:
    """The year of the cyclus chosen instead of the one in force (None: the default)."""
    return stand.cyclus_keuze.jaar if stand.cyclus_keuze else None


def kop(stand: StandVanZaken) -> str:
    """ "Stand van zaken Drenthe per 01-11-2025, zoals bekend op 05-12-2025" (", opgave
    cyclus 2026" when another cyclus than the one in force was chosen)."""
    titel = f"Stand van zaken {stand.provincie.naam} per {opmaak.datum(stand.peildatum)}"
    if stand.bekend_op:
        titel += f", zoals bekend op {opmaak.datum(stand.bekend_op)}"
    if gekozen := gekozen_jaar(stand):
        titel += f", opgave cyclus {gekozen}"
    return titel


def rapport_query(stand: StandVanZaken) -> str:
    """The query string of the report downloads for this stand."""
    parameters = {"peildatum": stand.peildatum.isoformat()}
    if stand.bekend_op:
        parameters["bekend_op"] = stand.bekend_op.isoformat()
    if gekozen := gekozen_jaar(stand):
        parameters["cyclus"] = str(gekozen)
    return urlencode(parameters)


def bestandsnaam(stand: StandVanZaken) -> str:
    """The workbook's name: ``stand-van-zaken-Drenthe-2025-11-01`` (and how it was chosen)."""
    bekend = f"-bekend-op-{stand.bekend_op:%Y-%m-%d}" if stand.bekend_op else ""
    if gekozen := gekozen_jaar(stand):
        bekend += f"-cyclus-{gekozen}"
    return f"stand-van-zaken-{stand.provincie.naam}-{stand.peildatum:%Y-%m-%d}{bekend}"


@dataclass(frozen=True)
class StandPagina:
    """The dashboard of one stand: plain values and its data part as HTML."""

    provincie: str
    titel: str
    peildatum: dt.date
    met_cijfers: bool
    """The peildatum has figures stored (else the page says it shows older ones)."""
    melding: str
    """The cyclus choice's message ("" for none)."""
    bestandsnaam: str
    voor: bytes
    """The HTML above the request's messages (UTF-8)."""
    na: tuple[bytes, ...]
    """The HTML below the signals (UTF-8), cut at its Excel links: one more part than
    ``excel``."""
    excel: tuple[str, ...]
    """The tables of those links ("": every table of the page)."""
    omgeving: tuple[str, str]
    inhoud: bytes | tuple[StandVanZaken, list[Tabel]]
    """The stand and its tables (pickled and compressed when stored): for the workbook and
    for the national overview, unpickled only when asked."""

    def stand_en_tabellen(self) -> tuple[StandVanZaken, list[Tabel]]:
        if isinstance(self.inhoud, bytes):
            # our own projection (``maak``)
            stand, tabellen = pickle.loads(zlib.decompress(self.inhoud))
            return stand, tabellen
        return self.inhoud

    def tabellen(self) -> list[Tabel]:
        return self.stand_en_tabellen()[1]

    def na_voor(self, request: HttpRequest) -> bytes:
        """``na`` with the Excel links of this request (they keep its query parameters)."""
        urls = excel_urls(request, self.excel)
        delen = [self.na[0]]
        for sleutel, tekst in zip(self.excel, self.na[1:], strict=True):
            delen += [escape(urls[sleutel]).encode(), tekst]
        return b"".join(delen)


def antwoord(request: HttpRequest, pagina: StandPagina, fout: str, signalen: str) -> HttpResponse:
    """The page: the shell (``stand_van_zaken.html``: the user's menu, the CSRF token, the
    request's messages) rendered for this request, the stored HTML put in as bytes
    (``core.inlas``: a page of 170 kB costs less in one join than through the template and
    its encoding)."""
    shell = render_to_string(
        "monitoring/stand_van_zaken.html",
        {
            "provincie": pagina.provincie,
            "voor": plek("voor"),
            "fout": fout,
            "signalen": mark_safe(signalen),  # rendered by _stand_signalen.html
            "na": plek("na"),
        },
        request,
    )
    return inlassen(HttpResponse(shell), {"voor": pagina.voor, "na": pagina.na_voor(request)})


def _context(
    stand: StandVanZaken, tabellen: list[Tabel], request: HttpRequest | _GatRequest
) -> dict[str, Any]:
    return {
        "stand": stand,
        "kop": kop(stand),
        "rapport_query": rapport_query(stand),
        "keuze": stand.cyclus_keuze,
        "gekozen_jaar": gekozen_jaar(stand),
        "request": request,
        CONTEXT_SLEUTEL: {t.sleutel: t for t in tabellen},
        CONTEXT_PARAMETERS: {},
    }


def _gaten(na: str) -> tuple[tuple[bytes, ...], tuple[str, ...]]:
    """``na`` cut at the marked Excel links: its parts and the links' tables between them."""
    delen, tabellen = [], []
    begin = 0
    for m in _EXCEL_GAT.finditer(na):
        delen.append(na[begin : m.start()].encode())
        tabellen.append(unquote_plus(html.unescape(m.group(1) or "")))
        begin = m.end()
    delen.append(na[begin:].encode())
    if any(GAT.encode() in d for d in delen):
        raise ValueError("standpagina: een Excel-link die niet als gat te herkennen is")
    return tuple(delen), tuple(tabellen)


def maak(
    stand: StandVanZaken, tabellen: list[Tabel], request: HttpRequest | None = None
) -> StandPagina:
    """The page of ``stand``: for this request (its Excel links in place), or without one to
    be stored (the links left as gaps, the stand and tables pickled)."""
    context = _context(stand, tabellen, request if request is not None else _GatRequest())
    voor = render_to_string("monitoring/_stand_voor.html", context)
    na = render_to_string("monitoring/_stand_na.html", context)
    if GAT in voor:
        raise ValueError("standpagina: een Excel-link boven de meldingen")
    na_delen, excel = ((na.encode(),), ()) if request is not None else _gaten(na)
    return StandPagina(
        provincie=str(stand.provincie),
        titel=kop(stand),
        peildatum=stand.peildatum,
        met_cijfers=stand.peildatum in stand.peildata,
        melding=stand.cyclus_keuze.melding if stand.cyclus_keuze else "",
        bestandsnaam=bestandsnaam(stand),
        voor=voor.encode(),
        na=na_delen,
        excel=excel,
        omgeving=omgeving(),
        inhoud=(
            (stand, tabellen)
            if request is not None
            # compressed on its own: a request for the page does not decompress it
            else zlib.compress(pickle.dumps((stand, tabellen), protocol=pickle.HIGHEST_PROTOCOL), 1)
        ),
    )


def signalen_html(signalen: list[Signaal]) -> str:
    """The signals' section of the page ("" … a newline when there are none)."""
    return str.__str__(render_to_string("monitoring/_stand_signalen.html", {"signalen": signalen}))
