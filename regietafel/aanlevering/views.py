"""The upload page: choose, upload, see what would change, confirm. Works without JavaScript.

A refused upload answers with the form and the Dutch reasons: 400 for an incomplete or
invalid form (no file, a wrong extension), 422 for a file whose content is refused. What the
confirmation imports — the kind, the file's name and extension, the peildatum — is kept with
the user's session when the preview is shown; the confirmation only names the file by its
checksum, so neither another user nor a changed form field can alter it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from regietafel.aanlevering import opslag, voorbeelden
from regietafel.aanlevering import taken as aanlever_taken
from regietafel.aanlevering.forms import SOORT_UITLEG, BevestigFormulier, UploadFormulier
from regietafel.aanlevering.importeren import Samenvatting
from regietafel.aanlevering.permissions import mag_aanleveren
from regietafel.aanlevering.queries import laatste_aanleveringen
from regietafel.aanlevering.services import importeer
from regietafel.aanlevering.tabellen import aanleveringen_tabel, veranderingen_tabel
from regietafel.aanlevering.voorbeelden import Voorbeeld
from regietafel.core.excelpagina import pagina_met_excel, vraagt_xlsx, xlsx_van_pagina
from regietafel.taken import services as taken_services

MAX_GETOOND = 500
"""Rows of the preview table; more are counted, not listed."""
ONGELDIG_FORMULIER = 400
GEWEIGERD_BESTAND = 422
NIET_BESCHIKBAAR = (
    "Het bestand is niet meer beschikbaar: het is al verwerkt of de bevestiging kwam te laat. "
    "Lever het opnieuw aan als u het nog wilt opslaan."
)


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
    aanleveringen = laatste_aanleveringen(request.user)
    return pagina_met_excel(
        request,
        "aanlevering/aanleveren.html",
        {
            "form": form,
            "fouten": fouten,
            "melding": melding,
            "uitleg": SOORT_UITLEG,
            "aanleveringen": aanleveringen,
        },
        tabellen=[aanleveringen_tabel(aanleveringen)] if aanleveringen else [],
        bestandsnaam="laatste-aanleveringen",
        titel="Laatste aanleveringen",
        status=status,
    )


def _checksum(gegevens: Any) -> str | None:
    """The checksum a confirmation (or the preview's Excel link) names; None if malformed."""
    form = BevestigFormulier(gegevens)
    return form.cleaned_data["checksum"] if form.is_valid() else None


def _voorbeeld_xlsx(request: HttpRequest) -> HttpResponse:
    """The preview's table again, from the stored (not yet confirmed) file: a GET with the
    checksum of an upload previewed in this session. A dry run: nothing is written."""
    checksum = _checksum(request.GET)
    voorbeeld = voorbeelden.zoek(request.session, checksum) if checksum else None
    if voorbeeld is None:
        raise Http404("Onbekende of verlopen aanlevering.")
    data = opslag.lees(voorbeeld.checksum, voorbeeld.extensie)
    if data is None:
        raise Http404("Het bestand is niet meer beschikbaar: het is al verwerkt of verlopen.")
    samenvatting = importeer(
        voorbeeld.soort,
        data,
        door=request.user,
        dry_run=True,
        bestandsnaam=voorbeeld.bestandsnaam,
        peildatum=voorbeeld.peildatum,
    )
    if samenvatting.fouten:
        raise Http404("Het bestand bevat fouten.")
    return xlsx_van_pagina(
        request,
        [veranderingen_tabel(samenvatting, "Opgeslagen")],
        bestandsnaam=f"voorbeeld-{voorbeeld.bestandsnaam}",
        titel=f"Controle aanlevering {voorbeeld.bestandsnaam}",
    )


def _context(samenvatting: Samenvatting, oud_kop: str = "Opgeslagen") -> dict[str, Any]:
    veranderingen = samenvatting.veranderingen
    return {
        "s": samenvatting,
        "veranderingen_tabel": veranderingen_tabel(samenvatting, oud_kop, tot=MAX_GETOOND),
        "veranderingen": veranderingen[:MAX_GETOOND],
        "niet_getoond": max(0, len(veranderingen) - MAX_GETOOND),
    }


@require_http_methods(["GET", "POST"])
def aanleveren(request: HttpRequest) -> HttpResponse:
    _vereis_aanleveraar(request)
    if vraagt_xlsx(request) and "checksum" in request.GET:
        return _voorbeeld_xlsx(request)
    if request.method != "POST":
        return _formulierpagina(request, UploadFormulier())
    form = UploadFormulier(request.POST, request.FILES)
    if not form.is_valid():
        return _formulierpagina(request, form, status=ONGELDIG_FORMULIER)
    bestand = form.cleaned_data["bestand"]
    naam = opslag.bestandsnaam(bestand.name)
    data = bestand.read()
    peildatum = form.cleaned_data.get("peildatum")
    samenvatting = importeer(
        form.cleaned_data["soort"],
        data,
        door=request.user,
        dry_run=True,
        bestandsnaam=naam,
        peildatum=peildatum,
    )
    if samenvatting.fouten:
        return _formulierpagina(request, form, fouten=samenvatting.fouten, status=GEWEIGERD_BESTAND)
    if samenvatting.verandert_iets:
        ext = opslag.extensie(naam)
        opslag.bewaar(data, ext)
        voorbeelden.onthoud(
            request.session,
            Voorbeeld(
                checksum=samenvatting.checksum,
                soort=form.cleaned_data["soort"],
                extensie=ext,
                bestandsnaam=naam,
                peildatum=peildatum,
                veranderingen=len(samenvatting.veranderingen),
            ),
        )
    context = _context(samenvatting)
    context["bevestig"] = {"checksum": samenvatting.checksum}
    # The Excel link recomputes the preview from the stored file (a GET, a dry run).
    return pagina_met_excel(
        request,
        "aanlevering/voorbeeld.html",
        context,
        tabellen=[veranderingen_tabel(samenvatting, "Opgeslagen")]
        if samenvatting.verandert_iets
        else [],
        bestandsnaam=f"voorbeeld-{naam}",
        titel=f"Controle aanlevering {naam}",
        parameters={"checksum": samenvatting.checksum},
    )


@require_POST
def bevestigen(request: HttpRequest) -> HttpResponse:
    _vereis_aanleveraar(request)
    checksum = _checksum(request.POST)
    if checksum is None:
        return _formulierpagina(
            request,
            UploadFormulier(),
            melding="De bevestiging is onvolledig of ongeldig. Lever het bestand opnieuw aan.",
            status=ONGELDIG_FORMULIER,
        )
    voorbeeld = voorbeelden.zoek(request.session, checksum)
    data = opslag.lees(checksum, voorbeeld.extensie) if voorbeeld else None
    if voorbeeld is None or data is None:
        return _formulierpagina(request, UploadFormulier(), melding=NIET_BESCHIKBAAR, status=409)
    if voorbeeld.veranderingen > aanlever_taken.GROOT:
        # A large file: a worker imports it; the status page shows the summary when done.
        voorbeelden.vergeet(request.session, checksum)
        taak = taken_services.plaats(
            door=request.user,
            soort=aanlever_taken.IMPORT,
            omschrijving=f"Import {voorbeeld.bestandsnaam} ({voorbeeld.veranderingen} cijfers)",
            parameters={
                "soort": voorbeeld.soort,
                "checksum": checksum,
                "extensie": voorbeeld.extensie,
                "bestandsnaam": voorbeeld.bestandsnaam,
                "peildatum": voorbeeld.peildatum.isoformat() if voorbeeld.peildatum else "",
            },
            terug_url=reverse("aanlevering:start"),
        )
        return redirect("taken:taak", taak.pk)
    samenvatting = importeer(
        voorbeeld.soort,
        data,
        door=request.user,
        bestandsnaam=voorbeeld.bestandsnaam,
        peildatum=voorbeeld.peildatum,
    )
    if samenvatting.fouten:
        return _formulierpagina(
            request, UploadFormulier(), fouten=samenvatting.fouten, status=GEWEIGERD_BESTAND
        )
    opslag.verwijder(checksum, voorbeeld.extensie)
    voorbeelden.vergeet(request.session, checksum)
    return render(request, "aanlevering/resultaat.html", _context(samenvatting, "Vorige"))
