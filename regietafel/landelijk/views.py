"""The national view (/landelijk/) and the trivial view of the load test (/landelijk/ping/)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from regietafel.audit.gegevensversie import gecached
from regietafel.core import opmaak
from regietafel.core.datum import OngeldigeDatum, lees_datum
from regietafel.core.tabel import CelWeergave, Tabel
from regietafel.core.xlsx import xlsx_antwoord
from regietafel.landelijk.grafiek import Grafiek, grafiek
from regietafel.landelijk.permissions import is_landelijk
from regietafel.landelijk.queries import Landelijk, landelijk, tabel
from regietafel.monitoring.queries import lees_cyclus
from regietafel.pagina import cache_op_gegevens


def _peildatum(request: HttpRequest) -> dt.date | None:
    try:
        return lees_datum(request.GET.get("peildatum", ""))
    except OngeldigeDatum:
        return None


@dataclass(frozen=True)
class Pagina:
    """What the page shows, prepared once per peildatum and data version (rendering the
    dates of 60 peildata and the cells through template filters costs more than the data)."""

    o: Landelijk
    t: Tabel
    grafiek: Grafiek
    rijen: list[tuple[str, list[CelWeergave]]]
    """Per provincie: the link to its Stand van zaken, and the cells."""
    totaal: list[CelWeergave]
    keuzes: list[tuple[str, str, bool]]
    """The peildata: (JJJJ-MM-DD, DD-MM-JJJJ, chosen)."""


def _pagina(peildatum: dt.date | None, cyclus: int | None = None) -> Pagina:
    o = landelijk(peildatum, cyclus)
    t = tabel(o)
    achter = f"&peildatum={o.peildatum:%Y-%m-%d}" if o.peildatum else ""
    if o.gekozen is not None:
        achter += f"&cyclus={o.gekozen.jaar}"
    basis = reverse("stand-van-zaken")
    return Pagina(
        o=o,
        t=t,
        grafiek=grafiek(o),
        rijen=[
            (f"{basis}?provincie={r.provincie.code}{achter}", cellen)
            for r, cellen in zip(o.rijen, t.weergave_rijen, strict=True)
        ],
        totaal=t.weergave_totaal,
        keuzes=[(f"{d:%Y-%m-%d}", opmaak.datum(d), d == o.peildatum) for d in o.peildata],
    )


@require_GET
@cache_op_gegevens(bewaar=True)
def overzicht(request: HttpRequest) -> HttpResponse:
    if not is_landelijk(request.user):
        raise PermissionDenied("Het landelijk overzicht is voor landelijke gebruikers.")
    peildatum = _peildatum(request)
    jaar, fout = lees_cyclus(request.GET.get("cyclus", ""))
    # The overview, its table and its chart: computed once per peildatum, cyclus and data
    # version.
    pagina = gecached(
        f"landelijk-pagina:{peildatum.isoformat() if peildatum else '-'}"
        + (f":{jaar}" if jaar is not None else ""),
        lambda: _pagina(peildatum, jaar),
    )
    o, t = pagina.o, pagina.t
    if request.GET.get("formaat") == "xlsx":
        datum = f"{o.peildatum:%Y-%m-%d}" if o.peildatum else "leeg"
        if o.gekozen is not None:
            datum += f"-cyclus-{o.gekozen.jaar}"
        antwoord = xlsx_antwoord(
            [t], bestandsnaam=f"landelijk-{datum}.xlsx", titel="Landelijk overzicht"
        )
    else:
        antwoord = render(
            request,
            "landelijk/overzicht.html",
            {
                "o": o,
                "t": t,
                "p": pagina,
                "fout": " ".join(m for m in (fout, o.melding) if m),
            },
        )
    return antwoord


@require_GET
def ping(request: HttpRequest) -> HttpResponse:
    """The trivial authenticated view of ``make bench``: no database work beyond the
    session and the user (LoginRequiredMiddleware has loaded both)."""
    antwoord = HttpResponse(f"ok {request.user.get_username()}\n", content_type="text/plain")
    patch_cache_control(antwoord, private=True, no_store=True)
    return antwoord
