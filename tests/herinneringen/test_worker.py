"""The reminders the way production sends them (marker ``integratie``): ``regietafel
herinneringen`` as cron runs it, a separate process that plans the mail and hands it to a real
Redis broker after the commit; a Celery worker takes every message and sends it through
Django's SMTP backend to an aiosmtpd process on localhost. Running the command again sends
nothing twice. All processes share one SQLite file with the Drenthe demo."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dienstprocessen import SmtpServer, redis_server, smtp_server, wacht_tot

pytestmark = pytest.mark.integratie

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


@pytest.fixture
def omgeving(tmp_path: Path) -> Iterator[tuple[dict[str, str], SmtpServer]]:
    with redis_server() as redis_url, smtp_server(tmp_path) as smtp:
        env = {
            **os.environ,
            "REGIETAFEL_VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'regietafel.sqlite3'}",
            "CELERY_BROKER_URL": redis_url,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "DJANGO_SETTINGS_MODULE": "regietafel.settings",
            "PYTHONPATH": str(ROOT),
            "EMAIL_BACKEND": "smtp",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.poort),
            "DEFAULT_FROM_EMAIL": "regietafel Drenthe <regietafel@drenthe.example>",
            "REGIETAFEL_BASIS_URL": "https://regietafel.drenthe.example",
        }
        env.pop("REGIETAFEL_ENV", None)
        subprocess.run(
            [BIN / "regietafel", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
        )
        laden = (
            "import django; django.setup(); "
            "from regietafel.demo.services import laad_drenthe, maak_demo_accounts; "
            "laad_drenthe(); maak_demo_accounts()"
        )
        subprocess.run([sys.executable, "-c", laden], env=env, cwd=ROOT, check=True)
        yield env, smtp


def _berichten(env: dict[str, str]) -> list[tuple[str, str, int]]:
    database = env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database, timeout=60) as db:
        return sorted(
            db.execute("SELECT adres, status, pogingen FROM berichten_bericht").fetchall()
        )


def _herinneringen(env: dict[str, str], datum: str) -> str:
    klaar = subprocess.run(
        [BIN / "regietafel", "herinneringen", "--datum", datum],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return klaar.stdout


def test_cron_plans_the_worker_sends_through_smtp_never_twice(
    omgeving: tuple[dict[str, str], SmtpServer], tmp_path: Path
) -> None:
    env, smtp = omgeving
    # The command first, with no worker running: the messages wait in Redis.
    uit = _herinneringen(env, "2026-01-05")
    assert "Gepland: 2 herinneringen, 1 overzichten" in uit
    assert [s for _, s, _ in _berichten(env)] == ["wachtrij"] * 3
    time.sleep(1)
    assert smtp.berichten() == []

    with (tmp_path / "worker.log").open("ab") as log:
        werker = subprocess.Popen(
            [
                str(BIN / "celery"),
                "-A",
                "regietafel.taken",
                "worker",
                "--concurrency=1",
                "--loglevel=INFO",
                "--without-mingle",
                "--without-gossip",
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        berichten = smtp.wacht_op(3, seconden=90)
        assert sorted(b["To"] for b in berichten) == [
            "gemeente-assen@demo.regietafel.example",
            "gemeente-emmen@demo.regietafel.example",
            "secretariaat@demo.regietafel.example",
        ]
        assert all(
            b["From"] == "regietafel Drenthe <regietafel@drenthe.example>" for b in berichten
        )
        wacht_tot(
            lambda: [s for _, s, _ in _berichten(env)] == ["verzonden"] * 3,
            30,
            "drie berichten verzonden",
        )
        assert [p for _, _, p in _berichten(env)] == [1, 1, 1]

        # Cron again the same day, and beat a quarter of an hour later: nothing new.
        assert "Gepland: 0 herinneringen, 0 overzichten" in _herinneringen(env, "2026-01-05")
        assert "Gepland: 0 herinneringen, 0 overzichten" in _herinneringen(env, "2026-01-05")
        # The next day: only the secretariaat's summary of that day.
        assert "Gepland: 0 herinneringen, 1 overzichten" in _herinneringen(env, "2026-01-06")
        smtp.wacht_op(4, seconden=60)
        time.sleep(2)
        assert len(smtp.berichten()) == 4
        assert len(_berichten(env)) == 4
    finally:
        werker.terminate()
        try:
            werker.wait(30)
        except subprocess.TimeoutExpired:
            werker.kill()
            werker.wait(10)
