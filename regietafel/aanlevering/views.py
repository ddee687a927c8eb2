"""The upload page: choose, upload, see what would change, confirm. Works without JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from regietafel.aanlevering import opslag
from regietafel.aanlevering.forms import SOORT_UITLEG, BevestigFormulier, UploadFormulier
from regietafel.aanlevering.permissions import mag_aanleveren
from regietafel.aanlevering.services import Samenvatting, importeer, laatste_aanleveringen

MAX_GETOOND = 500
"""Rows of the preview table; more are counted, not listed."""


def _vereis_aanleveraar(request: HttpRequest) -> None:
    if not mag_aanleveren(request.user):
        raise PermissionDenied("U mag geen cijfers aanleveren.")


def _formulierpagina(
    request: HttpRequest,
    form: UploadFormulier,
    *,
    fouten: Any = (),
    melding: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "aanlevering/aanleveren.html",
        {
            "form": form,
            "fouten": fouten,
            "melding": melding,
            "uitleg": SOORT_UITLEG,
            "aanleveringen": laatste_aanleveringen(),
        },
        status=status,
    )


def _context(samenvatting: Samenvatting) -> dict[str, Any]:
    veranderingen = samenvatting.veranderingen
    return {
        "s": samenvatting,
        "veranderingen": veranderingen[:MAX_GETOOND],
        "niet_getoond": max(0, len(veranderingen) - MAX_GETOOND),
    }


@require_http_methods(["GET", "POST"])
def aanleveren(request: HttpRequest) -> HttpResponse:
    _vereis_aanleveraar(request)
    if request.method != "POST":
        return _formulierpagina(request, UploadFormulier())
    form = UploadFormulier(request.POST, request.FILES)
    if not form.is_valid():
        return _formulierpagina(request, form)
    bestand = form.cleaned_data["bestand"]
    naam = Path(bestand.name).name[:200]
    data = bestand.read()
    samenvatting = importeer(
        form.cleaned_data["soort"],
        data,
        door=request.user,
        dry_run=True,
        bestandsnaam=naam,
        peildatum=form.cleaned_data.get("peildatum"),
    )
    if samenvatting.fouten:
        return _formulierpagina(request, form, fouten=samenvatting.fouten)
    ext = opslag.extensie(naam)
    if samenvatting.verandert_iets:
        opslag.bewaar(data, ext)
    context = _context(samenvatting)
    context["bevestig"] = {
        "soort": form.cleaned_data["soort"],
        "checksum": samenvatting.checksum,
        "extensie": ext,
        "bestandsnaam": naam,
        "peildatum": form.cleaned_data.get("peildatum"),
    }
    return render(request, "aanlevering/voorbeeld.html", context)


@require_POST
def bevestigen(request: HttpRequest) -> HttpResponse:
    _vereis_aanleveraar(request)
    form = BevestigFormulier(request.POST)
    if not form.is_valid():
        return _formulierpagina(
            request,
            UploadFormulier(),
            melding="De bevestiging is onvolledig of ongeldig. Lever het bestand opnieuw aan.",
            status=400,
        )
    gegevens = form.cleaned_data
    data = opslag.lees(gegevens["checksum"], gegevens["extensie"])
    if data is None:
        return _formulierpagina(
            request,
            UploadFormulier(),
            melding="Het bestand is niet meer beschikbaar: het is al verwerkt of de bevestiging "
            "kwam te laat. Lever het opnieuw aan als u het nog wilt opslaan.",
            status=409,
        )
    samenvatting = importeer(
        gegevens["soort"],
        data,
        door=request.user,
        bestandsnaam=gegevens["bestandsnaam"],
        peildatum=gegevens.get("peildatum"),
    )
    if samenvatting.fouten:
        return _formulierpagina(request, UploadFormulier(), fouten=samenvatting.fouten)
    opslag.verwijder(gegevens["checksum"], gegevens["extensie"])
    return render(request, "aanlevering/resultaat.html", _context(samenvatting))
