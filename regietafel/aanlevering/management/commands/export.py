from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from regietafel.aanlevering.cli import datum_argument
from regietafel.aanlevering.export import EXPORTS, FORMATEN, ExportFout, als_csv, als_xlsx


class Command(BaseCommand):
    help = (
        "Exporteer cijfers van een provincie op een opgeslagen peildatum: `export statushouders` "
        "(COA-overzicht) of `export stand` (opgave, realisatie en verschil per soort; met "
        "--bekend-op JJJJ-MM-DD zoals die stand op die dag bekend was). "
        "JSON en CSV naar stdout (of -o), XLSX alleen met -o BESTAND."
    )
    # System checks belong to `make test` and deploy (`regietafel check --deploy`), not to
    # every run: they cost half a second of start-up.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="wat", required=True, metavar="{statushouders,stand}")
        omschrijving = {
            "statushouders": "Huisvesting vergunninghouders per gemeente (COA-overzicht).",
            "stand": "Opgave, realisatie en verschil per gemeente en soort.",
        }
        for wat, hulp in omschrijving.items():
            p = sub.add_parser(wat, help=hulp, description=hulp)
            p.add_argument("--provincie", required=True, help="bijvoorbeeld Drenthe")
            p.add_argument("--peildatum", required=True, type=datum_argument, help="JJJJ-MM-DD")
            p.add_argument("--format", choices=FORMATEN, default="json", dest="formaat")
            p.add_argument("-o", "--output", help="schrijf naar dit bestand in plaats van stdout")
            if wat == "stand":
                p.add_argument(
                    "--bekend-op",
                    type=datum_argument,
                    dest="bekend_op",
                    help="JJJJ-MM-DD: de stand zoals die aan het eind van die dag bekend was",
                )

    def _stop(self, melding: str) -> None:
        self.stderr.write(melding)
        sys.exit(2)

    def handle(self, *args: Any, wat: str, formaat: str, **options: Any) -> None:
        uitvoer = options.get("output")
        if formaat == "xlsx" and not uitvoer:
            self._stop("Een Excel-bestand gaat niet naar het scherm: geef -o BESTAND.xlsx op.")
        try:
            extra = {"bekend_op": options["bekend_op"]} if options.get("bekend_op") else {}
            tabel = EXPORTS[wat](options["provincie"], options["peildatum"], **extra)
        except ExportFout as exc:
            self._stop(str(exc))
            return
        if formaat == "xlsx":
            inhoud: bytes | str = als_xlsx(tabel)
        elif formaat == "csv":
            inhoud = als_csv(tabel)
        else:
            inhoud = json.dumps(tabel.json, ensure_ascii=False, indent=2) + "\n"
        if not uitvoer:
            assert isinstance(inhoud, str)
            self.stdout.write(inhoud, ending="")
            return
        pad = Path(uitvoer)
        try:
            if isinstance(inhoud, bytes):
                pad.write_bytes(inhoud)
            else:
                pad.write_text(inhoud, encoding="utf-8")
        except OSError as exc:
            self._stop(f"Kan {pad} niet schrijven: {exc.strerror or exc}.")
        self.stderr.write(f"Geschreven: {pad} ({len(tabel.rijen)} gemeenten).")
