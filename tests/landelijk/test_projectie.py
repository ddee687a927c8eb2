"""The national overview and the dashboard of a large provincie from the stored projections
(monitoring.projectie): the same page as computed, read without computing, with a query
count that does not depend on the number of provincies, gemeenten or peildata."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.demo import landelijk as demo
from regietafel.kaart import kaartprojectie
from regietafel.landelijk.projectie import OVERZICHT, sleutel
from regietafel.locaties import queries as locaties_queries
from regietafel.monitoring import projectie, queries
from regietafel.monitoring.models import Projectie
from tests.monitoring.test_projectie import zonder_tokens

pytestmark = pytest.mark.django_db

PADEN = (
    "/landelijk/",
    "/landelijk/?peildatum=2025-11-01",
    "/?provincie=PV30",
    "/?provincie=PV30&peildatum=2025-11-01",
    "/?provincie=PV22",
    "/trends/?provincie=PV30",
    "/kaart/nederland/",
    "/kaart/nederland/?soort=regulier",
    "/locaties/capaciteit/?provincie=PV30",
)


def test_the_pages_from_the_projections_are_the_computed_pages(
    landelijk_klein: demo.Resultaat,
    landelijk_client: Client,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"  # the charts the job draws
    berekend = {pad: zonder_tokens(landelijk_client.get(pad).content.decode()) for pad in PADEN}
    settings.REGIETAFEL_PROJECTIES = True
    uitkomst = projectie.bouw_alles()
    assert {n: u["gemaakt"] > 0 for n, u in uitkomst.items()} == {
        "stand": True,
        "signalen": True,
        "landelijk": True,
        "trends": True,
        "kaart-nederland": True,
        "capaciteit": True,
    }
    monkeypatch.setattr(queries, "bereken_standen", _weigert)
    monkeypatch.setattr(queries, "bereken_trends", _weigert)
    monkeypatch.setattr(kaartprojectie, "kaart_gegevens", _weigert)
    monkeypatch.setattr(locaties_queries, "capaciteit", _weigert)
    for pad in PADEN:
        assert zonder_tokens(landelijk_client.get(pad).content.decode()) == berekend[pad], pad


def _weigert(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("berekend in plaats van gelezen")


def test_without_its_own_projection_the_overview_reads_the_stored_stands(
    landelijk_klein: demo.Resultaat,
    landelijk_client: Client,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    berekend = zonder_tokens(landelijk_client.get("/landelijk/").content.decode())
    settings.REGIETAFEL_PROJECTIES = True
    projectie.bouw_alles(namen=["stand"])
    assert not Projectie.objects.filter(soort="landelijk").exists()
    assert projectie.lees(OVERZICHT, sleutel(None), None) is None
    monkeypatch.setattr(queries, "bereken_standen", _weigert)
    assert zonder_tokens(landelijk_client.get("/landelijk/").content.decode()) == berekend


def _queries(client: Client, pad: str) -> int:
    assert client.get(pad).status_code == 200  # a national user's choice is kept once
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(pad).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_from_the_projections_do_not_grow(
    drenthe: Any, landelijk_client: Client, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drenthe alone (12 gemeenten, one peildatum) against the national demo on top (342
    gemeenten, more peildata): the same number of queries for every page read from its
    projection."""
    settings.REGIETAFEL_PROJECTIES = True
    paden = ("/landelijk/", "/?provincie=PV22")
    projectie.bouw_alles()
    with monkeypatch.context() as m:
        m.setattr(queries, "bereken_standen", _weigert)
        klein = {pad: _queries(landelijk_client, pad) for pad in paden}
    demo.laad(zaad=demo.STANDAARD_ZAAD, maanden=4, met_drenthe=False)
    projectie.bouw_alles()
    monkeypatch.setattr(queries, "bereken_standen", _weigert)
    groot = {pad: _queries(landelijk_client, pad) for pad in (*paden, "/?provincie=PV30")}
    assert groot["/?provincie=PV30"] == klein["/?provincie=PV22"]
    assert {pad: groot[pad] for pad in paden} == klein
