"""The Inzendingen pages: a gemeente submits its own figures, the secretariaat approves or
returns them. Thin: parse, check the permission (monitoring.permissions), call a service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from regietafel.core import opmaak
from regietafel.core.excelpagina import pagina_met_excel
from regietafel.core.tabel import Tabel
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring.forms import InzendingFormulier, TerugsturenFormulier
from regietafel.monitoring.models import Inzending
from regietafel.monitoring.permissions import (
    beoordeelt_provincie_id,
    eigen_gemeente_id,
    mag_beoordelen,
    mag_inzending_zien,
    mag_inzendingen_gebruiken,
)
from regietafel.monitoring.queries import (
    inzendingen_van,
    laatste_cijfers,
    peildatum_keuzes,
    recent_beoordeeld,
    te_beoordelen,
    vergelijking,
)
from regietafel.monitoring.services import INZENDING_SOORTEN, dien_in, keur_goed, stuur_terug
from regietafel.monitoring.views_tabellen import inzendingen_tabel, vergelijking_tabel


def _eigen_gemeente(request: HttpRequest) -> Gemeente | None:
    gemeente_id = eigen_gemeente_id(request.user)
    if gemeente_id is None:
        return None
    return Gemeente.objects.select_related("provincie").get(pk=gemeente_id)


def _formulier(
    gemeente: Gemeente,
    data: Any = None,
    opnieuw: Inzending | None = None,
    peildatum: str = "",
) -> InzendingFormulier:
    peildata = peildatum_keuzes(gemeente.provincie)
    initial: dict[str, Any] = {"gemeente": gemeente.cbs_code}
    if peildatum in {d.isoformat() for d in peildata}:
        initial["peildatum"] = peildatum  # the link in a reminder: ?peildatum=JJJJ-MM-DD
    if opnieuw is not None:
        initial["peildatum"] = opnieuw.peildatum.isoformat()
        initial.update({r.soort: r.aantal for r in opnieuw.regels.all()})
        initial["toelichting"] = opnieuw.toelichting
    else:
        initial.update({s: n for s, (n, _) in laatste_cijfers(gemeente).items()})
    return InzendingFormulier(data, initial=initial, peildata=peildata)


def _pagina(
    request: HttpRequest,
    gemeente: Gemeente | None,
    form: InzendingFormulier | None,
    *,
    status: int = 200,
) -> HttpResponse:
    context: dict[str, Any] = {"gemeente": gemeente, "form": form}
    tabellen: list[Tabel] = []
    if gemeente is not None and form is not None:
        context["eigen"] = inzendingen_van(gemeente.pk)
        if context["eigen"]:
            context["eigen_tabel"] = inzendingen_tabel(
                "Uw inzendingen",
                "Inzendingen van uw gemeente, de nieuwste eerst, met de beoordeling door "
                "het secretariaat",
                context["eigen"],
                eigen=True,
            )
            tabellen.append(context["eigen_tabel"])
        laatste = laatste_cijfers(gemeente)
        context["soort_velden"] = [
            (
                form[soort],
                f"Laatst goedgekeurd: {opmaak.getal(laatste[soort][0])} "
                f"(peildatum {opmaak.datum(laatste[soort][1])})."
                if soort in laatste
                else "Nog geen goedgekeurd cijfer.",
            )
            for soort in INZENDING_SOORTEN
        ]
    if mag_beoordelen(request.user):
        provincie_id = beoordeelt_provincie_id(request.user)
        context["open"] = te_beoordelen(provincie_id)
        context["beoordeeld"] = recent_beoordeeld(provincie_id)
        context["beoordelaar"] = True
        if context["open"]:
            tabellen.append(
                inzendingen_tabel(
                    "Te beoordelen", "Inzendingen die op beoordeling wachten", context["open"]
                )
            )
        if context["beoordeeld"]:
            context["beoordeeld_tabel"] = inzendingen_tabel(
                "Onlangs beoordeeld", "De laatst beoordeelde inzendingen", context["beoordeeld"]
            )
            tabellen.append(context["beoordeeld_tabel"])
    return pagina_met_excel(
        request,
        "monitoring/inzendingen.html",
        context,
        tabellen=tabellen,
        bestandsnaam=f"inzendingen-{gemeente.naam}" if gemeente else "inzendingen",
        titel=f"Inzendingen {gemeente.naam}" if gemeente else "Inzendingen",
        status=status,
    )


@require_http_methods(["GET", "POST"])
def inzendingen(request: HttpRequest) -> HttpResponse:
    if not mag_inzendingen_gebruiken(request.user):
        raise PermissionDenied("Deze pagina is voor gemeenten en het secretariaat.")
    gemeente = _eigen_gemeente(request)
    if request.method != "POST":
        opnieuw = None
        pk = request.GET.get("opnieuw", "")
        if gemeente is not None and pk.isascii() and pk.isdigit():
            opnieuw = get_object_or_404(
                Inzending.objects.prefetch_related("regels"), pk=pk, gemeente=gemeente
            )
        form = (
            _formulier(gemeente, opnieuw=opnieuw, peildatum=request.GET.get("peildatum", ""))
            if gemeente is not None
            else None
        )
        return _pagina(request, gemeente, form)
    if gemeente is None:
        raise PermissionDenied("Alleen een gemeente dient cijfers in.")
    form = _formulier(gemeente, request.POST)
    if not form.is_valid():
        return _pagina(request, gemeente, form, status=400)
    # The gemeente comes from the form; the service refuses any but the user's own.
    doel = get_object_or_404(Gemeente, cbs_code=form.cleaned_data["gemeente"])
    try:
        inzending = dien_in(
            door=request.user,
            gemeente=doel,
            peildatum=form.cleaned_data["peildatum"],
            aantallen=form.aantallen(),
            toelichting=form.cleaned_data["toelichting"],
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _pagina(request, gemeente, form, status=400)
    messages.success(
        request,
        f"Uw cijfers voor {opmaak.datum(inzending.peildatum)} zijn ingediend. Het secretariaat "
        "beoordeelt ze; pas daarna staan ze in de stand van zaken.",
    )
    return redirect("inzending", pk=inzending.pk)


def _zichtbare(request: HttpRequest, pk: int) -> Inzending:
    inzending = get_object_or_404(
        Inzending.objects.select_related(
            "gemeente", "ingediend_door", "beoordeeld_door"
        ).prefetch_related("regels"),
        pk=pk,
    )
    if not mag_inzending_zien(request.user, inzending.gemeente):
        raise Http404("Deze inzending bestaat niet of is niet voor u.")
    return inzending


def _detail(
    request: HttpRequest,
    inzending: Inzending,
    form: TerugsturenFormulier | None = None,
    *,
    fout: str = "",
    status: int = 200,
) -> HttpResponse:
    regels = vergelijking(inzending)
    return pagina_met_excel(
        request,
        "monitoring/inzending.html",
        {
            "inzending": inzending,
            "regels": regels,
            "beoordelaar": mag_beoordelen(request.user, inzending.gemeente),
            "eigen": eigen_gemeente_id(request.user) == inzending.gemeente_id,
            "form": form or TerugsturenFormulier(),
            "fout": fout,
        },
        tabellen=[vergelijking_tabel(inzending, regels)],
        bestandsnaam=f"inzending-{inzending.pk}",
        titel=f"Inzending {inzending.gemeente.naam} {opmaak.datum(inzending.peildatum)}",
        status=status,
    )


def inzending(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _zichtbare(request, pk))


@require_POST
def goedkeuren(request: HttpRequest, pk: int) -> HttpResponse:
    gekozen = _zichtbare(request, pk)
    try:
        keur_goed(door=request.user, inzending=gekozen)
    except ValidationError as exc:
        return _detail(request, gekozen, fout=" ".join(exc.messages), status=409)
    messages.success(
        request,
        f"De cijfers van {gekozen.gemeente} voor {opmaak.datum(gekozen.peildatum)} zijn "
        "goedgekeurd en staan in de stand van zaken.",
    )
    return redirect("inzendingen")


@require_POST
def terugsturen(request: HttpRequest, pk: int) -> HttpResponse:
    gekozen = _zichtbare(request, pk)
    if not mag_beoordelen(request.user, gekozen.gemeente):
        raise PermissionDenied("U mag inzendingen van deze gemeente niet beoordelen.")
    form = TerugsturenFormulier(request.POST)
    if not form.is_valid():
        return _detail(request, gekozen, form, status=400)
    try:
        stuur_terug(door=request.user, inzending=gekozen, opmerking=form.cleaned_data["opmerking"])
    except ValidationError as exc:
        return _detail(request, gekozen, form, fout=" ".join(exc.messages), status=409)
    messages.success(
        request, f"De inzending van {gekozen.gemeente} is teruggestuurd met uw opmerking."
    )
    return redirect("inzendingen")
