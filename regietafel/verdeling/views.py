"""Thin views of the verdeling workbench: parse the request, call a service or a query, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from regietafel.core.excelpagina import pagina_met_excel
from regietafel.gemeenten.models import Provincie
from regietafel.opgaven.models import Cyclus, CyclusSoort
from regietafel.pagina import provincie_van
from regietafel.verdeling import exports, tabellen
from regietafel.verdeling.forms import NieuwScenarioForm, scenario_formulieren
from regietafel.verdeling.grafiek import grafieken
from regietafel.verdeling.models import Scenario
from regietafel.verdeling.permissions import mag_bewerken
from regietafel.verdeling.queries import (
    oekraine_verdeling,
    scenario_volledig,
    scenarios,
    spreidingswet_cycli,
    vergelijk,
    werkblad,
)
from regietafel.verdeling.services import (
    kopieer_scenario,
    maak_scenario,
    verwijder_scenario,
    wijzig_scenario,
)


def _bewerker(request: HttpRequest, provincie: Provincie | None = None) -> None:
    """The scenarios of the page's provincie (a scenario of another one is a 404 already)."""
    if not mag_bewerken(request.user, provincie or provincie_van(request)):
        raise PermissionDenied("Alleen het secretariaat mag scenario's aanmaken of wijzigen.")


def _scenario(
    request: HttpRequest, pk: int, qs: Callable[[Provincie], QuerySet[Scenario]]
) -> Scenario:
    return get_object_or_404(qs(provincie_van(request)), pk=pk)


# --------------------------------------------------------------------- list


def _lijst(
    request: HttpRequest, provincie: Provincie, nieuw: NieuwScenarioForm | None
) -> HttpResponse:
    cycli = spreidingswet_cycli(provincie)
    if nieuw is None:
        nieuw = NieuwScenarioForm(
            cycli=[(str(c.pk), str(c)) for c in cycli],
            initial={"cyclus": str(cycli[0].pk) if cycli else ""},
        )
    lijst = list(scenarios(provincie))
    tabel = tabellen.scenarios_tabel(lijst) if lijst else None
    return pagina_met_excel(
        request,
        "verdeling/lijst.html",
        {
            "provincie": provincie,
            "scenarios": lijst,
            "tabel": tabel,
            "nieuw": nieuw,
            "cycli": cycli,
            "bewerken": mag_bewerken(request.user, provincie),
        },
        tabellen=[tabel] if tabel else [],
        bestandsnaam=f"scenarios-{provincie.naam}",
        titel=f"Scenario's {provincie.naam}",
        status=400 if nieuw.is_bound and nieuw.errors else 200,
    )


def lijst_view(request: HttpRequest) -> HttpResponse:
    return _lijst(request, provincie_van(request), None)


@require_POST
def nieuw_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    _bewerker(request, provincie)
    cycli = {str(c.pk): c for c in spreidingswet_cycli(provincie)}
    form = NieuwScenarioForm(request.POST, cycli=[(k, str(c)) for k, c in cycli.items()])
    if not form.is_valid():
        return _lijst(request, provincie, form)
    try:
        scenario = maak_scenario(
            door=request.user,
            provincie=provincie,
            cyclus=cycli[form.cleaned_data["cyclus"]],
            naam=form.cleaned_data["naam"],
        )
    except ValidationError as fout:
        form.add_error(None, fout)
        return _lijst(request, provincie, form)
    messages.success(request, f"Scenario ‘{scenario.naam}’ is aangemaakt uit {scenario.cyclus}.")
    return redirect("verdeling:scenario", pk=scenario.pk)


@require_POST
def kopieer_view(request: HttpRequest, pk: int) -> HttpResponse:
    origineel = _scenario(request, pk, scenario_volledig)
    _bewerker(request)
    kopie = kopieer_scenario(door=request.user, scenario=origineel)
    messages.success(request, f"Scenario ‘{origineel.naam}’ is gekopieerd naar ‘{kopie.naam}’.")
    return redirect("verdeling:scenario", pk=kopie.pk)


@require_http_methods(["GET", "POST"])
def verwijder_view(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _scenario(request, pk, scenarios)
    _bewerker(request)
    if request.method == "POST":
        naam = scenario.naam
        verwijder_scenario(door=request.user, scenario=scenario)
        messages.success(request, f"Scenario ‘{naam}’ is verwijderd.")
        return redirect("verdeling:lijst")
    return render(request, "verdeling/verwijder.html", {"scenario": scenario})


# ------------------------------------------------------------------- detail


def _meld_opgeslagen(request: HttpRequest, n: int) -> None:
    if n:
        messages.success(
            request,
            f"Opgeslagen ({n} wijziging{'' if n == 1 else 'en'}); de verdeling is opnieuw berekend.",
        )
    else:
        messages.info(request, "Er was niets gewijzigd.")


@require_http_methods(["GET", "POST"])
def scenario_view(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _scenario(request, pk, scenario_volledig)
    rijen = list(scenario.gemeenten.all())
    data = None
    if request.method == "POST":
        _bewerker(request)
        data = request.POST
    formulieren = scenario_formulieren(scenario, rijen, data)
    algemeen: list[str] = []
    if data is not None and formulieren.is_valid():
        try:
            wijzigingen = wijzig_scenario(
                door=request.user, scenario=scenario, **formulieren.invoer()
            )
        except ValidationError as fout:
            algemeen = list(fout.messages)
        else:
            _meld_opgeslagen(request, len(wijzigingen))
            return redirect(reverse("verdeling:scenario", args=[scenario.pk]) + "#uitkomst-kop")
    fouten = formulieren.fouten(algemeen)
    blad = werkblad(scenario)
    t = tabellen.scenario_tabellen(blad, grafieken(blad), rijen)
    return pagina_met_excel(
        request,
        "verdeling/scenario.html",
        {
            "scenario": scenario,
            "werkblad": blad,
            "tabellen": t,
            "bewerken": mag_bewerken(request.user, provincie_van(request)),
            "scenario_form": formulieren.scenario,
            "gemeente_formset": formulieren.gemeenten,
            "invoer_tabel": tabellen.invoer_formulier_tabel(
                list(zip(formulieren.gemeenten.forms, rijen, strict=False))
            ),
            "uitruil_formset": formulieren.uitruil,
            "groep_formset": formulieren.groepen,
            "fouten": fouten,
        },
        tabellen=t.alle(),
        bestandsnaam=f"scenario-{scenario.pk}-tabellen",
        titel=f"Scenario {scenario.naam}",
        status=400 if fouten else 200,
    )


# ----------------------------------------------------------------- compare


def vergelijk_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    alle = list(scenario_volledig(provincie).order_by("naam", "id"))
    per_id = {str(s.pk): s for s in alle}
    a, b = per_id.get(request.GET.get("a", "")), per_id.get(request.GET.get("b", ""))
    fout = None
    if (request.GET.get("a") or request.GET.get("b")) and (a is None or b is None):
        fout = "Kies twee bestaande scenario's om te vergelijken."
    context: dict[str, Any] = {"scenarios": alle, "a": a, "b": b, "fout": fout}
    lijst = []
    if a is not None and b is not None:
        blad_a, blad_b = werkblad(a), werkblad(b)
        lijst = tabellen.vergelijk_tabellen(a, b, blad_a, blad_b, vergelijk(blad_a, blad_b))
        context.update(samenvatting=lijst[0], per_gemeente=lijst[1])
    return pagina_met_excel(
        request,
        "verdeling/vergelijk.html",
        context,
        tabellen=lijst,
        bestandsnaam=f"vergelijking-{a.pk}-{b.pk}" if a and b else "vergelijking",
        titel=f"Vergelijking {a.naam} en {b.naam}" if a and b else "Vergelijking",
    )


# ------------------------------------------------------------------ exports


def _download(inhoud: bytes, soort: str, naam: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=soort)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{naam}"'
    return response


def export_xlsx_view(request: HttpRequest, pk: int) -> HttpResponse:
    blad = werkblad(_scenario(request, pk, scenario_volledig))
    return _download(
        exports.scenario_xlsx(blad),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        exports.bestandsnaam(blad, "verdeling", "xlsx"),
    )


def tabel1_docx_view(request: HttpRequest, pk: int) -> HttpResponse:
    blad = werkblad(_scenario(request, pk, scenario_volledig))
    return _download(
        exports.tabel1_docx(blad),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        exports.bestandsnaam(blad, "tabel1", "docx"),
    )


def tabel1_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    blad = werkblad(_scenario(request, pk, scenario_volledig))
    return _download(
        exports.tabel1_pdf(blad),
        "application/pdf",
        exports.bestandsnaam(blad, "tabel1", "pdf"),
        inline=True,
    )


# ------------------------------------------------------------------ Oekraïne


def oekraine_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    fouten: list[str] = []
    cyclus = None
    if code := request.GET.get("cyclus"):
        cyclus = Cyclus.objects.filter(code=code, soort=CyclusSoort.OEKRAINE).first()
        if cyclus is None:
            fouten.append(f"Onbekende Oekraïne-cyclus {code!r}; de eerste wordt getoond.")
    totaal = None
    gegeven = (request.GET.get("eigen") or request.GET.get("aantal") or "").strip()
    if gegeven:
        ruw = gegeven.replace(".", "")
        if ruw.isascii() and ruw.isdigit() and int(ruw) <= 10_000_000:
            totaal = int(ruw)
        else:
            fouten.append(
                f"‘{gegeven}’ is geen geheel aantal van 0 of meer; de provinciale opgave "
                "wordt verdeeld."
            )
    verdeling = oekraine_verdeling(provincie, cyclus, totaal)
    tabel = tabellen.oekraine_tabel(verdeling)
    return pagina_met_excel(
        request,
        "verdeling/oekraine.html",
        {"v": verdeling, "fouten": fouten, "tabel": tabel},
        tabellen=[tabel],
        bestandsnaam=f"oekraine-{provincie.naam}-{verdeling.totaal}",
        titel=f"Oekraïne-opgave {provincie.naam}: {verdeling.totaal} plaatsen naar inwonertal",
    )
