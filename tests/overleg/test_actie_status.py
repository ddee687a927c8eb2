"""overleg:actie-status with invalid input: a 400 or a message, never a server error, and
nothing written (issue 7 follow-up, point 3)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.overleg.models import Actie, ActieStatus, Overleg

pytestmark = pytest.mark.django_db


@pytest.fixture
def strikt() -> Client:
    """The secretariaat, with exceptions raised in the test instead of turned into a 500."""
    client = Client(raise_request_exception=True)
    client.force_login(Gebruiker.objects.get(username="secretariaat"))
    return client


def _open_actie(overleg: Overleg) -> Actie:
    actie = (
        Actie.objects.filter(agendapunt__overleg=overleg, status=ActieStatus.OPEN)
        .order_by("pk")
        .first()
    )
    assert actie is not None
    return actie


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"status": ""},
        {"status": "onzin"},
        {"status": "afgerond", "overleg": "abc"},
        {"status": "afgerond", "overleg": "1.5"},
    ],
)
def test_an_invalid_form_is_a_400_and_writes_nothing(
    demo: dict[str, Overleg], strikt: Client, data: dict[str, str]
) -> None:
    actie = _open_actie(demo["februari"])
    voor = AuditRegel.objects.count()
    antwoord = strikt.post(reverse("overleg:actie-status", args=[actie.pk]), data)
    assert antwoord.status_code == 400
    assert "Ongeldige status." in antwoord.content.decode()
    assert AuditRegel.objects.count() == voor
    actie.refresh_from_db()
    assert actie.status == ActieStatus.OPEN


def test_a_meeting_of_another_provincie_or_none_is_a_404(
    demo: dict[str, Overleg], strikt: Client
) -> None:
    actie = _open_actie(demo["februari"])
    url = reverse("overleg:actie-status", args=[actie.pk])
    for overleg in ("999999999", "99999999999999999999999"):
        assert strikt.post(url, {"status": "afgerond", "overleg": overleg}).status_code == 404
    actie.refresh_from_db()
    assert actie.status == ActieStatus.OPEN


def test_closing_in_an_earlier_meeting_is_a_message_not_a_server_error(
    demo: dict[str, Overleg], strikt: Client
) -> None:
    """The service refuses (ValidationError): the view shows its message after the redirect."""
    actie = _open_actie(demo["februari"])
    voor = AuditRegel.objects.count()
    antwoord = strikt.post(
        reverse("overleg:actie-status", args=[actie.pk]),
        {"status": "afgerond", "overleg": str(demo["november"].pk)},
        follow=True,
    )
    assert antwoord.status_code == 200
    assert (
        "Een actie wordt afgerond in een overleg op of na het overleg waarin zij is afgesproken."
        in antwoord.content.decode()
    )
    assert AuditRegel.objects.count() == voor
    actie.refresh_from_db()
    assert actie.status == ActieStatus.OPEN


def test_a_valid_form_closes_the_action(demo: dict[str, Overleg], strikt: Client) -> None:
    actie = _open_actie(demo["februari"])
    antwoord = strikt.post(
        reverse("overleg:actie-status", args=[actie.pk]),
        {"status": "afgerond", "overleg": str(demo["februari"].pk)},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == (
        reverse("overleg:overleg", args=[demo["februari"].pk]) + f"#actie-{actie.pk}"
    )
    actie.refresh_from_db()
    assert actie.status == ActieStatus.AFGEROND
    assert actie.afgerond_in_id == demo["februari"].pk


def test_a_beheerder_may_not_close_an_action(demo: dict[str, Overleg], drenthe: Any) -> None:
    """Staff without the secretariaat role writes no provincie's data (issue 7 follow-up)."""
    beheerder = Gebruiker.objects.create(username="beheer-overleg", rol="beheerder", is_staff=True)
    client = Client()
    client.force_login(beheerder)
    actie = _open_actie(demo["februari"])
    antwoord = client.post(reverse("overleg:actie-status", args=[actie.pk]), {"status": "afgerond"})
    assert antwoord.status_code == 403
    actie.refresh_from_db()
    assert actie.status == ActieStatus.OPEN
