"""A job's status page (HTMX polls its status; without JavaScript a link refreshes it) and
the file it made. ``bestand_of_status`` is what a download view of an app answers."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from regietafel.taken import opslag, soorten
from regietafel.taken.models import Taak
from regietafel.taken.permissions import mag_zien


def _taak(request: HttpRequest, pk: uuid.UUID) -> Taak:
    taak = Taak.objects.select_related("aangevraagd_door").filter(pk=pk).first()
    if taak is None or not mag_zien(request.user, taak):
        raise Http404("Deze taak bestaat niet, of u mag haar niet zien.")
    return taak


def _context(taak: Taak) -> dict[str, object]:
    soort = soorten.zoek(taak.soort)
    return {"taak": taak, "resultaat_template": soort.resultaat_template if soort else ""}


@require_GET
def taak_view(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    taak = _taak(request, pk)
    return render(request, "taken/taak.html", _context(taak))


@require_GET
def status_view(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The status block alone (HTMX swaps it in); a plain request gets the whole page."""
    taak = _taak(request, pk)
    if not request.headers.get("HX-Request"):
        return render(request, "taken/taak.html", _context(taak))
    return render(request, "taken/_status.html", _context(taak))


def bestand(taak: Taak) -> HttpResponse:
    data = opslag.lees(taak.bestand_checksum, taak.bestand_extensie) if taak.heeft_bestand else None
    if data is None:
        raise Http404("Het bestand van deze taak is er niet (meer). Vraag het opnieuw aan.")
    antwoord = HttpResponse(
        data, content_type=opslag.MIME.get(taak.bestand_extensie, "application/octet-stream")
    )
    antwoord["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=taak.bestandsnaam or f"document.{taak.bestand_extensie}"
    )
    return antwoord


@require_GET
def bestand_view(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return bestand(_taak(request, pk))


def bestand_of_status(taak: Taak) -> HttpResponse:
    """A finished job's file at once; an open one's status page (303, the browser follows)."""
    if taak.heeft_bestand and (antwoord := _lees_of_niets(taak)) is not None:
        return antwoord
    antwoord = HttpResponseRedirect(reverse("taken:taak", args=[taak.pk]))
    antwoord.status_code = 303
    return antwoord


def _lees_of_niets(taak: Taak) -> HttpResponse | None:
    try:
        return bestand(taak)
    except Http404:
        return None
