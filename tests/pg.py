"""Fresh databases in the throwaway PostgreSQL cluster of ``scripts/with-postgres.sh`` (its
DATABASE_URL), for tests that start processes of their own (marker ``integratie`` and
``postgres``): the Drenthe demo is loaded once per test process into a template database, and
each test gets a copy (``CREATE DATABASE … TEMPLATE``, a file copy, in a second)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def basis_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("alleen in de PostgreSQL-ronde (scripts/with-postgres.sh zet DATABASE_URL)")
    return url


def url_voor(naam: str) -> str:
    delen = urlsplit(basis_url())
    return urlunsplit(delen._replace(path=f"/{naam}"))


def _beheer(sql: str) -> None:
    import psycopg

    with psycopg.connect(
        basis_url().replace("postgres://", "postgresql://", 1), autocommit=True
    ) as db:
        db.execute(sql)  # type: ignore[arg-type]


def maak_database(naam: str, sjabloon: str | None = None) -> str:
    _beheer(f'CREATE DATABASE "{naam}"' + (f' TEMPLATE "{sjabloon}"' if sjabloon else ""))
    return url_voor(naam)


def verwijder_database(naam: str) -> None:
    _beheer(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def omgeving(database_url: str, var: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("S3_")}
    env.update(
        {
            "DATABASE_URL": database_url,
            "REGIETAFEL_VAR_DIR": str(var),
            "DJANGO_SETTINGS_MODULE": "regietafel.settings",
            "PYTHONPATH": str(ROOT),
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }
    )
    env.pop("REGIETAFEL_ENV", None)
    env.update(extra)
    return env


def cli(
    env: dict[str, str], *argumenten: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    uit = subprocess.run(
        [str(BIN / "regietafel"), *argumenten],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check:
        assert uit.returncode == 0, f"regietafel {' '.join(argumenten)}:\n{uit.stderr[-3000:]}"
    return uit


def python(env: dict[str, str], code: str) -> str:
    uit = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    return uit.stdout


DEMO = (
    "import django; django.setup(); "
    "from regietafel.demo.services import laad_drenthe, maak_demo_accounts; "
    "laad_drenthe(); maak_demo_accounts()"
)


@pytest.fixture(scope="session")
def pg_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The name of a template database: migrated, with the Drenthe demo and its accounts."""
    basis_url()
    naam = f"sjabloon_{uuid.uuid4().hex[:10]}"
    url = maak_database(naam)
    try:
        env = omgeving(url, tmp_path_factory.mktemp("sjabloon"))
        cli(env, "migrate", "--noinput", "-v0")
        python(env, DEMO)
        yield naam
    finally:
        verwijder_database(naam)


@pytest.fixture
def demo_database(pg_demo: str) -> Iterator[tuple[str, str]]:
    """(name, DATABASE_URL) of a fresh copy of the demo, dropped after the test."""
    naam = f"demo_{uuid.uuid4().hex[:10]}"
    url = maak_database(naam, sjabloon=pg_demo)
    try:
        yield naam, url
    finally:
        verwijder_database(naam)
