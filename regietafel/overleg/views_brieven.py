"""The letters register and the search page."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from regietafel.core.formulier import bewaar_formulier
from regietafel.core.xlsx import xlsx_antwoord
from regietafel.overleg import opslag, queries, services, zoeken
from regietafel.overleg.forms import BriefForm, ZoekForm
from regietafel.overleg.models import Brief
from regietafel.overleg.permissions import mag_persoonsgegevens_zien, mag_schrijven
from regietafel.overleg.tabellen import brieven_pagina_tabel, brieven_tabel
from regietafel.overleg.views import _download, lezer, schrijver


@require_GET
def brieven_view(request: HttpRequest) -> HttpResponse:
    provincie = lezer(request)
    brieven = list(queries.brieven(provincie))
    if request.GET.get("formaat") == "xlsx":
        tabel = brieven_tabel(brieven, titel=f"Brieven en verzoeken PRT {provincie.naam}")
        return xlsx_antwoord(
            [tabel], bestandsnaam=f"brieven-prt-{provincie.naam.lower()}.xlsx", titel=tabel.titel
        )
    return render(
        request,
        "overleg/brieven.html",
        {
            "provincie": provincie,
            "brieven": brieven,
            "tabel": brieven_pagina_tabel(brieven),
            "schrijven": mag_schrijven(request.user, provincie),
        },
    )


def _bewaar(request: HttpRequest, brief: Brief | None) -> HttpResponse:
    provincie = schrijver(request) if request.method == "POST" or brief is None else lezer(request)
    form = BriefForm(
        request.POST or None,
        request.FILES or None,
        instance=brief,
        agendapunten=queries.agendapunten_keuze(provincie),
    )

    def bewaar(d: dict[str, Any]) -> Brief:
        bestand = d.pop("bestand", None)
        punten = d.pop("agendapunten", [])
        return services.bewaar_brief(
            door=request.user,
            provincie=provincie,
            waarden=dict(d),
            agendapunten=list(punten),
            bestand=(bestand.name, bestand.read()) if bestand else None,
            brief=brief,
        )

    if request.method == "POST" and (
        antwoord := bewaar_formulier(
            request,
            form,
            bewaar,
            melding="Brief opgeslagen in het register.",
            naar=lambda opgeslagen: redirect("overleg:brief", opgeslagen.pk),
        )
    ):
        return antwoord
    return render(
        request,
        "overleg/brief.html",
        {
            "form": form,
            "brief": brief,
            "schrijven": mag_schrijven(request.user, provincie),
            "persoonlijk": mag_persoonsgegevens_zien(request.user, provincie),
        },
    )


@require_http_methods(["GET", "POST"])
def nieuwe_brief_view(request: HttpRequest) -> HttpResponse:
    schrijver(request)
    return _bewaar(request, None)


@require_http_methods(["GET", "POST"])
def brief_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = lezer(request)
    brief = get_object_or_404(queries.brieven(provincie), pk=pk)
    return _bewaar(request, brief)


@require_GET
def brief_bestand_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = lezer(request)
    brief = get_object_or_404(Brief, pk=pk, provincie=provincie)
    if brief.persoonsgegevens and not mag_persoonsgegevens_zien(request.user, provincie):
        raise PermissionDenied("Deze bijlage bevat persoonsgegevens.")
    ext = opslag.extensie(brief.bestandsnaam)
    data = opslag.lees(brief.checksum, ext) if brief.verwijderd_op is None else None
    if data is None:
        raise Http404("Het bestand is er niet (meer).")
    return _download(data, opslag.MIME.get(ext, "application/octet-stream"), brief.bestandsnaam)


@require_GET
def zoeken_view(request: HttpRequest) -> HttpResponse:
    provincie = lezer(request)
    form = ZoekForm(request.GET or None)
    groepen: dict[str, list[zoeken.Treffer]] = {}
    term = ""
    if form.is_valid():
        term = form.cleaned_data["q"].strip()
        groepen = zoeken.verzamel(
            term, provincie, persoonsgegevens=mag_persoonsgegevens_zien(request.user, provincie)
        )
    return render(
        request,
        "overleg/zoeken.html",
        {
            "provincie": provincie,
            "form": form,
            "term": term,
            "groepen": groepen,
            "te_kort": bool(term) and len(term) < zoeken.MIN_LENGTE,
            "aantal": sum(len(v) for v in groepen.values()),
        },
    )
