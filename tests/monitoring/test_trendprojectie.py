"""The trends page of a provincie as a stored projection (monitoring.trendprojectie): the same
page as computed, read without computing; stale after a write of a figure; its charts drawn by
the job."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring import projectie, queries
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.trendprojectie import lees
from tests.landelijk.test_projectie import _weigert
from tests.monitoring.test_projectie import zonder_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def aan(settings: Any, tmp_path: Any) -> None:
    settings.REGIETAFEL_PROJECTIES = True
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_trends_page_from_the_projection_is_the_computed_page(
    lezer: Client, drenthe: Provincie, aan: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    berekend = zonder_tokens(lezer.get("/trends/").content.decode())
    gemeente = zonder_tokens(lezer.get("/trends/GM0106/").content.decode())
    assert lees(drenthe) is None
    uitkomst = projectie.bouw_alles(namen=["trends"])
    # Every provincie's page and every gemeente's.
    assert uitkomst["trends"]["gemaakt"] == Provincie.objects.count() + Gemeente.objects.count()
    # The job drew the provincie's charts: the page's chart URLs are stored from the start.
    assert len(list((tmp_path / "media" / "grafieken" / f"trends-{drenthe.pk}").glob("*.svg"))) == 4

    monkeypatch.setattr(queries, "bereken_trends", _weigert)
    assert zonder_tokens(lezer.get("/trends/").content.decode()) == berekend
    assert zonder_tokens(lezer.get("/trends/GM0106/").content.decode()) == gemeente
    # Another cyclus or every peildatum: computed, not stored.
    for pad in ("/trends/?cyclus=2026", "/trends/?peildata=alle", "/trends/GM0106/?cyclus=2026"):
        with pytest.raises(AssertionError, match="berekend"):
            lezer.get(pad)


def test_a_write_of_a_figure_makes_it_stale_and_the_job_makes_it_again(
    lezer: Client, drenthe: Provincie, aan: None, gebruiker_secretariaat: Any
) -> None:
    projectie.bouw_alles(namen=["trends"])
    assert lees(drenthe) is not None
    from regietafel.monitoring.services import registreer_realisatie

    assen = Gemeente.objects.get(naam="Assen")
    rij = Realisatie.objects.actueel().filter(gemeente=assen, soort="oekraine").latest("peildatum")
    registreer_realisatie(
        gemeente=assen,
        soort="oekraine",
        peildatum=rij.peildatum,
        aantal=rij.aantal + 7,
        door=gebruiker_secretariaat,
    )
    assert lees(drenthe) is None  # stale at once: the page computes the new figure
    html = lezer.get("/trends/").content.decode()
    projectie.bouw_alles(namen=["trends"])
    assert lees(drenthe) is not None
    assert zonder_tokens(lezer.get("/trends/").content.decode()) == zonder_tokens(html)
