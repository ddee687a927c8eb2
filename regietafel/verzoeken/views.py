"""Thin views of the ministry's requests: parse, check (``permissions``), call a service or
a query, render. Every table can be downloaded as Excel with ``?xlsx=<sleutel>``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from regietafel.core import klok
from regietafel.core.formulier import bewaar_formulier
from regietafel.gemeenten.models import Provincie
from regietafel.pagina import provincie_van
from regietafel.verzoeken import queries, services, tabellen
from regietafel.verzoeken.forms import (
    ActiveringFormulier,
    BeeindigFormulier,
    DatumFormulier,
    GereedheidFormulier,
    KandidaatFormulier,
    PlaatsingFormulier,
    VerzoekFormulier,
)
from regietafel.verzoeken.models import (
    Activering,
    Gereedheid,
    Kandidaatlocatie,
    NoodopvangVerzoek,
)
from regietafel.verzoeken.permissions import (
    mag_gereedheid_bijwerken,
    mag_lezen,
    mag_schrijven,
)
from regietafel.verzoeken.weergave import blokken, xlsx_gevraagd


def _provincie(request: HttpRequest) -> Provincie:
    if not mag_lezen(request.user):
        raise PermissionDenied("Deze pagina is niet voor uw rol.")
    return provincie_van(request)


def _schrijver(request: HttpRequest, provincie: Provincie) -> None:
    if not mag_schrijven(request.user, provincie.pk):
        raise PermissionDenied("Alleen het secretariaat mag dit wijzigen.")


# --- Noodopvang reserve -----------------------------------------------------------------


def overzicht(request: HttpRequest) -> HttpResponse:
    provincie = _provincie(request)
    reserves = queries.reserves(provincie)
    tabel = tabellen.reserves_tabel(reserves)
    if antwoord := xlsx_gevraagd(request, [tabel], naam="noodopvang", titel="Noodopvang"):
        return antwoord
    return render(
        request,
        "verzoeken/overzicht.html",
        {
            "provincie": provincie,
            "reserves": reserves,
            "tabellen": blokken(
                request,
                [
                    (
                        tabel,
                        [reverse("verzoeken:verzoek", args=[r.verzoek.pk]) for r in reserves],
                        "Er zijn nog geen noodopvangverzoeken vastgelegd.",
                    )
                ],
            ),
            "schrijven": mag_schrijven(request.user, provincie.pk),
        },
    )


def _verzoek(request: HttpRequest, provincie: Provincie, pk: int) -> NoodopvangVerzoek:
    return get_object_or_404(queries.verzoeken_van(provincie), pk=pk)


def _verzoek_waarden(form: VerzoekFormulier) -> dict[str, Any]:
    return {k: form.cleaned_data[k] for k in ("van_wie", "ontvangen_op", *services.VERZOEK_VELDEN)}


@require_http_methods(["GET", "POST"])
def verzoek_nieuw(request: HttpRequest) -> HttpResponse:
    provincie = _provincie(request)
    _schrijver(request, provincie)
    form = VerzoekFormulier(request.POST or None)
    if request.method == "POST" and (
        antwoord := bewaar_formulier(
            request,
            form,
            lambda _: services.zet_verzoek(
                door=request.user, provincie=provincie, **_verzoek_waarden(form)
            )[0],
            melding=lambda verzoek: f"{verzoek} is vastgelegd.",
            naar=lambda verzoek: redirect("verzoeken:verzoek", pk=verzoek.pk),
        )
    ):
        return antwoord
    return render(
        request,
        "verzoeken/verzoek_formulier.html",
        {"form": form, "verzoek": None},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def verzoek_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    verzoek = _verzoek(request, provincie, pk)
    _schrijver(request, provincie)
    initial = {
        k: getattr(verzoek, k) for k in ("van_wie", "ontvangen_op", *services.VERZOEK_VELDEN)
    }
    form = VerzoekFormulier(request.POST or None, initial=initial)
    if request.method == "POST" and (
        antwoord := bewaar_formulier(
            request,
            form,
            lambda _: services.wijzig_verzoek(
                door=request.user, verzoek=verzoek, **_verzoek_waarden(form)
            ),
            melding="Het verzoek is bijgewerkt.",
            naar=lambda _: redirect("verzoeken:verzoek", pk=verzoek.pk),
        )
    ):
        return antwoord
    return render(
        request,
        "verzoeken/verzoek_formulier.html",
        {"form": form, "verzoek": verzoek},
        status=400 if form.is_bound else 200,
    )


def _verzoek_pagina(
    request: HttpRequest,
    provincie: Provincie,
    verzoek: NoodopvangVerzoek,
    form: KandidaatFormulier | None = None,
    status: int = 200,
) -> HttpResponse:
    kandidaten = queries.kandidaten(verzoek)
    log = queries.activeringen(verzoek)
    reserve = queries.reserve(verzoek, kandidaten)
    tabel_k = tabellen.kandidaten_tabel(reserve, kandidaten)
    tabel_a = tabellen.activeringen_tabel(log)
    if antwoord := xlsx_gevraagd(
        request, [tabel_k, tabel_a], naam=f"noodopvang-{verzoek.pk}", titel=str(verzoek)
    ):
        return antwoord
    schrijven = mag_schrijven(request.user, provincie.pk)
    if form is None and schrijven:
        form = KandidaatFormulier(
            provincie=provincie, initial={"gereedheid_op": klok.van_request(request).vandaag}
        )
    return render(
        request,
        "verzoeken/verzoek.html",
        {
            "verzoek": verzoek,
            "reserve": reserve,
            "tabellen": blokken(
                request,
                [
                    (
                        tabel_k,
                        [reverse("verzoeken:kandidaat", args=[k.pk]) for k in kandidaten],
                        "Er zijn nog geen kandidaatlocaties.",
                    ),
                    (tabel_a, [], "Er is nog geen locatie geactiveerd."),
                ],
            ),
            "schrijven": schrijven,
            "form": form,
            "in_periode": reserve.in_periode(klok.van_request(request).vandaag),
        },
        status=status,
    )


def verzoek(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    return _verzoek_pagina(request, provincie, _verzoek(request, provincie, pk))


@require_POST
def kandidaat_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    gekozen = _verzoek(request, provincie, pk)
    _schrijver(request, provincie)
    form = KandidaatFormulier(request.POST, provincie=provincie)
    if antwoord := bewaar_formulier(
        request,
        form,
        lambda d: services.zet_kandidaat(
            door=request.user, verzoek=gekozen, **_kandidaat_waarden(d)
        )[0],
        melding=lambda kandidaat: f"Kandidaatlocatie {kandidaat.weergavenaam} is toegevoegd.",
        naar=lambda _: redirect("verzoeken:verzoek", pk=gekozen.pk),
    ):
        return antwoord
    return _verzoek_pagina(request, provincie, gekozen, form, status=400)


def _kandidaat_waarden(d: dict[str, Any]) -> dict[str, Any]:
    return {
        k: d[k]
        for k in (
            "gemeente",
            "naam",
            "locatie",
            "plaatsen",
            "gereedheid",
            "gereedheid_op",
            "notities",
        )
    }


def _kandidaat(request: HttpRequest, provincie: Provincie, pk: int) -> Kandidaatlocatie:
    kandidaat = queries.kandidaat_van(provincie, pk)
    if kandidaat is None:
        raise Http404("Deze kandidaatlocatie bestaat niet in uw provincie.")
    return kandidaat


def _kandidaat_pagina(
    request: HttpRequest,
    provincie: Provincie,
    kandidaat: Kandidaatlocatie,
    *,
    form: Any = None,
    activering: ActiveringFormulier | None = None,
    status: int = 200,
) -> HttpResponse:
    schrijven = mag_schrijven(request.user, provincie.pk)
    gereedheid = mag_gereedheid_bijwerken(request.user, kandidaat.gemeente)
    vandaag = klok.van_request(request).vandaag
    if form is None and schrijven:
        form = KandidaatFormulier(
            provincie=provincie,
            geactiveerd=kandidaat.gereedheid == Gereedheid.GEACTIVEERD,
            initial={
                "gemeente": kandidaat.gemeente_id,
                "locatie": kandidaat.locatie_id,
                "naam": kandidaat.naam,
                "plaatsen": kandidaat.plaatsen,
                "gereedheid": kandidaat.gereedheid,
                "gereedheid_op": kandidaat.gereedheid_op,
                "notities": kandidaat.notities,
            },
        )
    elif form is None and gereedheid and kandidaat.gereedheid != Gereedheid.GEACTIVEERD:
        form = GereedheidFormulier(
            initial={
                "gereedheid": kandidaat.gereedheid,
                "gereedheid_op": vandaag,
                "notities": kandidaat.notities,
            }
        )
    if activering is None and schrijven and kandidaat.gereedheid != Gereedheid.VERVALLEN:
        activering = ActiveringFormulier(
            initial={"geactiveerd_op": vandaag, "plaatsen": kandidaat.plaatsen}
        )
    log = list(kandidaat.activeringen.all())
    return render(
        request,
        "verzoeken/kandidaat.html",
        {
            "kandidaat": kandidaat,
            "verzoek": kandidaat.verzoek,
            "form": form,
            "volledig": schrijven,
            "activering": activering,
            "log": log,
            "beeindig": BeeindigFormulier(initial={"beeindigd_op": vandaag}) if schrijven else None,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def kandidaat(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    gekozen = _kandidaat(request, provincie, pk)
    if request.method == "GET":
        return _kandidaat_pagina(request, provincie, gekozen)
    if mag_schrijven(request.user, provincie.pk):
        form: Any = KandidaatFormulier(
            request.POST,
            provincie=provincie,
            geactiveerd=gekozen.gereedheid == Gereedheid.GEACTIVEERD,
        )
        if antwoord := bewaar_formulier(
            request,
            form,
            lambda d: services.wijzig_kandidaat(
                door=request.user, kandidaat=gekozen, **_kandidaat_waarden(d)
            ),
            melding="De kandidaatlocatie is bijgewerkt.",
            naar=lambda _: redirect("verzoeken:verzoek", pk=gekozen.verzoek_id),
        ):
            return antwoord
    elif mag_gereedheid_bijwerken(request.user, gekozen.gemeente):
        form = GereedheidFormulier(request.POST)
        if antwoord := bewaar_formulier(
            request,
            form,
            lambda d: services.zet_gereedheid(door=request.user, kandidaat=gekozen, **d),
            melding="De gereedheid is bijgewerkt.",
            naar=lambda _: redirect("verzoeken:kandidaat", pk=gekozen.pk),
        ):
            return antwoord
    else:
        raise PermissionDenied(f"U mag locaties in {gekozen.gemeente} niet wijzigen.")
    return _kandidaat_pagina(request, provincie, gekozen, form=form, status=400)


@require_POST
def activeren(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    gekozen = _kandidaat(request, provincie, pk)
    _schrijver(request, provincie)
    form = ActiveringFormulier(request.POST)
    if antwoord := bewaar_formulier(
        request,
        form,
        lambda d: services.activeer(door=request.user, kandidaat=gekozen, **d),
        melding=f"{gekozen.weergavenaam} is geactiveerd.",
        naar=lambda _: redirect("verzoeken:verzoek", pk=gekozen.verzoek_id),
    ):
        return antwoord
    return _kandidaat_pagina(request, provincie, gekozen, activering=form, status=400)


@require_POST
def beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    activering = get_object_or_404(
        Activering.objects.select_related("kandidaat__verzoek", "kandidaat__gemeente"),
        pk=pk,
        kandidaat__verzoek__provincie=provincie,
    )
    _schrijver(request, provincie)
    form = BeeindigFormulier(request.POST)
    if form.is_valid():
        try:
            services.beeindig_activering(
                door=request.user, activering=activering, **form.cleaned_data
            )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, "De activering is beëindigd.")
    else:
        messages.error(request, "Geef een geldige datum van beëindiging.")
    return redirect("verzoeken:kandidaat", pk=activering.kandidaat_id)


# --- Nareizigers ------------------------------------------------------------------------


def nareizigers(request: HttpRequest) -> HttpResponse:
    provincie = _provincie(request)
    datumform = DatumFormulier(request.GET if "datum" in request.GET else None)
    datum = datumform.datum_of(klok.van_request(request).vandaag)
    if not datumform.is_bound:
        datumform = DatumFormulier(initial={"datum": datum})
    n = queries.nareizigers(provincie, datum)
    tabel_p = tabellen.plaatsingen_tabel(n)
    tabel_t = tabellen.taakstelling_tabel(n)
    if antwoord := xlsx_gevraagd(
        request, [tabel_p, tabel_t], naam="nareizigers", titel=f"Nareizigers {provincie}"
    ):
        return antwoord
    schrijven = mag_schrijven(request.user, provincie.pk)
    return render(
        request,
        "verzoeken/nareizigers.html",
        {
            "n": n,
            "datumform": datumform,
            "har_plus_verstreken": n.regels is not None and datum >= n.regels.har_plus_tot,
            "tabellen": blokken(
                request,
                [
                    (
                        tabel_p,
                        [reverse("verzoeken:plaatsing", args=[r.plaatsing.pk]) for r in n.rijen]
                        if schrijven
                        else [],
                        "Er zijn nog geen plaatsingen van nareizigers vastgelegd.",
                    ),
                    (tabel_t, [], "Er zijn nog geen nareizigers geplaatst."),
                ],
            ),
            "schrijven": schrijven,
        },
    )


def _plaatsing_waarden(form: PlaatsingFormulier) -> dict[str, Any]:
    return {
        k: form.cleaned_data[k]
        for k in ("gemeente", "hotel", "locatie", "geplaatst_op", *services.PLAATSING_VELDEN)
    }


@require_http_methods(["GET", "POST"])
def plaatsing_nieuw(request: HttpRequest) -> HttpResponse:
    provincie = _provincie(request)
    _schrijver(request, provincie)
    form = PlaatsingFormulier(request.POST or None, provincie=provincie)
    if request.method == "POST" and (
        antwoord := bewaar_formulier(
            request,
            form,
            lambda _: services.plaats_nareizigers(door=request.user, **_plaatsing_waarden(form)),
            melding="De plaatsing is vastgelegd.",
            naar=lambda _: redirect("verzoeken:nareizigers"),
        )
    ):
        return antwoord
    return render(
        request,
        "verzoeken/plaatsing_formulier.html",
        {"form": form, "plaatsing": None},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def plaatsing(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = _provincie(request)
    gekozen = get_object_or_404(queries.plaatsingen_van(provincie), pk=pk)
    _schrijver(request, provincie)
    initial = {
        k: getattr(gekozen, k)
        for k in ("gemeente", "hotel", "locatie", "geplaatst_op", *services.PLAATSING_VELDEN)
    }
    form = PlaatsingFormulier(request.POST or None, provincie=provincie, initial=initial)
    if request.method == "POST" and (
        antwoord := bewaar_formulier(
            request,
            form,
            lambda _: services.wijzig_plaatsing(
                door=request.user, plaatsing=gekozen, **_plaatsing_waarden(form)
            ),
            melding="De plaatsing is bijgewerkt.",
            naar=lambda _: redirect("verzoeken:nareizigers"),
        )
    ):
        return antwoord
    return render(
        request,
        "verzoeken/plaatsing_formulier.html",
        {"form": form, "plaatsing": gekozen},
        status=400 if form.is_bound else 200,
    )
