from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from regietafel.aanlevering.cli import (
    cyclus_parsers,
    cyclus_uitvoeren,
    datum_argument,
    inwoners_parser,
    inwoners_uitvoeren,
)
from regietafel.aanlevering.services import importeer
from regietafel.aanlevering.weergave import fout_regels, samenvatting_regels


class Command(BaseCommand):
    help = (
        "Importeer een aanlevering: `import coa BESTAND`, `import nidos BESTAND --peildatum "
        "JJJJ-MM-DD`, `import realisatie BESTAND`, `import inwoners BESTAND` (CBS StatLine 03759ned, "
        "CSV), `import indicatief BESTAND --cyclus JAAR`, `import verdeelbesluit BESTAND --cyclus "
        "JAAR --provincie NAAM [--geldig-vanaf JJJJ-MM-DD]`. Met --dry-run wordt niets opgeslagen. "
        "Exit 2 met de foutenlijst bij een ongeldig bestand; dan wordt niets opgeslagen."
    )
    # System checks belong to `make test` and deploy (`regietafel check --deploy`), not to
    # every run: they cost half a second of start-up.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(
            dest="soort",
            required=True,
            metavar="{coa,nidos,realisatie,inwoners,indicatief,verdeelbesluit}",
        )
        omschrijving = {
            "coa": "COA-overzicht huisvesting vergunninghouders (.xlsx of .csv).",
            "nidos": "Nidos-factsheet: gemeente, gerealiseerd, taakstelling (.xlsx of .csv).",
            "realisatie": "Realisatie per gemeente, soort en peildatum (.xlsx of .csv).",
        }
        for soort, hulp in omschrijving.items():
            p = sub.add_parser(soort, help=hulp, description=hulp)
            p.add_argument("bestand", help="het aan te leveren bestand")
            if soort == "nidos":
                p.add_argument(
                    "--peildatum",
                    type=datum_argument,
                    required=True,
                    help="de datum van de factsheet (JJJJ-MM-DD), bijvoorbeeld 2025-11-03",
                )
            p.add_argument(
                "--dry-run",
                action="store_true",
                help="laat zien wat er zou veranderen, maar sla niets op",
            )
        inwoners_parser(sub)
        cyclus_parsers(sub)

    def handle(self, *args: Any, soort: str, bestand: str, dry_run: bool, **options: Any) -> None:
        if soort == "inwoners":
            return inwoners_uitvoeren(self, bestand, dry_run)
        if soort in ("indicatief", "verdeelbesluit"):
            return cyclus_uitvoeren(self, soort, bestand, {"dry_run": dry_run, **options})
        samenvatting = importeer(
            soort,
            Path(bestand),
            door=None,
            dry_run=dry_run,
            bestandsnaam=Path(bestand).name,
            peildatum=options.get("peildatum"),
        )
        if samenvatting.fouten:
            for regel in fout_regels(samenvatting):
                self.stderr.write(regel)
            sys.exit(2)
        for regel in samenvatting_regels(samenvatting):
            self.stdout.write(regel)
