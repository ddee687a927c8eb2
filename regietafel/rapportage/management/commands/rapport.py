"""`regietafel rapport stand-van-zaken|verslag …`: write a report to a file.

Contract (issue 6):
    regietafel rapport stand-van-zaken --provincie NAAM --peildatum JJJJ-MM-DD [--bekend-op JJJJ-MM-DD] [--cyclus JAAR] --format pdf|docx|xlsx -o FILE
    regietafel rapport stand --landelijk --peildatum JJJJ-MM-DD [--cyclus JAAR] --format pdf|docx|xlsx --uitvoer FILE
        (``stand`` is ``stand-van-zaken``; ``--uitvoer`` is ``-o``; ``--landelijk`` instead of
        ``--provincie``: all provincies and their gemeenten)
    regietafel rapport verslag --provincie NAAM --cyclus 2024 --format pdf|docx -o FILE
An unknown provincie, a peildatum without figures or a cyclus without opgaven: one Dutch line
on stderr and exit code 2, no traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from regietafel.core.opmaak import datum_lang
from regietafel.rapportage import bouwen
from regietafel.rapportage.queries import GeenGegevens, zoek_cyclus, zoek_provincie
from regietafel.rapportage.stand_landelijk import landelijk_document
from regietafel.rapportage.uitvoer import NAMEN, genereer
from regietafel.rapportage.verslag import verslag_document


def _datum(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen datum (verwacht JJJJ-MM-DD)") from exc


def _jaar(tekst: str) -> int:
    if not (tekst.isascii() and tekst.isdigit()) or len(tekst) != 4:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen jaartal (verwacht bijvoorbeeld 2024)")
    return int(tekst)


def _schrijf(pad: Path, inhoud: bytes) -> None:
    """Write atomically: a half-written report never replaces a good one."""
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
    help = "Schrijf een rapport: de stand van zaken (PDF, Word, Excel) of het provinciaal verslag (PDF, Word)."
    # System checks belong to `make test` and deploy (`regietafel check --deploy`), not to
    # every run: they cost half a second of start-up.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(
            dest="rapport", required=True, metavar="{stand-van-zaken,verslag}"
        )
        stand = sub.add_parser(
            "stand-van-zaken",
            aliases=["stand"],
            help="Stand van zaken realisatie opgaven op een peildatum.",
        )
        gebied = stand.add_mutually_exclusive_group(required=True)
        gebied.add_argument(
            "--provincie",
            metavar="NAAM",
            help="Naam van de provincie, bijvoorbeeld Drenthe.",
        )
        gebied.add_argument(
            "--landelijk",
            action="store_true",
            help="Alle provincies en hun gemeenten (niet met --bekend-op).",
        )
        stand.add_argument("--peildatum", required=True, type=_datum, metavar="JJJJ-MM-DD")
        stand.add_argument(
            "--bekend-op",
            dest="bekend_op",
            type=_datum,
            metavar="JJJJ-MM-DD",
            help="De stand zoals die aan het eind van die dag bekend was.",
        )
        stand.add_argument(
            "--cyclus",
            type=_jaar,
            metavar="JAAR",
            help=(
                "Vergelijk regulier en AMV met de opgave van deze cyclus van de Spreidingswet "
                "(als die op de peildatum van toepassing is); standaard de cyclus in kracht."
            ),
        )
        stand.add_argument(
            "--format", dest="formaat", required=True, choices=("pdf", "docx", "xlsx")
        )
        stand.add_argument(
            "-o",
            "--output",
            "--uitvoer",
            dest="uitvoer",
            required=True,
            type=Path,
            metavar="BESTAND",
        )
        verslag = sub.add_parser(
            "verslag", help="Provinciaal verslag (Spreidingswet) van een cyclus."
        )
        verslag.add_argument(
            "--provincie",
            required=True,
            metavar="NAAM",
            help="Naam van de provincie, bijvoorbeeld Drenthe.",
        )
        verslag.add_argument(
            "--cyclus",
            required=True,
            type=_jaar,
            metavar="JAAR",
            help="Jaar van de cyclus, bijvoorbeeld 2024.",
        )
        verslag.add_argument("--format", dest="formaat", required=True, choices=("pdf", "docx"))
        verslag.add_argument(
            "-o", "--output", dest="uitvoer", required=True, type=Path, metavar="BESTAND"
        )

    def execute(self, *args: Any, **options: Any) -> Any:
        """From the command line a CommandError is one plain Dutch line on stderr (Django
        would prefix the class name); from call_command it is raised as usual."""
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if options.get("traceback") or not getattr(self, "_called_from_command_line", False):
                raise
            self.stderr.write(str(exc))
            sys.exit(exc.returncode)

    def handle(self, *args: Any, rapport: str, formaat: str, uitvoer: Path, **options: Any) -> None:
        try:
            if options.get("landelijk"):
                if options.get("bekend_op"):
                    raise GeenGegevens(
                        "--bekend-op kan niet samen met --landelijk: de landelijke stand van "
                        "zaken toont de cijfers zoals ze nu bekend zijn."
                    )
                document = landelijk_document(options["peildatum"], cyclus=options.get("cyclus"))
            elif rapport in ("stand-van-zaken", "stand"):
                provincie = zoek_provincie(options["provincie"])
                document = bouwen.stand_document(
                    provincie,
                    options["peildatum"],
                    bekend_op=options.get("bekend_op"),
                    cyclus=options.get("cyclus"),
                )
            else:
                provincie = zoek_provincie(options["provincie"])
                document = verslag_document(provincie, zoek_cyclus(provincie, options["cyclus"]))
        except GeenGegevens as exc:
            raise CommandError(str(exc), returncode=2) from exc
        inhoud, _ = genereer(document, formaat)
        try:
            _schrijf(uitvoer, inhoud)
        except OSError as exc:
            raise CommandError(
                f"Kan {uitvoer} niet schrijven: {exc.strerror or exc}.", returncode=2
            ) from exc
        self.stdout.write(
            f"{document.titel} ({document.provincie}, {document.kenmerk}, versie "
            f"{datum_lang(document.versie_datum)}) geschreven naar {uitvoer} "
            f"({NAMEN[formaat]}, {len(inhoud) // 1024} kB)."
        )
