"""The map of the Netherlands as a stored projection (kaart.kaartprojectie): the same page as
computed, read without computing, for a national user in the cyclus in force; stale after a
write of a figure; not stored while a provincie has no figures (its map would follow the
date)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.kaart import kaartprojectie
from regietafel.monitoring import projectie
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.services import registreer_realisatie
from tests.landelijk.test_projectie import _weigert
from tests.monitoring.test_projectie import zonder_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(drenthe: Provincie, settings: Any) -> Client:
    settings.REGIETAFEL_PROJECTIES = True
    gebruiker = Gebruiker.objects.create_user(
        "kaart-beheerder", password="x", rol=Rol.BEHEERDER, provincie=None
    )
    client = Client()
    client.force_login(gebruiker)
    return client


def test_stored_once_every_provincie_has_figures(
    beheerder: Client, gebruiker_secretariaat: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    projectie.bouw_alles(namen=["kaart-nederland"])
    assert kaartprojectie.lees("oekraine") is None  # eleven provincies without figures
    peildatum = Realisatie.objects.actueel().latest("peildatum").peildatum
    for provincie in Provincie.objects.exclude(naam="Drenthe"):
        registreer_realisatie(
            gemeente=Gemeente.objects.filter(provincie=provincie).first(),
            soort="oekraine",
            peildatum=peildatum,
            aantal=10,
            door=gebruiker_secretariaat,
        )
    berekend = {
        s: zonder_tokens(beheerder.get(f"/kaart/nederland/?soort={s}").content.decode())
        for s in ("oekraine", "regulier")
    }
    projectie.bouw_alles(namen=["kaart-nederland"])
    assert kaartprojectie.lees("oekraine") is not None

    monkeypatch.setattr(kaartprojectie, "kaart_gegevens", _weigert)
    for s, html in berekend.items():
        assert zonder_tokens(beheerder.get(f"/kaart/nederland/?soort={s}").content.decode()) == html
    # Another cyclus, or a user who reads only its own provincie: computed.
    with pytest.raises(AssertionError, match="berekend"):
        beheerder.get("/kaart/nederland/?soort=regulier&cyclus=2026")
    lezer = Client()
    lezer.force_login(Gebruiker.objects.get(username="secretariaat"))
    with pytest.raises(AssertionError, match="berekend"):
        lezer.get("/kaart/nederland/")

    # A write of a figure: stale at once.
    monkeypatch.undo()
    registreer_realisatie(
        gemeente=Gemeente.objects.get(naam="Assen"),
        soort="oekraine",
        peildatum=peildatum,
        aantal=1,
        door=gebruiker_secretariaat,
    )
    assert kaartprojectie.lees("oekraine") is None
