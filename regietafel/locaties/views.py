"""Thin views of the location register: parse the request, call a query or a service, render."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from regietafel.audit.queries import historie
from regietafel.core import klok, opmaak
from regietafel.core.grafiek import bewaard, grafiek_antwoord, paneel_antwoord
from regietafel.core.tabel import Kolom, Tabel
from regietafel.core.xlsx import xlsx_antwoord
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties import capaciteitprojectie, queries
from regietafel.locaties.forms import BeeindigForm, LocatieForm, lees_maand
from regietafel.locaties.grafiek import BREEDTE, HOOGTE, MAP, PANELEN, Paneel, panelen
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.locaties.permissions import bewerkbare_gemeenten, mag_bewerken, mag_iets_bewerken
from regietafel.locaties.services import beeindig_locatie, maak_locatie, wijzig_locatie
from regietafel.monitoring.queries import nieuwste_peildatum
from regietafel.pagina import provincie_van

# --------------------------------------------------------------------------- helpers


def _locatie(request: HttpRequest, pk: int) -> Locatie:
    """A location of the provincie the user sees; 404 for any other."""
    return get_object_or_404(
        Locatie.objects.select_related("gemeente"),
        pk=pk,
        gemeente__provincie=provincie_van(request),
    )


def _bewerkbaar(request: HttpRequest, locatie: Locatie) -> None:
    if not mag_bewerken(request.user, locatie.gemeente):
        raise PermissionDenied(f"U mag de locaties van {locatie.gemeente.naam} niet wijzigen.")


def _fouten_op_formulier(form: Form, fout: ValidationError) -> None:
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, lijst)
    else:
        form.add_error(None, fout.messages)


def _gemeente_uit_query(request: HttpRequest, provincie: Provincie) -> Gemeente | None:
    code = request.GET.get("gemeente", "").strip()
    if not code:
        return None
    return get_object_or_404(Gemeente, cbs_code=code, provincie=provincie)


def _op_pagina(tabel: Tabel, anker: str, locaties: list[Locatie] | None = None) -> Tabel:
    """The table as the page shows it (``core/tabel.html``): compact, with its id, and where
    each row is a location, the first cell linking to it."""
    if locaties is not None:
        tabel = tabel.met_links([reverse("locaties:detail", args=[loc.pk]) for loc in locaties])
    return replace(tabel, anker=anker, klein=True, klasse="tabel-locaties")


# --------------------------------------------------------------------------- the register


def _filter(request: HttpRequest, provincie: Provincie) -> queries.Filter:
    type_ = request.GET.get("type", "")
    status = request.GET.get("status", "")
    return queries.Filter(
        gemeente=_gemeente_uit_query(request, provincie),
        type=type_ if type_ in LocatieType.values else "",
        status=status if status in LocatieStatus.values else "",
    )


def lijst_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    f = _filter(request, provincie)
    rijen = queries.locaties(provincie, f)
    tabel = queries.register_tabel(provincie, rijen, f)
    return render(
        request,
        "locaties/lijst.html",
        {
            "provincie": provincie,
            "filter": f,
            "gemeenten": Gemeente.objects.filter(provincie=provincie).order_by("naam"),
            "types": LocatieType.choices,
            "statussen": LocatieStatus.choices,
            "tabel": _op_pagina(tabel, "locaties", rijen),
            "excel": f"{reverse('locaties:lijst-excel')}?{request.GET.urlencode()}",
            "bewerken": mag_iets_bewerken(request.user),
        },
    )


def lijst_excel_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    f = _filter(request, provincie)
    tabel = queries.register_tabel(provincie, queries.locaties(provincie, f), f)
    naam = (f.gemeente.naam if f.gemeente else provincie.naam).lower().replace(" ", "-")
    return xlsx_antwoord([tabel], bestandsnaam=f"locaties-{naam}.xlsx", titel=tabel.titel)


def _historie_tabel(regels: list[Any]) -> Tabel:
    """The location's latest changes (the page's table, ``core/tabel.html``)."""

    def leeg(waarde: object) -> str:
        return "–" if waarde is None else str(waarde)

    return Tabel(
        sleutel="Historie",
        titel="Wijzigingen van deze locatie, nieuwste eerst",
        bijschrift="",
        kolommen=(
            Kolom("Moment", "tekst"),
            Kolom("Actie", "tekst"),
            Kolom("Door", "tekst"),
            Kolom("Wijzigingen", "tekst"),
            Kolom("Bron", "tekst"),
        ),
        rijen=tuple(
            (
                opmaak.moment(r.moment),
                r.actie,
                str(r.door) if r.door else "systeem",
                "; ".join(
                    f"{veld}: {leeg(paar[0])} → {leeg(paar[1])}"
                    for veld, paar in r.wijzigingen.items()
                ),
                r.bron,
            )
            for r in regels
        ),
        klein=True,
    )


def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    locatie = _locatie(request, pk)
    regels = list(historie(locatie).select_related("door").order_by("-moment")[:50])
    return render(
        request,
        "locaties/detail.html",
        {
            "locatie": locatie,
            "bewerken": mag_bewerken(request.user, locatie.gemeente),
            "historie": _historie_tabel(regels) if regels else None,
        },
    )


@require_http_methods(["GET", "POST"])
def nieuw_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    gemeenten = bewerkbare_gemeenten(request.user, provincie)
    if not gemeenten:
        raise PermissionDenied("U mag geen locaties vastleggen.")
    keuzes = [(str(g.pk), g.naam) for g in gemeenten]
    if request.method == "POST":
        gekozen = request.POST.get("gemeente", "")
        if gekozen and gekozen not in {k for k, _ in keuzes}:
            raise PermissionDenied("U mag geen locaties van die gemeente vastleggen.")
        form = LocatieForm(request.POST, gemeenten=keuzes)
        if form.is_valid():
            gemeente = next(g for g in gemeenten if str(g.pk) == form.cleaned_data["gemeente"])
            try:
                locatie = maak_locatie(door=request.user, gemeente=gemeente, **form.waarden())
            except ValidationError as fout:
                _fouten_op_formulier(form, fout)
            else:
                messages.success(request, f"Locatie ‘{locatie.naam}’ is vastgelegd.")
                return redirect("locaties:detail", pk=locatie.pk)
    else:
        eerste = request.GET.get("gemeente", "")
        begin = next((k for k, _ in keuzes if k == eerste), keuzes[0][0])
        form = LocatieForm(
            gemeenten=keuzes, initial={"gemeente": begin, "status": LocatieStatus.GEPLAND}
        )
    return render(
        request,
        "locaties/formulier.html",
        {"form": form, "titel": "Nieuwe locatie", "locatie": None},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def wijzig_view(request: HttpRequest, pk: int) -> HttpResponse:
    locatie = _locatie(request, pk)
    _bewerkbaar(request, locatie)
    if locatie.status == LocatieStatus.BEEINDIGD:
        messages.warning(request, "Deze locatie is beëindigd en wordt niet meer gewijzigd.")
        return redirect("locaties:detail", pk=locatie.pk)
    if request.method == "POST":
        form = LocatieForm(request.POST)
        if form.is_valid():
            try:
                veranderd = wijzig_locatie(door=request.user, locatie=locatie, **form.waarden())
            except ValidationError as fout:
                _fouten_op_formulier(form, fout)
            else:
                messages.success(
                    request,
                    f"Locatie ‘{form.cleaned_data['naam']}’ is gewijzigd."
                    if veranderd
                    else "Er was niets gewijzigd.",
                )
                return redirect("locaties:detail", pk=locatie.pk)
    else:
        form = LocatieForm(
            initial={
                veld: getattr(locatie, veld)
                for veld in LocatieForm.base_fields
                if veld != "gemeente"
            }
        )
    return render(
        request,
        "locaties/formulier.html",
        {"form": form, "titel": f"Locatie {locatie.naam} wijzigen", "locatie": locatie},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def beeindig_view(request: HttpRequest, pk: int) -> HttpResponse:
    locatie = _locatie(request, pk)
    _bewerkbaar(request, locatie)
    if locatie.status == LocatieStatus.BEEINDIGD:
        messages.warning(request, "Deze locatie is al beëindigd.")
        return redirect("locaties:detail", pk=locatie.pk)
    if request.method == "POST":
        form = BeeindigForm(request.POST)
        if form.is_valid():
            try:
                beeindig_locatie(
                    door=request.user,
                    locatie=locatie,
                    einddatum=form.cleaned_data["einddatum"],
                    reden=form.cleaned_data["reden"],
                )
            except ValidationError as fout:
                _fouten_op_formulier(form, fout)
            else:
                messages.success(request, f"Locatie ‘{locatie.naam}’ is beëindigd.")
                return redirect("locaties:detail", pk=locatie.pk)
    else:
        form = BeeindigForm(
            initial={"einddatum": locatie.beschikbaar_tot or klok.van_request(request).vandaag}
        )
    return render(
        request,
        "locaties/beeindig.html",
        {"form": form, "locatie": locatie},
        status=400 if form.is_bound and form.errors else 200,
    )


# --------------------------------------------------------------------------- capacity


def _standaard_van(provincie: Provincie) -> dt.date:
    """The month the projection starts by default: the newest peildatum with figures (the
    dashboard's stand), else the current month."""
    return nieuwste_peildatum(provincie) or klok.deze_maand()


def _capaciteit(
    request: HttpRequest, provincie: Provincie | None = None
) -> tuple[queries.Capaciteit, str | None]:
    provincie = provincie or provincie_van(request)
    gemeente = _gemeente_uit_query(request, provincie)
    fout = None
    van = None
    if raw := request.GET.get("van", "").strip():
        van = lees_maand(raw)
        if van is None:
            fout = f"‘{raw}’ is geen maand (verwacht JJJJ-MM); de projectie begint bij de laatste peildatum."
    maanden = capaciteitprojectie.MAANDEN
    return queries.capaciteit(provincie, van or _standaard_van(provincie), maanden, gemeente), fout


def capaciteit_pagina(c: queries.Capaciteit) -> tuple[Tabel, Tabel, list[Paneel]]:
    """The page's projection table and expiring contracts as shown, and its charts."""
    return (
        _op_pagina(queries.projectie_tabel(c), "capaciteit"),
        _op_pagina(queries.aflopend_tabel(c), "aflopend", [a.locatie for a in c.aflopend]),
        panelen(c),
    )


def capaciteit_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    # The provincie's page by default (from its newest peildatum) is stored per change of the
    # figures and locations (the job makes it); a gemeente or another month is computed.
    opgeslagen = (
        capaciteitprojectie.lees(provincie)
        if not request.GET.get("gemeente") and not request.GET.get("van", "").strip()
        else None
    )
    if opgeslagen is not None:
        c, (tabel, aflopend, grafieken) = opgeslagen
        fout = None
    else:
        c, fout = _capaciteit(request, provincie)
        tabel, aflopend, grafieken = capaciteit_pagina(c)
    query = {"van": f"{c.van:%Y-%m}", **({"gemeente": c.gemeente.cbs_code} if c.gemeente else {})}
    # What the chart's URL needs to draw it when it is not stored yet.
    bron = urlencode({"provincie": c.provincie.code, **query})
    return render(
        request,
        "locaties/capaciteit.html",
        {
            "c": c,
            "fout": fout,
            "panelen": [
                (
                    p,
                    f"{reverse('locaties:capaciteit-grafiek', args=[p.sleutel, p.grafiek])}?{bron}",
                )
                for p in grafieken
            ],
            "breedte": BREEDTE,
            "hoogte": HOOGTE,
            "tabel": tabel,
            "aflopend": aflopend,
            "gemeenten": Gemeente.objects.filter(provincie=c.provincie).order_by("naam"),
            "excel": f"{reverse('locaties:capaciteit-excel')}?{urlencode(query)}",
        },
    )


def capaciteit_grafiek(request: HttpRequest, paneel: str, sleutel: str) -> HttpResponse:
    """One capacity chart as SVG: the stored one of its key, else drawn now from the figures of
    ``?provincie=``, ``?gemeente=`` and ``?van=`` (with the other charts of the page) and
    stored. Only for those who may read the provincie."""
    if paneel not in PANELEN:
        raise Http404("Deze grafiek bestaat niet.")
    map_ = f"{MAP}-{provincie_van(request).pk}"
    if (svg := bewaard(map_, sleutel)) is not None:
        return grafiek_antwoord(svg)
    c, _fout = _capaciteit(request)
    return paneel_antwoord(map_, panelen(c), paneel, sleutel)


def capaciteit_excel_view(request: HttpRequest) -> HttpResponse:
    c, _ = _capaciteit(request)
    naam = c.naam.lower().replace(" ", "-")
    return xlsx_antwoord(
        [queries.projectie_tabel(c), queries.aflopend_tabel(c)],
        bestandsnaam=f"capaciteit-{naam}-{c.van:%Y-%m}.xlsx",
        titel=f"Capaciteit {c.naam} vanaf {opmaak.maand(c.van)}",
    )
