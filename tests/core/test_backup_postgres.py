"""The backup round trip on PostgreSQL (marker ``postgres`` and ``integratie``: the
PostgreSQL pass of ``make test``): a backup of the Drenthe demo (``pg_dump --format=custom``,
the stored files, the manifest) restored into a fresh database of the same throwaway cluster;
then every figure of the Stand van zaken (the report's Excel workbook, every sheet and cell,
and the JSON export, for every peildatum with figures), the history (every row; and
``regietafel historie controleren`` where that command exists) and the files are the same."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg import (
    cli,
    demo_database,
    maak_database,
    omgeving,
    pg_demo,
    python,
    verwijder_database,
)

__all__ = ["demo_database", "pg_demo"]

pytestmark = [pytest.mark.postgres, pytest.mark.integratie, pytest.mark.slow]

BESTANDEN = """
import django; django.setup()
from regietafel.overleg import opslag as overleg
from regietafel.taken import opslag as taken
overleg.bewaar(b"%PDF-1.4 een bijlage van een overleg", "pdf")
taken.bewaar(b"gemeente;realisatie\\nAssen;1000\\n", "csv")
"""
PEILDATA = """
import django; django.setup()
from regietafel.monitoring.models import Realisatie
print(" ".join(sorted({d.isoformat() for d in Realisatie.objects.values_list("peildatum", flat=True)})))
"""
HISTORIE = """
import django, json; django.setup()
from django.core import serializers
from regietafel.audit.models import AuditRegel
print(serializers.serialize("json", AuditRegel.objects.order_by("pk")))
"""


def _bestanden(map_: Path) -> dict[str, str]:
    return {
        p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(map_.rglob("*"))
        if p.is_file()
    }


def _werkmap(pad: Path) -> dict[str, list[list[object]]]:
    import openpyxl

    boek = openpyxl.load_workbook(pad)
    return {
        blad.title: [[c.value for c in rij] for rij in blad.iter_rows()] for blad in boek.worksheets
    }


def _stand_van_zaken(env: dict[str, str], peildatum: str, map_: Path) -> tuple[object, object]:
    map_.mkdir(parents=True, exist_ok=True)
    xlsx = map_ / f"svz-{peildatum}.xlsx"
    cli(
        env,
        "rapport",
        "stand-van-zaken",
        "--provincie",
        "Drenthe",
        "--peildatum",
        peildatum,
        "--format",
        "xlsx",
        "-o",
        str(xlsx),
    )
    export = cli(
        env,
        "export",
        "stand",
        "--provincie",
        "Drenthe",
        "--peildatum",
        peildatum,
        "--format",
        "json",
    ).stdout
    return _werkmap(xlsx), json.loads(export)


@pytest.fixture
def lege_database() -> Iterator[tuple[str, str]]:
    naam = f"herstel_{uuid.uuid4().hex[:10]}"
    url = maak_database(naam)
    try:
        yield naam, url
    finally:
        verwijder_database(naam)


def test_a_backup_of_the_demo_restores_into_a_fresh_database(
    demo_database: tuple[str, str], lege_database: tuple[str, str], tmp_path: Path
) -> None:
    bron = omgeving(demo_database[1], tmp_path / "bron")
    python(bron, BESTANDEN)
    backup = tmp_path / "backup"
    gemaakt = cli(bron, "backup", str(backup))
    assert "postgresql-database" in gemaakt.stdout and "2 bestanden" in gemaakt.stdout
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["engine"] == "postgresql"
    assert (backup / "database.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert manifest["database"]["tabellen"]["audit_auditregel"] > 500

    doel = omgeving(lege_database[1], tmp_path / "doel")
    hersteld = cli(doel, "herstel", str(backup))
    assert "(gelijk aan het manifest)" in hersteld.stdout, hersteld.stdout
    assert "2 bestanden in de opslag" in hersteld.stdout

    # Every figure of the Stand van zaken, for every peildatum with figures.
    peildata = python(bron, PEILDATA).split()
    assert peildata == python(doel, PEILDATA).split() and len(peildata) >= 2
    bladen: set[str] = set()
    for peildatum in peildata:
        origineel = _stand_van_zaken(bron, peildatum, tmp_path / "svz-bron")
        terug = _stand_van_zaken(doel, peildatum, tmp_path / "svz-doel")
        assert terug == origineel, peildatum
        assert isinstance(origineel[0], dict)
        bladen |= set(origineel[0])
    assert {"Verdeling", "Statushouders", "Nidos"} <= bladen

    # The history: every row, as it was (ids, moments, who, what).
    assert python(doel, HISTORIE) == python(bron, HISTORIE)
    if "historie" in cli(doel, "help", "--commands").stdout.split():
        assert cli(doel, "historie", "controleren").returncode == 0

    # The files.
    assert _bestanden(tmp_path / "doel" / "uploads") == _bestanden(tmp_path / "bron" / "uploads")
    assert len(_bestanden(tmp_path / "doel" / "uploads")) >= 2

    # A second restore into the now filled database is refused.
    nogmaals = cli(doel, "herstel", str(backup), check=False)
    assert nogmaals.returncode == 2
    assert nogmaals.stderr.startswith("De database is niet leeg")


def test_without_pg_dump_the_backup_says_so_and_leaves_nothing(
    demo_database: tuple[str, str], tmp_path: Path
) -> None:
    env = omgeving(demo_database[1], tmp_path / "var", REGIETAFEL_PG_BIN=str(tmp_path / "geen"))
    uit = cli(env, "backup", str(tmp_path / "backup"), check=False)
    assert uit.returncode == 2
    assert uit.stderr.startswith("pg_dump is niet gevonden.")
    assert not (tmp_path / "backup").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".deel")]
