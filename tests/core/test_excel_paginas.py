"""Every table on every page exports to XLSX (issue 6, point 3).

Each page is fetched as a user would see it; for every table on it (``data-tabel``) there is
an accessible "Download als Excel" link; the link (the same view with ``?formaat=xlsx``)
returns a workbook whose header row is frozen and whose figures are the page's, cell by cell
(tests/core/excelcontrole.py), with the totals as formulas that add up to the page's totals.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.accounts.models import Gebruiker
from regietafel.core.excelpagina import bestand
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.services import dien_in, keur_goed, stuur_terug
from regietafel.opgaven.models import Soort
from regietafel.rapportage.services import bewaar_versie
from regietafel.verdeling.services import kopieer_scenario, wijzig_scenario
from tests.aanlevering.bestanden import coa_rijen, schrijf_coa
from tests.core.excelcontrole import Pagina, kopregel, lees_pagina, vergelijk, werkboek
from tests.verdeling.factories import TABEL_1, drenthe_2024

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOV = dt.date(2025, 11, 1)


def _gebruiker(naam: str) -> Gebruiker:
    return Gebruiker.objects.get(username=naam)


def _xlsx(client: Client, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return werkboek(response.content)


def controleer(client: Client, url: str, verwacht: set[str], status: int = 200) -> Pagina:
    """The page at ``url`` shows exactly the tables ``verwacht``, each with a link whose
    workbook has its figures; the page's "all tables" link (if any) holds them all."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return controleer_html(client, response.content.decode(), verwacht)


def controleer_html(client: Client, html: str, verwacht: set[str]) -> Pagina:
    pagina = lees_pagina(html)
    assert set(pagina.tabellen) == verwacht
    assert html.count("<table") == sum(t.soort == "table" for t in pagina.tabellen.values()), (
        "een tabel zonder data-tabel (en dus zonder Excel-link)"
    )
    for sleutel, tabel in pagina.tabellen.items():
        assert sleutel in pagina.links, f"tabel {sleutel!r} heeft geen Excel-link"
        wb = _xlsx(client, pagina.links[sleutel].replace("&amp;", "&"))
        assert wb.sheetnames == [re.sub(r"[\[\]:*?/\\]", " ", sleutel)[:31]]
        ws = wb.active
        assert ws.freeze_panes == f"B{kopregel(ws) + 1}"
        assert all(c.font.b for c in ws[kopregel(ws)] if c.value)
        getallen = vergelijk(tabel, ws)
        if any(c.numeriek for rij in tabel.body for c in rij):
            assert getallen >= len(tabel.body), (sleutel, getallen)
    if "" in pagina.links:
        wb = _xlsx(client, pagina.links[""].replace("&amp;", "&"))
        assert len(wb.sheetnames) == len(pagina.tabellen)
    return pagina


def _som(ws: Any, kolom: str) -> str:
    """The formula of the total row in ``kolom`` (the row after the data rows)."""
    for rij in ws.iter_rows(min_row=2):
        if rij[0].value in ("Totaal",) or str(rij[0].value).startswith("Totaal"):
            return str(ws[f"{kolom}{rij[0].row}"].value)
    raise AssertionError("geen totaalrij")


# ------------------------------------------------------------------ Stand van zaken


def test_stand_van_zaken_every_table_as_excel_with_the_demo_figures(secretariaat: Client) -> None:
    pagina = controleer(
        secretariaat,
        "/?peildatum=2025-11-01",
        {"Verdeling", "Statushouders", "Nidos", "Controles"},
    )
    # The link keeps the peildatum and is accessible: visible text plus the table's name.
    assert "peildatum=2025-11-01" in pagina.links["Verdeling"]
    html = secretariaat.get("/?peildatum=2025-11-01").content.decode()
    assert 'Download als Excel<span class="visueel-verborgen">: Opgave, realisatie' in html

    wb = _xlsx(secretariaat, "/?peildatum=2025-11-01&formaat=xlsx")
    assert wb.sheetnames == ["Verdeling", "Statushouders", "Nidos", "Controles"]
    ws = wb["Verdeling"]
    assert ws.freeze_panes == "B2"
    koppen = [c.value for c in ws[1]]
    assert koppen[:4] == [
        "Gemeente",
        "Oekraïne-opgave – Opgave (25/26)",
        "Oekraïne-opgave – Realisatie (01-11-2025)",
        "Oekraïne-opgave – Verschil",
    ]
    assert "Asielopvang regulier – Realisatie (01-11-2025)" in koppen
    rijen = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=13)}
    assert rijen["Assen"][1:4] == [792, 822, 30]
    assert rijen["Midden-Drenthe"][3] == -168
    # No AMV figure on 01-11-2025: the latest known one (0 of 01-10-2024), with its date.
    assert rijen["Aa en Hunze"][7:11] == [0, 0, dt.datetime(2024, 10, 1), 0]
    assert [c.value for c in ws[14]][:4] == [
        "Totaal",
        "=SUM(B2:B13)",
        "=SUM(C2:C13)",
        "=SUM(D2:D13)",
    ]
    # Seed 000: Oekraïne 5.648 / 4.978 / −670, regulier realised 3.819 (+5), AMV −150.
    # (column 10 is AMV's "Stand per", a date)
    totalen = [sum(rijen[g][k] or 0 for g in rijen) for k in (1, 2, 3, 4, 5, 6, 7, 8, 10)]
    assert totalen == [5648, 4978, -670, 3814, 3819, 5, 341, 191, -150]
    assert ws["D2"].number_format == "+#,##0;-#,##0;0"

    sh = wb["Statushouders"]
    assert sh.freeze_panes == "B2"
    totaal = [c.value for c in sh[14]]
    assert totaal[0] == "Totaal Drenthe" and totaal[1] == "=SUM(B2:B13)"
    achter_voor = {r[0].value: r[15].value for r in sh.iter_rows(min_row=2, max_row=13)}
    assert sum(achter_voor.values()) == 521 and achter_voor["Westerveld"] == -4

    nidos = wb["Nidos"]
    rij = [c.value for c in nidos[nidos.max_row - 2]]
    assert rij[0] == "Totaal" and rij[4].startswith("=IF(") and nidos["E2"].number_format == "0%"


def test_stand_van_zaken_of_another_peildatum_has_that_peildatums_figures(
    secretariaat: Client,
) -> None:
    # No cyclus was in force on 01-10-2024 (issue 16.3): no opgave, so no check of its
    # distribution either (the 5.720/5.722 drift belongs to the 25/26 opgave).
    controleer(secretariaat, "/?peildatum=2024-10-01", {"Verdeling"})
    ws = _xlsx(secretariaat, "/?peildatum=2024-10-01&formaat=xlsx&tabel=Verdeling").active
    assert "(01-10-2024)" in str(ws["C1"].value)
    realisatie = sum(r[2].value or 0 for r in ws.iter_rows(min_row=2, max_row=13))
    assert realisatie != 4978


def test_an_unknown_table_is_404(secretariaat: Client) -> None:
    assert secretariaat.get("/?formaat=xlsx&tabel=Bestaatniet").status_code == 404


# ------------------------------------------------------------------------- trends


def test_trends_of_the_provincie_and_of_a_gemeente(secretariaat: Client) -> None:
    controleer(
        secretariaat,
        "/trends/",
        {"Oekraïne", "Regulier", "AMV", "Statushouders", "Statushouders per gemeente"},
    )
    wb = _xlsx(secretariaat, "/trends/?formaat=xlsx")
    oek = wb["Oekraïne"]
    laatste = [c.value for c in oek[3]]
    assert laatste[0] == dt.datetime(2025, 11, 1) and oek["A3"].number_format == "dd-mm-yyyy"
    assert laatste[1:5] == [4978, 5648, -670, 5138]
    per_gemeente = wb["Statushouders per gemeente"]
    assert _som(per_gemeente, "B") == "=SUM(B2:B13)"

    assen = Gemeente.objects.get(naam="Assen")
    controleer(
        secretariaat, f"/trends/{assen.cbs_code}/", {"Oekraïne", "Regulier", "AMV", "Statushouders"}
    )
    regulier = _xlsx(secretariaat, f"/trends/{assen.cbs_code}/?formaat=xlsx&tabel=Regulier").active
    assert [c.value for c in regulier[3]][1:4] == [1000, 1000, 0]


# -------------------------------------------------------------------- inzendingen


@pytest.fixture
def inzendingen(drenthe: Provincie) -> dict[str, Any]:
    assen = Gemeente.objects.get(naam="Assen")
    gemeente, sec = _gebruiker("gemeente-assen"), _gebruiker("secretariaat")
    terug = dien_in(door=gemeente, gemeente=assen, peildatum=NOV, aantallen={"oekraine": 830})
    stuur_terug(door=sec, inzending=terug, opmerking="Klopt niet")
    goed = dien_in(door=gemeente, gemeente=assen, peildatum=NOV, aantallen={"oekraine": 1831})
    keur_goed(door=sec, inzending=goed)
    open_ = dien_in(
        door=gemeente, gemeente=assen, peildatum=dt.date(2025, 10, 1), aantallen={"amv": 4}
    )
    return {"terug": terug, "goed": goed, "open": open_}


def test_inzendingen_as_gemeente_and_as_secretariaat(
    gemeente_assen: Client, secretariaat: Client, inzendingen: dict[str, Any]
) -> None:
    controleer(gemeente_assen, "/inzendingen/", {"Uw inzendingen"})
    eigen = _xlsx(gemeente_assen, "/inzendingen/?formaat=xlsx&tabel=Uw inzendingen").active
    cijfers = {r[2].value for r in eigen.iter_rows(min_row=2, max_row=4)}
    oek, amv = Soort.OEKRAINE.label, Soort.AMV.label
    assert cijfers == {f"{oek}: 830", f"{oek}: 1.831", f"{amv}: 4"}
    assert eigen["B2"].number_format == "dd-mm-yyyy"

    controleer(secretariaat, "/inzendingen/", {"Te beoordelen", "Onlangs beoordeeld"})
    open_ = _xlsx(secretariaat, "/inzendingen/?formaat=xlsx&tabel=Te beoordelen").active
    assert [c.value for c in open_[2]][:3] == ["Assen", dt.datetime(2025, 10, 1), f"{amv}: 4"]

    detail = f"/inzendingen/{inzendingen['goed'].pk}/"
    controleer(gemeente_assen, detail, {"Vergelijking"})
    ws = _xlsx(secretariaat, detail + "?formaat=xlsx").active
    assert [c.value for c in ws[2]] == ["Oekraïne-opgave", 1831, 1831, 0]


def test_workbooks_follow_the_pages_permissions(
    lezer: Client, gemeente_emmen: Client, inzendingen: dict[str, Any]
) -> None:
    assert lezer.get("/inzendingen/?formaat=xlsx").status_code == 403
    assert lezer.get("/aanlevering/?formaat=xlsx").status_code == 403
    # Emmen has no inzendingen of its own and does not judge: no table, no workbook.
    assert gemeente_emmen.get("/inzendingen/?formaat=xlsx").status_code == 404


def test_another_gemeente_gets_no_workbook_of_an_inzending(
    gemeente_emmen: Client, inzendingen: dict[str, Any]
) -> None:
    assert (
        gemeente_emmen.get(f"/inzendingen/{inzendingen['goed'].pk}/?formaat=xlsx").status_code
        == 404
    )


# ---------------------------------------------------------------------- verdeling


def test_verdeling_pages(secretariaat: Client, lezer: Client) -> None:
    scenario = drenthe_2024()
    tweede = kopieer_scenario(door=_gebruiker("secretariaat"), scenario=scenario)
    wijzig_scenario(
        door=_gebruiker("secretariaat"), scenario=tweede, velden={"opgave_regulier": 3900}
    )
    controleer(secretariaat, "/verdeling/", {"Scenario's"})
    verwacht = {"Kengetallen", "Verdeling", "Grafiek regulier", "Grafiek amv", "Invoer"}
    controleer(secretariaat, f"/verdeling/{scenario.pk}/", verwacht)
    controleer(lezer, f"/verdeling/{tweede.pk}/", verwacht)  # read only: another invoer table
    ws = _xlsx(secretariaat, f"/verdeling/{scenario.pk}/?formaat=xlsx&tabel=Verdeling").active
    rijen = {r[0].value: r for r in ws.iter_rows(min_row=2, max_row=13)}
    for naam, (regulier, amv) in TABEL_1.items():
        assert (rijen[naam][7].value, rijen[naam][8].value) == (regulier, amv)
    assert rijen["Assen"][9].value == f"=H{rijen['Assen'][0].row}+I{rijen['Assen'][0].row}"
    kengetallen = _xlsx(
        secretariaat, f"/verdeling/{tweede.pk}/?formaat=xlsx&tabel=Kengetallen"
    ).active
    assert kengetallen["B5"].number_format == "0.00%" and 0 < kengetallen["B5"].value < 1

    vergelijk_url = f"/verdeling/vergelijk/?a={scenario.pk}&b={tweede.pk}"
    pagina = controleer(secretariaat, vergelijk_url, {"Samenvatting", "Per gemeente"})
    assert f"a={scenario.pk}" in pagina.links["Per gemeente"]
    controleer(secretariaat, "/verdeling/oekraine/", {"Oekraïne"})
    controleer(secretariaat, "/verdeling/oekraine/?aantal=5138", {"Oekraïne"})
    oek = _xlsx(secretariaat, "/verdeling/oekraine/?aantal=5138&formaat=xlsx").active
    assert oek["C2"].number_format == "#,##0.00"
    totaal = [c.value for c in oek[14]]
    assert totaal[0] == "Totaal" and totaal[3] == "=SUM(D2:D13)"
    assert sum(r[3].value for r in oek.iter_rows(min_row=2, max_row=13)) == 5138


def test_the_scenario_export_is_written_by_core_xlsx(lezer: Client) -> None:
    scenario = drenthe_2024()
    wb = _xlsx(lezer, f"/verdeling/{scenario.pk}/export.xlsx")
    assert wb["Verdeling"].freeze_panes == "B2"
    assert wb["Verdeling"]["A15"].value is None  # caption after an empty row
    assert wb["Stappen"].freeze_panes == "B2"


# --------------------------------------------------------------------- aanlevering


def test_aanlevering_preview_and_the_list_of_deliveries(
    secretariaat: Client, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    rijen = coa_rijen()
    rijen[1][11] = 3  # Assen, realisatie oktober 2 -> 3, with the derived columns
    rijen[1][14] += 1
    rijen[1][15] -= 1
    rijen[1][16] -= 1
    pad = schrijf_coa(tmp_path / "coa-correctie.xlsx", rijen)
    with pad.open("rb") as fh:
        response = secretariaat.post("/aanlevering/", {"soort": "coa", "bestand": fh})
    assert response.status_code == 200
    pagina = controleer_html(secretariaat, response.content.decode(), {"Veranderingen"})
    assert "checksum=" in pagina.links["Veranderingen"]
    ws = _xlsx(secretariaat, pagina.links["Veranderingen"].replace("&amp;", "&")).active
    regels = {r[3].value: (r[4].value, r[5].value) for r in ws.iter_rows(min_row=2) if r[1].value}
    assert regels["realisatie oktober"] == (2, 3)
    # Nothing was written by the preview or its workbook.
    assert secretariaat.get("/aanlevering/").content.decode().count("coa-correctie.xlsx") == 0

    verborgen = dict(
        re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', response.content.decode())
    )
    verborgen.pop("csrfmiddlewaretoken")
    assert secretariaat.post("/aanlevering/bevestigen/", verborgen).status_code == 200
    controleer(secretariaat, "/aanlevering/", {"Aanleveringen"})
    # The stored file is gone: its preview workbook too.
    assert secretariaat.get(pagina.links["Veranderingen"].replace("&amp;", "&")).status_code == 404


# ----------------------------------------------------------------------- rapportage


def test_report_versions(secretariaat: Client, drenthe: Provincie) -> None:
    versie = bewaar_versie(
        door=_gebruiker("secretariaat"),
        soort="stand_van_zaken",
        provincie=drenthe,
        peildatum=NOV,
        versie_datum=dt.date(2025, 11, 14),
        teksten={"inleiding": "Een"},
        adressering="Aan de leden van de PRT",
    )
    controleer(secretariaat, "/rapportage/", {"Versies"})
    ws = _xlsx(secretariaat, "/rapportage/?formaat=xlsx&tabel=Versies").active
    rij = next(r for r in ws.iter_rows(min_row=2) if r[4].value == "Aan de leden van de PRT")
    assert [c.value for c in rij][:5] == [
        "Stand van zaken realisatie opgaven",
        "01-11-2025",
        versie.volgnummer,
        dt.datetime(2025, 11, 14),
        "Aan de leden van de PRT",
    ]


# ------------------------------------------------------------- constant query counts


def _aantal(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_of_the_workbooks_do_not_grow_with_the_rows(
    secretariaat: Client, drenthe: Provincie, django_assert_max_num_queries: Any
) -> None:
    from tests.monitoring.test_stand_van_zaken_view import _vermenigvuldig

    scenario = drenthe_2024()
    assen = Gemeente.objects.get(naam="Assen")
    gemeente = _gebruiker("gemeente-assen")
    dien_in(door=gemeente, gemeente=assen, peildatum=NOV, aantallen={"oekraine": 1})
    urls = [
        "/?peildatum=2025-11-01&formaat=xlsx",
        "/trends/?formaat=xlsx",
        "/inzendingen/?formaat=xlsx",
        "/verdeling/?formaat=xlsx",
        f"/verdeling/{scenario.pk}/?formaat=xlsx",
        f"/verdeling/vergelijk/?a={scenario.pk}&b={scenario.pk}&formaat=xlsx",
        "/verdeling/oekraine/?formaat=xlsx",
        "/rapportage/?formaat=xlsx",
    ]
    bewaar_versie(
        door=None,
        soort="stand_van_zaken",
        provincie=drenthe,
        peildatum=NOV,
        versie_datum=NOV,
        teksten={"inleiding": "Een"},
    )
    voor = {url: _aantal(secretariaat, url) for url in urls}

    _vermenigvuldig(drenthe, gemeenten=20, maanden=24)
    for i in range(5):
        kopieer_scenario(door=_gebruiker("secretariaat"), scenario=scenario)
        bewaar_versie(
            door=None,
            soort="stand_van_zaken",
            provincie=drenthe,
            peildatum=NOV,
            versie_datum=NOV,
            teksten={"inleiding": f"Versie {i}"},
        )
    for maand in range(1, 6):
        dien_in(
            door=gemeente,
            gemeente=assen,
            peildatum=dt.date(2025, maand, 1),
            aantallen={"amv": maand},
        )
    for url, aantal in voor.items():
        with django_assert_max_num_queries(aantal):
            assert secretariaat.get(url).status_code == 200, url


def test_file_names_are_ascii() -> None:
    assert (
        bestand("Stand van zaken Fryslân 2025-11-01") == "stand-van-zaken-fryslan-2025-11-01.xlsx"
    )
    assert bestand("scenario's") == "scenarios.xlsx"
