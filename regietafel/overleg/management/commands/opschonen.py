"""`regietafel opschonen [--dry-run]`: remove personal data of meetings after the retention term.

Removes, for meetings held (and letters received) longer ago than
``REGIETAFEL_BEWAARTERMIJN_OVERLEG_DAGEN`` days (default 730): the personal notes of agenda
items, the files of attachments marked as holding personal data, and the text and attachment
of letters marked so. The meeting, its agenda, the actie- en besluitenlijst and the register
entry (sender, date, subject, follow-up) stay. One audit entry per record. ``--dry-run``
lists what would go and changes nothing.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from regietafel.core import opmaak
from regietafel.overleg.queries import bewaartermijn_dagen, te_schonen
from regietafel.overleg.services import schoon_op


class Command(BaseCommand):
    help = (
        "Verwijder persoonsgegevens uit overleggen en brieven die ouder zijn dan de bewaartermijn."
    )
    # System checks belong to `make test` and deploy (`regietafel check --deploy`), not to
    # every run: they cost half a second of start-up.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Toon wat verwijderd zou worden, zonder iets te wijzigen.",
        )

    def execute(self, *args: Any, **options: Any) -> Any:
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if options.get("traceback") or not getattr(self, "_called_from_command_line", False):
                raise
            self.stderr.write(str(exc))
            sys.exit(exc.returncode)

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        dagen = bewaartermijn_dagen()
        if dagen < 0:
            raise CommandError(
                f"REGIETAFEL_BEWAARTERMIJN_OVERLEG_DAGEN is negatief ({dagen}).", returncode=2
            )
        opschoning = te_schonen(dagen=dagen)
        kop = f"Bewaartermijn {dagen} dagen: ouder dan {opmaak.datum(opschoning.grens)}."
        self.stdout.write(kop)
        for punt in opschoning.aantekeningen:
            self.stdout.write(
                f"  persoonlijke aantekeningen: PRT {opmaak.datum(punt.overleg.datum)}, punt {punt.nummer}{punt.letter} {punt.titel}"
            )
        for bijlage in opschoning.bijlagen:
            self.stdout.write(
                f"  bijlage: {bijlage.bestandsnaam} (PRT {opmaak.datum(bijlage.agendapunt.overleg.datum)})"
            )
        for brief in opschoning.brieven:
            self.stdout.write(
                f"  brief: {brief.onderwerp} (ontvangen {opmaak.datum(brief.ontvangen)})"
            )
        if dry_run:
            self.stdout.write(f"Proefdraai: {opschoning.aantal} te verwijderen, niets gewijzigd.")
            return
        aantal = schoon_op(door=None, opschoning=opschoning)
        self.stdout.write(f"{aantal} opgeschoond (met historieregel).")
