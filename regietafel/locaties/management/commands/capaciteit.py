"""``regietafel capaciteit --provincie NAAM --van JJJJ-MM --maanden N --format json|tabel``.

Contract (issue 8): JSON on stdout
    {"provincie": str,
     "maanden": [{"maand": "JJJJ-MM", "regulier": int, "amv": int, "oekraine": int, "overig": int}],
     "aflopend": [{"locatie": str, "gemeente": str, "tot": "JJJJ-MM-DD", "plaatsen": int}]}
``aflopend``: the contracts that end within the window. ``--format tabel``: a Dutch table.
An unknown provincie, a month that is no JJJJ-MM or N < 1: a Dutch message on stderr, exit 2.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser

from regietafel.core import opmaak
from regietafel.gemeenten.models import Provincie
from regietafel.locaties.forms import lees_maand
from regietafel.locaties.queries import Capaciteit, capaciteit

MAX_MAANDEN = 1200


class Command(BaseCommand):
    help = (
        "Capaciteit per soort per maand volgens de contracten van de locaties, met de "
        "contracten die in die periode aflopen."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--provincie", required=True, metavar="NAAM", help="bijv. Drenthe")
        parser.add_argument("--van", required=True, metavar="JJJJ-MM", help="eerste maand")
        parser.add_argument(
            "--maanden", required=True, metavar="N", help="aantal maanden (ten minste 1)"
        )
        parser.add_argument("--format", dest="formaat", choices=("json", "tabel"), default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        naam = str(options["provincie"]).strip()
        provincie = Provincie.objects.filter(naam__iexact=naam).first()
        if provincie is None:
            bekend = ", ".join(Provincie.objects.values_list("naam", flat=True)) or "geen"
            self._stop(f"onbekende provincie ‘{naam}’. Bekende provincies: {bekend}.")
        van = lees_maand(str(options["van"]))
        if van is None:
            self._stop(f"‘{options['van']}’ is geen maand: verwacht JJJJ-MM, bijv. 2025-11.")
        tekst = str(options["maanden"]).strip()
        if not re.fullmatch(r"-?[0-9]+", tekst):
            self._stop(
                f"‘{tekst}’ is geen aantal maanden: verwacht een geheel getal van 1 of meer."
            )
        aantal = int(tekst)
        if not 1 <= aantal <= MAX_MAANDEN:
            self._stop(f"het aantal maanden moet tussen 1 en {MAX_MAANDEN} liggen, niet {aantal}.")
        c = capaciteit(provincie, van, aantal)
        if options["formaat"] == "tabel":
            self.stdout.write(tabel(c), ending="")
        else:
            self.stdout.write(json.dumps(c.als_json(), ensure_ascii=False, indent=2))

    def _stop(self, melding: str) -> NoReturn:
        self.stderr.write(f"capaciteit: {melding}")
        sys.exit(2)


def tabel(c: Capaciteit) -> str:
    """The projection as a plain Dutch table (numbers as 1.000)."""
    kop = ("Maand", "Regulier", "AMV", "Oekraïne", "Overig", "Totaal")
    rijen = [
        (
            opmaak.maand(m.maand),
            *(
                opmaak.getal(getattr(m.plaatsen, s))
                for s in ("regulier", "amv", "oekraine", "overig")
            ),
            opmaak.getal(m.plaatsen.totaal),
        )
        for m in c.maanden
    ]
    breedtes = [max(len(k), *(len(r[i]) for r in rijen)) for i, k in enumerate(kop)]

    def regel(cellen: tuple[str, ...]) -> str:
        return "  ".join(
            cel.ljust(b) if i == 0 else cel.rjust(b)
            for i, (cel, b) in enumerate(zip(cellen, breedtes, strict=True))
        ).rstrip()

    uit = [
        f"Capaciteit {c.naam}: plaatsen per maand volgens de contracten, "
        f"{opmaak.maand(c.van)} tot {opmaak.maand(c.tot)}",
        "",
        regel(kop),
        regel(tuple("-" * b for b in breedtes)),
        *(regel(r) for r in rijen),
        "",
    ]
    if c.aflopend:
        uit.append("Contracten die in deze periode aflopen:")
        for a in c.aflopend:
            uit.append(
                f"  {opmaak.datum(a.tot)}  {a.locatie.naam} ({a.locatie.gemeente.naam}): "
                f"{opmaak.getal(a.plaatsen)} plaatsen"
            )
    else:
        uit.append("In deze periode loopt geen contract af.")
    return "\n".join(uit) + "\n"
