"""``regietafel backup MAP`` and ``regietafel herstel MAP`` on SQLite (the PostgreSQL round trip
with the demo is in tests/test_productie_postgres.py): the database through SQLite's backup
API, every stored file, a manifest with SHA-256 checksums; a restore checks everything first,
refuses a database that is not empty and says why in Dutch (exit 2)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]

VULLEN = """
import django; django.setup()
from regietafel.gemeenten.services import laad_register
from regietafel.overleg import opslag as overleg
from regietafel.taken import opslag as taken
laad_register(door=None)
print(overleg.bewaar(b"%PDF-1.4 een bijlage", "pdf"))
print(taken.bewaar(b"kolom;waarde\\n", "csv"))
"""


def _env(var: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("S3_", "DATABASE_URL"))}
    env.update(
        {
            "REGIETAFEL_VAR_DIR": str(var),
            "DJANGO_SETTINGS_MODULE": "regietafel.settings",
            "REGIETAFEL_ENV": "development",
        }
    )
    return env


def _cli(var: Path, *argumenten: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "regietafel"), *argumenten],
        env=_env(var),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _bestanden(map_: Path) -> dict[str, str]:
    return {
        p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(map_.rglob("*"))
        if p.is_file()
    }


def _rijen(database: Path, tabel: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as db:
        return db.execute(f"SELECT * FROM {tabel} ORDER BY 1").fetchall()


@pytest.fixture(scope="module")
def bron(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database with the CBS register and two stored files."""
    var = tmp_path_factory.mktemp("bron")
    assert _cli(var, "migrate", "--noinput", "-v0").returncode == 0
    gevuld = subprocess.run(
        [sys.executable, "-c", VULLEN], env=_env(var), cwd=ROOT, capture_output=True, text=True
    )
    assert gevuld.returncode == 0, gevuld.stderr
    return var


@pytest.fixture(scope="module")
def backup(bron: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("backups") / "backup-1"
    gemaakt = _cli(bron, "backup", str(map_))
    assert gemaakt.returncode == 0, gemaakt.stderr
    assert gemaakt.stdout.startswith(f"Backup gemaakt in {map_}: sqlite-database met ")
    assert "2 bestanden" in gemaakt.stdout
    return map_


def test_the_backup_holds_the_database_the_files_and_their_checksums(
    bron: Path, backup: Path
) -> None:
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["formaat"] == "regietafel-backup" and manifest["versie"] == 1
    assert manifest["database"]["engine"] == "sqlite"
    assert manifest["database"]["tabellen"]["gemeenten_gemeente"] > 300
    assert "0001_initial" in manifest["database"]["migraties"]["gemeenten"]
    bestanden = _bestanden(backup)
    assert {b["pad"]: b["sha256"] for b in manifest["bestanden"]} == {
        k: v for k, v in bestanden.items() if k != "manifest.json"
    }
    assert _bestanden(backup / "bestanden") == _bestanden(bron / "uploads")
    assert not [p for p in backup.parent.iterdir() if p.name.endswith(".deel")]


def test_restore_into_an_empty_database(backup: Path, bron: Path, tmp_path: Path) -> None:
    doel = tmp_path / "doel"
    hersteld = _cli(doel, "herstel", str(backup))
    assert hersteld.returncode == 0, hersteld.stderr
    assert "(gelijk aan het manifest)" in hersteld.stdout and "2 bestanden" in hersteld.stdout
    assert "migraties staan nog open" not in hersteld.stdout
    assert _bestanden(doel / "uploads") == _bestanden(bron / "uploads")
    for tabel in ("gemeenten_gemeente", "audit_auditregel", "django_migrations"):
        assert _rijen(doel / "regietafel.sqlite3", tabel) == _rijen(
            bron / "regietafel.sqlite3", tabel
        )
    # A second restore into the same (now filled) database is refused, and changes nothing.
    voor = _bestanden(doel)
    opnieuw = _cli(doel, "herstel", str(backup))
    assert opnieuw.returncode == 2
    assert opnieuw.stderr.strip() == (
        "De database is niet leeg: herstellen kan alleen in een lege database. Maak een "
        "nieuwe database aan (createdb) en wijs er met DATABASE_URL naar."
    )
    assert _bestanden(doel) == voor


@pytest.mark.parametrize(
    ("bederf", "melding"),
    [
        ("bestand", "is veranderd of beschadigd: de controlesom klopt niet met het manifest."),
        ("extra", "bestanden/overleg/extra.pdf staat in de backup maar niet in het manifest."),
        ("weg", "ontbreekt in de backup."),
        ("manifest", "manifest.json is geen geldige JSON"),
        ("geen-manifest", "heeft geen manifest.json: dit is geen backup van regietafel."),
        ("pad", "is niet veilig."),
    ],
)
def test_a_damaged_backup_is_refused_before_anything_is_written(
    backup: Path, tmp_path: Path, bederf: str, melding: str
) -> None:
    kopie = tmp_path / "kopie"
    shutil.copytree(backup, kopie)
    manifest = json.loads((kopie / "manifest.json").read_text())
    bijlage = next(b["pad"] for b in manifest["bestanden"] if b["pad"].endswith(".pdf"))
    if bederf == "bestand":
        (kopie / bijlage).write_bytes(b"%PDF-1.4 vervalst!!!")
    elif bederf == "extra":
        (kopie / "bestanden/overleg/extra.pdf").write_bytes(b"%PDF")
    elif bederf == "weg":
        (kopie / bijlage).unlink()
    elif bederf == "manifest":
        (kopie / "manifest.json").write_text("{kapot")
    elif bederf == "geen-manifest":
        (kopie / "manifest.json").unlink()
    elif bederf == "pad":
        manifest["bestanden"][1]["pad"] = "../../etc/passwd"
        (kopie / "manifest.json").write_text(json.dumps(manifest))
    doel = tmp_path / "doel"
    uit = _cli(doel, "herstel", str(kopie))
    assert uit.returncode == 2, uit.stderr
    assert melding in uit.stderr and "Traceback" not in uit.stderr
    assert len(uit.stderr.strip().splitlines()) == 1
    assert not (doel / "uploads").exists()
    if (doel / "regietafel.sqlite3").exists():
        with sqlite3.connect(doel / "regietafel.sqlite3") as db:
            assert db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0


def test_a_backup_never_overwrites_a_folder(bron: Path, backup: Path) -> None:
    voor = _bestanden(backup)
    uit = _cli(bron, "backup", str(backup))
    assert uit.returncode == 2
    assert uit.stderr.strip() == f"{backup} bestaat al en is geen lege map: kies een nieuwe map."
    assert _bestanden(backup) == voor
