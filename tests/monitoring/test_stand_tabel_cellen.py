"""Render once (issue 19): the three tables of the Stand van zaken page are the very ``Tabel``
objects of the report, so the page (``core/tabel.html``) and the report's workbook hold the
same cells, for a complete peildatum and for one on which gemeenten have not delivered (a
missing figure: "–" with its reason on the page, an empty cell in Excel; never 0)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.services import dien_in, keur_goed
from regietafel.opgaven.models import Cyclus, Opgave, Soort, Stadium
from regietafel.rapportage.bouwen import stand_document
from regietafel.rapportage.uitvoer import genereer
from tests.core.excelcontrole import werkboek
from tests.core.tabelcontrole import PaginaTabel, lees_tabellen, vergelijk_cellen

pytestmark = pytest.mark.django_db

TABELLEN = ("Verdeling", "Statushouders", "Nidos")


def _vergelijk(client: Client, peildatum: str) -> tuple[dict[str, PaginaTabel], dict[str, int]]:
    """The page's tables against the sheets of the report's XLSX for the same peildatum."""
    antwoord = client.get(f"/?peildatum={peildatum}")
    assert antwoord.status_code == 200
    pagina = lees_tabellen(antwoord.content.decode())
    assert set(TABELLEN) <= set(pagina), set(pagina)
    wb = _werkboek(peildatum)
    return pagina, {s: vergelijk_cellen(pagina[s], wb[s]) for s in TABELLEN}


def _werkboek(peildatum: str) -> Any:
    """The report's XLSX (what the download's background task writes)."""
    drenthe = Provincie.objects.get(naam="Drenthe")
    xlsx, _ = genereer(stand_document(drenthe, dt.date.fromisoformat(peildatum)), "xlsx")
    return werkboek(xlsx)


def _rij(tabel: PaginaTabel, naam: str) -> list[Any]:
    return next(r for r in tabel.rijen if r[0].schoon == naam)


def test_the_page_and_the_reports_workbook_have_the_same_cells(lezer: Client) -> None:
    pagina, n = _vergelijk(lezer, "2025-11-01")
    # 12 gemeenten + the total; Oekraïne and regulier 3 columns, AMV 4 (a "Stand per").
    assert n["Verdeling"] == 13 * (1 + 3 + 3 + 4)
    # 12 gemeenten, the total and the count of gemeenten; 18 columns.
    assert n["Statushouders"] == 14 * 18
    assert n["Nidos"] == 13 * 5
    # each gemeente links to its trends on the page; the workbook has its name
    assen = _rij(pagina["Verdeling"], "Assen")
    assert assen[0].url == f"/trends/{Gemeente.objects.get(naam='Assen').cbs_code}/"


def test_a_gemeente_that_has_not_delivered_is_a_dash_on_the_page_and_empty_in_excel(
    drenthe: Provincie, lezer: Client
) -> None:
    """Assen delivers for 01-01-2026, the others not yet (their older figure with its date); a
    new gemeente with an opgave never delivered: no 0, no verschil, no tekort."""
    nieuw = Gemeente.objects.create(cbs_code="GM9998", naam="Nieuwdorp", provincie=drenthe)
    cyclus = Cyclus.objects.get(code="spreidingswet-2024")
    Opgave.objects.create(
        cyclus=cyclus, gemeente=nieuw, soort=Soort.REGULIER, stadium=Stadium.VASTGESTELD, aantal=75
    )
    with time_machine.travel(dt.datetime(2026, 1, 20, 10, 0, tzinfo=dt.UTC), tick=False):
        inzending = dien_in(
            door=Gebruiker.objects.get(username="gemeente-assen"),
            gemeente=Gemeente.objects.get(naam="Assen"),
            peildatum=dt.date(2026, 1, 1),
            aantallen={"oekraine": 830, "regulier": 1000, "amv": 0},
        )
        keur_goed(door=Gebruiker.objects.get(username="secretariaat"), inzending=inzending)

    pagina, n = _vergelijk(lezer, "2026-01-01")
    verdeling = pagina["Verdeling"]
    assert n["Verdeling"] == 14 * (1 + 4 + 4 + 4)  # every soort has a "Stand per" column
    koppen = [c.schoon for c in verdeling.koppen[-1]]
    regulier = koppen.index("Opgave", 5)  # the second soort: regulier
    nieuwdorp = _rij(verdeling, "Nieuwdorp")
    # Oekraïne: no opgave and no figure; regulier: opgave 75, no figure ("niet aangeleverd")
    assert [c.schoon for c in nieuwdorp[1:5]] == ["", "", "", ""]
    assert [c.schoon for c in nieuwdorp[regulier : regulier + 4]] == [
        "75",
        "",
        "niet aangeleverd",
        "",
    ]
    html = lezer.get("/?peildatum=2026-01-01").content.decode()
    rij_html = html.split(">Nieuwdorp</a></th>")[1].split("</tr>")[0]
    assert (
        '<span aria-hidden="true">–</span><span class="visueel-verborgen">niet aangeleverd</span>'
        in rij_html
    )
    assert "−75" not in rij_html and ">0<" not in rij_html
    emmen = _rij(verdeling, "Emmen")
    assert [c.schoon for c in emmen[1:5]] == ["996", "1.004", "01-11-2025", "+8"]
    # the total's verschil counts the gemeenten with a figure only, said in a note (a comment)
    totaal = verdeling.rijen[-1]
    assert totaal[regulier + 3].schoon == "+5" and totaal[regulier + 3].noot.strip() == (
        "over 12 gemeenten"
    )


def test_a_cell_that_differs_is_found(lezer: Client) -> None:
    """The comparison can fail: a missing figure shown as 0 on the page is reported."""
    html = lezer.get("/?peildatum=2025-11-01").content.decode()
    wb = _werkboek("2025-11-01")
    verdeling = lees_tabellen(html)["Verdeling"]
    leeg = next(c for r in verdeling.rijen for c in r if c.schoon == "" and not c.kop)
    leeg.tekst = "0"
    with pytest.raises(AssertionError, match="Excel"):
        vergelijk_cellen(verdeling, wb["Verdeling"])
