from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, connections, transaction
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.demo.services import laad_drenthe, maak_demo_accounts
from regietafel.gemeenten.models import Provincie
from tests.dienstprocessen import S3Server, s3_server

# The suite's clock. `make test-tijdreis` sets REGIETAFEL_TESTKLOK (JJJJ-MM-DD) and so runs every
# test in the future: a test that needs a particular date pins it itself (time_machine).
TESTKLOK = os.environ.get("REGIETAFEL_TESTKLOK", "")


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Jobs run at once, in the test's process (Celery's task_always_eager): a view that enqueues
    # a job runs it when its transaction commits (django_capture_on_commit_callbacks). The real
    # broker and worker are tested in tests/taken/test_integratie.py (marker integratie).
    settings.CELERY_TASK_ALWAYS_EAGER = True
    # No stored projections (monitoring.projectie) unless a test asks for them: a page
    # computes, and a write plans no job.
    settings.REGIETAFEL_PROJECTIES = False
    # A fast hasher, as Django's testing docs advise: PBKDF2's 1.000.000 rounds cost about a
    # second per password on the CI machine (the demo's five accounts in every worker's setup,
    # every test that makes a user with a password or logs in through the form). Set before
    # any password is hashed (get_hashers() caches the list). The real settings keep PBKDF2;
    # the tests that start `regietafel` as a process use them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if TESTKLOK:
        datum = dt.date.fromisoformat(TESTKLOK)
        moment = dt.datetime(datum.year, datum.month, datum.day, 9, 0, tzinfo=dt.UTC)
        time_machine.travel(moment, tick=True).start()


def pytest_report_header(config: pytest.Config) -> str:
    return f"klok: {TESTKLOK or 'de echte datum'} (REGIETAFEL_TESTKLOK)"


_DEMO_KOPIE: sqlite3.Connection | None = None
"""On SQLite: a copy of the test database with the demo loaded (``django_db_setup``), put back
by ``zorg_voor_demo`` after a transactional test flushed the database."""


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Load the Drenthe demo once into the test database; each test rolls its changes back."""
    global _DEMO_KOPIE
    with django_db_blocker.unblock():
        laad_drenthe()
        maak_demo_accounts()
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            _DEMO_KOPIE = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(_DEMO_KOPIE)


@pytest.fixture
def drenthe(db) -> Provincie:  # type: ignore[no-untyped-def]
    """The Drenthe demo, loaded through the services (again, if a transactional test flushed it)."""
    zorg_voor_demo()
    return Provincie.objects.get(naam="Drenthe")


def zorg_voor_demo() -> None:
    """Load the demo again when a transactional test before this one (same worker) flushed the
    database: the session's ``django_db_setup`` loaded it only once. On SQLite, outside a
    transaction, the copy made then is put back (a few milliseconds instead of loading it
    through the services again, ~1,7 s CPU: every browser test flushes); the demo loader itself
    is tested in the setup and in tests/test_demo.py."""
    if Gebruiker.objects.filter(username="lezer").exists():
        return
    if _DEMO_KOPIE is not None and connection.vendor == "sqlite" and not connection.in_atomic_block:
        _DEMO_KOPIE.backup(connection.connection)
        # The flush made the content types again, perhaps with other ids than the copy's.
        ContentType.objects.clear_cache()
        return
    laad_drenthe()
    maak_demo_accounts()


def _client_voor(gebruikersnaam: str) -> Client:
    client = Client()
    client.force_login(Gebruiker.objects.get(username=gebruikersnaam))
    return client


@pytest.fixture
def lezer(drenthe: Provincie) -> Client:
    return _client_voor("lezer")


@pytest.fixture
def secretariaat(drenthe: Provincie) -> Client:
    return _client_voor("secretariaat")


@pytest.fixture
def gebruiker_secretariaat(drenthe: Provincie) -> Gebruiker:
    return Gebruiker.objects.get(username="secretariaat")


@pytest.fixture
def gemeente_assen(drenthe: Provincie) -> Client:
    """The gemeente persona: submits Assen's own figures."""
    return _client_voor("gemeente-assen")


@pytest.fixture
def gemeente_emmen(drenthe: Provincie) -> Client:
    """The outsider for Assen's data: another gemeente of the same provincie."""
    return _client_voor("gemeente-emmen")


@pytest.fixture
def coa(drenthe: Provincie) -> Client:
    return _client_voor("coa")


@pytest.fixture(scope="session")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """A real S3-compatible server process (moto_server) for the session; started on first use."""
    with s3_server(tmp_path_factory.mktemp("s3") / "moto.log") as server:
        yield server


@pytest.fixture(scope="module")
def matrix_basis(django_db_setup, django_db_blocker) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """The role matrix's personas, sessions and API keys (``tests.test_rollen.maak_basis``),
    made once per module in a transaction that is rolled back after it (each test runs in a
    savepoint inside it). Here, not in test_rollen.py, so a module that reuses the matrix's
    ``ctx`` finds it too."""
    from tests.test_rollen import maak_basis

    with django_db_blocker.unblock():
        zorg_voor_demo()  # before the transaction: the demo's copy is put back outside one
        blok = transaction.atomic()
        blok.__enter__()
        try:
            yield maak_basis()
        finally:
            transaction.set_rollback(True)
            blok.__exit__(None, None, None)


def als_console_script(command: BaseCommand, *argv: str) -> None:
    """Run a management command as the console script does (argv parsing, our error handling,
    ``sys.exit``), inside the test's transaction: Django's ``run_from_argv`` closes every
    database connection at the end, which on PostgreSQL would end the test's transaction and
    leave the worker's connection closed for every later test."""
    with mock.patch.object(connections, "close_all"):
        command.run_from_argv(["regietafel", *argv])
