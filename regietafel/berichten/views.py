"""``/account/berichten/``: which e-mail a user gets, switching the non-essential kinds off,
and the messages sent to the user. Thin: parse, call the service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from regietafel.berichten import queries, services, soorten
from regietafel.berichten.models import Bericht
from regietafel.berichten.tabellen import berichten_tabel

LAATSTE = 20


def _pagina(request: HttpRequest, *, fout: str = "", status: int = 200) -> HttpResponse:
    uit = queries.uitgezet(request.user)
    context: dict[str, Any] = {
        "soorten": [
            {"soort": s, "aan": s.essentieel or s.naam not in uit}
            for s in soorten.voor_gebruiker(request.user)
        ],
        "berichten": list(
            Bericht.objects.filter(ontvanger_id=request.user.pk)
            .only("onderwerp", "status", "aangemaakt_op", "verzonden_op", "reden", "adres")
            .order_by("-aangemaakt_op")[:LAATSTE]
        ),
        "fout": fout,
    }
    context["berichten_tabel"] = berichten_tabel(context["berichten"])
    return render(request, "berichten/voorkeuren.html", context, status=status)


@require_http_methods(["GET", "POST"])
def voorkeuren(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _pagina(request)
    try:
        services.zet_voorkeur(
            door=request.user, gebruiker=request.user, aan=request.POST.getlist("aan")
        )
    except ValidationError as exc:
        return _pagina(request, fout=" ".join(exc.messages), status=400)
    messages.success(request, "Uw keuze is opgeslagen.")
    return redirect("account-berichten")
