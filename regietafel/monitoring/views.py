from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode

from regietafel.core import klok, opmaak
from regietafel.core.datum import OngeldigeDatum, lees_datum
from regietafel.core.excelpagina import pagina_met_excel, vraagt_xlsx, xlsx_van_pagina
from regietafel.core.grafiek import bewaard, grafiek_antwoord, paneel_antwoord
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring import standpagina, standprojectie, trendprojectie
from regietafel.monitoring.grafiek import BREEDTE, HOOGTE, MAP, panelen
from regietafel.monitoring.queries import lees_cyclus, trends
from regietafel.monitoring.standpagina import kop
from regietafel.monitoring.standprojectie import stand_en_tabellen
from regietafel.monitoring.views_tabellen import (
    PEILDATA_PER_GEMEENTE,
    STATUSHOUDERS_GEMEENTEN,
    TREND_SLEUTELS,
    trend_tabellen,
)
from regietafel.pagina import cache_op_gegevens, data_versie, parameters_behalve, provincie_van


def _datum(request: HttpRequest, naam: str, wat: str) -> tuple[dt.date | None, str | None]:
    """A date parameter (JJJJ-MM-DD), or None with a Dutch message when it is no date."""
    raw = request.GET.get(naam, "").strip()
    if not raw:
        return None, None
    try:
        return lees_datum(raw, wat=wat), None
    except OngeldigeDatum as ongeldig:
        return None, str(ongeldig).rstrip(".")


@cache_op_gegevens(bewaar=True)
def stand_van_zaken_view(request: HttpRequest) -> HttpResponse:
    """The dashboard. Its figures change only with a write (every write leaves an audit entry):
    the rendered page is kept per session and data version, and a browser gets a 304.

    Without ``?peildatum`` it opens on the latest complete peildatum; ``?bekend_op=JJJJ-MM-DD``
    shows the stand as it was known at the end of that day; ``?cyclus=JAAR`` compares regulier
    and AMV with the opgave of that Spreidingswet cyclus where it applies on the peildatum.

    The figures as known now under the cyclus in force come from the stored page (its data
    part rendered, ``monitoring.standpagina``) with its signals, in one query; what is not
    stored is computed and rendered by the same templates."""
    provincie = provincie_van(request)
    meldingen = []
    peildatum, fout = _datum(request, "peildatum", "peildatum")
    if fout:
        meldingen.append(f"{fout}; de standaardpeildatum wordt getoond.")
    bekend_op, fout = _datum(request, "bekend_op", "datum")
    if fout:
        meldingen.append(f"{fout}; de cijfers zoals ze nu bekend zijn worden getoond.")
    jaar, fout = lees_cyclus(request.GET.get("cyclus", ""))
    if fout:
        meldingen.append(fout)
    gelezen = (
        standprojectie.pagina(provincie, peildatum) if bekend_op is None and jaar is None else None
    )
    if gelezen is not None:
        pagina, signalen = gelezen
    else:
        stand, tabellen = stand_en_tabellen(
            provincie, peildatum, bekend_op, jaar, data_versie(request)
        )
        if vraagt_xlsx(request):  # the workbook holds the tables only
            return xlsx_van_pagina(
                request, tabellen, bestandsnaam=standpagina.bestandsnaam(stand), titel=kop(stand)
            )
        pagina, signalen = standpagina.maak(stand, tabellen, request), None
    if vraagt_xlsx(request):
        return xlsx_van_pagina(
            request, pagina.tabellen, bestandsnaam=pagina.bestandsnaam, titel=pagina.titel
        )
    if pagina.melding:
        meldingen.append(pagina.melding)
    if peildatum and not pagina.met_cijfers:
        meldingen.append(
            f"Voor {opmaak.datum(peildatum)} zijn geen cijfers opgeslagen; de tabellen tonen per "
            "gemeente het laatst bekende cijfer daarvoor."
        )
    if signalen is None:
        signalen = standprojectie.signalen(
            provincie, pagina.peildatum or klok.van_request(request).vandaag
        )
    return standpagina.antwoord(request, pagina, " ".join(meldingen), signalen)


def trends_view(request: HttpRequest, cbs_code: str | None = None) -> HttpResponse:
    """Realisation against opgave over all peildata, for the provincie or one of its gemeenten."""
    provincie = provincie_van(request)
    gemeente = (
        get_object_or_404(Gemeente, cbs_code=cbs_code, provincie=provincie) if cbs_code else None
    )
    jaar, fout = lees_cyclus(request.GET.get("cyclus", ""))
    alle = request.GET.get("peildata") == "alle"
    # The page by default is stored per change of its figures (the job makes it).
    opgeslagen = trendprojectie.lees(provincie, gemeente) if jaar is None and not alle else None
    if opgeslagen is not None:
        t, tabellen, grafieken = opgeslagen
    else:
        t = trends(provincie, gemeente, jaar)
        achter = f"?{urlencode({'cyclus': t.gekozen.jaar})}" if t.gekozen else ""
        tabellen = trend_tabellen(
            t,
            alle_peildata=alle,
            gemeente_url=lambda cbs: reverse("trends-gemeente", args=[cbs]) + achter,
        )
        # The workbook needs the tables, not the charts (the same figures, drawn).
        grafieken = [] if vraagt_xlsx(request) else panelen(t)
    per_sleutel = {tabel.sleutel: tabel for tabel in tabellen}
    # What the chart's URL needs to draw it when it is not stored yet.
    bron = urlencode(
        [("provincie", provincie.code)]
        + ([("gemeente", gemeente.cbs_code)] if gemeente else [])
        + ([("cyclus", str(t.gekozen.jaar))] if t.gekozen else [])
    )
    return pagina_met_excel(
        request,
        "monitoring/trends.html",
        {
            "t": t,
            "panelen": [
                (
                    p,
                    per_sleutel[TREND_SLEUTELS[p.sleutel]],
                    f"{reverse('trends-grafiek', args=[p.sleutel, p.grafiek])}?{bron}",
                )
                for p in grafieken
            ],
            "breedte": BREEDTE,
            "hoogte": HOOGTE,
            "per_gemeente": per_sleutel.get(STATUSHOUDERS_GEMEENTEN),
            "alle_peildata": alle,
            "peildata_te_kiezen": len(t.statushouders) > PEILDATA_PER_GEMEENTE,
            "fout": " ".join(m for m in (fout, t.melding) if m),
            "behoud": parameters_behalve(request, "cyclus"),
            # The other view of the table per gemeente: every peildatum, or the newest.
            "peildata_url": "?"
            + urlencode(
                parameters_behalve(request, "peildata") + ([] if alle else [("peildata", "alle")])
            ),
        },
        tabellen=tabellen,
        bestandsnaam=f"trends-{t.naam}" + (f"-cyclus-{t.gekozen.jaar}" if t.gekozen else ""),
        titel=f"Trends {t.naam}",
    )


def trends_grafiek(request: HttpRequest, paneel: str, sleutel: str) -> HttpResponse:
    """One chart of the trends page as SVG: the stored one of its key, else drawn now from the
    figures of ``?provincie=``, ``?gemeente=`` and ``?cyclus=`` and stored (once per change of
    what it shows). Only for those who may read the provincie."""
    if paneel not in TREND_SLEUTELS:
        raise Http404("Deze grafiek bestaat niet.")
    provincie = provincie_van(request)
    map_ = f"{MAP}-{provincie.pk}"
    if (svg := bewaard(map_, sleutel)) is not None:
        return grafiek_antwoord(svg)
    cbs_code = request.GET.get("gemeente")
    gemeente = (
        get_object_or_404(Gemeente, cbs_code=cbs_code, provincie=provincie) if cbs_code else None
    )
    jaar, _fout = lees_cyclus(request.GET.get("cyclus", ""))
    return paneel_antwoord(map_, panelen(trends(provincie, gemeente, jaar)), paneel, sleutel)
