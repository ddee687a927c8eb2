"""Thin views of Woo publication: parse the request, call a service or a query, render.

Every view is for the secretariaat only (403 for others); a besluit of another provincie is a 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from regietafel.core import klok, opmaak, rapporten
from regietafel.core.excelpagina import pagina_met_excel
from regietafel.core.tabel import Html, Kolom, Link, Tabel, Waarde
from regietafel.pagina import provincie_van
from regietafel.woo import export, gronden, namen, queries, services, tabellen
from regietafel.woo.forms import BesluitForm, DocumentForm, EigenLakForm, TitelForm, WeigerForm
from regietafel.woo.models import Ambtsdrager, Bron, Lak, LakStatus, Status, WooBesluit
from regietafel.woo.permissions import vereis_woo
from regietafel.woo.tekst import OnleesbaarBestand, uit_bestand, uit_rapport


def _besluit(request: HttpRequest, pk: int) -> WooBesluit:
    vereis_woo(request.user)
    return queries.besluit(provincie_van(request), pk)


def _fouten(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _pdf(inhoud: bytes, naam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=naam)
    return response


def gronden_tabel() -> Tabel:
    return Tabel(
        sleutel="gronden",
        titel="Woo-gronden",
        bijschrift="De letter staat in de gelakte tekst; de toelichting in de bijlage.",
        kolommen=(
            Kolom("Letter", "tekst", breedte=6),
            Kolom("Artikel", "tekst", breedte=18),
            Kolom("Belang", "tekst", breedte=40),
        ),
        rijen=tuple((g.letter, g.artikel, g.belang) for g in gronden.GRONDEN),
    )


def besluiten_tabel(rijen: list[WooBesluit]) -> Tabel:
    return Tabel(
        sleutel="besluiten",
        titel="Woo-besluiten",
        bijschrift="Per besluit het aantal documenten en hoeveel daarvan gepubliceerd zijn.",
        kolommen=(
            Kolom("Kenmerk", "tekst", breedte=14),
            Kolom("Titel", "tekst", breedte=40),
            Kolom("Datum", "datum", breedte=11),
            Kolom("Documenten", "getal", som=True, breedte=10),
            Kolom("Gepubliceerd", "getal", som=True, breedte=10),
        ),
        rijen=tuple(
            (
                b.kenmerk,
                Link(b.titel, reverse("woo:besluit", args=[b.pk])),
                b.datum,
                b.aantal_documenten,  # type: ignore[attr-defined]
                b.aantal_gepubliceerd,  # type: ignore[attr-defined]
            )
            for b in rijen
        ),
    )


def lijst_view(request: HttpRequest) -> HttpResponse:
    vereis_woo(request.user)
    provincie = provincie_van(request)
    rijen = list(queries.besluiten(provincie))
    form = BesluitForm(initial={"datum": klok.van_request(request).vandaag})
    return _lijst(request, rijen, form)


def _lijst(
    request: HttpRequest, rijen: list[WooBesluit], form: BesluitForm, status: int = 200
) -> HttpResponse:
    besluiten, gronden_ = besluiten_tabel(rijen), gronden_tabel()
    return pagina_met_excel(
        request,
        "woo/lijst.html",
        {
            "besluiten": rijen,
            "besluiten_tabel": besluiten,
            "gronden_tabel": gronden_,
            "form": form,
            "gronden": gronden.GRONDEN,
            "ambtsdragers": Ambtsdrager.objects.filter(actief=True),
            "deduce": namen.STATISTIEK,
        },
        tabellen=[besluiten, gronden_],
        bestandsnaam="woo-besluiten",
        titel="Woo-besluiten",
        status=status,
    )


@require_POST
def nieuw_view(request: HttpRequest) -> HttpResponse:
    vereis_woo(request.user)
    provincie = provincie_van(request)
    form = BesluitForm(request.POST)
    if form.is_valid():
        try:
            besluit = services.maak_besluit(
                door=request.user, provincie=provincie, **form.cleaned_data
            )
        except ValidationError as exc:
            veld = getattr(exc, "code", None)
            form.add_error(veld if veld in ("titel", "kenmerk") else None, exc)
        else:
            messages.success(request, f"Woo-besluit {besluit.kenmerk} is aangemaakt.")
            return redirect("woo:besluit", besluit.pk)
    return _lijst(request, list(queries.besluiten(provincie)), form, status=400)


def besluit_view(request: HttpRequest, pk: int) -> HttpResponse:
    besluit = _besluit(request, pk)
    return _besluit_pagina(request, besluit, _document_form(request, None))


def _document_form(request: HttpRequest, data: Any) -> DocumentForm:
    from regietafel.monitoring.queries import peildata

    return DocumentForm(
        data, request.FILES if data is not None else None, peildata=peildata(provincie_van(request))
    )


def _besluit_pagina(
    request: HttpRequest, besluit: WooBesluit, form: DocumentForm, status: int = 200
) -> HttpResponse:
    docs = list(queries.documenten(besluit))
    regels = queries.inventaris_regels(besluit)
    per_nummer = {r.nummer: r for r in regels}
    return pagina_met_excel(
        request,
        "woo/besluit.html",
        {
            "besluit": besluit,
            "documenten": [(d, per_nummer[d.nummer]) for d in docs],
            "documenten_tabel": tabellen.documenten_tabel(
                besluit, [(d, per_nummer[d.nummer]) for d in docs]
            ),
            "form": form,
        },
        tabellen=lambda: [export.inventaris(regels, titel=f"{besluit.kenmerk} {besluit.titel}")],
        bestandsnaam=f"woo-inventaris-{besluit.kenmerk}",
        titel=f"Inventarislijst {besluit.kenmerk}",
        status=status,
    )


@require_POST
def document_toevoegen_view(request: HttpRequest, pk: int) -> HttpResponse:
    besluit = _besluit(request, pk)
    form = _document_form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        titel = (data.get("titel") or "").strip()
        try:
            if data["bron"] == "upload":
                bestand = data["bestand"]
                tekst = uit_bestand(bestand.name, bestand.read())
                bron, naam = Bron.UPLOAD, bestand.name  # never the title: it may name a person
            elif data["bron"] == "tekst":
                tekst, bron, naam = data["tekst"], Bron.TEKST, ""
            else:
                peildatum = dt.date.fromisoformat(data["peildatum"])
                maker = rapporten.stand_van_zaken()
                rapport = maker.document(provincie_van(request), peildatum)
                tekst, bron, naam = uit_rapport(rapport), Bron.STAND, ""
                titel = titel or f"{rapport.titel} {opmaak.datum(peildatum)}"
            document = services.voeg_document_toe(
                door=request.user,
                besluit=besluit,
                titel=titel,
                tekst=tekst,
                bron=bron,
                datum=data.get("datum"),
                bestandsnaam=naam,
            )
        except OnleesbaarBestand as exc:
            form.add_error("bestand", str(exc))
        except ValidationError as exc:
            form.add_error("titel" if getattr(exc, "code", None) == "titel" else None, exc)
        else:
            aantal = document.lakken.count()
            messages.success(
                request,
                f"Document {document.nummer} is toegevoegd met {aantal} voorstel(len) om te lakken.",
            )
            return redirect("woo:document", besluit.pk, document.nummer)
    return _besluit_pagina(request, besluit, form, status=400)


def besluit_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    besluit = _besluit(request, pk)
    docs = besluit.documenten.order_by("nummer")
    inhoud = export.pdf(
        queries.publicaties(docs), titel=f"Woo-besluit: {besluit.titel}", kenmerk=besluit.kenmerk
    )
    return _pdf(inhoud, f"woo-{slugify(besluit.kenmerk)}.pdf")


def lakken_tabel(lakken: list[Lak]) -> Tabel:
    return Tabel(
        sleutel="lakken",
        titel="Lakken",
        bijschrift="Voorgestelde en eigen lakken met grond en beoordeling.",
        kolommen=(
            Kolom("Tekst", "tekst", breedte=30),
            Kolom("Soort", "tekst", breedte=10),
            Kolom("Grond", "tekst", breedte=6),
            Kolom("Beoordeling", "tekst", breedte=12),
            Kolom("Positie", "getal", breedte=8),
        ),
        rijen=tuple((lk.tekst, lk.soort, lk.grond, lk.status, lk.start) for lk in lakken),
    )


def lakken_pagina_tabel(
    request: HttpRequest,
    besluit: WooBesluit,
    document: Any,
    lakken: list[Lak],
    *,
    bewerkbaar: bool,
) -> Tabel:
    """The lakken on the document's page: per lak its text, soort, status and, while the
    document is not published, a small form to choose the grond and lak or not."""

    def beoordeling(lak: Lak) -> Waarde:
        if not bewerkbaar:
            return lak.grond
        context = {"besluit": besluit, "document": document, "lak": lak, "gronden": gronden.KEUZES}
        return Html.sjabloon("woo/_lak_beoordeel.html", context, request=request, tekst=lak.grond)

    return Tabel(
        sleutel="lakken",
        titel="Per lak de tekst, soort, grond en beoordeling",
        bijschrift="",
        kolommen=(
            Kolom("Tekst", "tekst"),
            Kolom("Soort", "tekst"),
            Kolom("Beoordeling", "tekst"),
            Kolom("Grond en besluit", "tekst"),
        ),
        rijen=tuple(
            (
                lak.tekst,
                lak.soort,
                Html.opmaak(
                    '<span class="woo-status woo-status--{}">{}</span>',
                    lak.status,
                    lak.get_status_display(),
                    tekst=lak.get_status_display(),
                ),
                beoordeling(lak),
            )
            for lak in lakken
        ),
        klasse="woo-lakken",
        rij_ids=tuple(f"lak-{lak.pk}" for lak in lakken),
    )


def _document_pagina(
    request: HttpRequest,
    besluit: WooBesluit,
    nummer: int,
    eigen_form: EigenLakForm | None = None,
    status: int = 200,
    titel_form: TitelForm | None = None,
) -> HttpResponse:
    document = queries.document(besluit, nummer)
    lakken = list(document.lakken.all())
    stukken: list[tuple[str, Lak | None]] = []
    positie = 0
    for lk in sorted(lakken, key=lambda x: x.start):
        if lk.start < positie:
            continue
        stukken.append((document.tekst[positie : lk.start], None))
        stukken.append((document.tekst[lk.start : lk.eind], lk))
        positie = lk.eind
    stukken.append((document.tekst[positie:], None))
    bewerkbaar = document.status != Status.GEPUBLICEERD
    return pagina_met_excel(
        request,
        "woo/document.html",
        {
            "besluit": besluit,
            "document": document,
            "lakken": lakken,
            "lakken_tabel": lakken_pagina_tabel(
                request, besluit, document, lakken, bewerkbaar=bewerkbaar
            ),
            "stukken": stukken,
            "open": sum(lk.status == LakStatus.VOORGESTELD for lk in lakken),
            "eigen_form": eigen_form or EigenLakForm(),
            "weiger_form": WeigerForm(initial={"weigergrond": document.weigergrond}),
            "titel_form": titel_form or TitelForm(initial={"titel": document.titel}),
            "gronden": gronden.KEUZES,
            "bewerkbaar": bewerkbaar,
            "Status": Status,
        },
        tabellen=lambda: [lakken_tabel(lakken)],
        bestandsnaam=f"woo-{besluit.kenmerk}-document-{document.nummer}-lakken",
        titel=f"Lakken document {document.nummer}",
        status=status,
    )


def document_view(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    return _document_pagina(request, _besluit(request, pk), nummer)


def _terug(besluit: WooBesluit, nummer: int, anker: str = "") -> HttpResponse:
    url = reverse("woo:document", args=[besluit.pk, nummer])
    return redirect(f"{url}#{anker}" if anker else url)


@require_POST
def lak_view(request: HttpRequest, pk: int, nummer: int, lak: int) -> HttpResponse:
    besluit = _besluit(request, pk)
    document = queries.document(besluit, nummer)
    gevonden = document.lakken.filter(pk=lak).first()
    if gevonden is None:
        return _document_pagina(request, besluit, nummer, status=404)
    keuze = request.POST.get("beoordeling", "")
    try:
        services.beoordeel_lak(
            door=request.user, lak=gevonden, status=keuze, grond=request.POST.get("grond") or None
        )
    except ValidationError as exc:
        messages.error(request, _fouten(exc))
    else:
        messages.success(request, f"Lak „{gevonden.tekst}” is {gevonden.get_status_display()}.")
    return _terug(besluit, nummer, f"lak-{gevonden.pk}")


@require_POST
def eigen_lak_view(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    besluit = _besluit(request, pk)
    document = queries.document(besluit, nummer)
    form = EigenLakForm(request.POST)
    if form.is_valid():
        try:
            nieuw = services.voeg_eigen_lak_toe(
                door=request.user,
                document=document,
                fragment=form.cleaned_data["fragment"],
                grond=form.cleaned_data["grond"],
                alle=form.cleaned_data["alle"],
            )
        except ValidationError as exc:
            form.add_error("fragment", exc)
        else:
            messages.success(request, f"{len(nieuw)} vindplaats(en) gelakt.")
            return _terug(besluit, nummer, "eigen-kop")
    return _document_pagina(request, besluit, nummer, eigen_form=form, status=400)


@require_POST
def status_view(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    besluit = _besluit(request, pk)
    document = queries.document(besluit, nummer)
    if "titel" in request.POST:
        form = TitelForm(request.POST)
        if form.is_valid():
            try:
                services.zet_titel(
                    door=request.user, document=document, titel=form.cleaned_data["titel"]
                )
            except ValidationError as exc:
                form.add_error("titel", exc)
            else:
                messages.success(request, "De titel is bewaard.")
                return _terug(besluit, nummer, "titel-kop")
        return _document_pagina(request, besluit, nummer, titel_form=form, status=400)
    try:
        if "alle_voorstellen" in request.POST:
            aantal = services.accepteer_alle_voorstellen(door=request.user, document=document)
            messages.success(request, f"{aantal} voorstel(len) geaccepteerd.")
        elif "weigergrond" in request.POST:
            services.zet_weigergrond(
                door=request.user, document=document, grond=request.POST["weigergrond"]
            )
            messages.success(request, "Het besluit over het document is bewaard.")
        else:
            services.zet_status(
                door=request.user, document=document, status=request.POST.get("status", "")
            )
            messages.success(request, f"Het document is nu {document.get_status_display()}.")
    except ValidationError as exc:
        messages.error(request, _fouten(exc))
    return _terug(besluit, nummer, "status-kop")


def document_pdf_view(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    besluit = _besluit(request, pk)
    document = queries.document(besluit, nummer)
    inhoud = export.pdf(
        queries.publicaties([document]),
        titel=f"Woo-besluit: {besluit.titel}",
        kenmerk=besluit.kenmerk,
    )
    return _pdf(inhoud, f"woo-{slugify(besluit.kenmerk)}-document-{document.nummer}.pdf")
