"""Render once (issue 19): each table of the verdeling pages is one ``core.tabel.Tabel`` that
the page (``core/tabel.html``) and its Excel download show with the same cells; Tabel 1 of a
scenario is the same in Excel-free outputs too (PDF through the same template, Word through
``core.woord``)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.verdeling.services import kopieer_scenario, wijzig_scenario
from tests.core.excelcontrole import werkboek
from tests.core.tabelcontrole import lees_tabellen, vergelijk_cellen
from tests.verdeling.factories import drenthe_2024, herlaad

pytestmark = pytest.mark.django_db


def _vergelijk(client: Client, url: str, verwacht: set[str]) -> dict[str, int]:
    """Every table of the page against its own sheet of the page's workbook."""
    html = client.get(url).content.decode()
    tabellen = lees_tabellen(html)
    assert verwacht <= set(tabellen), set(tabellen)
    scheiding = "&" if "?" in url else "?"
    response = client.get(f"{url}{scheiding}formaat=xlsx")
    assert response.status_code == 200
    wb = werkboek(response.content)
    return {s: vergelijk_cellen(tabellen[s], wb[_blad(wb, s)]) for s in verwacht}


def _blad(wb: Any, sleutel: str) -> str:
    from regietafel.core.xlsx import ONGELDIG

    naam = sleutel.translate(ONGELDIG)[:31]
    assert naam in wb.sheetnames, (sleutel, wb.sheetnames)
    return naam


def _scenario_met_restopgave() -> Any:
    """A scenario where the restopgave is distributed: extra places with their unrounded
    share (a note), exclusions (a list), a percentage p."""
    scenario = drenthe_2024()
    wijzig_scenario(
        door=Gebruiker.objects.get(username="secretariaat"),
        scenario=scenario,
        velden={"opgave_regulier": 3900, "opgave_amv": 400},
    )
    return herlaad(scenario)


def test_scenario_page_and_its_workbook_have_the_same_cells(lezer: Client) -> None:
    scenario = _scenario_met_restopgave()
    tabellen = {"Kengetallen", "Verdeling", "Grafiek regulier", "Grafiek amv", "Invoer"}
    vergeleken = _vergelijk(lezer, f"/verdeling/{scenario.pk}/", tabellen)
    # 12 gemeenten + the total row, 11 columns; 6 × 3 kengetallen.
    assert vergeleken["Verdeling"] == 13 * 11
    assert vergeleken["Kengetallen"] == 6 * 3
    assert vergeleken["Invoer"] == 12 * 10
    html = lezer.get(f"/verdeling/{scenario.pk}/").content.decode()
    verdeling = lees_tabellen(html)["Verdeling"]
    assert any(c.noot for r in verdeling.rijen for c in r), "extra places carry a note"
    assert any(c.items for r in verdeling.rijen for c in r), "exclusions are a list"


def test_the_comparison_the_list_and_oekraine_have_the_same_cells(secretariaat: Client) -> None:
    a = drenthe_2024("A")
    b = kopieer_scenario(door=Gebruiker.objects.get(username="secretariaat"), scenario=a)
    wijzig_scenario(
        door=Gebruiker.objects.get(username="secretariaat"),
        scenario=b,
        velden={"opgave_regulier": 3900},
    )
    n = _vergelijk(
        secretariaat, f"/verdeling/vergelijk/?a={a.pk}&b={b.pk}", {"Samenvatting", "Per gemeente"}
    )
    assert n["Per gemeente"] == 13 * 11
    assert _vergelijk(secretariaat, "/verdeling/", {"Scenario's"})["Scenario's"] == 2 * 6
    n = _vergelijk(secretariaat, "/verdeling/oekraine/", {"Oekraïne"})
    assert n["Oekraïne"] == 13 * 7


def test_a_difference_in_a_cell_is_found(lezer: Client) -> None:
    """The comparison can fail: a page cell that differs from the sheet is reported."""
    scenario = _scenario_met_restopgave()
    url = f"/verdeling/{scenario.pk}/"
    html = lezer.get(url).content.decode()
    wb = werkboek(lezer.get(f"{url}?formaat=xlsx").content)
    tabel = lees_tabellen(html)["Kengetallen"]
    tabel.rijen[0][1].tekst = "1"
    with pytest.raises(AssertionError, match="Excel"):
        vergelijk_cellen(tabel, wb["Kengetallen"])
    ws = wb["Verdeling"]
    verdeling = lees_tabellen(html)["Verdeling"]
    met_noot = next(
        (i, j) for i, r in enumerate(verdeling.rijen) for j, c in enumerate(r) if c.noot
    )
    verdeling.rijen[met_noot[0]][met_noot[1]].noot = "(0,00)"
    with pytest.raises(AssertionError, match="opmerking"):
        vergelijk_cellen(verdeling, ws)


def test_tabel1_is_one_table_in_pdf_html_and_word(lezer: Client) -> None:
    from docx import Document

    from regietafel.verdeling.exports import tabel1_html
    from regietafel.verdeling.queries import werkblad

    scenario = drenthe_2024()
    blad = werkblad(herlaad(scenario))
    pdf_tabel = lees_tabellen(tabel1_html(blad))["Tabel 1"]
    pdf = [[c.schoon for c in rij] for rij in pdf_tabel.koppen[-1:] + pdf_tabel.rijen]
    doc = Document(io.BytesIO(lezer.get(f"/verdeling/{scenario.pk}/tabel1.docx").content))
    (tabel,) = doc.tables
    word = [[c.text for c in rij.cells] for rij in tabel.rows]
    assert word == pdf
    assert len(word) == 1 + len(blad.aangewezen) + 1
