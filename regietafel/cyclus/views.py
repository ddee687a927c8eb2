"""The pages of the cycle. Thin: parse the request, check the permission
(``cyclus.permissions``, ``aanlevering.permissions`` for the imports), call a service or a
query, render. Every page works without JavaScript."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST

from regietafel.aanlevering.importeren import Samenvatting
from regietafel.aanlevering.opslag import bestandsnaam
from regietafel.aanlevering.permissions import mag_opgaven_importeren
from regietafel.aanlevering.services import importeer_indicatief, importeer_verdeelbesluit
from regietafel.aanlevering.tabellen import veranderingen_tabel
from regietafel.core import klok
from regietafel.core.excelpagina import pagina_met_excel
from regietafel.core.opslag import MIME, Bestandsmap, extensie
from regietafel.cyclus import tabellen
from regietafel.cyclus.forms import (
    BevestigForm,
    IndienenForm,
    LocatieKeuzeForm,
    OpzetForm,
    RegelForm,
    TerugsturenForm,
    UploadForm,
    VerdeelbesluitForm,
)
from regietafel.cyclus.models import AanbodRegel, AanbodStatus, AanbodVersie, KansrijkElement
from regietafel.cyclus.permissions import (
    beoordeelt_provincie,
    eigen_gemeente_id,
    mag_aanbod_schrijven,
    mag_beoordelen,
    mag_opzet_bewerken,
    mag_versie_zien,
)
from regietafel.cyclus.queries import (
    ILLUSTRATIEF,
    CyclusOnbekend,
    beoordeelde_regels,
    opzet_van,
    puzzel_van,
    spelregels,
    spreidingswet_cycli,
    te_beoordelen,
    verdeelbesluit_verschillen,
    versies_van,
    zoek_cyclus,
)
from regietafel.cyclus.services import (
    BIJLAGEN,
    OPZET_VELDEN,
    dien_in,
    keur_goed,
    nieuwe_versie,
    stuur_terug,
    verwijder_regel,
    voeg_locatie_toe,
    zet_opzet,
    zet_regel,
)
from regietafel.gemeenten.models import Gemeente
from regietafel.locaties.models import Locatie, LocatieStatus
from regietafel.opgaven.models import Cyclus
from regietafel.pagina import provincie_van

MAX_GETOOND = 500
UPLOADS = Bestandsmap(
    "cyclus-import", frozenset({"xlsx", "xlsm", "csv", "txt"}), opruimen_na=24 * 3600
)


def _cyclus(jaar: int) -> Cyclus:
    try:
        return zoek_cyclus(jaar)
    except CyclusOnbekend as exc:
        raise Http404(str(exc)) from exc


def _eigen_gemeente(request: HttpRequest) -> Gemeente | None:
    gemeente_id = eigen_gemeente_id(request.user)
    if gemeente_id is None:
        return None
    return Gemeente.objects.select_related("provincie").get(pk=gemeente_id)


# ---------------------------------------------------------------- the cycli


def lijst_view(request: HttpRequest) -> HttpResponse:
    cycli = spreidingswet_cycli()
    return pagina_met_excel(
        request,
        "cyclus/lijst.html",
        {"cycli": cycli, "tabel": tabellen.cycli_tabel(cycli), "provincie": provincie_van(request)},
        tabellen=[tabellen.cycli_tabel(cycli)],
        bestandsnaam="cycli-spreidingswet",
        titel="Cycli van de Spreidingswet",
    )


def overzicht_view(request: HttpRequest, jaar: int) -> HttpResponse:
    cyclus = _cyclus(jaar)
    provincie = provincie_van(request)
    p = puzzel_van(provincie, cyclus)
    return render(
        request,
        "cyclus/overzicht.html",
        {
            "cyclus": cyclus,
            "opzet": p.opzet,
            "regels": p.regels,
            "p": p,
            "provincie": provincie,
            "illustratief": ILLUSTRATIEF if p.illustratief else "",
            "opzet_bewerken": mag_opzet_bewerken(request.user),
            "importeren": mag_opgaven_importeren(request.user),
            "eigen": _eigen_gemeente(request),
        },
    )


@require_http_methods(["GET", "POST"])
def opzet_view(request: HttpRequest, jaar: int) -> HttpResponse:
    if not mag_opzet_bewerken(request.user):
        raise PermissionDenied("Alleen een beheerder stelt een cyclus in.")
    cyclus = _cyclus(jaar)
    opzet = opzet_van(cyclus)
    regels = spelregels(cyclus, opzet)
    beginwaarden: dict[str, Any] = {
        "deadline_verslag": cyclus.deadline_verslag,
        "termijn_maanden": regels.termijn_maanden,
        "minimale_jaren": regels.minimale_jaren,
        "spuk3_drempel_procent": 75,
    }
    if opzet is not None:
        beginwaarden.update({veld: getattr(opzet, veld) for veld in OPZET_VELDEN})
    form = OpzetForm(request.POST or None, initial=beginwaarden)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            waarden = dict(form.cleaned_data)
            deadline = waarden.pop("deadline_verslag")
            try:
                _, veranderd = zet_opzet(
                    door=request.user, cyclus=cyclus, deadline_verslag=deadline, **waarden
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    f"De opzet van {cyclus.naam} is bewaard."
                    if veranderd
                    else "Er is niets veranderd.",
                )
                return redirect("cyclus:overzicht", jaar=jaar)
        status = 400
    return render(
        request,
        "cyclus/opzet.html",
        {"cyclus": cyclus, "opzet": opzet, "form": form},
        status=status,
    )


# ---------------------------------------------------------------- the PUZZEL


def puzzel_view(request: HttpRequest, jaar: int) -> HttpResponse:
    cyclus = _cyclus(jaar)
    provincie = provincie_van(request)
    p = puzzel_van(provincie, cyclus)
    return pagina_met_excel(
        request,
        "cyclus/puzzel.html",
        {
            "p": p,
            "cyclus": cyclus,
            "provincie": provincie,
            "puzzel_tabel": tabellen.puzzel_tabel(p),
            "aanvulling_tabel": tabellen.aanvulling_tabel(p),
            "illustratief": ILLUSTRATIEF if p.illustratief else "",
        },
        tabellen=lambda: [tabellen.puzzel_tabel(p), tabellen.aanvulling_tabel(p)],
        bestandsnaam=f"puzzel-{provincie.naam}-{cyclus.jaar}",
        titel=f"PUZZEL {provincie.naam} {cyclus.naam}",
    )


# ---------------------------------------------------------------- the aanbod


@require_http_methods(["GET", "POST"])
def aanbod_view(request: HttpRequest, jaar: int) -> HttpResponse:
    """A gemeente's own versions (and a new one); for the others the provincie's aanbod."""
    cyclus = _cyclus(jaar)
    gemeente = _eigen_gemeente(request)
    if request.method == "POST":
        if gemeente is None or not mag_aanbod_schrijven(request.user, gemeente):
            raise PermissionDenied("Alleen een gemeente schrijft haar eigen aanbod.")
        try:
            versie = nieuwe_versie(door=request.user, cyclus=cyclus, gemeente=gemeente)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("cyclus:aanbod", jaar=jaar)
        messages.success(
            request, f"Versie {versie.volgnummer} is aangemaakt. Vul haar aan en dien haar in."
        )
        return redirect("cyclus:versie", pk=versie.pk)
    provincie = gemeente.provincie if gemeente is not None else provincie_van(request)
    p = puzzel_van(provincie, cyclus)
    context: dict[str, Any] = {
        "cyclus": cyclus,
        "provincie": provincie,
        "p": p,
        "gemeente": gemeente,
        "illustratief": ILLUSTRATIEF if p.illustratief else "",
        "beoordelaar": beoordeelt_provincie(request.user, provincie),
    }
    if gemeente is not None:
        eigen = versies_van(cyclus, gemeente)
        context["eigen"] = eigen
        context["open"] = next((v for v in eigen if v.status in ("concept", "ingediend")), None)
    if context["beoordelaar"]:
        context["te_beoordelen"] = te_beoordelen(cyclus, provincie)
    if context.get("eigen"):
        context["versies_tabel"] = tabellen.versies_tabel(context["eigen"])
    context["gemeenten_tabel"] = tabellen.aanbod_gemeenten_tabel(
        p, beoordelaar=context["beoordelaar"], gemeente=gemeente
    )
    return render(request, "cyclus/aanbod.html", context)


def _versie(request: HttpRequest, pk: int) -> AanbodVersie:
    versie = get_object_or_404(
        AanbodVersie.objects.select_related(
            "cyclus",
            "cyclus__opzet",
            "gemeente",
            "gemeente__provincie",
            "ingediend_door",
            "beoordeeld_door",
        ),
        pk=pk,
    )
    if not mag_versie_zien(
        request.user, versie.gemeente, versie.status == AanbodStatus.GOEDGEKEURD
    ):
        raise Http404("Deze versie bestaat niet of is niet voor u.")
    return versie


def _versie_pagina(
    request: HttpRequest,
    versie: AanbodVersie,
    *,
    indienen: IndienenForm | None = None,
    terugsturen: TerugsturenForm | None = None,
    locatie_form: LocatieKeuzeForm | None = None,
    fout: str = "",
    status: int = 200,
) -> HttpResponse:
    regels = beoordeelde_regels(versie, spelregels(versie.cyclus, opzet_van(versie.cyclus)))
    eigen = mag_aanbod_schrijven(request.user, versie.gemeente)
    locaties = (
        [
            (str(loc.pk), f"{loc.naam} ({loc.get_type_display()}, {loc.capaciteit} plaatsen)")
            for loc in Locatie.objects.filter(gemeente=versie.gemeente)
            .exclude(status=LocatieStatus.BEEINDIGD)
            .order_by("naam")
        ]
        if eigen and versie.bewerkbaar
        else []
    )
    tabel = tabellen.regels_tabel(versie, regels)
    return pagina_met_excel(
        request,
        "cyclus/versie.html",
        {
            "versie": versie,
            "cyclus": versie.cyclus,
            "regels": regels,
            "tabel": tabel,
            "eigen": eigen,
            "beoordelaar": mag_beoordelen(request.user, versie.gemeente),
            "indienen": indienen or IndienenForm(initial={"toelichting": versie.toelichting}),
            "terugsturen": terugsturen or TerugsturenForm(),
            "locatie_form": locatie_form
            or (LocatieKeuzeForm(locaties=locaties) if locaties else None),
            "bijlagen": [e for r, _ in regels for e in r.elementen.all() if e.checksum],
            "illustratief": ILLUSTRATIEF
            if (o := opzet_van(versie.cyclus)) and o.illustratief
            else "",
            "fout": fout,
        },
        tabellen=[tabel],
        bestandsnaam=f"aanbod-{versie.gemeente.naam}-{versie.cyclus.jaar}-v{versie.volgnummer}",
        titel=f"Aanbod {versie.gemeente.naam}, versie {versie.volgnummer}",
        status=status,
    )


def versie_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _versie_pagina(request, _versie(request, pk))


def _eigen_concept(request: HttpRequest, versie: AanbodVersie) -> None:
    if not mag_aanbod_schrijven(request.user, versie.gemeente):
        raise PermissionDenied("Alleen de gemeente zelf wijzigt haar aanbod.")


@require_http_methods(["GET", "POST"])
def regel_nieuw_view(request: HttpRequest, pk: int) -> HttpResponse:
    versie = _versie(request, pk)
    _eigen_concept(request, versie)
    return _regel_formulier(request, versie, None)


@require_http_methods(["GET", "POST"])
def regel_view(request: HttpRequest, pk: int) -> HttpResponse:
    regel = get_object_or_404(AanbodRegel.objects.prefetch_related("elementen"), pk=pk)
    versie = _versie(request, regel.versie_id)
    _eigen_concept(request, versie)
    return _regel_formulier(request, versie, regel)


def _regel_formulier(
    request: HttpRequest, versie: AanbodVersie, regel: AanbodRegel | None
) -> HttpResponse:
    if not versie.bewerkbaar:
        messages.error(request, "Deze versie is ingediend en verandert niet meer.")
        return redirect("cyclus:versie", pk=versie.pk)
    beginwaarden = (
        {
            "naam": regel.naam,
            "soort": regel.soort,
            "plaatsen": regel.plaatsen,
            "beschikbaar_van": regel.beschikbaar_van,
            "beschikbaar_tot": regel.beschikbaar_tot,
            "toelichting": regel.toelichting,
        }
        if regel
        else {"soort": "regulier"}
    )
    form = RegelForm(request.POST or None, request.FILES or None, initial=beginwaarden, regel=regel)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                zet_regel(
                    door=request.user,
                    versie=versie,
                    regel=regel,
                    elementen=form.elementen(),
                    **form.waarden(),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    f"{form.cleaned_data['naam']} is bewaard in versie {versie.volgnummer}.",
                )
                return redirect("cyclus:versie", pk=versie.pk)
        status = 400
    return render(
        request,
        "cyclus/regel.html",
        {"versie": versie, "regel": regel, "form": form, "cyclus": versie.cyclus},
        status=status,
    )


@require_POST
def regel_verwijderen_view(request: HttpRequest, pk: int) -> HttpResponse:
    regel = get_object_or_404(AanbodRegel, pk=pk)
    versie = _versie(request, regel.versie_id)
    _eigen_concept(request, versie)
    try:
        verwijder_regel(door=request.user, regel=regel)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{regel.naam} is uit het aanbod gehaald.")
    return redirect("cyclus:versie", pk=versie.pk)


@require_POST
def locatie_view(request: HttpRequest, pk: int) -> HttpResponse:
    versie = _versie(request, pk)
    _eigen_concept(request, versie)
    locaties = {
        str(loc.pk): loc
        for loc in Locatie.objects.filter(gemeente=versie.gemeente).exclude(
            status=LocatieStatus.BEEINDIGD
        )
    }
    form = LocatieKeuzeForm(request.POST, locaties=[(k, v.naam) for k, v in locaties.items()])
    if not form.is_valid():
        return _versie_pagina(request, versie, locatie_form=form, status=400)
    try:
        regels = voeg_locatie_toe(
            door=request.user, versie=versie, locatie=locaties[form.cleaned_data["locatie"]]
        )
    except ValidationError as exc:
        return _versie_pagina(request, versie, fout=" ".join(exc.messages), status=409)
    messages.success(
        request,
        f"{regels[0].naam} is toegevoegd ({len(regels)} regel{'s' if len(regels) > 1 else ''}); "
        "pas zo nodig de plaatsen en data aan.",
    )
    return redirect("cyclus:versie", pk=versie.pk)


@require_POST
def indienen_view(request: HttpRequest, pk: int) -> HttpResponse:
    versie = _versie(request, pk)
    _eigen_concept(request, versie)
    form = IndienenForm(request.POST)
    if not form.is_valid():
        return _versie_pagina(request, versie, indienen=form, status=400)
    try:
        dien_in(door=request.user, versie=versie, toelichting=form.cleaned_data["toelichting"])
    except ValidationError as exc:
        return _versie_pagina(
            request, versie, indienen=form, fout=" ".join(exc.messages), status=409
        )
    messages.success(
        request,
        f"Versie {versie.volgnummer} is ingediend. Het secretariaat beoordeelt haar; pas daarna "
        "telt zij in de PUZZEL.",
    )
    return redirect("cyclus:versie", pk=versie.pk)


def _beoordelaar(request: HttpRequest, versie: AanbodVersie) -> None:
    if not mag_beoordelen(request.user, versie.gemeente):
        raise PermissionDenied("U mag het aanbod van deze gemeente niet beoordelen.")


@require_POST
def goedkeuren_view(request: HttpRequest, pk: int) -> HttpResponse:
    versie = _versie(request, pk)
    _beoordelaar(request, versie)
    try:
        keur_goed(door=request.user, versie=versie)
    except ValidationError as exc:
        return _versie_pagina(request, versie, fout=" ".join(exc.messages), status=409)
    messages.success(
        request,
        f"Het aanbod van {versie.gemeente.naam} (versie {versie.volgnummer}) is goedgekeurd en "
        "telt in de PUZZEL en het verslag.",
    )
    return redirect("cyclus:aanbod", jaar=versie.cyclus.jaar)


@require_POST
def terugsturen_view(request: HttpRequest, pk: int) -> HttpResponse:
    versie = _versie(request, pk)
    _beoordelaar(request, versie)
    form = TerugsturenForm(request.POST)
    if not form.is_valid():
        return _versie_pagina(request, versie, terugsturen=form, status=400)
    try:
        stuur_terug(door=request.user, versie=versie, opmerking=form.cleaned_data["opmerking"])
    except ValidationError as exc:
        return _versie_pagina(
            request, versie, terugsturen=form, fout=" ".join(exc.messages), status=409
        )
    messages.success(
        request, f"Het aanbod van {versie.gemeente.naam} is teruggestuurd met uw opmerking."
    )
    return redirect("cyclus:aanbod", jaar=versie.cyclus.jaar)


def bijlage_view(request: HttpRequest, pk: int) -> HttpResponse:
    element = get_object_or_404(KansrijkElement.objects.select_related("regel"), pk=pk)
    _versie(request, element.regel.versie_id)
    data = BIJLAGEN.lees(element.checksum, element.extensie) if element.checksum else None
    if data is None:
        raise Http404("De bijlage is niet (meer) beschikbaar.")
    antwoord = HttpResponse(
        data, content_type=MIME.get(element.extensie, "application/octet-stream")
    )
    antwoord["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=element.bestandsnaam
    )
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


# ---------------------------------------------------------------- the minister's numbers


def _importeur(request: HttpRequest) -> None:
    if not mag_opgaven_importeren(request.user):
        raise PermissionDenied(
            "De cijfers van de minister importeert een beheerder of het secretariaat van de provincie."
        )


def _importeer(
    soort: str,
    request: HttpRequest,
    cyclus: Cyclus,
    data: bytes,
    naam: str,
    *,
    dry_run: bool,
    geldig_vanaf: Any = None,
) -> Samenvatting:
    if soort == "indicatief":
        return importeer_indicatief(
            data, door=request.user, cyclus=cyclus, dry_run=dry_run, bestandsnaam=naam
        )
    return importeer_verdeelbesluit(
        data,
        door=request.user,
        cyclus=cyclus,
        provincie=provincie_van(request),
        geldig_vanaf=geldig_vanaf,
        dry_run=dry_run,
        bestandsnaam=naam,
    )


def _import_pagina(
    request: HttpRequest,
    soort: str,
    cyclus: Cyclus,
    form: UploadForm,
    *,
    s: Samenvatting | None = None,
    bevestig: dict[str, Any] | None = None,
    melding: str = "",
    status: int = 200,
) -> HttpResponse:
    provincie = provincie_van(request)
    context: dict[str, Any] = {
        "soort": soort,
        "cyclus": cyclus,
        "provincie": provincie,
        "form": form,
        "s": s,
        "bevestig": bevestig,
        "melding": melding,
        "importeren": mag_opgaven_importeren(request.user),
    }
    tabellen_: list[Any] = []
    if soort == "verdeelbesluit":
        rijen = verdeelbesluit_verschillen(cyclus, provincie)
        if any(b.regulier is not None for _, _, b in rijen):
            context["verschillen"] = tabellen.verschillen_tabel(cyclus, rijen)
            tabellen_.append(context["verschillen"])
    if s is not None:
        veranderingen = s.veranderingen
        context["veranderingen"] = veranderingen[:MAX_GETOOND]
        context["niet_getoond"] = max(0, len(veranderingen) - MAX_GETOOND)
        context["veranderingen_tabel"] = veranderingen_tabel(s, "Opgeslagen", tot=MAX_GETOOND)
        if veranderingen:
            tabellen_.append(veranderingen_tabel(s, "Opgeslagen"))
    return pagina_met_excel(
        request,
        "cyclus/import.html",
        context,
        tabellen=tabellen_,
        bestandsnaam=f"{soort}-{cyclus.jaar}",
        titel=f"{'Indicatieve verdeling' if soort == 'indicatief' else 'Verdeelbesluit'} {cyclus.naam}",
        status=status,
    )


VOORBEELDEN = "cyclus_voorbeelden"
"""Session key: the previews of this session (checksum → what the preview showed)."""


def _onthoud(request: HttpRequest, checksum: str, voorbeeld: dict[str, str]) -> None:
    """Remember what a preview was made of, with the user's session: the confirmation names
    the file by its checksum only, so a client cannot rename it, change its kind, year,
    provincie or date, nor confirm another user's preview. At most ten per session."""
    voorbeelden = dict(request.session.get(VOORBEELDEN, {}))
    voorbeelden.pop(checksum, None)
    voorbeelden[checksum] = voorbeeld
    request.session[VOORBEELDEN] = dict(list(voorbeelden.items())[-10:])


def _vergeet(request: HttpRequest, checksum: str) -> None:
    voorbeelden = dict(request.session.get(VOORBEELDEN, {}))
    if voorbeelden.pop(checksum, None) is not None:
        request.session[VOORBEELDEN] = voorbeelden


def _upload(request: HttpRequest, jaar: int, soort: str) -> HttpResponse:
    cyclus = _cyclus(jaar)
    formulier = VerdeelbesluitForm if soort == "verdeelbesluit" else UploadForm
    if request.method != "POST":
        if soort == "indicatief":
            _importeur(request)
        return _import_pagina(request, soort, cyclus, formulier())
    _importeur(request)
    form = formulier(request.POST, request.FILES)
    if not form.is_valid():
        return _import_pagina(request, soort, cyclus, form, status=400)
    bestand = form.cleaned_data["bestand"]
    naam = bestandsnaam(bestand.name or "")
    data = bestand.read()
    geldig_vanaf = form.cleaned_data.get("geldig_vanaf") or (
        klok.van_request(request).vandaag if soort == "verdeelbesluit" else None
    )
    s = _importeer(soort, request, cyclus, data, naam, dry_run=True, geldig_vanaf=geldig_vanaf)
    if s.fouten:
        return _import_pagina(request, soort, cyclus, form, s=s, status=422)
    ext = extensie(naam)
    if s.verandert_iets:
        UPLOADS.bewaar(data, ext)
        _onthoud(
            request,
            s.checksum,
            {
                "soort": soort,
                "jaar": str(jaar),
                "provincie": provincie_van(request).code,
                "extensie": ext,
                "bestandsnaam": naam,
                "geldig_vanaf": geldig_vanaf.isoformat() if geldig_vanaf else "",
            },
        )
    return _import_pagina(request, soort, cyclus, form, s=s, bevestig={"checksum": s.checksum})


def _bevestig(request: HttpRequest, jaar: int, soort: str) -> HttpResponse:
    cyclus = _cyclus(jaar)
    _importeur(request)
    formulier = VerdeelbesluitForm if soort == "verdeelbesluit" else UploadForm
    form = BevestigForm(request.POST)
    voorbeeld = (
        request.session.get(VOORBEELDEN, {}).get(form.cleaned_data["checksum"])
        if form.is_valid()
        else None
    )
    if (
        not isinstance(voorbeeld, dict)
        or voorbeeld.get("soort") != soort
        or voorbeeld.get("jaar") != str(jaar)
        or voorbeeld.get("provincie") != provincie_van(request).code
    ):
        return _import_pagina(
            request,
            soort,
            cyclus,
            formulier(),
            melding="Deze bevestiging hoort bij geen bestand dat u hier controleerde. Lever het "
            "bestand opnieuw aan.",
            status=400,
        )
    checksum = form.cleaned_data["checksum"]
    data = UPLOADS.lees(checksum, str(voorbeeld.get("extensie", "")))
    if data is None:
        _vergeet(request, checksum)
        return _import_pagina(
            request,
            soort,
            cyclus,
            formulier(),
            melding="Het bestand is niet meer beschikbaar: het is al verwerkt of de bevestiging "
            "kwam te laat. Lever het opnieuw aan als u het nog wilt opslaan.",
            status=409,
        )
    vanaf = str(voorbeeld.get("geldig_vanaf") or "")
    s = _importeer(
        soort,
        request,
        cyclus,
        data,
        str(voorbeeld.get("bestandsnaam", "")),
        dry_run=False,
        geldig_vanaf=dt.date.fromisoformat(vanaf) if vanaf else None,
    )
    if s.fouten:
        return _import_pagina(request, soort, cyclus, formulier(), s=s, status=422)
    UPLOADS.verwijder(checksum, str(voorbeeld["extensie"]))
    _vergeet(request, checksum)
    messages.success(
        request,
        f"{s.soort_label} opgeslagen: {s.nieuw} nieuw, {s.gewijzigd} gewijzigd, "
        f"{s.ongewijzigd} ongewijzigd.",
    )
    doel = "cyclus:verdeelbesluit" if soort == "verdeelbesluit" else "cyclus:overzicht"
    return redirect(doel, jaar=jaar)


@require_http_methods(["GET", "POST"])
def indicatief_view(request: HttpRequest, jaar: int) -> HttpResponse:
    return _upload(request, jaar, "indicatief")


@require_POST
def indicatief_bevestigen_view(request: HttpRequest, jaar: int) -> HttpResponse:
    return _bevestig(request, jaar, "indicatief")


@require_http_methods(["GET", "POST"])
def verdeelbesluit_view(request: HttpRequest, jaar: int) -> HttpResponse:
    """Everyone reads the differences with the verslag; an importer also gets the upload form."""
    return _upload(request, jaar, "verdeelbesluit")


@require_POST
def verdeelbesluit_bevestigen_view(request: HttpRequest, jaar: int) -> HttpResponse:
    return _bevestig(request, jaar, "verdeelbesluit")
