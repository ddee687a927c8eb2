"""The map of a provincie (/kaart/) and of the country (/kaart/nederland/)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.safestring import mark_safe

from regietafel.core.excelpagina import pagina_met_excel, vraagt_xlsx, xlsx_van_pagina
from regietafel.core.inlas import inlassen, plek
from regietafel.kaart import kaartprojectie
from regietafel.kaart.geometrie import BRON, kaartgeometrie
from regietafel.kaart.permissions import leesbare_provincie_ids, leest_alle_provincies
from regietafel.kaart.queries import (
    SOORTEN,
    STANDAARD_SOORT,
    KaartGegevens,
    KaartRij,
    kaart_gegevens,
)
from regietafel.kaart.svg import kaart_svg
from regietafel.kaart.tabellen import gemeente_tabel
from regietafel.monitoring.queries import lees_cyclus
from regietafel.opgaven.models import Cyclus
from regietafel.pagina import provincie_van

PROVINCIE_BREEDTE = 800


def _soort(request: HttpRequest) -> tuple[str, str | None]:
    soort = request.GET.get("soort") or STANDAARD_SOORT
    if soort not in SOORTEN:
        return (
            STANDAARD_SOORT,
            f"Onbekende soort {soort!r}; de kaart toont {SOORTEN[STANDAARD_SOORT][1]}.",
        )
    return soort, None


def _cyclus(request: HttpRequest) -> tuple[int | None, str | None]:
    return lees_cyclus(request.GET.get("cyclus", ""))


def _context(
    request: HttpRequest,
    gegevens: KaartGegevens | kaartprojectie.Kop,
    soort: str,
    *fouten: str | None,
) -> dict[str, object]:
    return {
        "gegevens": gegevens,
        "soort": soort,
        "soorten": [(s, titel) for s, (_, titel) in SOORTEN.items()],
        "fout": " ".join(f for f in (*fouten, gegevens.melding) if f),
        "bron": BRON,
        "provincie_param": request.GET.get("provincie", ""),
    }


def provincie_kaart(request: HttpRequest) -> HttpResponse:
    provincie = provincie_van(request)
    soort, fout = _soort(request)
    jaar, cyclus_fout = _cyclus(request)
    gegevens = kaart_gegevens(soort, [provincie.pk], cyclus=jaar)
    geometrie = kaartgeometrie(
        frozenset(r.gemeente.cbs_code for r in gegevens.rijen),
        breedte=PROVINCIE_BREEDTE,
        provincie_codes=frozenset({provincie.code}),
    )
    # /trends/ resolves the provincie the same way: keep an explicit ?provincie= in the link.
    achtervoegsel = (
        f"?{urlencode({'provincie': provincie.code})}" if "provincie" in request.GET else ""
    )

    def trends_url(r: KaartRij) -> str:
        return reverse("trends-gemeente", args=[r.gemeente.cbs_code]) + achtervoegsel

    svg = kaart_svg(
        gegevens,
        geometrie,
        titel=f"Kaart van {provincie.naam}: {gegevens.titel}, realisatie als deel van de opgave per gemeente",
        gemeente_url=trends_url,
    )
    # The gemeente's name in the table links to its trends, as its area on the map does.
    tabel = gemeente_tabel(gegevens, provincie.naam, met_provincie=False).met_links(
        [trends_url(r) for r in gegevens.rijen]
    )
    stand = gegevens.provincies[0] if gegevens.provincies else None
    context = {
        **_context(request, gegevens, soort, fout, cyclus_fout),
        "provincie": provincie,
        "stand": stand,
        "svg": mark_safe(svg),  # built from escaped text and numbers (svg.py)
        "tabel": tabel,
        "legenda": kaartprojectie.legenda(gegevens),
        "nederland": False,
    }
    return pagina_met_excel(
        request,
        "kaart/kaart.html",
        context,
        tabellen=[tabel],
        bestandsnaam=f"kaart-{provincie.naam}-{soort}"
        + (f"-cyclus-{gegevens.gekozen.jaar}" if gegevens.gekozen else ""),
        titel=f"Kaart {provincie.naam} – {gegevens.titel}",
    )


def nederland_kaart(request: HttpRequest) -> HttpResponse:
    # A national user's own provincie is not on this page (only a ?provincie= is checked).
    if leest_alle_provincies(request.user) and "provincie" not in request.GET:
        eigen, leesbaar = None, None
    else:
        eigen = provincie_van(request)
        leesbaar = leesbare_provincie_ids(request.user, eigen)
    soort, fout = _soort(request)
    jaar, cyclus_fout = _cyclus(request)
    if vraagt_xlsx(request):
        # The download computes its tables: the same figures as the page, stored or not.
        n = kaartprojectie.nederland(soort, leesbaar, jaar)
        bestandsnaam, titel = _excel_namen(soort, n.gegevens.titel, n.gegevens.gekozen)
        return xlsx_van_pagina(
            request, [n.provincies, n.tabel], bestandsnaam=bestandsnaam, titel=titel
        )
    # A national user's map in the cyclus in force is stored per change of the figures, as the
    # page shows it.
    opgeslagen = kaartprojectie.lees(soort) if leesbaar is None and jaar is None else None
    p = opgeslagen or kaartprojectie.pagina(
        kaartprojectie.nederland(soort, leesbaar, jaar), met_niet=leesbaar is not None
    )
    context = {
        **_context(request, p.gegevens, soort, fout, cyclus_fout),
        "provincie": None,
        "stand": None,
        "svg": plek("svg"),
        "tabel": p.tabel.kop,
        "tabel_html": plek("gemeenten"),
        "provincie_tabel": p.provincies.kop,
        "provincie_tabel_html": plek("provincies"),
        "legenda_html": p.legenda,
        "nederland": True,
        "leest_alles": leesbaar is None,
        "eigen": eigen,
    }
    bestandsnaam, titel = _excel_namen(soort, p.gegevens.titel, p.gegevens.gekozen)
    antwoord = pagina_met_excel(
        request,
        "kaart/kaart.html",
        context,
        tabellen=[p.provincies.kop, p.tabel.kop],  # for the Excel links: sleutel and titel
        bestandsnaam=bestandsnaam,
        titel=titel,
    )
    # The map and the tables go into the rendered page once, not through every template node.
    return inlassen(
        antwoord, {"svg": p.svg, "gemeenten": p.tabel.html, "provincies": p.provincies.html}
    )


def _excel_namen(
    soort: str, titel: str, gekozen: Cyclus | kaartprojectie.GekozenCyclus | None
) -> tuple[str, str]:
    """The national map's workbook: its file name and title."""
    cyclus = f"-cyclus-{gekozen.jaar}" if gekozen else ""
    return f"kaart-nederland-{soort}{cyclus}", f"Kaart Nederland – {titel}"
