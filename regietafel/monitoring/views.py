from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from regietafel.core import klok
from regietafel.core.datum import OngeldigeDatum, lees_datum
from regietafel.core.excelpagina import pagina_met_excel, vraagt_xlsx
from regietafel.core.signalen import verzamel
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring.grafiek import panelen
from regietafel.monitoring.queries import stand_van_zaken, trends
from regietafel.monitoring.views_tabellen import TREND_SLEUTELS, stand_tabellen, trend_tabellen
from regietafel.pagina import cache_op_gegevens, provincie_van


@cache_op_gegevens(bewaar=True)
def stand_van_zaken_view(request: HttpRequest) -> HttpResponse:
    """The dashboard. Its figures change only with a write (every write leaves an audit entry):
    the rendered page is kept per session and data version, and a browser gets a 304."""
    provincie = provincie_van(request)
    fout = None
    peildatum = None
    if raw := request.GET.get("peildatum"):
        try:
            peildatum = lees_datum(raw, wat="peildatum")
        except OngeldigeDatum as ongeldig:
            fout = f"{ongeldig} De laatste peildatum wordt getoond."
    stand = stand_van_zaken(provincie, peildatum)
    if peildatum and stand.peildatum not in stand.peildata:
        fout = f"Voor {peildatum:%d-%m-%Y} zijn geen cijfers opgeslagen; de tabellen tonen de laatste stand daarvoor."
    tabellen = stand_tabellen(stand)
    titel = f"Stand van zaken {stand.provincie.naam} {stand.peildatum:%d-%m-%Y}"
    # The workbook holds the tables only, not the signals of the dashboard.
    signalen = (
        []
        if vraagt_xlsx(request)
        else verzamel(provincie, stand.peildatum or klok.van_request(request).vandaag)
    )
    return pagina_met_excel(
        request,
        "monitoring/stand_van_zaken.html",
        {"stand": stand, "fout": fout, "signalen": signalen},
        tabellen=tabellen,
        bestandsnaam=f"stand-van-zaken-{stand.provincie.naam}-{stand.peildatum:%Y-%m-%d}",
        titel=titel,
    )


def trends_view(request: HttpRequest, cbs_code: str | None = None) -> HttpResponse:
    """Realisation against opgave over all peildata, for the provincie or one of its gemeenten."""
    provincie = provincie_van(request)
    gemeente = (
        get_object_or_404(Gemeente, cbs_code=cbs_code, provincie=provincie) if cbs_code else None
    )
    t = trends(provincie, gemeente)
    # The workbook needs the tables, not the charts (the same figures, drawn).
    grafieken = [] if vraagt_xlsx(request) else panelen(t)
    return pagina_met_excel(
        request,
        "monitoring/trends.html",
        {"t": t, "panelen": [(p, TREND_SLEUTELS[p.sleutel]) for p in grafieken]},
        tabellen=lambda: trend_tabellen(t),
        bestandsnaam=f"trends-{t.naam}",
        titel=f"Trends {t.naam}",
    )
