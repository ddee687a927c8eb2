"""Every page of the workbench runs a number of SQL queries that does not grow with the data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.verdeling.models import Scenario, ScenarioGemeente, ScenarioUitruil
from regietafel.verdeling.services import kopieer_scenario
from tests.verdeling.factories import drenthe_2024

pytestmark = pytest.mark.django_db


def _tel(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(pad)
    assert response.status_code == 200, pad
    return len(ctx.captured_queries)


def _groei(scenario: Scenario, provincie: Provincie, extra: int) -> None:
    """Give the scenario ``extra`` more gemeenten (new ones in the provincie) and uitruil."""
    nieuw = Gemeente.objects.bulk_create(
        Gemeente(cbs_code=f"GM9{i:03d}", naam=f"Testgemeente {i}", provincie=provincie)
        for i in range(extra)
    )
    ScenarioGemeente.objects.bulk_create(
        ScenarioGemeente(
            scenario=scenario,
            gemeente=g,
            inwoners=1000 + i,
            indicatief_regulier=10,
            indicatief_amv=1,
            verslag_regulier=5,
        )
        for i, g in enumerate(nieuw)
    )
    ScenarioUitruil.objects.bulk_create(
        ScenarioUitruil(scenario=scenario, van=g, voor=nieuw[0], regulier=1) for g in nieuw[1:]
    )


@pytest.mark.parametrize(
    "pad",
    [
        lambda s: "/verdeling/",
        lambda s: f"/verdeling/{s.pk}/",
        lambda s: f"/verdeling/vergelijk/?a={s.pk}&b={s.pk}",
        lambda s: f"/verdeling/{s.pk}/export.xlsx",
        lambda s: f"/verdeling/{s.pk}/tabel1.docx",
    ],
    ids=["lijst", "scenario", "vergelijk", "xlsx", "docx"],
)
def test_pages_run_a_constant_number_of_queries(
    secretariaat: Client, drenthe: Provincie, pad: Callable[[Scenario], str]
) -> None:
    scenario = drenthe_2024()
    secretariaat.get("/verdeling/")  # warm the session
    voor = _tel(secretariaat, pad(scenario))
    _groei(scenario, drenthe, 30)
    door = Gebruiker.objects.get(username="secretariaat")
    for _ in range(5):
        kopieer_scenario(door=door, scenario=scenario)
    assert _tel(secretariaat, pad(scenario)) == voor


def test_ukraine_page_runs_a_constant_number_of_queries(lezer: Client, drenthe: Provincie) -> None:
    voor = _tel(lezer, "/verdeling/oekraine/")
    Gemeente.objects.bulk_create(
        Gemeente(cbs_code=f"GM9{i:03d}", naam=f"Testgemeente {i}", provincie=drenthe)
        for i in range(30)
    )
    assert _tel(lezer, "/verdeling/oekraine/") == voor


def test_the_scenario_page_stays_small(secretariaat: Client) -> None:
    scenario = drenthe_2024()
    secretariaat.get("/verdeling/")
    assert _tel(secretariaat, f"/verdeling/{scenario.pk}/") <= 8
