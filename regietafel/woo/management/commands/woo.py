"""`regietafel woo lakken INPUT --uitvoer OUT.pdf [--titel T] [--json]`: redact without review.

Contract (issue 9, issue 17):
    regietafel woo lakken INPUT --uitvoer OUT.pdf [--titel TITEL] [--json]
INPUT is a .txt, .docx or .pdf file. Every proposal (R10: names with deduce, e-mail addresses,
phone numbers, IBAN, BSN, addresses with or without postcode, dates of birth; office holders
excepted) is applied and the redacted PDF is written to OUT.pdf. Its title (heading, footer,
PDF metadata) is TITEL, default "Woo-document" — never the input's file name, which may name
a person ("bezwaar Karin de Boer.docx"); a TITEL with personal data is refused. With --json, stdout is a JSON list of the applied redactions:
``[{"tekst": str, "soort": str, "grond": str}]``. A missing or unreadable file: one Dutch
line on stderr and exit code 2; nothing is written.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from regietafel.woo import detectie, export
from regietafel.woo.tekst import OnleesbaarBestand, uit_bestand

STANDAARD_TITEL = "Woo-document"


def _schrijf(pad: Path, inhoud: bytes) -> None:
    """Write atomically: a half-written PDF never replaces a good one."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = "Woo-publicatie: lak persoonsgegevens in een document (zonder beoordeling)."
    # System checks belong to `make test` and deploy (`regietafel check --deploy`), not to
    # every run: they cost half a second of start-up.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="opdracht", required=True, metavar="{lakken}")
        lakken = sub.add_parser(
            "lakken",
            help="Pas alle voorstellen toe en schrijf de gelakte PDF.",
        )
        lakken.add_argument("invoer", type=Path, metavar="INPUT", help=".txt, .docx of .pdf")
        lakken.add_argument(
            "--uitvoer", required=True, type=Path, metavar="OUT.pdf", help="De gelakte PDF."
        )
        lakken.add_argument(
            "--titel",
            default=STANDAARD_TITEL,
            metavar="TITEL",
            help=f"De titel in de PDF (kop, voettekst, metadata); standaard „{STANDAARD_TITEL}”. "
            "De bestandsnaam wordt nooit gebruikt.",
        )
        lakken.add_argument(
            "--json",
            action="store_true",
            dest="als_json",
            help='Schrijf de toegepaste lakken als JSON: [{"tekst", "soort", "grond"}].',
        )

    def execute(self, *args: Any, **options: Any) -> Any:
        """From the command line a CommandError is one plain Dutch line on stderr and exit 2."""
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if options.get("traceback") or not getattr(self, "_called_from_command_line", False):
                raise
            self.stderr.write(str(exc))
            sys.exit(exc.returncode)

    def handle(
        self, *args: Any, invoer: Path, uitvoer: Path, titel: str, als_json: bool, **opts: Any
    ) -> None:
        # The arguments first, the name detection (deduce: seconds to load) last: a missing
        # or unreadable file is told at once.
        if not invoer.is_file():
            raise CommandError(f"Bestand {invoer} bestaat niet.", returncode=2)
        if uitvoer.is_dir():
            raise CommandError(f"{uitvoer} is een map, geen bestand.", returncode=2)
        try:
            tekst = uit_bestand(invoer.name, invoer.read_bytes())
        except OnleesbaarBestand as exc:
            raise CommandError(str(exc), returncode=2) from exc
        except OSError as exc:
            raise CommandError(
                f"Kan {invoer} niet lezen: {exc.strerror or exc}.", returncode=2
            ) from exc
        try:
            titel = detectie.controleer_titel(titel)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from exc
        lakken = detectie.voorstellen(tekst)
        publicatie = export.Publicatie.van(nummer=1, titel=titel, tekst=tekst, lakken=lakken)
        inhoud = export.pdf([publicatie], titel=titel)
        try:
            _schrijf(uitvoer, inhoud)
        except OSError as exc:
            raise CommandError(
                f"Kan {uitvoer} niet schrijven: {exc.strerror or exc}.", returncode=2
            ) from exc
        if als_json:
            self.stdout.write(
                json.dumps(
                    [{"tekst": v.tekst, "soort": v.soort, "grond": v.grond} for v in lakken],
                    ensure_ascii=False,
                )
            )
        else:
            self.stdout.write(
                f"{len(lakken)} lakken toegepast; gelakte PDF geschreven naar {uitvoer} "
                f"({len(inhoud) // 1024} kB)."
            )
