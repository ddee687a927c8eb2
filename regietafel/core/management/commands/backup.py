"""``regietafel backup MAP``: the database (PostgreSQL: pg_dump --format=custom; SQLite: the
backup API) and every stored file, with a manifest of SHA-256 checksums (``core.backup``).
Refusals: one Dutch line on stderr, exit status 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from regietafel.core.commando import Commando
from regietafel.core.opmaak import getal


class Command(Commando):
    help = (
        "Maak een backup in MAP (nieuw of leeg): de database, alle opgeslagen bestanden en "
        "een manifest met SHA-256-controlesommen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("map", type=Path, metavar="MAP", help="De map voor de backup.")

    def handle(self, *args: Any, **opties: Any) -> None:
        self._verbosity = int(opties.get("verbosity", 1))
        from regietafel.core.backup import BackupFout, maak_backup

        try:
            verslag = maak_backup(opties["map"], melding=self._melding)
        except BackupFout as exc:
            raise CommandError(str(exc), returncode=2) from exc
        rijen = sum(verslag.tabellen.values())
        self.stdout.write(
            f"Backup gemaakt in {verslag.map_}: {verslag.engine}-database met "
            f"{getal(len(verslag.tabellen))} tabellen en {getal(rijen)} rijen, "
            f"{getal(verslag.bestanden)} bestanden ({getal(verslag.bytes_)} bytes)."
        )

    def _melding(self, tekst: str) -> None:
        if self._verbosity > 1:
            self.stderr.write(tekst)
