"""``regietafel verdeel CASE.json [--format json|tabel]``: complete a verdeelbesluit (R3).

JSON in (a file, or ``-`` for stdin), JSON or a Dutch table out on stdout, exit 0.
Unreadable or invalid input: Dutch messages on stderr, one per problem, and exit 2.
"""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser

from regietafel.domain.restopgave import verdeel_restopgave
from regietafel.verdeling.casus import CasusFout, lees_casus, uitkomst_json, uitkomst_tabel


class Command(BaseCommand):
    help = (
        "Vul een verdeelbesluit aan volgens de methode van de minister: verdeel de restopgave over de gemeenten. "
        "Leest een casus (JSON) en schrijft de verdeling met alle stappen."
    )
    requires_system_checks: list[str] = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("casus", help="pad naar de casus (JSON), of - om van stdin te lezen")
        parser.add_argument(
            "--format",
            choices=("json", "tabel"),
            default="json",
            help="json (standaard) of tabel: een leesbare tabel in platte tekst",
        )

    def handle(self, *args: Any, casus: str, format: str, **options: Any) -> None:
        tekst = self._lees(casus, options.get("stdin"))
        bron = "stdin" if casus == "-" else casus
        try:
            data = json.loads(tekst)
        except json.JSONDecodeError as fout:
            self._stop([f"{bron}: geen geldige JSON (regel {fout.lineno}, kolom {fout.colno})"])
        except RecursionError:
            self._stop([f"{bron}: geen geldige JSON (te diep genest)"])
        try:
            invoer = lees_casus(data)
        except CasusFout as fout:
            self._stop(fout.fouten)
        uitkomst = verdeel_restopgave(invoer)
        if format == "tabel":
            self.stdout.write(uitkomst_tabel(uitkomst), ending="")
        else:
            self.stdout.write(json.dumps(uitkomst_json(uitkomst), ensure_ascii=False, indent=2))

    def _lees(self, casus: str, stdin: Any) -> str:
        if casus == "-":
            bron = stdin if stdin is not None else sys.stdin
            try:
                return str(bron.read())
            except UnicodeDecodeError:
                self._stop(["stdin: de invoer is geen UTF-8-tekst"])
        try:
            with open(casus, encoding="utf-8") as bestand:
                return bestand.read()
        except FileNotFoundError:
            self._stop([f"{casus}: bestand niet gevonden"])
        except IsADirectoryError:
            self._stop([f"{casus}: is een map, geen bestand"])
        except UnicodeDecodeError:
            self._stop([f"{casus}: het bestand is geen UTF-8-tekst"])
        except OSError as fout:
            self._stop([f"{casus}: kan het bestand niet lezen ({fout.strerror or fout})"])

    def _stop(self, fouten: list[str]) -> NoReturn:
        for regel in fouten:
            self.stderr.write(f"verdeel: {regel}")
        sys.exit(2)
