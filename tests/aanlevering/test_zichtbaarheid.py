"""Whose deliveries a user sees (issue 17, point 7): "Laatste aanleveringen" on /aanlevering/,
its Excel and a delivery's history show file name, user and checksum — a provincie's
secretariaat sees its own provincie's deliveries only, a supplier (COA, Nidos) its own, a
beheerder, superuser or landelijk user all of them."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from regietafel.aanlevering.models import Aanlevering
from regietafel.aanlevering.queries import laatste_aanleveringen
from regietafel.aanlevering.services import importeer_realisatie
from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Provincie
from tests.aanlevering.bestanden import REALISATIE_KOPPEN, schrijf_tabel

pytestmark = pytest.mark.django_db
URL = "/aanlevering/"


def _client(gebruiker: Gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def personen(drenthe: Provincie) -> dict[str, Gebruiker]:
    groningen = Provincie.objects.get(naam="Groningen")
    return {
        "drenthe": Gebruiker.objects.get(username="secretariaat"),
        "groningen": Gebruiker.objects.create(
            username="sec-groningen", rol="secretariaat", provincie=groningen, is_staff=True
        ),
        "coa": Gebruiker.objects.get(username="coa"),
        "nidos": Gebruiker.objects.create(
            username="nidos", rol="aanleverancier", provincie=drenthe, organisatie="Nidos"
        ),
        "superuser": Gebruiker.objects.create(username="super", is_superuser=True),
        "beheerder": Gebruiker.objects.create(username="beheer", rol="beheerder"),
        "landelijk": Gebruiker.objects.create(username="land", rol="lezer", landelijk=True),
        "gemeente": Gebruiker.objects.get(username="gemeente-assen"),
    }


BESTANDEN = {
    "drenthe": ("Assen", "drenthe-realisatie.csv"),
    "groningen": ("Groningen", "groningen-realisatie.csv"),
    "coa": ("Emmen", "coa-realisatie.csv"),
    "nidos": ("Tynaarlo", "nidos-realisatie.csv"),
}


@pytest.fixture
def aanleveringen(personen: dict[str, Gebruiker], tmp_path: Path) -> dict[str, Aanlevering]:
    """One delivery per uploader, each with its own file name."""
    uit = {}
    for i, (wie, (gemeente, naam)) in enumerate(BESTANDEN.items()):
        pad = schrijf_tabel(
            tmp_path / naam, REALISATIE_KOPPEN, [(gemeente, "regulier", 100 + i, "01-12-2025")]
        )
        s = importeer_realisatie(pad, door=personen[wie])
        assert s.fouten == [] and s.aanlevering is not None, s.fouten
        uit[wie] = s.aanlevering
    return uit


def _namen_op_pagina(client: Client) -> set[str]:
    html = client.get(URL).content.decode()
    return {naam for _, naam in BESTANDEN.values() if naam in html}


def _namen_in_excel(client: Client) -> set[str]:
    from openpyxl import load_workbook

    antwoord = client.get(URL, {"formaat": "xlsx"})
    if antwoord.status_code == 404:  # no deliveries: no table, no workbook
        return set()
    assert antwoord.status_code == 200
    ws = load_workbook(io.BytesIO(antwoord.content)).active
    return {c.value for c in ws["C"] if c.value in {n for _, n in BESTANDEN.values()}}


def test_a_delivery_belongs_to_the_provincie_of_its_secretariaat(
    aanleveringen: dict[str, Aanlevering],
) -> None:
    assert aanleveringen["drenthe"].provincie is not None
    assert aanleveringen["drenthe"].provincie.naam == "Drenthe"
    assert aanleveringen["groningen"].provincie is not None
    assert aanleveringen["groningen"].provincie.naam == "Groningen"
    assert aanleveringen["coa"].provincie is None  # a supplier's file is national
    assert aanleveringen["nidos"].provincie is None


@pytest.mark.parametrize(
    ("wie", "ziet"),
    [
        ("drenthe", {"drenthe"}),
        ("groningen", {"groningen"}),
        ("coa", {"coa"}),
        ("nidos", {"nidos"}),
        ("superuser", {"drenthe", "groningen", "coa", "nidos"}),
    ],
)
def test_the_latest_deliveries_on_the_page_and_in_its_excel(
    personen: dict[str, Gebruiker],
    aanleveringen: dict[str, Aanlevering],
    wie: str,
    ziet: set[str],
) -> None:
    verwacht = {BESTANDEN[w][1] for w in ziet}
    client = _client(personen[wie])
    assert _namen_op_pagina(client) == verwacht
    assert _namen_in_excel(client) == verwacht
    # Nor does the checksum of another's file appear.
    html = client.get(URL).content.decode()
    for ander, aanlevering in aanleveringen.items():
        if ander not in ziet:
            assert aanlevering.checksum[:10] not in html


@pytest.mark.parametrize(
    ("wie", "aantal"),
    [("beheerder", 4), ("landelijk", 4), ("superuser", 4), ("gemeente", 0), ("drenthe", 1)],
)
def test_national_readers_see_all_others_nothing(
    personen: dict[str, Gebruiker],
    aanleveringen: dict[str, Aanlevering],
    wie: str,
    aantal: int,
) -> None:
    assert len(laatste_aanleveringen(personen[wie])) == aantal


def test_the_history_of_a_delivery_follows_the_same_rule(
    personen: dict[str, Gebruiker], aanleveringen: dict[str, Aanlevering]
) -> None:
    def status(wie: str, van: str) -> int:
        url = f"/historie/aanlevering/aanlevering/{aanleveringen[van].pk}/"
        return _client(personen[wie]).get(url).status_code

    assert status("drenthe", "drenthe") == 200
    assert status("groningen", "drenthe") == 404
    assert status("drenthe", "groningen") == 404
    assert status("drenthe", "coa") == 404
    assert status("coa", "coa") == 200
    assert status("coa", "nidos") == 404
    assert status("nidos", "coa") == 404
    assert status("beheerder", "groningen") == 200
    assert status("gemeente", "drenthe") == 404


def test_the_migration_gives_old_deliveries_of_a_secretariaat_its_provincie(
    personen: dict[str, Gebruiker], aanleveringen: dict[str, Aanlevering]
) -> None:
    from importlib import import_module

    from django.apps import apps

    Aanlevering.objects.update(provincie=None)
    migratie = import_module("regietafel.aanlevering.migrations.0003_provincie_van_aanlevering")
    migratie.provincie_van_secretariaat(apps, None)
    provincies: dict[str, Any] = {
        wie: Aanlevering.objects.get(pk=a.pk).provincie for wie, a in aanleveringen.items()
    }
    assert provincies["drenthe"] == personen["drenthe"].provincie
    assert provincies["groningen"] == personen["groningen"].provincie
    assert provincies["coa"] is None and provincies["nidos"] is None
    assert dt.date(2025, 12, 1) == aanleveringen["coa"].peildatum
