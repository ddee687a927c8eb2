"""core.invoegen.voeg_in stores what bulk_create would, and returns the keys in order."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regietafel.audit.models import AuditRegel
from regietafel.core.invoegen import voeg_in


@pytest.mark.django_db
def test_voeg_in_stores_the_rows_and_returns_their_keys_in_order() -> None:
    moment = dt.datetime(2025, 11, 3, 9, 30, tzinfo=dt.UTC)
    rijen = [(f"x{i}", str(i), {"aantal": [None, i]}) for i in range(7)]
    sleutels = voeg_in(
        AuditRegel,
        ("actie", "object_id", "wijzigingen"),
        rijen,
        vast={"moment": moment, "object_type": "test.ding", "bron": "b"},
    )
    opgeslagen = AuditRegel.objects.in_bulk(sleutels)
    assert [
        (opgeslagen[k].actie, opgeslagen[k].object_id, opgeslagen[k].wijzigingen) for k in sleutels
    ] == rijen
    eerste = opgeslagen[sleutels[0]]
    assert (eerste.moment, eerste.object_type, eerste.bron) == (moment, "test.ding", "b")
    # Fields given nowhere hold what a new instance holds.
    nieuw = AuditRegel()
    assert (eerste.checksum, eerste.door_id, eerste.object_omschrijving) == (
        nieuw.checksum,
        nieuw.door_id,
        nieuw.object_omschrijving,
    )


@pytest.mark.django_db
def test_voeg_in_splits_by_the_databases_parameter_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection.features, "max_query_params", 30)
    with CaptureQueriesContext(connection) as q:
        sleutels = voeg_in(AuditRegel, ("actie", "object_id"), [("a", str(i)) for i in range(25)])
    assert len(sleutels) == len(set(sleutels)) == 25
    # 11 columns (2 per row + 9 shared): 2 rows per statement.
    assert len([s for s in q.captured_queries if s["sql"].startswith("INSERT")]) == 13


def test_voeg_in_refuses_an_unknown_field() -> None:
    with pytest.raises(ValueError, match="onbekende velden"):
        voeg_in(AuditRegel, ("bestaat_niet",), [])
