"""The map pages: classes of the Drenthe demo, the table, the soort form, the scope per user,
the Excel download and a constant number of queries for the national map."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from typing import Any

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.core import klok
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.kaart.queries import kaart_gegevens
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.monitoring.models import Realisatie
from regietafel.opgaven.models import Cyclus, Opgave, Soort, Stadium

pytestmark = pytest.mark.django_db

# seed 000, Oekraïne: ambitie against realisation on 01-11-2025
OEKRAINE_KLASSEN = {
    "GM1680": "kl-3",  # Aa en Hunze 431 / 430
    "GM0106": "kl-3",  # Assen 822 / 792
    "GM1681": "kl-2",  # Borger-Odoorn 310 / 385 = 81 %
    "GM0109": "kl-3",  # Coevorden 220 / 220
    "GM1690": "kl-1",  # De Wolden 212 / 382 = 55 %
    "GM0114": "kl-3",  # Emmen 1.004 / 996
    "GM0118": "kl-2",  # Hoogeveen 430 / 506 = 85 %
    "GM0119": "kl-3",  # Meppel 600 / 455
    "GM1731": "kl-1",  # Midden-Drenthe 369 / 537 = 69 %
    "GM1699": "kl-0",  # Noordenveld 181 / 503 = 36 %
    "GM1730": "kl-3",  # Tynaarlo 344 / 340
    "GM1701": "kl-1",  # Westerveld 55 / 102 = 54 %
}
PAD = re.compile(r'<a href="/trends/(GM\d{4})/"[^>]*><path class="gemeente (kl-[\w]+)"')


def azc_in(gemeenten: Iterable[Gemeente]) -> None:
    """A reception location in use of 100 places in each of ``gemeenten``."""
    for g in gemeenten:
        Locatie.objects.create(
            gemeente=g,
            naam=f"azc {g.naam}",
            type=LocatieType.REGULIER,
            plaatsen_regulier=100,
            status=LocatieStatus.GEREALISEERD,
        )


def _beheerder() -> Client:
    gebruiker = Gebruiker.objects.create_user(
        "kaart-beheerder", password="x", rol=Rol.BEHEERDER, provincie=None
    )
    client = Client()
    client.force_login(gebruiker)
    return client


def test_drenthe_oekraine_classes_on_the_map(lezer: Client) -> None:
    antwoord = lezer.get("/kaart/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert dict(PAD.findall(html)) == OEKRAINE_KLASSEN
    # the tooltip and the accessible name of a gemeente
    assert "Noordenveld: opgave 503, realisatie 181, 36% gerealiseerd (minder dan 50 %)" in html
    # legend counts, table totals (seed 000: 5.648 ambitie, 4.978 realised)
    assert "(1 gemeente)" in html and "(6 gemeenten)" in html
    assert "5.648" in html and "4.978" in html and "88%" in html
    # offline: no external resource; CBS named as source
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html
    assert "CBS" in html
    assert 'style="' not in html


def test_locations_as_markers(lezer: Client) -> None:
    html = lezer.get("/kaart/").content.decode()
    assert "Locaties in Assen: azc Assen (Regulier (azc), 1.000 plaatsen)" in html
    # Westerveld's noodopvang ended on 31-12-2024: not on the map of 01-11-2025
    assert "Noodopvang Westerveld" not in html
    # planned AMV locations: a dashed ring
    assert "AMV-locatie Midden-Drenthe (AMV, 50 plaatsen, gepland)" in html
    assert html.count('class="locatie-gepland"') == 3 + 1  # three gemeenten, one legend sample


def test_soort_form_and_unknown_soort(lezer: Client) -> None:
    html = lezer.get("/kaart/?soort=amv").content.decode()
    klassen = dict(PAD.findall(html))
    assert klassen["GM0106"] == "kl-geen"  # Assen: no AMV opgave
    assert klassen["GM1731"] == "kl-0"  # Midden-Drenthe 0 of 50
    assert klassen["GM0114"] == "kl-3"  # Emmen 50 of 50
    assert '<option value="amv" selected>' in html
    fout = lezer.get("/kaart/?soort=fiets").content.decode()
    assert "Onbekende soort" in fout and dict(PAD.findall(fout)) == OEKRAINE_KLASSEN


def test_excel_has_the_table(lezer: Client) -> None:
    from openpyxl import load_workbook

    antwoord = lezer.get("/kaart/?soort=oekraine&formaat=xlsx&tabel=gemeenten")
    assert antwoord.status_code == 200
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][:4] == ("Gemeente", "Opgave", "Realisatie", "Gerealiseerd")
    assert rijen[10][:3] == ("Noordenveld", 503, 181)
    assert rijen[13][1] == "=SUM(B2:B13)"


def test_other_provincie_only_for_national_users(lezer: Client, gemeente_assen: Client) -> None:
    assert lezer.get("/kaart/?provincie=PV20").status_code == 404
    assert gemeente_assen.get("/kaart/?provincie=PV20").status_code == 404
    assert lezer.get("/kaart/?provincie=PV22").status_code == 200
    beheerder = _beheerder()
    html = beheerder.get("/kaart/?provincie=PV20").content.decode()
    assert "Kaart van Groningen" in html
    # the trends link keeps the provincie
    assert 'href="/trends/GM0014/?provincie=PV20"' in html


def test_national_map_scope(lezer: Client) -> None:
    html = lezer.get("/kaart/nederland/").content.decode()
    # every gemeente is drawn; only Drenthe's with figures and a link to its map
    assert html.count('<path class="gemeente ') == 342
    assert html.count('class="gemeente kl-niet"') == 342 - 12 + 1  # + the legend sample
    assert html.count('class="provincie-link"') == 1
    assert 'href="/kaart/?soort=oekraine"' in html
    assert html.count('class="provinciegrens"') == 12 + 1  # borders and the legend sample
    beheerder = _beheerder()
    html = beheerder.get("/kaart/nederland/?soort=regulier").content.decode()
    assert html.count('class="provincie-link"') == 12
    assert 'href="/kaart/?provincie=PV20&amp;soort=regulier"' in html
    assert 'class="gemeente kl-niet"' not in html
    # no regular opgave anywhere but in Drenthe, where 4 gemeenten have none
    assert html.count('<path class="gemeente kl-geen"') == 330 + 4


def test_national_map_constant_queries(
    drenthe: Provincie, django_assert_max_num_queries: Any
) -> None:
    beheerder = _beheerder()
    beheerder.get("/kaart/nederland/")  # warm the geometry cache

    def tel() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert beheerder.get("/kaart/nederland/?soort=regulier").status_code == 200
        return len(ctx.captured_queries)

    voor = tel()
    # figures, opgaven and locations in every other provincie
    cyclus = Cyclus.objects.get(code="spreidingswet-2024")
    nu = klok.nu()
    for g in Gemeente.objects.exclude(provincie=drenthe):
        Opgave.objects.create(
            cyclus=cyclus, gemeente=g, soort=Soort.REGULIER, stadium=Stadium.VASTGESTELD, aantal=100
        )
        Realisatie.objects.create(
            gemeente=g,
            soort=Soort.REGULIER,
            peildatum=dt.date(2025, 10, 1),
            aantal=g.pk % 150,
            geregistreerd_op=nu,
        )
    azc_in(Gemeente.objects.exclude(provincie=drenthe))
    with django_assert_max_num_queries(voor):
        antwoord = beheerder.get("/kaart/nederland/?soort=regulier")
    html = antwoord.content.decode()
    assert 'class="gemeente kl-geen"' in html  # Drenthe's gemeenten without a regular opgave
    assert html.count('class="locatie"') == 330 + 9 + 1  # Drenthe: 9 gemeenten with places in use
    gegevens = kaart_gegevens("regulier", None)
    assert len(gegevens.rijen) == 342
    assert gegevens.opgave == 330 * 100 + 3814  # Drenthe's vastgestelde regular opgave: 3.814


def test_national_excel_has_both_tables(lezer: Client) -> None:
    from openpyxl import load_workbook

    antwoord = lezer.get("/kaart/nederland/?formaat=xlsx")
    assert antwoord.status_code == 200
    boek = load_workbook(io.BytesIO(antwoord.content))
    assert boek.sheetnames == ["provincies", "gemeenten"]
    assert next(boek["provincies"].iter_rows(min_row=2, values_only=True))[:4] == (
        "Drenthe",
        dt.datetime(2025, 11, 1),
        5648,
        4978,
    )
    # header, Drenthe's 12 gemeenten, the total row
    assert boek["gemeenten"]["A13"].value == "Westerveld"
    assert boek["gemeenten"]["A14"].value == "Totaal"
