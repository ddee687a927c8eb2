from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction
from django.test import Client

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.demo import landelijk as demo
from regietafel.gemeenten.models import Provincie
from tests.conftest import zorg_voor_demo

MAANDEN = 2
"""A small national dataset for the tests (the full one, 60 months, only in ``make bench``)."""


@pytest.fixture(scope="module")
def landelijk_module(django_db_setup, django_db_blocker) -> Iterator[demo.Resultaat]:  # type: ignore[no-untyped-def]
    """The national demo with two monthly peildata, on top of the session's Drenthe demo,
    loaded once per module in a transaction that is rolled back after the module (each test
    runs in a savepoint inside it)."""
    with django_db_blocker.unblock():
        zorg_voor_demo()  # before the transaction: the demo's copy is put back outside one
        blok = transaction.atomic()
        blok.__enter__()
        try:
            yield demo.laad(maanden=MAANDEN, met_drenthe=False)
        finally:
            transaction.set_rollback(True)
            blok.__exit__(None, None, None)


@pytest.fixture
def landelijk_klein(landelijk_module: demo.Resultaat, drenthe: Provincie) -> demo.Resultaat:
    return landelijk_module


@pytest.fixture
def minister(drenthe: Provincie) -> Gebruiker:
    """A national reader: role lezer, no provincie, ``landelijk``."""
    gebruiker = Gebruiker.objects.create(username="minister", rol=Rol.LEZER, landelijk=True)
    gebruiker.set_password("regietafel-demo")
    gebruiker.save()
    return gebruiker


@pytest.fixture
def landelijk_client(minister: Gebruiker) -> Client:
    client = Client()
    client.force_login(minister)
    return client
