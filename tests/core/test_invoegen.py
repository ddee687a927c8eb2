"""core.invoegen.voeg_in stores what bulk_create would, and returns the keys in order.

The sample model is a realisatie figure (what the import writes this way). History entries
are never written with voeg_in: each is a link of the hash chain (audit.services)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regietafel.core.invoegen import voeg_in
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import Realisatie


def _peildatum(i: int) -> dt.date:
    return dt.date(2000 + i // 12, i % 12 + 1, 1)


@pytest.mark.django_db
def test_voeg_in_stores_the_rows_and_returns_their_keys_in_order(drenthe: Provincie) -> None:
    gemeente = Gemeente.objects.get(naam="Assen")
    moment = dt.datetime(2025, 11, 3, 9, 30, tzinfo=dt.UTC)
    rijen = [(gemeente.pk, _peildatum(i), 10 + i) for i in range(7)]
    sleutels = voeg_in(
        Realisatie,
        ("gemeente_id", "peildatum", "aantal"),
        rijen,
        vast={"soort": "regulier", "geregistreerd_op": moment, "bron": "b"},
    )
    opgeslagen = Realisatie.objects.in_bulk(sleutels)
    assert [
        (opgeslagen[k].gemeente_id, opgeslagen[k].peildatum, opgeslagen[k].aantal) for k in sleutels
    ] == rijen
    eerste = opgeslagen[sleutels[0]]
    assert (eerste.geregistreerd_op, eerste.soort, eerste.bron) == (moment, "regulier", "b")
    # Fields given nowhere hold what a new instance holds.
    nieuw = Realisatie()
    assert (eerste.toelichting, eerste.geregistreerd_door_id, eerste.vervangen_op) == (
        nieuw.toelichting,
        nieuw.geregistreerd_door_id,
        nieuw.vervangen_op,
    )


@pytest.mark.django_db
def test_voeg_in_splits_by_the_databases_parameter_limit(
    drenthe: Provincie, monkeypatch: pytest.MonkeyPatch
) -> None:
    gemeente = Gemeente.objects.get(naam="Assen")
    monkeypatch.setattr(connection.features, "max_query_params", 30)
    with CaptureQueriesContext(connection) as q:
        sleutels = voeg_in(
            Realisatie,
            ("peildatum", "aantal"),
            [(_peildatum(i), i) for i in range(25)],
            vast={
                "gemeente_id": gemeente.pk,
                "soort": "amv",
                "geregistreerd_op": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
            },
        )
    assert len(sleutels) == len(set(sleutels)) == 25
    # Every column but the key, per row: 30 parameters hold 30 // kolommen rows.
    kolommen = len([f for f in Realisatie._meta.concrete_fields if not f.primary_key])
    per_keer = 30 // kolommen
    invoegingen = [s for s in q.captured_queries if s["sql"].startswith("INSERT")]
    assert len(invoegingen) == -(-25 // per_keer)


def test_voeg_in_refuses_an_unknown_field() -> None:
    with pytest.raises(ValueError, match="onbekende velden"):
        voeg_in(Realisatie, ("bestaat_niet",), [])
