from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.queries import stand_van_zaken


def _provincie(request: HttpRequest) -> Provincie:
    eigen = getattr(request.user, "provincie", None)
    if eigen is not None:
        return eigen
    provincie = Provincie.objects.filter(naam=settings.REGIETAFEL_PROVINCIE).first()
    if provincie is None:
        raise Http404(
            "Er is nog geen provincie geladen. Laad de demo met `regietafel demo drenthe`."
        )
    return provincie


def stand_van_zaken_view(request: HttpRequest) -> HttpResponse:
    provincie = _provincie(request)
    fout = None
    peildatum = None
    if raw := request.GET.get("peildatum"):
        try:
            peildatum = dt.date.fromisoformat(raw)
        except ValueError:
            fout = f"De peildatum {raw!r} is geen datum (verwacht JJJJ-MM-DD); de laatste peildatum wordt getoond."
    stand = stand_van_zaken(provincie, peildatum)
    if peildatum and stand.peildatum not in stand.peildata:
        fout = f"Voor {peildatum:%d-%m-%Y} zijn geen cijfers opgeslagen; de tabellen tonen de laatste stand daarvoor."
    return render(request, "monitoring/stand_van_zaken.html", {"stand": stand, "fout": fout})
