from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Provincie


def token_voor(gebruikersnaam: str) -> str:
    token, _ = Token.objects.get_or_create(user=Gebruiker.objects.get(username=gebruikersnaam))
    return token.key


def api_client(gebruikersnaam: str) -> Client:
    """A client that authenticates with the user's API token, as an API client does."""
    return Client(headers={"Authorization": f"Token {token_voor(gebruikersnaam)}"})


@pytest.fixture
def api_lezer(drenthe: Provincie) -> Client:
    return api_client("lezer")


@pytest.fixture
def api_coa(drenthe: Provincie) -> Client:
    return api_client("coa")


@pytest.fixture
def api_emmen(drenthe: Provincie) -> Client:
    return api_client("gemeente-emmen")
