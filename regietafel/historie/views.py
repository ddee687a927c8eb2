"""Historie: the changes of one record, and the provincie-wide Wijzigingen list.

Thin: the access rule is historie.permissions, the tables are historie.queries. A record the user
may not read answers 404, the same as a record that does not exist.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from regietafel.audit.models import AuditRegel
from regietafel.audit.reikwijdte import reikwijdte
from regietafel.core.xlsx import xlsx_antwoord
from regietafel.gemeenten.models import Provincie
from regietafel.historie import queries
from regietafel.historie.forms import WijzigingenFilter
from regietafel.historie.permissions import (
    mag_historie_lezen,
    mag_wijzigingen_zien,
    wijzigingen_provincie_id,
)

PER_PAGINA = 50
MAX_EXPORT = 20_000


def _model(app_label: str, model: str) -> type[models.Model]:
    """A model of the project's own apps (``regietafel.*``); Django's and third-party
    models (users of ``auth``, sessions, API keys, login attempts) have no history page."""
    try:
        klasse = apps.get_model(app_label, model)
    except (LookupError, ValueError) as fout:
        raise Http404("Onbekende soort record.") from fout
    if not klasse._meta.app_config.name.startswith("regietafel."):  # type: ignore[union-attr]
        raise Http404("Onbekende soort record.")
    return klasse


def _record(model: type[models.Model], pk: str) -> models.Model | None:
    try:
        return model._default_manager.filter(pk=pk).first()
    except (ValueError, TypeError, ValidationError) as fout:
        raise Http404("Onbekend record.") from fout


@require_GET
def historie(request: HttpRequest, app_label: str, model: str, pk: str) -> HttpResponse:
    klasse = _model(app_label, model)
    label = klasse._meta.label_lower
    obj = _record(klasse, pk)
    object_id = str(obj.pk) if obj is not None else pk
    regels = list(
        AuditRegel.objects.filter(object_type=label, object_id=object_id).select_related("door")
    )
    if obj is not None:
        gemeente_id, provincie_id = reikwijdte(obj)
    elif regels:  # deleted: the scope it had when it changed last
        gemeente_id, provincie_id = regels[0].gemeente_id, regels[0].provincie_id
    else:
        raise Http404("Onbekend record.")
    if not mag_historie_lezen(
        request.user,
        label,
        gemeente_id=gemeente_id,
        provincie_id=provincie_id,
        object_id=object_id,
    ):
        raise Http404("Dit record bestaat niet of is niet voor u.")
    omschrijving = str(obj) if obj is not None else regels[0].object_omschrijving
    soort = str(klasse._meta.verbose_name)
    formaat = request.GET.get("formaat", "")
    if formaat in ("xlsx", "csv"):
        tabel = queries.record_tabel(f"{soort} {omschrijving}", regels)
        naam = f"historie-{label.replace('.', '-')}-{object_id}.{formaat}"
        if formaat == "csv":
            return queries.csv_antwoord(tabel, bestandsnaam=naam)
        return xlsx_antwoord([tabel], bestandsnaam=naam, titel=tabel.titel)
    return render(
        request,
        "historie/historie.html",
        {
            "soort": soort,
            "omschrijving": omschrijving,
            "verwijderd": obj is None,
            "regels": regels,
            "tabel": queries.record_pagina_tabel(regels),
        },
    )


@require_GET
def wijzigingen(request: HttpRequest) -> HttpResponse:
    if not mag_wijzigingen_zien(request.user):
        raise PermissionDenied("De lijst van wijzigingen is voor het secretariaat en beheerders.")
    eigen_provincie_id = wijzigingen_provincie_id(request.user)
    filter_form = WijzigingenFilter(request.GET or None, provincie_id=eigen_provincie_id)
    criteria: dict[str, Any] = {"provincie_id": eigen_provincie_id}
    if filter_form.is_bound and filter_form.is_valid():
        data = filter_form.cleaned_data
        if eigen_provincie_id is None and data.get("provincie"):
            criteria["provincie_id"] = data["provincie"].pk
        criteria.update(
            object_type=data.get("soort") or "",
            gemeente_id=data["gemeente"].pk if data.get("gemeente") else None,
            door_id=data["door"].pk if data.get("door") else None,
            van=data.get("van"),
            tot=data.get("tot"),
        )
    qs = queries.lijst_queryset(**criteria)
    provincie = (
        Provincie.objects.filter(pk=criteria["provincie_id"]).first()
        if criteria["provincie_id"]
        else None
    )
    titel = f"Wijzigingen {provincie}" if provincie else "Wijzigingen, alle provincies"
    formaat = request.GET.get("formaat", "")
    if formaat in ("xlsx", "csv"):
        tabel = queries.lijst_tabel(titel, qs[:MAX_EXPORT])
        naam = f"wijzigingen{'-' + provincie.naam.lower() if provincie else ''}.{formaat}"
        if formaat == "csv":
            return queries.csv_antwoord(tabel, bestandsnaam=naam)
        return xlsx_antwoord([tabel], bestandsnaam=naam, titel=titel)
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    caption = (
        f"{pagina.paginator.count} wijzigingen, nieuwste bovenaan "
        f"(pagina {pagina.number} van {pagina.paginator.num_pages})"
    )
    rijen = list(pagina.object_list)
    zoek = request.GET.copy()
    zoek.pop("pagina", None)
    zoek.pop("formaat", None)
    return render(
        request,
        "historie/wijzigingen.html",
        {
            "titel": titel,
            "filter": filter_form,
            "pagina": pagina,
            "rijen": rijen,
            "tabel": queries.lijst_pagina_tabel(caption, rijen),
            "zoek": zoek.urlencode(),
            "max_export": MAX_EXPORT,
        },
    )
