"""``regietafel taken opruimen``: the sweep of the background jobs, for cron where no Celery
beat runs (it also runs every five minutes from beat)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Achtergrondtaken: opruimen (vastgelopen en oude taken)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True)
        sub.add_parser(
            "opruimen",
            help="Markeer vastgelopen en nooit opgepakte taken als mislukt; verwijder oude taken.",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        from regietafel.taken.services import ruim_op

        uitkomst = ruim_op()
        self.stdout.write(
            f"Vastgelopen: {uitkomst['vastgelopen']}, niet opgepakt: {uitkomst['niet_opgepakt']}, "
            f"verwijderd: {uitkomst['verwijderd']}."
        )
