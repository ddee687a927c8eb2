"""Stored projections (monitoring.projectie): the Stand van zaken read from the database when
it was made from the current figures by this code, never when it is stale; the job and its
planning on commit; the version per provincie and app."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.audit import gegevensversie
from regietafel.audit.services import registreer
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring import projectie, queries
from regietafel.monitoring.models import Projectie, Realisatie
from regietafel.monitoring.services import registreer_realisatie
from regietafel.monitoring.standprojectie import APPS, STAND, sleutel
from regietafel.opgaven.models import Cyclus
from regietafel.taken.models import Taak, TaakStatus

pytestmark = pytest.mark.django_db

PADEN = ("/", "/?peildatum=2025-11-01", "/?peildatum=2024-10-01", "/?peildatum=2025-11-17")


def zonder_tokens(html: str) -> str:
    """The page without what differs per request (the CSRF token)."""
    return re.sub(r'(csrfmiddlewaretoken" value=")[^"]*', r"\1", html)


@pytest.fixture
def aan(settings: Any) -> None:
    settings.REGIETAFEL_PROJECTIES = True


def _niet_berekenen(monkeypatch: pytest.MonkeyPatch) -> None:
    def weigert(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("berekend in plaats van gelezen")

    monkeypatch.setattr(queries, "bereken_standen", weigert)


def test_the_dashboard_from_the_projection_is_the_computed_page(
    lezer: Client, drenthe: Provincie, aan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    berekend = {pad: zonder_tokens(lezer.get(pad).content.decode()) for pad in PADEN}
    uitkomst = projectie.bouw_alles(namen=["stand"])
    assert uitkomst["stand"]["gemaakt"] > 0
    assert projectie.lees(STAND, sleutel(drenthe.pk, None), drenthe.pk) is not None
    _niet_berekenen(monkeypatch)
    for pad in PADEN:
        assert zonder_tokens(lezer.get(pad).content.decode()) == berekend[pad], pad
    # Nothing stored for a stand as known on a day or another cyclus: computed (and refused).
    with pytest.raises(AssertionError, match="berekend"):
        lezer.get("/?bekend_op=2025-12-05")
    # A second run makes nothing: everything is current.
    assert projectie.bouw_alles(namen=["stand"])["stand"]["gemaakt"] == 0


def test_a_write_makes_it_stale_at_once_and_plans_the_job_on_commit(
    lezer: Client,
    drenthe: Provincie,
    gebruiker_secretariaat: Gebruiker,
    aan: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    projectie.bouw_alles()
    assen = Gemeente.objects.get(naam="Assen")
    peildatum = dt.date(2025, 11, 1)
    with django_capture_on_commit_callbacks() as terug:
        registreer_realisatie(
            door=gebruiker_secretariaat,
            gemeente=assen,
            soort="regulier",
            peildatum=peildatum,
            aantal=4321,
        )
    # Stale in the same transaction as the write: the page computes the new figure.
    assert projectie.lees(STAND, sleutel(drenthe.pk, peildatum), drenthe.pk) is None
    assert "4.321" in lezer.get("/?peildatum=2025-11-01").content.decode()
    assert not Taak.objects.filter(soort=projectie.JOB).exists()
    # On commit the job is planned; it runs (eagerly in the tests) and stores it again.
    with django_capture_on_commit_callbacks(execute=True):
        for callback in terug:
            callback()
    taak = Taak.objects.get(soort=projectie.JOB)
    assert taak.status == TaakStatus.KLAAR, taak.reden
    pagina = projectie.lees(STAND, sleutel(drenthe.pk, peildatum), drenthe.pk)
    assert pagina is not None
    stand, _ = pagina.stand_en_tabellen()
    rij = next(r for r in stand.rijen if r.gemeente.naam == "Assen")
    assert 4321 in [c.realisatie for c in rij.cellen]


def test_nothing_is_planned_or_read_when_switched_off(
    drenthe: Provincie, gebruiker_secretariaat: Gebruiker, django_capture_on_commit_callbacks: Any
) -> None:
    projectie.bouw_alles(namen=["stand"])
    assert projectie.lees(STAND, sleutel(drenthe.pk, None), drenthe.pk) is None
    with django_capture_on_commit_callbacks(execute=True):
        registreer_realisatie(
            door=gebruiker_secretariaat,
            gemeente=Gemeente.objects.get(naam="Assen"),
            soort="regulier",
            peildatum=dt.date(2025, 11, 1),
            aantal=1,
        )
    assert not Taak.objects.filter(soort=projectie.JOB).exists()


def test_other_code_never_reads_what_this_code_made(
    drenthe: Provincie, aan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    projectie.bouw_alles(namen=["stand"])
    assert projectie.lees(STAND, sleutel(drenthe.pk, None), drenthe.pk) is not None
    monkeypatch.setattr(projectie, "code", lambda: "andere-code")
    assert projectie.lees(STAND, sleutel(drenthe.pk, None), drenthe.pk) is None
    assert projectie.bouw_alles(namen=["stand"])["stand"]["gemaakt"] > 0


def _schrijf(obj: Any) -> None:
    with transaction.atomic():
        registreer(door=None, actie="test", obj=obj)


def test_the_version_moves_only_with_a_write_of_its_apps_in_its_provincie(
    drenthe: Provincie,
) -> None:
    ander = Provincie.objects.exclude(pk=drenthe.pk).first() or Provincie.objects.create(
        naam="Testland", code="PV98"
    )

    def versies() -> tuple[int, int]:
        return (
            gegevensversie.wijzigingsversie(APPS, [drenthe.pk]),
            gegevensversie.wijzigingsversie(APPS, [ander.pk]),
        )

    begin = versies()
    _schrijf(Gebruiker.objects.get(username="secretariaat"))  # another app
    assert versies() == begin
    _schrijf(Realisatie.objects.filter(gemeente__provincie=drenthe).first())
    na_drenthe = versies()
    assert na_drenthe[0] > begin[0] and na_drenthe[1] == begin[1]
    _schrijf(ander)  # the provincie itself: its own version only
    na_ander = versies()
    assert na_ander[0] == na_drenthe[0] and na_ander[1] > na_drenthe[1]
    _schrijf(Cyclus.objects.first())  # no provincie: every provincie
    landelijk = versies()
    assert landelijk[0] > na_ander[0] and landelijk[1] > na_ander[1]
    assert gegevensversie.wijzigingsversies(APPS)[drenthe.pk] == landelijk[0]
    assert gegevensversie.wijzigingsversie(APPS) == max(landelijk)


def test_a_stored_row_of_an_older_version_is_not_read(drenthe: Provincie, aan: None) -> None:
    projectie.bouw_alles(namen=["stand"])
    rij = Projectie.objects.get(soort="stand", sleutel=sleutel(drenthe.pk, None))
    Projectie.objects.filter(pk=rij.pk).update(volgnummer=rij.volgnummer - 1)
    assert projectie.lees(STAND, sleutel(drenthe.pk, None), drenthe.pk) is None
    assert projectie.lees_veel(STAND, {sleutel(drenthe.pk, None): drenthe.pk}) == {}
