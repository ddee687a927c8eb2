"""Thin views of interbestuurlijk toezicht. Who sees what: ``permissions`` (a gemeente user
only its own gemeente; others' dossiers answer 404)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST

from regietafel.core import klok
from regietafel.core.formulier import bewaar_formulier
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.queries import lees_cyclus
from regietafel.pagina import parameters_behalve, provincie_van
from regietafel.toezicht import opslag, queries, services
from regietafel.toezicht.forms import (
    DocumentFormulier,
    DossierFormulier,
    DossierOpenenFormulier,
    StapFormulier,
)
from regietafel.toezicht.models import Document, Dossier, Stap
from regietafel.toezicht.permissions import (
    mag_dossier_zien,
    mag_pagina_zien,
    mag_schrijven,
    zichtbare_gemeente_id,
)
from regietafel.verzoeken.weergave import blokken, xlsx_gevraagd


def _provincie(request: HttpRequest) -> Provincie:
    if not mag_pagina_zien(request.user):
        raise PermissionDenied("Deze pagina is niet voor uw rol.")
    return provincie_van(request)


def _schrijver(request: HttpRequest, provincie: Provincie) -> None:
    if not mag_schrijven(request.user, provincie.pk):
        raise PermissionDenied("Alleen het secretariaat voert toezichtdossiers.")


def overzicht(request: HttpRequest) -> HttpResponse:
    provincie = _provincie(request)
    vandaag = klok.van_request(request).vandaag
    jaar, fout = lees_cyclus(request.GET.get("cyclus", ""))
    o = queries.overzicht(provincie, zichtbare_gemeente_id(request.user), jaar)
    tabel = queries.overzicht_tabel(o, vandaag)
    if antwoord := xlsx_gevraagd(request, [tabel], naam="toezicht", titel=f"Toezicht {provincie}"):
        return antwoord
    schrijven = mag_schrijven(request.user, provincie.pk)
    return render(
        request,
        "toezicht/overzicht.html",
        {
            "o": o,
            "tabellen": blokken(
                request,
                [
                    (
                        tabel,
                        [
                            reverse("toezicht:dossier", args=[r.dossier.pk]) if r.dossier else ""
                            for r in o.rijen
                        ],
                        "Geen gemeente met een tekort op een vastgestelde opgave.",
                    )
                ],
            ),
            "schrijven": schrijven,
            "zonder_dossier": [r for r in o.rijen if r.dossier is None] if schrijven else [],
            "keuze": o.cyclus_keuze,
            "behoud": parameters_behalve(request, "cyclus"),
            "fout": " ".join(
                m for m in (fout, o.cyclus_keuze.melding if o.cyclus_keuze else "") if m
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def dossier_openen(request: HttpRequest) -> HttpResponse:
    provincie = _provincie(request)
    _schrijver(request, provincie)
    code = request.POST.get("gemeente") or request.GET.get("gemeente", "")
    gemeente = get_object_or_404(Gemeente, cbs_code=code, provincie=provincie)
    if request.method == "GET":
        (rij,) = queries.overzicht(provincie, gemeente.pk).rijen or (None,)
        form = DossierOpenenFormulier(
            initial={
                "gemeente": gemeente.cbs_code,
                "geopend_op": klok.van_request(request).vandaag,
                "onderwerp": rij.onderwerp if rij else "",
            }
        )
    else:
        form = DossierOpenenFormulier(request.POST)
        if antwoord := bewaar_formulier(
            request,
            form,
            lambda d: services.open_dossier(
                door=request.user,
                gemeente=gemeente,
                geopend_op=d["geopend_op"],
                onderwerp=d["onderwerp"],
                notities=d["notities"],
            )[0],
            melding=f"Het toezichtdossier voor {gemeente} is geopend.",
            naar=lambda dossier: redirect("toezicht:dossier", pk=dossier.pk),
        ):
            return antwoord
    return render(
        request,
        "toezicht/openen.html",
        {"form": form, "gemeente": gemeente},
        status=400 if form.is_bound else 200,
    )


def _dossier(request: HttpRequest, provincie: Provincie, pk: int) -> Dossier:
    dossier = queries.dossiers(provincie).filter(pk=pk).first()
    if dossier is None or not mag_dossier_zien(request.user, dossier.gemeente):
        raise Http404("Dit dossier bestaat niet of is niet voor u.")
    return dossier


def _dossier_pagina(
    request: HttpRequest,
    provincie: Provincie,
    dossier: Dossier,
    *,
    form: DossierFormulier | None = None,
    stapform: StapFormulier | None = None,
    status: int = 200,
) -> HttpResponse:
    vandaag = klok.van_request(request).vandaag
    tabel = queries.stappen_tabel(dossier, vandaag)
    if antwoord := xlsx_gevraagd(
        request, [tabel], naam=f"toezicht-{dossier.gemeente.cbs_code}", titel=str(dossier)
    ):
        return antwoord
    schrijven = mag_schrijven(request.user, provincie.pk)
    if schrijven:
        form = form or DossierFormulier(
            initial={
                "status": dossier.status,
                "onderwerp": dossier.onderwerp,
                "notities": dossier.notities,
            }
        )
        stapform = stapform or StapFormulier(initial={"datum": vandaag}, prefix="stap")
    stappen = list(dossier.stappen.all())
    return render(
        request,
        "toezicht/dossier.html",
        {
            "dossier": dossier,
            "stappen": [(s, queries.te_laat(s, vandaag)) for s in stappen],
            "tabellen": blokken(
                request,
                [
                    (
                        tabel,
                        [reverse("toezicht:stap", args=[s.pk]) for s in stappen],
                        "Er zijn nog geen stappen vastgelegd.",
                    )
                ],
            ),
            "schrijven": schrijven,
            "form": form,
            "stapform": stapform,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    gekozen = _dossier(request, provincie, pk)
    if request.method == "GET":
        return _dossier_pagina(request, provincie, gekozen)
    _schrijver(request, provincie)
    form = DossierFormulier(request.POST)
    if antwoord := bewaar_formulier(
        request,
        form,
        lambda d: services.wijzig_dossier(door=request.user, dossier=gekozen, **d),
        melding="Het dossier is bijgewerkt.",
        naar=lambda _: redirect("toezicht:dossier", pk=gekozen.pk),
    ):
        return antwoord
    return _dossier_pagina(request, provincie, gekozen, form=form, status=400)


@require_POST
def stap_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    gekozen = _dossier(request, provincie, pk)
    _schrijver(request, provincie)
    form = StapFormulier(request.POST, prefix="stap")
    if antwoord := bewaar_formulier(
        request,
        form,
        lambda d: services.zet_stap(door=request.user, dossier=gekozen, **d),
        melding="De stap is vastgelegd.",
        naar=lambda _: redirect("toezicht:dossier", pk=gekozen.pk),
    ):
        return antwoord
    return _dossier_pagina(request, provincie, gekozen, stapform=form, status=400)


def _stap(request: HttpRequest, provincie: Provincie, pk: int) -> Stap:
    gekozen = (
        Stap.objects.select_related("dossier__gemeente")
        .prefetch_related("documenten")
        .filter(pk=pk, dossier__gemeente__provincie=provincie)
        .first()
    )
    if gekozen is None or not mag_dossier_zien(request.user, gekozen.dossier.gemeente):
        raise Http404("Deze stap bestaat niet of is niet voor u.")
    return gekozen


def _stap_pagina(
    request: HttpRequest,
    provincie: Provincie,
    stap: Stap,
    *,
    form: StapFormulier | None = None,
    docform: DocumentFormulier | None = None,
    status: int = 200,
) -> HttpResponse:
    schrijven = mag_schrijven(request.user, provincie.pk)
    if schrijven:
        form = form or StapFormulier(
            initial={
                "soort": stap.soort,
                "datum": stap.datum,
                "termijn": stap.termijn,
                "status": stap.status,
                "notities": stap.notities,
            }
        )
        docform = docform or DocumentFormulier()
    return render(
        request,
        "toezicht/stap.html",
        {
            "stap": stap,
            "dossier": stap.dossier,
            "te_laat": queries.te_laat(stap, klok.van_request(request).vandaag),
            "schrijven": schrijven,
            "form": form,
            "docform": docform,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def stap(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    gekozen = _stap(request, provincie, pk)
    if request.method == "GET":
        return _stap_pagina(request, provincie, gekozen)
    _schrijver(request, provincie)
    form = StapFormulier(request.POST)
    if antwoord := bewaar_formulier(
        request,
        form,
        lambda d: services.wijzig_stap(door=request.user, stap=gekozen, **d),
        melding="De stap is bijgewerkt.",
        naar=lambda _: redirect("toezicht:dossier", pk=gekozen.dossier_id),
    ):
        return antwoord
    return _stap_pagina(request, provincie, gekozen, form=form, status=400)


@require_POST
def document_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    gekozen = _stap(request, provincie, pk)
    _schrijver(request, provincie)
    form = DocumentFormulier(request.POST, request.FILES)
    if antwoord := bewaar_formulier(
        request,
        form,
        lambda d: services.voeg_document_toe(
            door=request.user,
            stap=gekozen,
            bestandsnaam=d["bestand"].name,
            data=d["bestand"].read(),
        ),
        melding=lambda _: f"{form.cleaned_data['bestand'].name} is bij de stap bewaard.",
        naar=lambda _: redirect("toezicht:stap", pk=gekozen.pk),
        veld="bestand",
    ):
        return antwoord
    return _stap_pagina(request, provincie, gekozen, docform=form, status=400)


def document(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    gekozen = (
        Document.objects.select_related("stap__dossier__gemeente")
        .filter(pk=pk, stap__dossier__gemeente__provincie=provincie)
        .first()
    )
    if gekozen is None or not mag_dossier_zien(request.user, gekozen.stap.dossier.gemeente):
        raise Http404("Dit document bestaat niet of is niet voor u.")
    data = opslag.lees(gekozen.checksum, gekozen.extensie)
    if data is None:
        raise Http404("Het bestand is niet (meer) aanwezig of is gewijzigd.")
    response = HttpResponse(
        data, content_type=opslag.MIME.get(gekozen.extensie, "application/octet-stream")
    )
    response["Content-Disposition"] = content_disposition_header(True, gekozen.naam) or ""
    response["X-Content-Type-Options"] = "nosniff"
    return response
