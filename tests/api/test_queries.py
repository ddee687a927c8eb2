"""Every list endpoint runs a constant number of queries, however many rows it returns."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.gemeenten.models import Gemeente, Inwonertal
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.monitoring.services import (
    registreer_nidos,
    registreer_realisatie,
    registreer_vergunninghouders,
)
from regietafel.opgaven.models import Cyclus, Opgave, Soort, Stadium
from tests.api.test_lezen import LIJSTEN

pytestmark = pytest.mark.django_db
MAX_QUERIES = 6


def _tel(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(pad)
    assert response.status_code == 200, pad
    return len(queries)


def _meer_rijen() -> None:
    peildatum = dt.date(2026, 2, 1)
    cyclus = Cyclus.objects.create(
        code="api-test",
        naam="API-test",
        soort="spreidingswet",
        jaar=2030,
        begin=dt.date(2030, 1, 1),
        eind=dt.date(2030, 12, 31),
    )
    for i, gemeente in enumerate(Gemeente.objects.filter(provincie__naam="Drenthe")):
        Inwonertal.objects.create(gemeente=gemeente, jaar=2040, aantal=1000 + i)
        registreer_realisatie(
            door=None, gemeente=gemeente, soort=Soort.AMV, peildatum=peildatum, aantal=i
        )
        registreer_nidos(
            door=None, gemeente=gemeente, peildatum=peildatum, gerealiseerd=i, taakstelling=9
        )
        registreer_vergunninghouders(
            door=None,
            gemeente=gemeente,
            peildatum=peildatum,
            jaar=2026,
            stand_1_jan=i,
            taakstelling_h1=5,
            realisatie_h1=3,
            taakstelling_h2=4,
            correcties=0,
            realisatie_maanden=(1,),
        )
        Opgave.objects.create(
            cyclus=cyclus, gemeente=gemeente, soort=Soort.REGULIER, stadium=Stadium.AANBOD, aantal=i
        )
        Locatie.objects.create(
            gemeente=gemeente,
            naam=f"API-locatie {i}",
            type=LocatieType.TGO,
            status=LocatieStatus.GEPLAND,
        )


def test_list_endpoints_run_a_constant_number_of_queries(
    api_lezer: Client, django_assert_max_num_queries: Any
) -> None:
    voor = {pad: _tel(api_lezer, pad) for pad in LIJSTEN}
    _meer_rijen()
    na = {pad: _tel(api_lezer, pad) for pad in LIJSTEN}
    assert na == voor
    for pad in LIJSTEN:
        with django_assert_max_num_queries(MAX_QUERIES):
            assert api_lezer.get(pad).status_code == 200
