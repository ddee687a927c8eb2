"""Reminders (issue 21.5): the delivery deadline as data per provincie, a reminder to each user
of a gemeente that has not delivered N days before it, the secretariaat's daily summary of who
is late, through the queue after commit and never twice for the same reason; the deadline page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.berichten.models import Bericht, BerichtStatus
from regietafel.berichten.services import zet_voorkeur
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.herinneringen.models import Aanlevertermijn
from regietafel.herinneringen.services import herinner, zet_afwijkende_termijn, zet_termijn
from regietafel.monitoring.services import dien_in

pytestmark = pytest.mark.django_db

JANUARI = dt.date(2026, 1, 1)
"""Demo rule: the 5th working day (1 January a holiday: Thursday 8 January), reminders from
Monday 5 January."""


@pytest.fixture
def klok_januari() -> Any:
    with time_machine.travel(dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC), tick=False):
        yield


def _herinneringen() -> list[Any]:
    return [m for m in mail.outbox if m.subject.startswith("Herinnering")]


def _herinner(vandaag: dt.date, django_capture_on_commit_callbacks: Any) -> Any:
    with django_capture_on_commit_callbacks(execute=True):
        return herinner(vandaag=vandaag)


def test_the_demo_has_a_deadline_as_data(drenthe: Provincie) -> None:
    termijn = Aanlevertermijn.objects.get(provincie=drenthe)
    assert termijn.regel().omschrijving() == "de 5e werkdag van de maand van de peildatum"
    assert (termijn.dagen_vooraf, termijn.actief) == (3, True)


def test_before_the_window_nothing_is_sent(
    drenthe: Provincie, django_capture_on_commit_callbacks: Any
) -> None:
    uitkomst = _herinner(dt.date(2026, 1, 4), django_capture_on_commit_callbacks)
    assert uitkomst.herinneringen == 0
    assert not [m for m in mail.outbox if "Herinnering" in m.subject]


def test_each_gemeente_user_that_has_not_delivered_gets_one_reminder(
    drenthe: Provincie, django_capture_on_commit_callbacks: Any, klok_januari: Any
) -> None:
    assen = Gemeente.objects.get(naam="Assen")
    dien_in(
        door=Gebruiker.objects.get(username="gemeente-assen"),
        gemeente=assen,
        peildatum=JANUARI,
        aantallen={"regulier": 1000},
    )
    uitkomst = _herinner(dt.date(2026, 1, 5), django_capture_on_commit_callbacks)
    # Assen delivered; Emmen's user gets one (the other gemeenten have no user).
    assert uitkomst.herinneringen == 1
    (bericht,) = _herinneringen()
    assert bericht.to == ["gemeente-emmen@demo.regietafel.example"]
    assert bericht.subject == (
        "Herinnering: lever de cijfers van Emmen per 01-01-2026 uiterlijk 08-01-2026 aan"
    )
    assert "uiterlijk donderdag 08-01-2026 aan" in bericht.body
    assert "http://127.0.0.1:8000/inzendingen/?peildatum=2026-01-01" in bericht.body
    assert "de 5e werkdag van de maand van de peildatum" in bericht.body
    html, soort = bericht.alternatives[0]
    assert (
        soort == "text/html"
        and 'href="http://127.0.0.1:8000/inzendingen/?peildatum=2026-01-01"' in html
    )
    assert bericht.extra_headers["Auto-Submitted"] == "auto-generated"
    rij = Bericht.objects.get(soort="herinneringen.herinnering")
    assert rij.status == BerichtStatus.VERZONDEN and rij.verzonden_op is not None
    # Again the same day, and the next days of the window: nothing new.
    for dag in (5, 6, 8):
        assert (
            _herinner(dt.date(2026, 1, dag), django_capture_on_commit_callbacks).herinneringen == 0
        )
    assert len(_herinneringen()) == 1
    # Meanwhile December's deadline (5 December) has passed: each day the secretariaat hears
    # who is late for it.
    overzichten = [m.subject for m in mail.outbox if not m.subject.startswith("Herinnering")]
    assert overzichten == ["12 gemeenten zijn te laat met de cijfers per 01-12-2025 (Drenthe)"] * 3


def test_a_user_who_switched_reminders_off_gets_none(
    drenthe: Provincie, django_capture_on_commit_callbacks: Any
) -> None:
    emmen = Gebruiker.objects.get(username="gemeente-emmen")
    zet_voorkeur(door=emmen, gebruiker=emmen, aan=[])
    uitkomst = _herinner(dt.date(2026, 1, 6), django_capture_on_commit_callbacks)
    assert [m.to for m in _herinneringen()] == [["gemeente-assen@demo.regietafel.example"]]
    assert uitkomst.herinneringen == 1


def test_the_secretariaat_gets_a_daily_summary_of_who_is_late(
    drenthe: Provincie, django_capture_on_commit_callbacks: Any, klok_januari: Any
) -> None:
    dien_in(
        door=Gebruiker.objects.get(username="gemeente-assen"),
        gemeente=Gemeente.objects.get(naam="Assen"),
        peildatum=JANUARI,
        aantallen={"regulier": 1000},
    )
    uitkomst = _herinner(dt.date(2026, 1, 9), django_capture_on_commit_callbacks)
    assert uitkomst.samenvattingen == 1 and uitkomst.herinneringen == 0
    (bericht,) = mail.outbox
    assert bericht.to == ["secretariaat@demo.regietafel.example"]
    assert bericht.subject == "11 gemeenten zijn te laat met de cijfers per 01-01-2026 (Drenthe)"
    assert "Van 11 van de 12 gemeenten in Drenthe is nog niets ingediend" in bericht.body
    assert "- Emmen (niet aangeleverd)" in bericht.body and "- Assen" not in bericht.body
    assert "1 ingediende inzending wacht op uw beoordeling." in bericht.body
    assert "<li>Emmen (niet aangeleverd)</li>" in bericht.alternatives[0][0]
    # Once a day.
    assert _herinner(dt.date(2026, 1, 9), django_capture_on_commit_callbacks).samenvattingen == 0
    assert _herinner(dt.date(2026, 1, 12), django_capture_on_commit_callbacks).samenvattingen == 1
    assert len(mail.outbox) == 2


def test_switched_off_deadlines_send_nothing(
    drenthe: Provincie, django_capture_on_commit_callbacks: Any
) -> None:
    zet_termijn(door=None, provincie=drenthe, actief=False)
    uitkomst = _herinner(dt.date(2026, 1, 9), django_capture_on_commit_callbacks)
    assert (uitkomst.herinneringen, uitkomst.samenvattingen) == (0, 0)
    assert mail.outbox == []


def test_a_deadline_of_its_own_for_one_peildatum(
    drenthe: Provincie, django_capture_on_commit_callbacks: Any
) -> None:
    secretariaat = Gebruiker.objects.get(username="secretariaat")
    zet_afwijkende_termijn(
        door=secretariaat,
        provincie=drenthe,
        peildatum=JANUARI,
        uiterste_datum=dt.date(2026, 1, 15),
        toelichting="Na de kerstvakantie",
    )
    # The rule's window (5–8 January) no longer applies; the reminder comes from the 12th.
    assert _herinner(dt.date(2026, 1, 8), django_capture_on_commit_callbacks).herinneringen == 0
    assert _herinner(dt.date(2026, 1, 12), django_capture_on_commit_callbacks).herinneringen == 2
    assert "uiterlijk donderdag 15-01-2026 aan" in _herinneringen()[0].body


def test_only_the_provincies_secretariaat_sets_its_deadline(drenthe: Provincie) -> None:
    secretariaat = Gebruiker.objects.get(username="secretariaat")
    voor = AuditRegel.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    termijn, veranderd = zet_termijn(
        door=secretariaat, provincie=drenthe, soort="kalenderdag", dag=10, maanden_na_peildatum=1
    )
    assert veranderd and termijn.regel().omschrijving() == (
        "de 10e kalenderdag van de maand na de peildatum"
    )
    regel = AuditRegel.objects.get(
        pk__gt=voor - 0, object_type="herinneringen.aanlevertermijn", actie="gewijzigd"
    )
    assert regel.wijzigingen["dag"] == [5, 10] and regel.door == secretariaat
    assert zet_termijn(
        door=secretariaat, provincie=drenthe, soort="kalenderdag", dag=10, maanden_na_peildatum=1
    ) == (termijn, False)
    for naam in ("gemeente-assen", "lezer", "coa"):
        with pytest.raises(PermissionDenied):
            zet_termijn(door=Gebruiker.objects.get(username=naam), provincie=drenthe)
    with pytest.raises(PermissionDenied):
        zet_termijn(door=secretariaat, provincie=Provincie.objects.get(naam="Groningen"))
    with pytest.raises(
        ValidationError, match=r"De dag is 1 tot en met 15 voor een werkdag, niet 20\."
    ):
        zet_termijn(door=secretariaat, provincie=drenthe, dag=20)
    with pytest.raises(ValidationError, match="geen eerste dag van de maand"):
        zet_afwijkende_termijn(
            door=secretariaat,
            provincie=drenthe,
            peildatum=dt.date(2026, 1, 2),
            uiterste_datum=dt.date(2026, 1, 9),
        )


def test_the_deadline_page(
    secretariaat: Client, lezer: Client, gemeente_assen: Client, django_assert_max_num_queries: Any
) -> None:
    with time_machine.travel(dt.datetime(2026, 1, 9, 9, tzinfo=dt.UTC), tick=False):
        with django_assert_max_num_queries(20):
            pagina = secretariaat.get("/herinneringen/")
        html = pagina.content.decode()
        assert pagina.status_code == 200
        assert "Aanlevertermijn Drenthe" in html
        assert "uiterlijk de 5e werkdag van de maand van de peildatum" in html
        assert "donderdag 08-01-2026" in html  # January's deadline
        assert "Aangeleverd per 01-01-2026" in html and "niet aangeleverd" in html
        assert "Termijn opslaan" in html
        gelezen = lezer.get("/herinneringen/").content.decode()
        assert "Aanlevertermijn Drenthe" in gelezen and "Termijn opslaan" not in gelezen
        assert lezer.post("/herinneringen/zet/", {"dag": "6"}).status_code == 403
        assert gemeente_assen.get("/herinneringen/").status_code == 403
        fout = secretariaat.post(
            "/herinneringen/zet/",
            {
                "soort": "werkdag",
                "dag": "20",
                "maanden_na_peildatum": "0",
                "dagen_vooraf": "3",
                "bevrijdingsdag": "lustrum",
                "actief": "on",
            },
        )
        assert fout.status_code == 400
        assert "De dag is 1 tot en met 15 voor een werkdag, niet 20." in fout.content.decode()
        goed = secretariaat.post(
            "/herinneringen/zet/",
            {
                "soort": "werkdag",
                "dag": "3",
                "maanden_na_peildatum": "0",
                "dagen_vooraf": "2",
                "bevrijdingsdag": "jaarlijks",
            },
        )
        assert goed.status_code == 302
        termijn = Aanlevertermijn.objects.get(provincie__naam="Drenthe")
        assert (termijn.dag, termijn.actief, termijn.bevrijdingsdag) == (3, False, "jaarlijks")


def test_the_link_in_a_reminder_opens_the_form_on_its_peildatum(gemeente_assen: Client) -> None:
    with time_machine.travel(dt.datetime(2026, 1, 6, 9, tzinfo=dt.UTC), tick=False):
        html = gemeente_assen.get("/inzendingen/?peildatum=2025-12-01").content.decode()
    assert '<option value="2025-12-01" selected>' in html
