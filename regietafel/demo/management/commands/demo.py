from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from regietafel.demo import cyclus, overleg, verzoeken, woo
from regietafel.demo.services import laad_drenthe, maak_demo_accounts


class Command(BaseCommand):
    help = "Laad demodata: `demo drenthe` (de Drentse cijfers uit de brondocumenten), `demo accounts`, `demo landelijk [--seed N]`."
    # System checks belong to `make test` and deploy (`regietafel check --deploy`), not to
    # every run: they cost half a second of start-up.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(
            dest="wat", required=True, metavar="{drenthe,accounts,landelijk}"
        )
        sub.add_parser(
            "drenthe",
            help="De 12 Drentse gemeenten met opgaven, realisatie, COA, Nidos en locaties.",
        )
        sub.add_parser("accounts", help="De demo-accounts (alleen voor `make run`).")
        landelijk = sub.add_parser(
            "landelijk",
            help="Bovenop Drenthe: een synthetische landelijke dataset (11 provincies, 330 gemeenten).",
        )
        landelijk.add_argument("--seed", type=int, default=2026, help="zaad (standaard 2026)")
        landelijk.add_argument(
            "--maanden", type=int, default=60, help="maandelijkse peildata (standaard 60)"
        )

    def handle(self, *args: Any, wat: str, **options: Any) -> None:
        if wat == "landelijk":
            from regietafel.demo.landelijk import laad

            if not 1 <= options["maanden"] <= 120:
                raise CommandError("--maanden moet tussen 1 en 120 liggen.", returncode=2)
            uitkomst = laad(zaad=options["seed"], maanden=options["maanden"])
            tweede = cyclus.laad_landelijk(None)
            uitkomst.wijzigingen.update(
                {f"{w} (tweede cyclus)": n for w, n in tweede.wijzigingen.items()}
            )
            regels = ", ".join(f"{n} {w}" for w, n in uitkomst.wijzigingen.items() if n)
            self.stdout.write(
                f"Landelijke demo (synthetisch, seed {options['seed']}) geladen in "
                f"{uitkomst.seconden:.1f} s: {regels}."
                if uitkomst.totaal
                else f"Landelijke demo: alles was al geladen ({uitkomst.seconden:.1f} s)."
            )
            return
        if wat == "drenthe":
            resultaat = laad_drenthe()
            if resultaat.totaal == 0:
                self.stdout.write("Demo Drenthe: cijfers waren al geladen, niets gewijzigd.")
            else:
                regels = ", ".join(f"{n} {wat}" for wat, n in resultaat.wijzigingen.items() if n)
                self.stdout.write(f"Demo Drenthe geladen: {regels}.")
            self._laad_gebieden()
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
            # The Woo demo is written by the secretariaat (only it may), which exists from now on.
            woo.laad(None)

    def _laad_gebieden(self) -> None:
        """The demo of each area on top of the figures (each idempotent, through its services):
        the noodopvang request, nareizigers and toezicht; the meetings of 19-11-2025 and
        5-2-2026 with their letters; the Woo-besluit when the secretariaat account exists."""
        verzoeken.laad(None)
        overleg.laad(None)
        woo.laad(None)
        self.stdout.write("Demo verzoeken, toezicht, overleg en Woo: geladen of al aanwezig.")
        tweede = cyclus.laad_drenthe(None)
        if tweede.totaal:  # a second load adds nothing and says nothing more
            regels = ", ".join(f"{n} {w}" for w, n in tweede.wijzigingen.items() if n)
            self.stdout.write(f"Demo tweede cyclus (2026, illustratief) geladen: {regels}.")
