"""Backups that restore: ``regietafel backup MAP`` and ``regietafel herstel MAP``.

A backup is a folder:

    MAP/manifest.json        what is in it: format, moment, database engine, the migrations
                             applied, the rows per table, and every file with its SHA-256
    MAP/database.dump        PostgreSQL: ``pg_dump --format=custom``
    MAP/database.sqlite3     SQLite: a copy made with SQLite's backup API
    MAP/bestanden/…          every file in the shared storage (``core.opslag``), by its name

On PostgreSQL the rows are counted in the same snapshot the dump reads (a REPEATABLE READ
transaction exports its snapshot; ``pg_dump --snapshot`` uses it), so the manifest's counts are
exactly the dump's. The folder is written beside its name and renamed when complete: a
failed backup never leaves a folder that looks like one.

``herstel`` checks the manifest and every checksum first, refuses a database that is not empty,
restores the database (``pg_restore --single-transaction``, or SQLite's backup API), checks the
rows per table against the manifest, and puts the files back into the storage. Every refusal is
a :class:`BackupFout` with a Dutch message (the commands exit with status 2).

This module knows no app: it works on whatever tables and files there are.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from django.core.files import File
from django.db import connection, transaction

from regietafel.core import klok
from regietafel.core.opslag import alle_namen, opslag

FORMAAT = "regietafel-backup"
VERSIE = 1
MANIFEST = "manifest.json"
BESTANDEN = "bestanden"
DUMP = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
_LIBPQ = frozenset(
    {
        "host",
        "hostaddr",
        "port",
        "dbname",
        "user",
        "passfile",
        "connect_timeout",
        "sslmode",
        "sslcert",
        "sslkey",
        "sslrootcert",
        "sslcrl",
        "sslpassword",
        "sslnegotiation",
        "channel_binding",
        "gssencmode",
        "application_name",
        "options",
        "target_session_attrs",
        "service",
        "keepalives",
        "keepalives_idle",
    }
)


class BackupFout(Exception):
    """A backup or restore that cannot go on, with its Dutch reason."""


Melding = Callable[[str], None]


def _niets(tekst: str) -> None:
    return None


@dataclass
class Verslag:
    map_: Path
    engine: str
    tabellen: dict[str, int] = field(default_factory=dict)
    bestanden: int = 0
    bytes_: int = 0


# --- helpers -------------------------------------------------------------------------------


def engine() -> str:
    vendor = connection.vendor
    if vendor not in DUMP:
        raise BackupFout(f"Een backup kan van PostgreSQL of SQLite, niet van {vendor}.")
    return vendor


def sha256_van(pad: Path) -> str:
    som = hashlib.sha256()
    with pad.open("rb") as f:
        for stuk in iter(lambda: f.read(1 << 20), b""):
            som.update(stuk)
    return som.hexdigest()


def _programma(naam: str) -> str:
    """``pg_dump``/``pg_restore``: from REGIETAFEL_PG_BIN (a folder) or the PATH."""
    map_ = os.environ.get("REGIETAFEL_PG_BIN", "")
    pad = str(Path(map_) / naam) if map_ else shutil.which(naam)
    if not pad or not Path(pad).is_file():
        raise BackupFout(
            f"{naam} is niet gevonden. Installeer de PostgreSQL-clientprogramma's (Debian: "
            "apt-get install postgresql-client) of wijs met REGIETAFEL_PG_BIN de map met "
            f"{naam} aan."
        )
    return pad


def _libpq() -> tuple[str, dict[str, str]]:
    """The database as a libpq connection string, and the environment with its password."""
    from psycopg.conninfo import make_conninfo

    params = connection.get_connection_params()
    wachtwoord = params.pop("password", None) or ""
    conninfo = make_conninfo(**{k: str(v) for k, v in params.items() if k in _LIBPQ and v})
    env = {**os.environ}
    if wachtwoord:
        env["PGPASSWORD"] = str(wachtwoord)
    return conninfo, env


def _draai(argumenten: list[str], env: dict[str, str], wat: str) -> None:
    uitkomst = subprocess.run(argumenten, env=env, capture_output=True, text=True)
    if uitkomst.returncode != 0:
        regels = [r for r in uitkomst.stderr.strip().splitlines() if r.strip()]
        laatste = regels[-1] if regels else f"exitcode {uitkomst.returncode}"
        raise BackupFout(f"{wat} is mislukt: {laatste}")


def tabellen_tellen(cursor: Any, namen: list[str]) -> dict[str, int]:
    qn = connection.ops.quote_name
    tellingen = {}
    for naam in sorted(namen):
        cursor.execute(f"SELECT COUNT(*) FROM {qn(naam)}")
        tellingen[naam] = int(cursor.fetchone()[0])
    return tellingen


def _migraties(cursor: Any) -> dict[str, list[str]]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    uit: dict[str, list[str]] = {}
    for app, naam in cursor.fetchall():
        uit.setdefault(app, []).append(naam)
    return uit


def _veilige_naam(naam: str) -> PurePosixPath:
    pad = PurePosixPath(naam)
    if pad.is_absolute() or ".." in pad.parts or not pad.parts:
        raise BackupFout(f"De naam {naam!r} in de opslag of het manifest is niet veilig.")
    return pad


# --- backup --------------------------------------------------------------------------------


def _dump_postgresql(doel: Path) -> tuple[dict[str, int], dict[str, list[str]]]:
    pg_dump = _programma("pg_dump")
    conninfo, env = _libpq()
    with transaction.atomic(), connection.cursor() as cursor:
        # One snapshot for the counts and the dump.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tellingen = tabellen_tellen(cursor, connection.introspection.table_names(cursor))
        migraties = _migraties(cursor)
        _draai(
            [
                pg_dump,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={doel}",
                f"--dbname={conninfo}",
            ],
            env,
            "pg_dump",
        )
    return tellingen, migraties


def _dump_sqlite(doel: Path) -> tuple[dict[str, int], dict[str, list[str]]]:
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(doel)) as kopie:
        connection.connection.backup(kopie)
        cursor = kopie.cursor()
        namen = [
            r[0]
            for r in cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        # Counted in the copy: exactly what the backup holds.
        return tabellen_tellen(cursor, namen), _migraties(cursor)


def _leeg_of_nieuw(map_: Path) -> None:
    if map_.exists() and (not map_.is_dir() or any(map_.iterdir())):
        raise BackupFout(f"{map_} bestaat al en is geen lege map: kies een nieuwe map.")


def maak_backup(map_: Path, melding: Melding = _niets) -> Verslag:
    """Write a backup of the database and every stored file into ``map_`` (new or empty)."""
    map_ = map_.absolute()
    _leeg_of_nieuw(map_)
    soort = engine()
    map_.parent.mkdir(parents=True, exist_ok=True)
    werk = Path(tempfile.mkdtemp(dir=map_.parent, prefix=f".{map_.name}.", suffix=".deel"))
    try:
        dump = werk / DUMP[soort]
        melding(f"Database ({soort}) …")
        tellingen, migraties = (_dump_postgresql if soort == "postgresql" else _dump_sqlite)(dump)
        lijst: list[dict[str, Any]] = [
            {"pad": dump.name, "grootte": dump.stat().st_size, "sha256": sha256_van(dump)}
        ]
        melding("Bestanden uit de opslag …")
        o = opslag()
        for naam in alle_namen():
            doel = werk / BESTANDEN / _veilige_naam(naam)
            doel.parent.mkdir(parents=True, exist_ok=True)
            som = hashlib.sha256()
            with o.open(naam, "rb") as bron, doel.open("wb") as uit:
                for stuk in bron.chunks():
                    som.update(stuk)
                    uit.write(stuk)
            lijst.append(
                {
                    "pad": f"{BESTANDEN}/{naam}",
                    "grootte": doel.stat().st_size,
                    "sha256": som.hexdigest(),
                }
            )
        manifest = {
            "formaat": FORMAAT,
            "versie": VERSIE,
            "gemaakt_op": klok.nu().isoformat(),
            "database": {
                "engine": soort,
                "bestand": dump.name,
                "tabellen": tellingen,
                "migraties": migraties,
            },
            "bestanden": lijst,
        }
        (werk / MANIFEST).write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        if map_.exists():
            map_.rmdir()  # empty (checked above)
        werk.rename(map_)
    except BaseException:
        shutil.rmtree(werk, ignore_errors=True)
        raise
    return Verslag(
        map_,
        soort,
        tellingen,
        bestanden=len(lijst) - 1,
        bytes_=sum(int(b["grootte"]) for b in lijst),
    )


# --- restore -------------------------------------------------------------------------------


def lees_manifest(map_: Path) -> dict[str, Any]:
    """The manifest, after checking that every file it names is there with its size and
    checksum, and that the folder holds nothing it does not name."""
    if not map_.is_dir():
        raise BackupFout(f"{map_} bestaat niet of is geen map.")
    pad = map_ / MANIFEST
    if not pad.is_file():
        raise BackupFout(f"{map_} heeft geen {MANIFEST}: dit is geen backup van regietafel.")
    try:
        manifest = json.loads(pad.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupFout(f"{pad} is geen geldige JSON ({exc}).") from exc
    if not isinstance(manifest, dict) or manifest.get("formaat") != FORMAAT:
        raise BackupFout(f"{pad} is geen manifest van een regietafel-backup.")
    if manifest.get("versie") != VERSIE:
        raise BackupFout(
            f"{pad} heeft versie {manifest.get('versie')!r}; deze regietafel leest versie {VERSIE}."
        )
    database = manifest.get("database")
    if not isinstance(database, dict) or database.get("engine") not in DUMP:
        raise BackupFout(f"{pad} noemt geen database (postgresql of sqlite).")
    lijst = manifest.get("bestanden")
    if not isinstance(lijst, list) or not lijst:
        raise BackupFout(f"{pad} noemt geen bestanden.")
    genoemd = set()
    for ingang in lijst:
        if not isinstance(ingang, dict) or not {"pad", "grootte", "sha256"} <= set(ingang):
            raise BackupFout(f"{pad}: een bestand zonder pad, grootte of sha256.")
        naam = str(ingang["pad"])
        bestand = map_ / _veilige_naam(naam)
        if not bestand.is_file():
            raise BackupFout(f"{naam} ontbreekt in de backup.")
        if bestand.stat().st_size != ingang["grootte"] or sha256_van(bestand) != ingang["sha256"]:
            raise BackupFout(
                f"{naam} is veranderd of beschadigd: de controlesom klopt niet met het manifest."
            )
        genoemd.add(naam)
    if database.get("bestand") not in genoemd or database["bestand"] != DUMP[database["engine"]]:
        raise BackupFout(f"{pad}: het databasebestand staat niet in de lijst met bestanden.")
    for werkelijk in _alle_bestanden(map_):
        if werkelijk != MANIFEST and werkelijk not in genoemd:
            raise BackupFout(f"{werkelijk} staat in de backup maar niet in het manifest.")
    return manifest


def _alle_bestanden(map_: Path) -> Iterator[str]:
    for pad in sorted(map_.rglob("*")):
        if pad.is_file() or pad.is_symlink():
            yield pad.relative_to(map_).as_posix()


def _tabellen_nu() -> list[str]:
    with connection.cursor() as cursor:
        return list(connection.introspection.table_names(cursor))


def database_is_leeg() -> bool:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN "
                "('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%%'"
            )
            return int(cursor.fetchone()[0]) == 0
    return not _tabellen_nu()


def _herstel_postgresql(dump: Path) -> None:
    pg_restore = _programma("pg_restore")
    conninfo, env = _libpq()
    connection.close()
    _draai(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={conninfo}",
            str(dump),
        ],
        env,
        "pg_restore",
    )


def _herstel_sqlite(dump: Path) -> None:
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(dump)) as bron:
        bron.backup(connection.connection)
    connection.close()


def herstel_backup(map_: Path, melding: Melding = _niets) -> Verslag:
    """Restore ``map_`` into the (empty) database of the settings and into the storage."""
    map_ = map_.absolute()
    melding("Manifest en controlesommen …")
    manifest = lees_manifest(map_)
    database = manifest["database"]
    soort = engine()
    if database["engine"] != soort:
        raise BackupFout(
            f"De backup is van een {database['engine']}-database; de instellingen wijzen naar "
            f"{soort}. Herstel in een database van dezelfde soort."
        )
    if not database_is_leeg():
        raise BackupFout(
            "De database is niet leeg: herstellen kan alleen in een lege database. Maak een "
            "nieuwe database aan (createdb) en wijs er met DATABASE_URL naar."
        )
    melding(f"Database ({soort}) …")
    dump = map_ / database["bestand"]
    (_herstel_postgresql if soort == "postgresql" else _herstel_sqlite)(dump)
    with connection.cursor() as cursor:
        tellingen = tabellen_tellen(cursor, connection.introspection.table_names(cursor))
    verwacht = {str(k): int(v) for k, v in dict(database.get("tabellen", {})).items()}
    if tellingen != verwacht:
        verschil = sorted(
            n for n in set(tellingen) | set(verwacht) if tellingen.get(n) != verwacht.get(n)
        )
        raise BackupFout(
            "De herstelde database wijkt af van het manifest (rijen per tabel): "
            + ", ".join(verschil[:10])
        )
    melding("Bestanden naar de opslag …")
    o = opslag()
    aantal = 0
    totaal = 0
    for ingang in manifest["bestanden"]:
        naam = str(ingang["pad"])
        if not naam.startswith(f"{BESTANDEN}/"):
            continue
        opslagnaam = naam.removeprefix(f"{BESTANDEN}/")
        bron = map_ / _veilige_naam(naam)
        if o.exists(opslagnaam):
            o.delete(opslagnaam)
        with bron.open("rb") as f:
            bewaard = o.save(opslagnaam, File(f))
        if bewaard != opslagnaam:
            raise BackupFout(f"De opslag bewaarde {opslagnaam} onder een andere naam: {bewaard}.")
        aantal += 1
        totaal += int(ingang["grootte"])
    return Verslag(map_, soort, tellingen, bestanden=aantal, bytes_=totaal)
