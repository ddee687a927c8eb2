"""``regietafel herinneringen [--datum JJJJ-MM-DD]``: plan the day's reminders and summaries
(for cron where no Celery beat runs; beat runs the same every quarter of an hour). Running it
twice sends nothing twice. The worker sends the mail."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from django.core.management.base import CommandParser

from regietafel.core.commando import Commando


def _datum(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen datum (verwacht JJJJ-MM-DD)") from exc


class Command(Commando):
    help = (
        "Plan de herinneringen aan gemeenten en het dagelijkse overzicht voor het secretariaat "
        "(nooit twee keer dezelfde); de worker verstuurt ze."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--datum",
            type=_datum,
            metavar="JJJJ-MM-DD",
            help="Doe alsof het vandaag deze datum is (standaard: vandaag).",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        from regietafel.berichten.services import ruim_op
        from regietafel.core.opmaak import getal
        from regietafel.herinneringen.services import herinner

        opgeruimd = ruim_op()
        uitkomst = herinner(vandaag=opties.get("datum"))
        for regel in uitkomst.rondes:
            self.stdout.write(regel)
        self.stdout.write(
            f"Gepland: {getal(uitkomst.herinneringen)} herinneringen, "
            f"{getal(uitkomst.samenvattingen)} overzichten; opnieuw in de wachtrij: "
            f"{getal(opgeruimd['opnieuw'])}, mislukt na een gestopte worker: "
            f"{getal(opgeruimd['vastgelopen'])}; verwijderd na de bewaartermijn: "
            f"{getal(opgeruimd['verwijderd'])}."
        )
