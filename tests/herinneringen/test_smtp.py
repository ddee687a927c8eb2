"""The reminders against a real SMTP server process on localhost (aiosmtpd, writing what it
accepts to a Maildir; marker ``integratie``): the command for cron plans them, the queue sends
them after commit through Django's SMTP backend, and a second run sends nothing twice."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from email.header import decode_header, make_header
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring.services import dien_in
from tests.dienstprocessen import SmtpServer, smtp_server

pytestmark = [pytest.mark.django_db, pytest.mark.integratie]


@pytest.fixture
def smtp(tmp_path: Path, settings: Any) -> Iterator[SmtpServer]:
    with smtp_server(tmp_path) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.poort
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.DEFAULT_FROM_EMAIL = "regietafel Drenthe <regietafel@drenthe.example>"
        settings.REGIETAFEL_BASIS_URL = "https://regietafel.drenthe.example"
        yield server


def _onderwerp(bericht: Any) -> str:
    return " ".join(str(make_header(decode_header(bericht["Subject"]))).split())


def _delen(bericht: Any) -> dict[str, str]:
    assert bericht.get_content_type() == "multipart/alternative"
    return {
        deel.get_content_type(): deel.get_payload(decode=True).decode(deel.get_content_charset())
        for deel in bericht.get_payload()
    }


def test_reminders_through_a_real_smtp_server(
    drenthe: Any, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    uit = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("herinneringen", "--datum", "2026-01-05", stdout=uit)
    assert "Drenthe: herinneren voor peildatum 01-01-2026 (uiterlijk 08-01-2026), 2 nieuwe" in (
        uit.getvalue()
    )
    assert "Gepland: 2 herinneringen, 1 overzichten" in uit.getvalue()
    berichten = smtp.wacht_op(3)
    per_ontvanger = {b["To"]: b for b in berichten}
    assert set(per_ontvanger) == {
        "gemeente-assen@demo.regietafel.example",
        "gemeente-emmen@demo.regietafel.example",
        "secretariaat@demo.regietafel.example",
    }
    emmen = per_ontvanger["gemeente-emmen@demo.regietafel.example"]
    assert emmen["From"] == "regietafel Drenthe <regietafel@drenthe.example>"
    assert emmen["Auto-Submitted"] == "auto-generated"
    assert _onderwerp(emmen) == (
        "Herinnering: lever de cijfers van Emmen per 01-01-2026 uiterlijk 08-01-2026 aan"
    )
    delen = _delen(emmen)
    assert "uiterlijk donderdag 08-01-2026 aan" in delen["text/plain"]
    assert (
        "https://regietafel.drenthe.example/inzendingen/?peildatum=2026-01-01"
        in delen["text/plain"]
    )
    assert '<html lang="nl">' in delen["text/html"]
    assert 'href="https://regietafel.drenthe.example/account/berichten/"' in delen["text/html"]
    overzicht = per_ontvanger["secretariaat@demo.regietafel.example"]
    assert (
        _onderwerp(overzicht) == "12 gemeenten zijn te laat met de cijfers per 01-12-2025 (Drenthe)"
    )
    assert "- Tynaarlo (niet aangeleverd)" in _delen(overzicht)["text/plain"]

    # The same day again (beat every quarter of an hour, cron twice): nothing is sent twice.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("herinneringen", "--datum", "2026-01-05", stdout=io.StringIO())
        call_command("herinneringen", "--datum", "2026-01-07", stdout=io.StringIO())
    assert len(smtp.berichten()) == 4  # only the next day's summary


def test_a_returned_submission_through_the_page(
    drenthe: Any, smtp: SmtpServer, secretariaat: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with time_machine.travel(dt.datetime(2026, 1, 6, 9, tzinfo=dt.UTC), tick=False):
        inzending = dien_in(
            door=Gebruiker.objects.get(username="gemeente-emmen"),
            gemeente=Gemeente.objects.get(naam="Emmen"),
            peildatum=dt.date(2026, 1, 1),
            aantallen={"regulier": 1700},
        )
        with django_capture_on_commit_callbacks(execute=True):
            antwoord = secretariaat.post(
                f"/inzendingen/{inzending.pk}/terugsturen/",
                {"opmerking": "Regulier telt de noodopvang mee; graag zonder."},
            )
    assert antwoord.status_code == 302
    (bericht,) = smtp.wacht_op(1)
    assert bericht["To"] == "gemeente-emmen@demo.regietafel.example"
    assert _onderwerp(bericht) == "Uw cijfers voor 01-01-2026 zijn teruggestuurd (Emmen)"
    tekst = _delen(bericht)["text/plain"]
    assert "Regulier telt de noodopvang mee; graag zonder." in tekst
    assert f"https://regietafel.drenthe.example/inzendingen/?opnieuw={inzending.pk}" in tekst
