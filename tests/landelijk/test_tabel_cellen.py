"""The tables of /trends/, /kaart/ and /landelijk/ are ``core.tabel.Tabel`` objects shown by
``core/tabel.html``: the page and its Excel download hold the same cells (issue 19/20)."""

from __future__ import annotations

import pytest
from django.test import Client

from regietafel.core.xlsx import ONGELDIG
from regietafel.demo import landelijk as demo
from regietafel.gemeenten.models import Gemeente
from tests.core.excelcontrole import werkboek
from tests.core.tabelcontrole import lees_tabellen, vergelijk_cellen

pytestmark = pytest.mark.django_db


def _vergelijk(client: Client, url: str, verwacht: set[str]) -> dict[str, int]:
    html = client.get(url).content.decode()
    tabellen = lees_tabellen(html)
    assert set(tabellen) == verwacht, set(tabellen)
    response = client.get(f"{url}{'&' if '?' in url else '?'}formaat=xlsx")
    assert response.status_code == 200
    wb = werkboek(response.content)
    return {s: vergelijk_cellen(tabellen[s], wb[s.translate(ONGELDIG)[:31]]) for s in verwacht}


def test_page_and_excel_hold_the_same_cells(
    landelijk_klein: demo.Resultaat, landelijk_client: Client
) -> None:
    trends = _vergelijk(
        landelijk_client,
        "/trends/?provincie=PV30",
        {"Oekraïne", "Regulier", "AMV", "Statushouders", "Statushouders per gemeente"},
    )
    assert trends["Statushouders per gemeente"] >= 56
    breda = Gemeente.objects.get(naam="Breda")
    _vergelijk(
        landelijk_client,
        f"/trends/{breda.cbs_code}/?provincie=PV30",
        {"Oekraïne", "Regulier", "AMV", "Statushouders"},
    )
    kaart = _vergelijk(landelijk_client, "/kaart/nederland/", {"provincies", "gemeenten"})
    assert kaart["gemeenten"] >= 342 * 5
    _vergelijk(landelijk_client, "/kaart/?provincie=PV30&soort=regulier", {"gemeenten"})
    # /landelijk/ is left out: its total row says "synthetisch" in the column Gegevens on the
    # page, and core.xlsx writes only the first cell and the formulas of a total row.

    html = landelijk_client.get("/kaart/?provincie=PV30").content.decode()
    gemeenten = lees_tabellen(html)["gemeenten"]
    # The gemeente links to its trends; the class keeps its legend swatch.
    assert gemeenten.rijen[0][0].url.startswith("/trends/GM")
    assert html.count('<svg class="legenda-vlak legenda-vlak--klein"') == 56
    overzicht = lees_tabellen(landelijk_client.get("/landelijk/").content.decode())["landelijk"]
    assert overzicht.rijen[0][0].url.startswith("/?provincie=PV")
