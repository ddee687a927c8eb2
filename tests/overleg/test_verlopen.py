"""R9's one rule for overdue (``domain.overleg.verlopen``) on the acties page and the dashboard:
an open action is overdue from the day after its deadline, a closed one never; the same for
the follow-up of a letter."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from regietafel.gemeenten.models import Provincie
from regietafel.overleg.models import Actie, ActieStatus, Brief, OpvolgingStatus, Overleg
from regietafel.overleg.signalen import signalen

pytestmark = pytest.mark.django_db

DEADLINE = dt.date(2026, 3, 2)


def _rij(html: str, actie: Actie) -> str:
    m = re.search(rf'id="actie-{actie.pk}">(.*?)</tr>', html, re.S)
    assert m is not None
    return m.group(1)


def _acties_op(client: Client, dag: dt.date) -> str:
    with time_machine.travel(
        dt.datetime(dag.year, dag.month, dag.day, 10, tzinfo=dt.UTC), tick=False
    ):
        return client.get(reverse("overleg:acties")).content.decode()


def test_an_open_action_is_marked_from_the_day_after_its_deadline(
    demo: dict[str, Overleg], secretariaat: Client
) -> None:
    actie = Actie.objects.filter(agendapunt__overleg=demo["februari"]).order_by("pk").first()
    assert actie is not None
    Actie.objects.filter(pk=actie.pk).update(deadline=DEADLINE, status=ActieStatus.OPEN)

    assert "verlopen" not in _rij(_acties_op(secretariaat, DEADLINE), actie)
    assert "verlopen" in _rij(_acties_op(secretariaat, DEADLINE + dt.timedelta(days=1)), actie)

    Actie.objects.filter(pk=actie.pk).update(status=ActieStatus.AFGEROND)
    assert "verlopen" not in _rij(_acties_op(secretariaat, DEADLINE + dt.timedelta(days=1)), actie)


def test_the_dashboard_warns_by_the_same_rule(demo: dict[str, Overleg], drenthe: Provincie) -> None:
    actie = Actie.objects.filter(agendapunt__overleg=demo["februari"]).order_by("pk").first()
    brief = Brief.objects.filter(provincie=drenthe).order_by("pk").first()
    assert actie is not None and brief is not None
    Actie.objects.exclude(pk=actie.pk).update(deadline=None)
    Brief.objects.exclude(pk=brief.pk).update(opvolging_deadline=None)
    Actie.objects.filter(pk=actie.pk).update(deadline=DEADLINE, status=ActieStatus.OPEN)
    Brief.objects.filter(pk=brief.pk).update(
        opvolging_deadline=DEADLINE, opvolging_status=OpvolgingStatus.IN_BEHANDELING
    )

    def over_de_deadline(dag: dt.date) -> list[str]:
        return [s.tekst for s in signalen(drenthe, dag) if "over de deadline" in s.tekst]

    assert over_de_deadline(DEADLINE) == []
    teksten = over_de_deadline(DEADLINE + dt.timedelta(days=1))
    assert len(teksten) == 2
    assert any(t.startswith("De actie uit het PRT") and "02-03-2026" in t for t in teksten)
    assert any(t.startswith("Opvolging van") and "02-03-2026" in t for t in teksten)

    Actie.objects.filter(pk=actie.pk).update(status=ActieStatus.AFGEROND)
    Brief.objects.filter(pk=brief.pk).update(opvolging_status=OpvolgingStatus.AFGEHANDELD)
    assert over_de_deadline(DEADLINE + dt.timedelta(days=30)) == []


def test_the_demo_signal_names_the_action_holder_in_plain_dutch(
    demo: dict[str, Overleg], drenthe: Provincie
) -> None:
    """The demo's overdue action of 19-11-2025 reads as a sentence: no role label in nested
    parentheses ("Actie PRT 19-11-2025 (Gemeente (indiener))" was the defect)."""
    teksten = [
        s.tekst
        for s in signalen(drenthe, dt.date(2025, 12, 16))
        if "19-11-2025" in s.tekst and "deadline" in s.tekst
    ]
    assert teksten == [
        "De actie uit het PRT van 19-11-2025 is over de deadline van 15-12-2025 (actiehouder: "
        "Indienende gemeente): Notitie over de (bijna) onmogelijke opgave huisvesting "
        "statushouders delen met de leden van de PRT."
    ]


@pytest.mark.parametrize(
    ("door_wie", "gelezen"),
    [
        ("Secretaris", "Secretaris"),
        ("Gemeente (indiener)", "Gemeente, indiener"),
        ("  COA (regio Noord) ", "COA, regio Noord"),
    ],
)
def test_a_qualifier_in_parentheses_becomes_an_apposition(door_wie: str, gelezen: str) -> None:
    from regietafel.overleg.signalen import actiehouder

    assert actiehouder(door_wie) == gelezen
