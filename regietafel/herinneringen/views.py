"""``/herinneringen/``: a provincie's delivery deadline as data, the coming deadlines and who
has delivered for the current round; the secretariaat sets the rule and deadlines of its own.
Thin: parse, check the permission (herinneringen.permissions), call a service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from regietafel.core import klok
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.herinneringen import queries, services, tabellen
from regietafel.herinneringen.forms import AfwijkendFormulier, TermijnFormulier
from regietafel.herinneringen.models import AfwijkendeTermijn
from regietafel.herinneringen.permissions import mag_termijn_zetten, mag_termijn_zien
from regietafel.pagina import provincie_van

STATUS = {
    "goedgekeurd": "goedgekeurd",
    "ingediend": "ingediend, wacht op beoordeling",
    "teruggestuurd": "teruggestuurd, nog niet opnieuw ingediend",
    queries.NIET_AANGELEVERD: queries.NIET_AANGELEVERD,
}


def _provincie(request: HttpRequest) -> Provincie:
    provincie = provincie_van(request)
    if not mag_termijn_zien(request.user, provincie.pk):
        raise PermissionDenied(
            "Deze pagina is voor het secretariaat en de lezers van de provincie."
        )
    return provincie


def _pagina(
    request: HttpRequest,
    provincie: Provincie,
    *,
    termijn_form: TermijnFormulier | None = None,
    afwijkend_form: AfwijkendFormulier | None = None,
    fout: str = "",
    status: int = 200,
) -> HttpResponse:
    vandaag = klok.van_request(request).vandaag
    stand = queries.stand(provincie, vandaag)
    ronde = stand.lopend[-1] if stand.lopend else stand.verstreken
    per_gemeente = queries.status_per_gemeente(provincie.pk, ronde.peildatum) if ronde else {}
    gemeenten = list(Gemeente.objects.filter(provincie=provincie).order_by("naam"))
    if termijn_form is None:
        t = stand.termijn
        termijn_form = TermijnFormulier(
            initial={
                "soort": t.soort if t else "werkdag",
                "dag": t.dag if t else 5,
                "maanden_na_peildatum": t.maanden_na_peildatum if t else 0,
                "dagen_vooraf": t.dagen_vooraf if t else 3,
                "bevrijdingsdag": t.bevrijdingsdag if t else "lustrum",
                "actief": t.actief if t else True,
            }
        )
    context: dict[str, Any] = {
        "provincie": provincie,
        "stand": stand,
        "ronde": ronde,
        "komend_tabel": tabellen.komend_tabel(stand.komend),
        "ronde_tabel": tabellen.ronde_tabel(
            [
                (g, STATUS.get(per_gemeente.get(g.pk, ""), queries.NIET_AANGELEVERD))
                for g in gemeenten
            ]
        ),
        "schrijver": mag_termijn_zetten(request.user, provincie.pk),
        "termijn_form": termijn_form,
        "afwijkend_form": afwijkend_form or AfwijkendFormulier(),
        "fout": fout,
        "vandaag": vandaag,
    }
    return render(request, "herinneringen/termijn.html", context, status=status)


def _schrijver(request: HttpRequest) -> Provincie:
    provincie = _provincie(request)
    if not mag_termijn_zetten(request.user, provincie.pk):
        raise PermissionDenied("Alleen het secretariaat van de provincie zet de aanlevertermijn.")
    return provincie


@require_GET
def termijn(request: HttpRequest) -> HttpResponse:
    return _pagina(request, _provincie(request))


@require_POST
def zet(request: HttpRequest) -> HttpResponse:
    provincie = _schrijver(request)
    form = TermijnFormulier(request.POST)
    if not form.is_valid():
        return _pagina(request, provincie, termijn_form=form, status=400)
    try:
        services.zet_termijn(door=request.user, provincie=provincie, **form.cleaned_data)
    except ValidationError as exc:
        return _pagina(
            request, provincie, termijn_form=form, fout=" ".join(exc.messages), status=400
        )
    messages.success(request, "De aanlevertermijn is opgeslagen.")
    return redirect("herinneringen:termijn")


@require_POST
def afwijkend(request: HttpRequest) -> HttpResponse:
    provincie = _schrijver(request)
    form = AfwijkendFormulier(request.POST)
    if not form.is_valid():
        return _pagina(request, provincie, afwijkend_form=form, status=400)
    try:
        services.zet_afwijkende_termijn(door=request.user, provincie=provincie, **form.cleaned_data)
    except ValidationError as exc:
        return _pagina(
            request, provincie, afwijkend_form=form, fout=" ".join(exc.messages), status=400
        )
    messages.success(request, "De afwijkende termijn is opgeslagen.")
    return redirect("herinneringen:termijn")


@require_POST
def verwijder_afwijkend(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _schrijver(request)
    gekozen = get_object_or_404(AfwijkendeTermijn, pk=pk, provincie=provincie)
    services.verwijder_afwijkende_termijn(door=request.user, termijn=gekozen)
    messages.success(request, "De afwijkende termijn is verwijderd.")
    return redirect("herinneringen:termijn")
