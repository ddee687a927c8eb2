"""The user label in the page header reads as an official would say it (issue 16, point 7):
"secretariaat · Secretariaat PRT Drenthe", not "secretariaat (secretariaat prt (provincie))"."""

from __future__ import annotations

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.gemeenten.models import Provincie

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("gebruikersnaam", "label"),
    [
        ("secretariaat", "secretariaat · Secretariaat PRT Drenthe"),
        ("gemeente-assen", "gemeente-assen · Gemeente Assen"),
        ("gemeente-emmen", "gemeente-emmen · Gemeente Emmen"),
        ("coa", "coa · Aanleverancier COA"),
        ("lezer", "lezer · Alleen lezen, Drenthe"),
    ],
)
def test_the_header_names_the_user_and_what_they_are(
    drenthe: Provincie, gebruikersnaam: str, label: str
) -> None:
    client = Client()
    client.force_login(Gebruiker.objects.get(username=gebruikersnaam))
    html = client.get("/locaties/").content.decode()
    assert f"<span>{label}</span>" in html
    assert "(secretariaat prt (provincie))" not in html and "(lezer)" not in html


def test_functie_without_provincie_or_organisatie(drenthe: Provincie) -> None:
    assert Gebruiker(username="a", rol=Rol.SECRETARIAAT).functie == "Secretariaat PRT"
    assert Gebruiker(username="b", rol=Rol.GEMEENTE).functie == "Gemeente"
    assert Gebruiker(username="c", rol=Rol.AANLEVERANCIER).functie == "Aanleverancier"
    assert Gebruiker(username="d", rol=Rol.LEZER).functie == "Alleen lezen"
    assert (
        Gebruiker(username="e", rol=Rol.LEZER, landelijk=True).functie == "Alleen lezen, landelijk"
    )
    assert Gebruiker(username="f", rol=Rol.BEHEERDER).functie == "Beheerder"
    assert Gebruiker(username="g", is_superuser=True).functie == "Beheerder"
