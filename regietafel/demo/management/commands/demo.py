from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from regietafel.demo.services import laad_drenthe, maak_demo_accounts


class Command(BaseCommand):
    help = (
        "Laad demodata: `demo drenthe` (de Drentse cijfers uit de brondocumenten), `demo accounts`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="wat", required=True, metavar="{drenthe,accounts}")
        sub.add_parser(
            "drenthe",
            help="De 12 Drentse gemeenten met opgaven, realisatie, COA, Nidos en locaties.",
        )
        sub.add_parser("accounts", help="De demo-accounts (alleen voor `make run`).")

    def handle(self, *args: Any, wat: str, **options: Any) -> None:
        if wat == "drenthe":
            resultaat = laad_drenthe()
            if resultaat.totaal == 0:
                self.stdout.write("Demo Drenthe: alles was al geladen, niets gewijzigd.")
            else:
                regels = ", ".join(f"{n} {wat}" for wat, n in resultaat.wijzigingen.items() if n)
                self.stdout.write(f"Demo Drenthe geladen: {regels}.")
        else:
            if not settings.DEMO_MODE:
                raise CommandError(
                    "Demo-accounts bestaan alleen in demomodus: zet REGIETAFEL_DEMO=true (dat doet `make run`)."
                )
            namen = maak_demo_accounts()
            self.stdout.write(
                f"Demo-accounts aangemaakt: {', '.join(namen)}."
                if namen
                else "Demo-accounts bestonden al."
            )
