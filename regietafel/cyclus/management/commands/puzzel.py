"""``regietafel puzzel --provincie P --cyclus C [--format json|tabel]``: the PUZZEL of a cyclus.

Per gemeente indicatief, aanbod (regulier, AMV; of which durable, counting and kansrijk),
verschil and whether it handed in; per provincie the coverage and the verdict *volledig en
uitvoerbaar?* with its reasons; and what the minister would add by R3 if the verslag went
out as it stands (``aanvulling``: exactly the output of ``regietafel verdeel``). JSON (the
default) or a Dutch table on stdout, exit 0; an unknown provincie or cyclus: one Dutch line
on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from regietafel.cyclus.queries import CyclusOnbekend, puzzel_van, zoek_cyclus
from regietafel.cyclus.uitvoer import puzzel_json, puzzel_tabel
from regietafel.gemeenten.models import Provincie


def _jaar(tekst: str) -> int:
    if not (tekst.isascii() and tekst.isdigit()) or len(tekst) != 4:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen jaartal (verwacht bijvoorbeeld 2026)")
    return int(tekst)


class Command(BaseCommand):
    help = (
        "De PUZZEL van een cyclus: per gemeente indicatief, aanbod en verschil, het oordeel "
        "'volledig en uitvoerbaar' met de redenen, en wat de minister zou aanvullen (de methode van "
        "het verdeelbesluit)."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--provincie", required=True, metavar="NAAM", help="bijvoorbeeld Drenthe"
        )
        parser.add_argument(
            "--cyclus", required=True, type=_jaar, metavar="JAAR", help="bijvoorbeeld 2026"
        )
        parser.add_argument(
            "--format",
            dest="formaat",
            choices=("json", "tabel"),
            default="json",
            help="json (standaard) of tabel: een leesbare tabel in platte tekst",
        )

    def execute(self, *args: Any, **options: Any) -> Any:
        """From the command line a CommandError is one plain Dutch line on stderr."""
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if options.get("traceback") or not getattr(self, "_called_from_command_line", False):
                raise
            self.stderr.write(str(exc))
            sys.exit(exc.returncode)

    def handle(self, *args: Any, provincie: str, cyclus: int, formaat: str, **options: Any) -> None:
        gevonden = Provincie.objects.filter(naam__iexact=provincie.strip()).first()
        if gevonden is None:
            bekend = ", ".join(Provincie.objects.values_list("naam", flat=True)) or "geen"
            raise CommandError(
                f"Onbekende provincie {provincie!r}. Bekende provincies: {bekend}.", returncode=2
            )
        try:
            c = zoek_cyclus(cyclus)
        except CyclusOnbekend as exc:
            raise CommandError(str(exc), returncode=2) from exc
        p = puzzel_van(gevonden, c)
        if formaat == "tabel":
            self.stdout.write(puzzel_tabel(p), ending="")
        else:
            self.stdout.write(json.dumps(puzzel_json(p), ensure_ascii=False, indent=2))
