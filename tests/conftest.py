from __future__ import annotations

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.demo.services import laad_drenthe, maak_demo_accounts
from regietafel.gemeenten.models import Provincie


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Load the Drenthe demo once into the test database; each test rolls its changes back."""
    with django_db_blocker.unblock():
        laad_drenthe()
        maak_demo_accounts()


@pytest.fixture
def drenthe(db) -> Provincie:  # type: ignore[no-untyped-def]
    """The Drenthe demo, loaded through the services (again, if a transactional test flushed it)."""
    if not Gebruiker.objects.filter(username="lezer").exists():
        laad_drenthe()
        maak_demo_accounts()
    return Provincie.objects.get(naam="Drenthe")


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
