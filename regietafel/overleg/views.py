"""Thin views of the meetings: parse the request, call a query or a service, render.

Everything is scoped to ``provincie_van(request)``: an id of another provincie's object is a
404. Reading needs ``mag_lezen`` (not an aanleverancier), writing ``mag_schrijven``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regietafel.core import klok, opmaak
from regietafel.core.formulier import bewaar_formulier, fouten_op_formulier
from regietafel.core.xlsx import xlsx_antwoord
from regietafel.domain.maanden import eerste_van_maand
from regietafel.gemeenten.models import Provincie
from regietafel.overleg import documenten, queries, services
from regietafel.overleg import taken as overleg_taken
from regietafel.overleg.forms import (
    ActieForm,
    AgendapuntForm,
    BesluitForm,
    BijlageForm,
    OverlegForm,
    RapportForm,
    StatusForm,
)
from regietafel.overleg.models import Actie, ActieStatus, Agendapunt, Besluit, Bijlage, Overleg
from regietafel.overleg.opslag import MIME
from regietafel.overleg.permissions import mag_lezen, mag_persoonsgegevens_zien, mag_schrijven
from regietafel.overleg.tabellen import (
    acties_pagina_tabel,
    acties_tabel,
    agenda_tabel,
    agendapunten_tabel,
    meegenomen_pagina_tabel,
    overleggen_pagina_tabel,
    overleggen_tabel,
)
from regietafel.pagina import provincie_van
from regietafel.taken import services as taken_services
from regietafel.taken.views import bestand_of_status


def lezer(request: HttpRequest) -> Provincie:
    if not mag_lezen(request.user):
        raise PermissionDenied("Overleggen zijn niet toegankelijk voor uw rol.")
    return provincie_van(request)


def schrijver(request: HttpRequest) -> Provincie:
    provincie = lezer(request)
    if not mag_schrijven(request.user, provincie):
        raise PermissionDenied("Alleen het secretariaat mag overleggen wijzigen.")
    return provincie


def _overleg(request: HttpRequest, provincie: Provincie, pk: int) -> Overleg:
    try:
        return queries.overleg_volledig(provincie, pk)
    except Overleg.DoesNotExist as exc:
        raise Http404("Overleg niet gevonden.") from exc


def _punt(provincie: Provincie, pk: int) -> Agendapunt:
    return get_object_or_404(
        Agendapunt.objects.select_related("overleg__provincie"), pk=pk, overleg__provincie=provincie
    )


# ------------------------------------------------------------------ list


@require_http_methods(["GET", "POST"])
def lijst_view(request: HttpRequest) -> HttpResponse:
    provincie = lezer(request)
    schrijven = mag_schrijven(request.user, provincie)
    form = OverlegForm(initial={"soort": "bestuurlijk"}) if schrijven else None
    if request.method == "POST":
        schrijver(request)
        form = OverlegForm(request.POST)
        if antwoord := bewaar_formulier(
            request,
            form,
            lambda d: services.bewaar_overleg(
                door=request.user, provincie=provincie, waarden=dict(d), alleen_nieuw=True
            ),
            melding=lambda o: f"Overleg van {opmaak.datum(o.datum)} opgeslagen.",
            naar=lambda o: redirect("overleg:overleg", o.pk),
        ):
            return antwoord
    komend, voorbij = queries.komend_en_voorbij(provincie)
    if request.method == "GET" and request.GET.get("formaat") == "xlsx":
        tabel = overleggen_tabel([*komend, *voorbij], titel=f"Overleggen PRT {provincie.naam}")
        return xlsx_antwoord(
            [tabel], bestandsnaam=f"overleggen-prt-{provincie.naam.lower()}.xlsx", titel=tabel.titel
        )
    return render(
        request,
        "overleg/lijst.html",
        {
            "provincie": provincie,
            "komend": komend,
            "voorbij": voorbij,
            "komend_tabel": overleggen_pagina_tabel(
                komend, sleutel="komend", titel="Komende overleggen, eerstvolgende bovenaan"
            ),
            "voorbij_tabel": overleggen_pagina_tabel(
                voorbij, sleutel="voorbij", titel="Eerdere overleggen, laatste bovenaan"
            ),
            "form": form,
            "schrijven": schrijven,
        },
    )


# ------------------------------------------------------------------ one meeting


@require_GET
def overleg_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = lezer(request)
    overleg = _overleg(request, provincie, pk)
    schrijven = mag_schrijven(request.user, provincie)
    lijst = queries.lijst(overleg)
    punten = list(overleg.agendapunten.all())
    persoonlijk = mag_persoonsgegevens_zien(request.user, provincie)
    vorig = queries.vorig_overleg(overleg)
    return render(
        request,
        "overleg/overleg.html",
        {
            "provincie": provincie,
            "overleg": overleg,
            "agenda": documenten.agenda_van(overleg),
            "punten": punten,
            "agenda_tabel": agendapunten_tabel(
                punten, vorig=vorig, persoonlijk=persoonlijk, schrijven=schrijven
            ),
            "lijst": lijst,
            "meegenomen_tabel": meegenomen_pagina_tabel(
                lijst, overleg=overleg, schrijven=schrijven, request=request
            ),
            "status": documenten.lijst_status(lijst),
            "schrijven": schrijven,
            "persoonlijk": persoonlijk,
            "vaststelling": any(p.vaststelling_vorige_lijst for p in punten),
            "vorig": vorig,
            "statussen": ActieStatus.choices,
        },
    )


@require_http_methods(["GET", "POST"])
def bewerk_overleg_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = schrijver(request)
    overleg = get_object_or_404(Overleg, pk=pk, provincie=provincie)
    form = OverlegForm(request.POST or None, instance=overleg)
    if request.method == "POST" and (
        antwoord := bewaar_formulier(
            request,
            form,
            lambda d: services.bewaar_overleg(
                door=request.user, provincie=provincie, waarden=dict(d), overleg=overleg
            ),
            melding="Overleg opgeslagen.",
            naar=lambda _: redirect("overleg:overleg", overleg.pk),
        )
    ):
        return antwoord
    return render(
        request,
        "overleg/formulier.html",
        {"form": form, "titel": f"{overleg} bewerken", "terug": overleg},
    )


@require_POST
def instemmen_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = schrijver(request)
    overleg = get_object_or_404(
        Overleg.objects.select_related("provincie"), pk=pk, provincie=provincie
    )
    try:
        vorig = services.stem_in(door=request.user, overleg=overleg)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, f"De actie- en besluitenlijst van {opmaak.datum(vorig.datum)} is ingestemd."
        )
    return redirect("overleg:overleg", overleg.pk)


def _download(inhoud: bytes, mime: str, naam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


def _als_taak(
    request: HttpRequest,
    provincie: Provincie,
    overleg: Overleg,
    soort: str,
    formaat: str,
    naam: str,
    wat: str,
) -> HttpResponse:
    """The stored PDF or Word file of the current data version, or a job that makes it."""
    taak = taken_services.document(
        door=request.user,
        soort=soort,
        sleutel=overleg_taken.sleutel(overleg.pk, formaat),
        omschrijving=f"{wat.capitalize()} PRT {provincie} {opmaak.datum(overleg.datum)} ({formaat.upper()})",
        parameters={"overleg": overleg.pk, "formaat": formaat, "naam": naam},
        provincie=provincie,
        terug_url=reverse("overleg:overleg", args=[overleg.pk]),
    )
    return bestand_of_status(taak)


@require_GET
def agenda_view(request: HttpRequest, pk: int, formaat: str) -> HttpResponse:
    provincie = lezer(request)
    if formaat not in ("pdf", "docx", "xlsx"):
        raise Http404("Onbekend formaat.")
    overleg = _overleg(request, provincie, pk)
    naam = f"agenda-prt-{provincie.naam.lower()}-{overleg.datum:%Y-%m-%d}.{formaat}"
    if formaat == "xlsx":
        tabel = agenda_tabel(documenten.agenda_van(overleg))
        return xlsx_antwoord([tabel], bestandsnaam=naam, titel=tabel.titel)
    return _als_taak(request, provincie, overleg, overleg_taken.AGENDA, formaat, naam, "agenda")


@require_GET
def actielijst_view(request: HttpRequest, pk: int, formaat: str) -> HttpResponse:
    provincie = lezer(request)
    if formaat not in ("pdf", "docx", "xlsx"):
        raise Http404("Onbekend formaat.")
    overleg = _overleg(request, provincie, pk)
    lijst = queries.lijst(overleg)
    concept = "-concept" if lijst.concept else ""
    naam = f"actie-en-besluitenlijst-prt-{provincie.naam.lower()}-{overleg.datum:%Y-%m-%d}{concept}.{formaat}"
    if formaat in ("pdf", "docx"):
        return _als_taak(
            request,
            provincie,
            overleg,
            overleg_taken.ACTIELIJST,
            formaat,
            naam,
            "actie- en besluitenlijst",
        )
    if formaat == "xlsx":
        tabel = acties_tabel(
            [r.actie for r in lijst.alle_acties],
            titel=f"Acties PRT {opmaak.datum(overleg.datum)}",
            bijschrift="Acties van dit overleg en de meegenomen open acties van eerdere overleggen.",
        )
        return xlsx_antwoord([tabel], bestandsnaam=naam, titel=tabel.titel)
    raise Http404("Onbekend formaat.")


# ------------------------------------------------------------------ agenda items


@require_http_methods(["GET", "POST"])
def nieuw_punt_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = schrijver(request)
    overleg = get_object_or_404(
        Overleg.objects.select_related("provincie"), pk=pk, provincie=provincie
    )
    volgend = (max((p.nummer for p in overleg.agendapunten.all()), default=0)) + 1
    form = AgendapuntForm(request.POST or None, initial={"nummer": volgend})
    if request.method == "POST" and (
        antwoord := bewaar_formulier(
            request,
            form,
            lambda d: services.bewaar_agendapunt(
                door=request.user, overleg=overleg, waarden=dict(d), alleen_nieuw=True
            ),
            melding=lambda punt: f"Agendapunt {punt.nummer}{punt.letter} opgeslagen.",
            naar=lambda punt: redirect("overleg:punt", punt.pk),
        )
    ):
        return antwoord
    return render(
        request,
        "overleg/formulier.html",
        {"form": form, "titel": f"Nieuw agendapunt — {overleg}", "terug": overleg},
    )


def _punt_context(request: HttpRequest, punt: Agendapunt, **formulieren: Any) -> dict[str, Any]:
    return {
        "punt": punt,
        "overleg": punt.overleg,
        "form": formulieren.get("form") or AgendapuntForm(instance=punt),
        "besluit_form": formulieren.get("besluit_form") or BesluitForm(),
        "actie_form": formulieren.get("actie_form") or ActieForm(),
        "bijlage_form": formulieren.get("bijlage_form") or BijlageForm(),
        "rapport_form": formulieren.get("rapport_form")
        or RapportForm(initial={"peildatum": eerste_van_maand(punt.overleg.datum)}),
        "bijlagen": list(punt.bijlagen.all()),
        "besluiten": list(punt.besluiten.all()),
        "acties": list(punt.acties.select_related("afgerond_in")),
    }


@require_http_methods(["GET", "POST"])
def punt_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = schrijver(request)
    punt = _punt(provincie, pk)
    if request.method == "POST":
        form = AgendapuntForm(request.POST, instance=_punt(provincie, pk))
        if antwoord := bewaar_formulier(
            request,
            form,
            lambda d: services.bewaar_agendapunt(
                door=request.user, overleg=punt.overleg, waarden=dict(d), punt=punt
            ),
            melding="Agendapunt opgeslagen.",
            naar=lambda _: redirect(
                reverse("overleg:overleg", args=[punt.overleg_id]) + f"#punt-{punt.pk}"
            ),
        ):
            return antwoord
        return render(request, "overleg/punt.html", _punt_context(request, punt, form=form))
    return render(request, "overleg/punt.html", _punt_context(request, punt))


@require_POST
def verwijder_punt_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = schrijver(request)
    punt = _punt(provincie, pk)
    overleg_id = punt.overleg_id
    try:
        services.verwijder_agendapunt(door=request.user, punt=punt)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("overleg:punt", pk)
    messages.success(request, "Agendapunt verwijderd.")
    return redirect("overleg:overleg", overleg_id)


def _formulier_bij_punt(
    request: HttpRequest,
    pk: int,
    form_klasse: type[Any],
    naam: str,
    bewaar: Callable[[Agendapunt, dict[str, Any]], object],
    melding: str,
) -> HttpResponse:
    """A form on an item's page (a decision, an action, an attachment): saved, back to the
    item; refused, the item's page again with the errors on that form."""
    punt = _punt(schrijver(request), pk)
    form = form_klasse(request.POST, request.FILES)
    if antwoord := bewaar_formulier(
        request,
        form,
        lambda d: bewaar(punt, d),
        melding=melding,
        naar=lambda _: redirect("overleg:punt", punt.pk),
    ):
        return antwoord
    return render(request, "overleg/punt.html", _punt_context(request, punt, **{naam: form}))


@require_POST
def besluit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier_bij_punt(
        request,
        pk,
        BesluitForm,
        "besluit_form",
        lambda punt, d: services.bewaar_besluit(door=request.user, punt=punt, tekst=d["tekst"]),
        "Besluit toegevoegd.",
    )


def _verwijder_bij_punt(
    request: HttpRequest,
    model: type[Besluit] | type[Bijlage],
    pk: int,
    verwijder: Callable[[Any], None],
    melding: str,
) -> HttpResponse:
    """Remove a decision or an attachment of an item of the user's provincie; back to the item."""
    obj = cast(
        Besluit | Bijlage,
        get_object_or_404(
            model.objects.select_related("agendapunt__overleg__provincie"),
            pk=pk,
            agendapunt__overleg__provincie=schrijver(request),
        ),
    )
    punt_id = obj.agendapunt_id
    verwijder(obj)
    messages.success(request, melding)
    return redirect("overleg:punt", punt_id)


@require_POST
def verwijder_besluit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _verwijder_bij_punt(
        request,
        Besluit,
        pk,
        lambda besluit: services.verwijder_besluit(door=request.user, besluit=besluit),
        "Besluit verwijderd.",
    )


@require_POST
def actie_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier_bij_punt(
        request,
        pk,
        ActieForm,
        "actie_form",
        lambda punt, d: services.bewaar_actie(door=request.user, punt=punt, waarden=dict(d)),
        "Actie toegevoegd.",
    )


@require_POST
def bijlage_toevoegen_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier_bij_punt(
        request,
        pk,
        BijlageForm,
        "bijlage_form",
        lambda punt, d: services.voeg_bijlage_toe(
            door=request.user,
            punt=punt,
            bestandsnaam=d["bestand"].name,
            data=d["bestand"].read(),
            titel=d["titel"],
            persoonsgegevens=d["persoonsgegevens"],
        ),
        "Bijlage toegevoegd.",
    )


@require_POST
def rapport_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = schrijver(request)
    punt = _punt(provincie, pk)
    form = RapportForm(request.POST)
    if form.is_valid():
        peildatum = form.cleaned_data["peildatum"]
        try:
            services.controleer_stand_van_zaken(door=request.user, punt=punt, peildatum=peildatum)
        except ValidationError as exc:
            fouten_op_formulier(form, exc)
        else:
            # Made by a worker (a PDF takes seconds); its status page links back to the item.
            taak = taken_services.plaats(
                door=request.user,
                soort=overleg_taken.STAND_BIJ_PUNT,
                omschrijving=f"Stand van zaken per {opmaak.datum(peildatum)} bij agendapunt {punt}",
                parameters={"punt": punt.pk, "peildatum": peildatum.isoformat()},
                provincie=provincie,
                terug_url=reverse("overleg:punt", args=[punt.pk]),
            )
            return redirect("taken:taak", taak.pk)
    return render(request, "overleg/punt.html", _punt_context(request, punt, rapport_form=form))


@require_POST
def verwijder_bijlage_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _verwijder_bij_punt(
        request,
        Bijlage,
        pk,
        lambda bijlage: services.verwijder_bijlage(door=request.user, bijlage=bijlage),
        "Bijlage verwijderd.",
    )


@require_GET
def bijlage_view(request: HttpRequest, pk: int) -> HttpResponse:
    provincie = lezer(request)
    bijlage = get_object_or_404(
        Bijlage.objects.select_related("agendapunt__overleg"),
        pk=pk,
        agendapunt__overleg__provincie=provincie,
    )
    if bijlage.persoonsgegevens and not mag_persoonsgegevens_zien(request.user, provincie):
        raise PermissionDenied("Deze bijlage bevat persoonsgegevens.")
    data = queries.lees_bijlage(bijlage)
    if data is None:
        raise Http404("Het bestand is er niet (meer).")
    return _download(
        data, MIME.get(bijlage.extensie, "application/octet-stream"), bijlage.bestandsnaam
    )


# ------------------------------------------------------------------ actions


@require_POST
def actie_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Close or reopen an action in place: a plain form (POST-redirect-GET); with HTMX the row."""
    provincie = schrijver(request)
    actie = get_object_or_404(
        Actie.objects.select_related("agendapunt__overleg__provincie"),
        pk=pk,
        agendapunt__overleg__provincie=provincie,
    )
    form = StatusForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Ongeldige status.")
    overleg = None
    if form.cleaned_data["overleg"]:
        overleg = get_object_or_404(Overleg, pk=form.cleaned_data["overleg"], provincie=provincie)
    try:
        services.zet_actie_status(
            door=request.user, actie=actie, status=form.cleaned_data["status"], overleg=overleg
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, f"Actie is nu {ActieStatus(form.cleaned_data['status']).label.lower()}."
        )
    if overleg is not None:
        return redirect(reverse("overleg:overleg", args=[overleg.pk]) + f"#actie-{actie.pk}")
    return redirect(reverse("overleg:acties") + f"#actie-{actie.pk}")


@require_GET
def acties_view(request: HttpRequest) -> HttpResponse:
    provincie = lezer(request)
    status = request.GET.get("status", "")
    if status not in ("", *ActieStatus.values):
        status = ""
    acties = list(queries.alle_acties(provincie, status))
    vandaag = klok.van_request(request).vandaag
    tabel = acties_tabel(
        acties,
        titel=f"Acties PRT {provincie.naam}",
        bijschrift="Alle acties uit de actie- en besluitenlijsten; open acties bovenaan.",
    )
    if request.GET.get("formaat") == "xlsx":
        return xlsx_antwoord(
            [tabel], bestandsnaam=f"acties-prt-{provincie.naam.lower()}.xlsx", titel=tabel.titel
        )
    schrijven = mag_schrijven(request.user, provincie)
    verlopen = {a.pk for a in acties if a.verlopen(vandaag)}
    return render(
        request,
        "overleg/acties.html",
        {
            "provincie": provincie,
            "acties": acties,
            "acties_tabel": acties_pagina_tabel(
                acties, verlopen=verlopen, schrijven=schrijven, request=request
            ),
            "status": status,
            "statussen": ActieStatus.choices,
            "schrijven": schrijven,
            "vandaag": vandaag,
            "verlopen": verlopen,
        },
    )
