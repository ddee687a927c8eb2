"""Issue 20, point 2: the query count of /trends/, /kaart/nederland/ and /landelijk/ with an
empty cache does not depend on the number of provincies, gemeenten or peildata.

Counted cold (the cache emptied before the request: no stand, trends, chart or page kept),
first with figures in one provincie (Drenthe: 12 gemeenten, its one peildatum), then with
the national demo loaded on top (12 provincies, 342 gemeenten, more monthly peildata)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.demo import landelijk as demo
from regietafel.gemeenten.models import Gemeente, Provincie

pytestmark = pytest.mark.django_db

DRENTHE, BRABANT = "PV22", "PV30"
PAGINAS = ("/trends/?provincie={p}", "/kaart/nederland/", "/landelijk/")


def koud(client: Client, pad: str) -> int:
    """The queries of ``pad`` with an empty cache (after a first request: a national user's
    choice of provincie is written to the session once)."""
    assert client.get(pad).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(pad).status_code == 200
    return len(ctx.captured_queries)


def test_cold_query_counts_do_not_grow_with_provincies_gemeenten_or_peildata(
    drenthe: Provincie, landelijk_client: Client, django_assert_max_num_queries: Any
) -> None:
    klein = {pad: koud(landelijk_client, pad.format(p=DRENTHE)) for pad in PAGINAS}
    assen = Gemeente.objects.get(naam="Assen")
    gemeente_klein = koud(landelijk_client, f"/trends/{assen.cbs_code}/?provincie={DRENTHE}")

    geladen = demo.laad(zaad=demo.STANDAARD_ZAAD, maanden=4, met_drenthe=False)
    assert geladen.wijzigingen["realisaties"] == 330 * 3 * 4
    assert Gemeente.objects.filter(provincie__code=BRABANT).count() == 56

    # The same page with 342 gemeenten and four more peildata, and the trends of the
    # largest provincie (56 gemeenten) against those of Drenthe (12).
    for pad, n in klein.items():
        for p in (DRENTHE, BRABANT):
            url = pad.format(p=p)
            assert landelijk_client.get(url).status_code == 200
            cache.clear()
            with django_assert_max_num_queries(n, info=url) as ctx:
                assert landelijk_client.get(url).status_code == 200
            assert len(ctx) == n, url
    breda = Gemeente.objects.get(naam="Breda")
    assert koud(landelijk_client, f"/trends/{breda.cbs_code}/?provincie={BRABANT}") == (
        gemeente_klein
    )
    # Every peildatum of the table per gemeente: the same queries, more cells.
    assert (
        koud(landelijk_client, f"/trends/?provincie={BRABANT}&peildata=alle") == (klein[PAGINAS[0]])
    )
