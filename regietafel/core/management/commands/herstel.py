"""``regietafel herstel MAP``: a backup of ``regietafel backup`` into an empty database and
the storage (``core.backup``). The manifest and every checksum are checked first; a database
that is not empty is refused. Refusals: one Dutch line on stderr, exit status 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from regietafel.core.commando import Commando
from regietafel.core.opmaak import getal


class Command(Commando):
    help = (
        "Herstel een backup uit MAP in een lege database (DATABASE_URL) en in de opslag; "
        "controleert eerst het manifest en alle controlesommen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("map", type=Path, metavar="MAP", help="De map van de backup.")

    def handle(self, *args: Any, **opties: Any) -> None:
        self._verbosity = int(opties.get("verbosity", 1))
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        from regietafel.core.backup import BackupFout, herstel_backup

        try:
            verslag = herstel_backup(opties["map"], melding=self._melding)
        except BackupFout as exc:
            raise CommandError(str(exc), returncode=2) from exc
        rijen = sum(verslag.tabellen.values())
        self.stdout.write(
            f"Hersteld uit {verslag.map_}: {getal(len(verslag.tabellen))} tabellen met "
            f"{getal(rijen)} rijen (gelijk aan het manifest), {getal(verslag.bestanden)} "
            "bestanden in de opslag."
        )
        executor = MigrationExecutor(connection)
        open_ = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if open_:
            self.stdout.write(
                f"De backup is van een oudere versie: {getal(len(open_))} migraties staan nog "
                "open. Draai nu `regietafel migrate`."
            )

    def _melding(self, tekst: str) -> None:
        if self._verbosity > 1:
            self.stderr.write(tekst)
