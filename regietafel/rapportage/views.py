"""Thin views of the reports: parse the request, build the document once, render or download."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from regietafel.core import klok, opmaak
from regietafel.core.datum import OngeldigeDatum, lees_datum
from regietafel.core.excelpagina import pagina_met_excel
from regietafel.core.tabel import Kolom, Tabel
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.queries import lees_cyclus, peildata, stand_van_zaken
from regietafel.opgaven.models import Cyclus
from regietafel.pagina import provincie_van
from regietafel.rapportage import bouwen, teksten, verslag
from regietafel.rapportage import taken as rapport_taken
from regietafel.rapportage.document import Document
from regietafel.rapportage.forms import TekstenForm
from regietafel.rapportage.models import Rapportsoort, RapportVersie
from regietafel.rapportage.permissions import mag_bewerken
from regietafel.rapportage.queries import (
    GeenGegevens,
    controleer_peildatum,
    laatste_versie,
    versies,
    verslag_cycli,
    werkt_met_aanbod,
    zoek_cyclus,
)
from regietafel.rapportage.services import bewaar_versie, stel_vast
from regietafel.rapportage.uitvoer import NAMEN
from regietafel.taken import services as taken_services
from regietafel.taken.views import bestand_of_status


def _peildatum(request: HttpRequest, provincie: Provincie) -> dt.date:
    """``?peildatum``, or the dashboard's: the latest complete peildatum."""
    raw = request.GET.get("peildatum", "")
    if not raw:
        if not peildata(provincie):
            raise Http404(f"Voor {provincie} zijn nog geen cijfers opgeslagen.")
        return stand_van_zaken(provincie).peildatum
    try:
        return lees_datum(raw, wat="peildatum")
    except OngeldigeDatum as exc:
        raise Http404(str(exc)) from exc


def _bekend_op(request: HttpRequest) -> dt.date | None:
    """``?bekend_op=JJJJ-MM-DD``: the stand as known at the end of that day."""
    raw = request.GET.get("bekend_op", "")
    if not raw:
        return None
    try:
        return lees_datum(raw, wat="datum")
    except OngeldigeDatum as exc:
        raise Http404(str(exc)) from exc


def _cyclus_keuze(request: HttpRequest) -> int | None:
    """``?cyclus=JAAR``: compare with the opgave of that Spreidingswet cyclus."""
    jaar, fout = lees_cyclus(request.GET.get("cyclus", ""))
    if fout:
        raise Http404(fout)
    return jaar


def _cyclus(provincie: Provincie, jaar: int) -> Cyclus:
    try:
        return zoek_cyclus(provincie, jaar)
    except GeenGegevens as exc:
        raise Http404(str(exc)) from exc


def lijst_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    data = peildata(provincie)
    # Only a cyclus whose verslag can be made is offered; the others are named, with why.
    cycli, zonder_opgaven = verslag_cycli(provincie)
    gekozen_peildatum = None
    if raw := request.GET.get("peildatum"):
        try:
            gekozen_peildatum = lees_datum(raw, wat="peildatum")
        except OngeldigeDatum as exc:
            messages.warning(request, str(exc))
    if gekozen_peildatum not in data:
        gekozen_peildatum = stand_van_zaken(provincie).peildatum if data else None
    gekozen_jaar = request.GET.get("cyclus")
    jaren = [c.jaar for c in cycli]
    jaar = (
        int(gekozen_jaar)
        if gekozen_jaar and gekozen_jaar.isascii() and gekozen_jaar.isdigit()
        else None
    )
    if jaar is not None and jaar not in jaren:
        if jaar in {c.jaar for c in zonder_opgaven}:
            messages.info(
                request,
                f"Het verslag van cyclus {jaar} kan nog niet worden gemaakt: voor {provincie} "
                "zijn in die cyclus nog geen opgaven vastgelegd.",
            )
        jaar = None
    if jaar is None:
        jaar = cycli[0].jaar if cycli else None
    bewaard = list(versies(provincie))
    tabel = versies_tabel(bewaard) if bewaard else None
    return pagina_met_excel(
        request,
        "rapportage/lijst.html",
        {
            "provincie": provincie,
            "peildata": data,
            "peildatum": gekozen_peildatum,
            "cycli": cycli,
            "zonder_opgaven": zonder_opgaven,
            "jaar": jaar,
            "stand_links": stand_van_zaken_links(gekozen_peildatum) if gekozen_peildatum else [],
            "verslag_links": verslag_links(jaar) if jaar else [],
            "versies": bewaard,
            "versies_tabel": tabel,
            "bewerken": mag_bewerken(request.user, provincie),
        },
        tabellen=[tabel] if tabel else [],
        bestandsnaam=f"rapportversies-{provincie.naam}",
        titel=f"Bewaarde versies van de rapportteksten, {provincie.naam}",
    )


def versies_tabel(bewaard: list[RapportVersie]) -> Tabel:
    """The saved versions of the report texts, as the list page shows them."""
    return Tabel(
        sleutel="Versies",
        titel="Bewaarde versies van de teksten",
        bijschrift="Elke bewerking is een nieuwe versie; de nieuwste wordt gebruikt.",
        kolommen=(
            Kolom("Rapport", "tekst", breedte=30),
            Kolom("Peildatum of cyclus", "tekst", breedte=30),
            Kolom("Versie", breedte=7),
            Kolom("Versiedatum", "datum", breedte=12),
            Kolom("Aan", "tekst", breedte=40),
            Kolom("Bewaard", "tekst", breedte=16),
            Kolom("Bewaard door", "tekst", breedte=16),
        ),
        rijen=tuple(
            (
                v.get_soort_display(),
                opmaak.datum(v.peildatum) if v.peildatum else str(v.cyclus),
                v.volgnummer,
                v.versie_datum,
                v.adressering,
                opmaak.moment(v.aangemaakt_op),
                v.aangemaakt_door.get_username() if v.aangemaakt_door else "",
            )
            for v in bewaard
        ),
    )


def _voorbeeld(
    request: HttpRequest, document: Document, links: list[tuple[str, str]]
) -> HttpResponse:
    return render(request, "rapportage/voorbeeld.html", {"document": document, "links": links})


def stand_van_zaken_links(
    peildatum: dt.date,
    bekend_op: dt.date | None = None,
    cyclus: int | None = None,
    download: str = "rapportage:stand-van-zaken-download",
) -> list[tuple[str, str]]:
    """(label, url) of the downloads: the buttons on this page and on the monitoring page
    (``download``: the URL name, the national one for the national Stand van zaken)."""
    parameters = {"peildatum": peildatum.isoformat()}
    if bekend_op:
        parameters["bekend_op"] = bekend_op.isoformat()
    if cyclus is not None:
        parameters["cyclus"] = str(cyclus)
    query = urlencode(parameters)
    return [
        (naam, f"{reverse(download, args=[formaat])}?{query}") for formaat, naam in NAMEN.items()
    ]


def verslag_links(jaar: int) -> list[tuple[str, str]]:
    return [
        (naam, reverse("rapportage:verslag-download", args=[jaar, formaat]))
        for formaat, naam in NAMEN.items()
    ]


def stand_van_zaken_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    peildatum = _peildatum(request, provincie)
    bekend_op = _bekend_op(request)
    cyclus = _cyclus_keuze(request)
    try:
        document = bouwen.stand_document(provincie, peildatum, bekend_op=bekend_op, cyclus=cyclus)
    except GeenGegevens as exc:
        raise Http404(str(exc)) from exc
    return _voorbeeld(request, document, stand_van_zaken_links(peildatum, bekend_op, cyclus))


@require_GET
def stand_van_zaken_download_view(request: HttpRequest, formaat: str) -> HttpResponse:
    """The stored document of the current data version at once; otherwise a job makes it
    and the browser goes to its status page (which offers the download when it is done)."""
    provincie = provincie_van(request)
    peildatum = _peildatum(request, provincie)
    bekend_op = _bekend_op(request)
    cyclus = _cyclus_keuze(request)

    def vooraf() -> None:
        if peildatum not in peildata(provincie):
            raise Http404(
                f"Voor {provincie} zijn geen cijfers opgeslagen met peildatum {opmaak.datum(peildatum)}."
            )
        if cyclus is not None:
            try:
                controleer_peildatum(provincie, peildatum, bekend_op, cyclus)
            except GeenGegevens as exc:
                raise Http404(str(exc)) from exc

    lijst = f"{reverse('rapportage:lijst')}?{urlencode({'peildatum': peildatum.isoformat()})}"
    taak = taken_services.document(
        door=request.user,
        soort=rapport_taken.STAND,
        sleutel=rapport_taken.stand_sleutel(provincie, peildatum, formaat, bekend_op, cyclus),
        omschrijving=(
            f"Stand van zaken {provincie}, peildatum {opmaak.datum(peildatum)}"
            + (f", zoals bekend op {opmaak.datum(bekend_op)}" if bekend_op else "")
            + (f", opgave cyclus {cyclus}" if cyclus is not None else "")
            + f" ({NAMEN[formaat]})"
        ),
        parameters={
            "provincie": provincie.pk,
            "peildatum": peildatum.isoformat(),
            "bekend_op": bekend_op.isoformat() if bekend_op else None,
            "formaat": formaat,
            **({"cyclus": cyclus} if cyclus is not None else {}),
        },
        provincie=provincie,
        terug_url=lijst,
        vooraf=vooraf,
    )
    return bestand_of_status(taak)


def verslag_view(request: HttpRequest, jaar: int) -> HttpResponse:
    provincie = provincie_van(request)
    cyclus = _cyclus(provincie, jaar)
    document = verslag.verslag_document(provincie, cyclus)
    if not werkt_met_aanbod(cyclus):
        return _voorbeeld(request, document, verslag_links(jaar))
    versie = laatste_versie(Rapportsoort.VERSLAG, provincie, cyclus=cyclus)
    return render(
        request,
        "rapportage/voorbeeld.html",
        {
            "document": document,
            "links": verslag_links(jaar),
            "vaststellen": {
                "jaar": jaar,
                "versie": versie,
                "mag": mag_bewerken(request.user, provincie),
                "teksten": reverse("rapportage:verslag-teksten", args=[jaar]),
            },
        },
    )


@require_POST
def verslag_vaststellen_view(request: HttpRequest, jaar: int) -> HttpResponse:
    """The secretariaat approves the newest version of the verslag's texts: no more CONCEPT.
    Without a stored version, the default texts are stored first (as version 1)."""
    provincie = provincie_van(request)
    if not mag_bewerken(request.user, provincie):
        raise PermissionDenied("Alleen het secretariaat van de PRT stelt het verslag vast.")
    cyclus = _cyclus(provincie, jaar)
    if not werkt_met_aanbod(cyclus):
        raise Http404("Het verslag van deze cyclus is al verstuurd; het wordt niet vastgesteld.")
    versie = laatste_versie(Rapportsoort.VERSLAG, provincie, cyclus=cyclus)
    try:
        if versie is None:
            versie = bewaar_versie(
                door=request.user,
                soort=Rapportsoort.VERSLAG,
                provincie=provincie,
                cyclus=cyclus,
                versie_datum=klok.van_request(request).vandaag,
                teksten=teksten.standaardteksten_met_brieven(
                    Rapportsoort.VERSLAG,
                    provincie=provincie.naam,
                    jaar1=cyclus.begin.year,
                    jaar2=cyclus.eind.year,
                ),
                bron="vaststellen",
            )
        stel_vast(door=request.user, versie=versie)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Versie {versie.volgnummer} van het verslag is vastgesteld: geen CONCEPT meer.",
        )
    return redirect("rapportage:verslag", jaar=jaar)


def _vooraf_verslag(provincie: Provincie, jaar: int) -> None:
    _cyclus(provincie, jaar)  # a 404 without that cyclus


@require_GET
def verslag_download_view(request: HttpRequest, jaar: int, formaat: str) -> HttpResponse:
    """As ``stand_van_zaken_download_view``: stored, or made by a job."""
    provincie = provincie_van(request)
    taak = taken_services.document(
        door=request.user,
        soort=rapport_taken.VERSLAG,
        sleutel=rapport_taken.verslag_sleutel(provincie, jaar, formaat),
        omschrijving=f"Provinciaal verslag {provincie}, cyclus {jaar} ({NAMEN[formaat]})",
        parameters={"provincie": provincie.pk, "jaar": jaar, "formaat": formaat},
        provincie=provincie,
        terug_url=f"{reverse('rapportage:lijst')}?{urlencode({'cyclus': jaar})}",
        vooraf=lambda: _vooraf_verslag(provincie, jaar),
    )
    return bestand_of_status(taak)


def _teksten(
    request: HttpRequest,
    *,
    soort: str,
    provincie: Provincie,
    titel: str,
    terug: str,
    peildatum: dt.date | None = None,
    cyclus: Cyclus | None = None,
    waarden: dict[str, object],
    brieven: bool = False,
) -> HttpResponse:
    if not mag_bewerken(request.user, provincie):
        raise PermissionDenied(
            "Alleen het secretariaat van de PRT mag de teksten van een rapport bewerken."
        )
    versie = laatste_versie(soort, provincie, peildatum=peildatum, cyclus=cyclus)
    huidig = (
        teksten.standaardteksten_met_brieven(soort, **waarden)
        if brieven
        else teksten.standaardteksten(soort, **waarden)
    )
    if versie is not None:
        huidig.update({k: v for k, v in versie.teksten.items() if k in huidig})
    if request.method == "POST":
        form = TekstenForm(request.POST, soort=soort, brieven=brieven)
        if form.is_valid():
            try:
                nieuw = bewaar_versie(
                    door=request.user,
                    soort=soort,
                    provincie=provincie,
                    peildatum=peildatum,
                    cyclus=cyclus,
                    versie_datum=form.cleaned_data["versie_datum"],
                    adressering=form.cleaned_data["adressering"],
                    teksten=form.teksten(),
                    bron="teksten bewerken",
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Versie {nieuw.volgnummer} van de teksten is bewaard.")
                return redirect(terug)
    else:
        form = TekstenForm(
            soort=soort,
            brieven=brieven,
            initial={
                "versie_datum": klok.van_request(request).vandaag,
                "adressering": versie.adressering if versie else "",
                **TekstenForm.beginwaarden(huidig),
            },
        )
    return render(
        request,
        "rapportage/teksten.html",
        {"form": form, "titel": titel, "versie": versie, "terug": terug, "provincie": provincie},
    )


def stand_van_zaken_teksten_view(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    peildatum = _peildatum(request, provincie)
    if peildatum not in peildata(provincie):
        raise Http404(
            f"Voor {provincie} zijn geen cijfers opgeslagen met peildatum {peildatum:%Y-%m-%d}."
        )
    terug = f"{reverse('rapportage:lijst')}?{urlencode({'peildatum': peildatum.isoformat()})}"
    return _teksten(
        request,
        soort=Rapportsoort.STAND_VAN_ZAKEN,
        provincie=provincie,
        titel=f"Stand van zaken {provincie}, peildatum {opmaak.datum(peildatum)}",
        terug=terug,
        peildatum=peildatum,
        waarden={"provincie": provincie.naam},
    )


def verslag_teksten_view(request: HttpRequest, jaar: int) -> HttpResponse:
    provincie = provincie_van(request)
    cyclus = _cyclus(provincie, jaar)
    terug = f"{reverse('rapportage:lijst')}?{urlencode({'cyclus': jaar})}"
    return _teksten(
        request,
        soort=Rapportsoort.VERSLAG,
        provincie=provincie,
        titel=f"Provinciaal verslag {provincie}, {cyclus.naam}",
        terug=terug,
        cyclus=cyclus,
        waarden={
            "provincie": provincie.naam,
            "jaar1": cyclus.begin.year,
            "jaar2": cyclus.eind.year,
        },
        brieven=werkt_met_aanbod(cyclus),
    )
