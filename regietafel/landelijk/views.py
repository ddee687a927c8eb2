"""The national view (/landelijk/) and the trivial view of the load test (/landelijk/ping/)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from regietafel.audit.gegevensversie import gecached
from regietafel.core import opmaak
from regietafel.core.datum import OngeldigeDatum, lees_datum
from regietafel.core.tabel import Tabel
from regietafel.core.xlsx import xlsx_antwoord
from regietafel.landelijk.grafiek import Grafiek, grafiek
from regietafel.landelijk.permissions import is_landelijk
from regietafel.landelijk.projectie import OVERZICHT, sleutel
from regietafel.landelijk.queries import Landelijk, landelijk, tabel
from regietafel.monitoring import projectie
from regietafel.monitoring.queries import lees_cyclus
from regietafel.pagina import cache_op_gegevens


def _peildatum(request: HttpRequest) -> dt.date | None:
    try:
        return lees_datum(request.GET.get("peildatum", ""))
    except OngeldigeDatum:
        return None


@dataclass(frozen=True)
class Pagina:
    """What the page shows, prepared once per peildatum and data version."""

    o: Landelijk
    t: Tabel
    """The table, each provincie's name linking to its Stand van zaken."""
    grafiek: Grafiek
    keuzes: list[tuple[str, str, bool]]
    """The peildata: (JJJJ-MM-DD, DD-MM-JJJJ, chosen)."""
    excel_url: str


def _pagina(peildatum: dt.date | None, cyclus: int | None = None) -> Pagina:
    o = landelijk(peildatum, cyclus)
    parameters = {"peildatum": f"{o.peildatum:%Y-%m-%d}"} if o.peildatum else {}
    if o.gekozen is not None:
        parameters["cyclus"] = str(o.gekozen.jaar)
    basis = reverse("stand-van-zaken")
    t = tabel(o).met_links(
        [f"{basis}?{urlencode({'provincie': r.provincie.code, **parameters})}" for r in o.rijen]
    )
    return Pagina(
        o=o,
        t=t,
        grafiek=grafiek(o),
        keuzes=[(f"{d:%Y-%m-%d}", opmaak.datum(d), d == o.peildatum) for d in o.peildata],
        excel_url=f"?{urlencode({**parameters, 'formaat': 'xlsx'})}",
    )


@require_GET
@cache_op_gegevens(bewaar=True)
def overzicht(request: HttpRequest) -> HttpResponse:
    if not is_landelijk(request.user):
        raise PermissionDenied("Het landelijk overzicht is voor landelijke gebruikers.")
    peildatum = _peildatum(request)
    jaar, fout = lees_cyclus(request.GET.get("cyclus", ""))
    # The overview, its table and its chart: computed once per peildatum, cyclus and data
    # version; stored by the projection job for the current figures (landelijk.projectie).
    pagina = (projectie.lees(OVERZICHT, sleutel(peildatum), None) if jaar is None else None) or (
        gecached(
            f"landelijk-pagina:{peildatum.isoformat() if peildatum else '-'}"
            + (f":{jaar}" if jaar is not None else ""),
            lambda: _pagina(peildatum, jaar),
        )
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
