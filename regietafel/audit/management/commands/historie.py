"""`regietafel historie controleren`: verify the history's hash chain (audit.keten).

Walks every history entry in chain order and checks its number, its link to the entry before
it, its content against its hash, and the last entry against the head. In order: one line with
the number of entries and the head's hash (keep it elsewhere to prove later that nothing before
it changed), exit code 0. Broken: one Dutch line on stderr naming the first entry that does not
fit and why, exit code 1.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from regietafel.audit import keten
from regietafel.core.opmaak import getal


class Command(BaseCommand):
    help = "Historie: controleer of de historie ongeschonden is (de hashketen)."
    # System checks belong to `make test` and deploy, not to every run (issue 20 point 6):
    # they cost half a second of start-up.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="opdracht", required=True, metavar="{controleren}")
        sub.add_parser(
            "controleren",
            help="Controleer de hashketen van de historie en noem de eerste gebroken regel.",
        )

    def handle(self, *args: Any, opdracht: str = "", **options: Any) -> None:
        uitkomst = keten.controleer()
        if uitkomst.breuk is None:
            self.stdout.write(
                f"Historie in orde: {getal(uitkomst.aantal)} regels; kop: regel "
                f"{getal(uitkomst.kop_volgnummer)}, hash {uitkomst.kop_hash}."
            )
            return
        breuk = uitkomst.breuk
        plaats = f"regel {getal(breuk.volgnummer)}" if breuk.volgnummer else "de kop"
        self.stderr.write(
            f"Historie gebroken bij {plaats}: {breuk.reden}. "
            f"De {getal(uitkomst.aantal)} regels ervoor zijn in orde."
        )
        sys.exit(1)
