"""The national Stand van zaken for national users: the document on a page, and its PDF, Word
and Excel made by a job and stored per data version (as the provincial downloads)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from regietafel.core import opmaak
from regietafel.core.datum import OngeldigeDatum, lees_datum
from regietafel.domain.maanden import eerste_van_maand
from regietafel.landelijk.permissions import is_landelijk
from regietafel.landelijk.queries import landelijk
from regietafel.monitoring.queries import lees_cyclus
from regietafel.rapportage import taken as rapport_taken
from regietafel.rapportage.queries import GeenGegevens
from regietafel.rapportage.stand_landelijk import controleer_landelijk, landelijk_document
from regietafel.rapportage.uitvoer import NAMEN
from regietafel.rapportage.views import stand_van_zaken_links
from regietafel.taken import services as taken_services
from regietafel.taken.views import bestand_of_status


def _keuze(request: HttpRequest) -> tuple[dt.date, int | None]:
    """``?peildatum`` (default: the newest of any provincie) and ``?cyclus``; 403 for a
    provincial user, 404 for a date or cyclus without figures."""
    if not is_landelijk(request.user):
        raise PermissionDenied("De landelijke stand van zaken is voor landelijke gebruikers.")
    jaar, fout = lees_cyclus(request.GET.get("cyclus", ""))
    if fout:
        raise Http404(fout)
    raw = request.GET.get("peildatum", "")
    if raw:
        try:
            return eerste_van_maand(lees_datum(raw, wat="peildatum")), jaar
        except OngeldigeDatum as exc:
            raise Http404(str(exc)) from exc
    peildatum = landelijk(None, jaar).peildatum
    if peildatum is None:
        raise Http404("Er zijn nog geen cijfers opgeslagen.")
    return peildatum, jaar


def links(peildatum: dt.date, cyclus: int | None = None) -> list[tuple[str, str]]:
    """(label, url) of the downloads of the national Stand van zaken."""
    return stand_van_zaken_links(
        peildatum, cyclus=cyclus, download="rapportage:stand-landelijk-download"
    )


@require_GET
def landelijk_view(request: HttpRequest) -> HttpResponse:
    peildatum, cyclus = _keuze(request)
    try:
        document = landelijk_document(peildatum, cyclus=cyclus)
    except GeenGegevens as exc:
        raise Http404(str(exc)) from exc
    return render(
        request,
        "rapportage/voorbeeld.html",
        {"document": document, "links": links(peildatum, cyclus)},
    )


@require_GET
def landelijk_download_view(request: HttpRequest, formaat: str) -> HttpResponse:
    """The stored document of the current data version at once; otherwise a job makes it."""
    peildatum, cyclus = _keuze(request)

    def vooraf() -> None:
        try:
            controleer_landelijk(peildatum, cyclus)
        except GeenGegevens as exc:
            raise Http404(str(exc)) from exc

    terug = (
        f"{reverse('rapportage:stand-landelijk')}?{urlencode({'peildatum': peildatum.isoformat()})}"
    )
    taak = taken_services.document(
        door=request.user,
        soort=rapport_taken.LANDELIJK,
        sleutel=rapport_taken.landelijk_sleutel(peildatum, formaat, cyclus),
        omschrijving=(
            f"Stand van zaken Nederland, peildatum {opmaak.datum(peildatum)}"
            + (f", opgave cyclus {cyclus}" if cyclus is not None else "")
            + f" ({NAMEN[formaat]})"
        ),
        parameters={
            "peildatum": peildatum.isoformat(),
            "formaat": formaat,
            **({"cyclus": cyclus} if cyclus is not None else {}),
        },
        terug_url=terug,
        vooraf=vooraf,
    )
    return bestand_of_status(taak)
