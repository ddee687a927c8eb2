"""``regietafel bonus --provincie NAAM --cyclus 2024 --format json|tabel``: the bonus schemes (R6).

Contract (issue 8): JSON on stdout, all amounts in whole euros,
    {"spuk1": {"totaal": int, "gemeenten": {naam: int}},
     "spuk2": {"totaal": int, "gemeenten": {naam: int}},
     "spuk3": {"totaal": int, "gemeenten": {naam: int}},
     "totaal": int}
Every gemeente of the provincie is listed under each scheme (0 when it claims nothing), so
each "totaal" is the sum of its gemeenten. SPUK 1 and SPUK 3 do not stack: a gemeente's
amount appears under the scheme chosen for it. "totaal" is what the gemeenten claim together
(SPUK 1 + 2 + 3); the provincie's own SPUK 3 amount is not in it.

The numbers come from the provinciaal verslag (``rapportage.queries.verslag``): the same
computation as the report, never a second one. An unknown provincie or a cyclus without
opgaven or without configured bonus amounts: a Dutch message on stderr and exit 2.
"""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser

from regietafel.core.opmaak import euro, getal
from regietafel.domain.bonus import BonusOverzicht
from regietafel.rapportage.queries import GeenGegevens, verslag, zoek_cyclus, zoek_provincie


def als_json(b: BonusOverzicht) -> dict[str, Any]:
    def regeling(bedragen: dict[str, int]) -> dict[str, Any]:
        return {"totaal": sum(bedragen.values()), "gemeenten": bedragen}

    spuk1 = regeling({a.naam: a.spuk1_gekozen for a in b.aanspraken})
    spuk2 = regeling({a.naam: a.spuk2_bedrag for a in b.aanspraken})
    spuk3 = regeling({a.naam: a.spuk3_gekozen for a in b.aanspraken})
    return {
        "spuk1": spuk1,
        "spuk2": spuk2,
        "spuk3": spuk3,
        "totaal": spuk1["totaal"] + spuk2["totaal"] + spuk3["totaal"],
    }


def als_tabel(b: BonusOverzicht, titel: str) -> str:
    kop = ("Gemeente", "SPUK 1", "SPUK 2", "SPUK 3", "Totaal", "Keuze")
    rijen = [
        (
            a.naam,
            euro(a.spuk1_gekozen),
            euro(a.spuk2_bedrag),
            euro(a.spuk3_gekozen),
            euro(a.totaal),
            f"{a.keuze}: {a.toelichting}",
        )
        for a in b.aanspraken
    ]
    rijen.append(("Totaal", euro(b.spuk1), euro(b.spuk2), euro(b.spuk3), euro(b.gemeenten), ""))
    breedtes = [max(len(k), *(len(r[i]) for r in rijen)) for i, k in enumerate(kop)]

    def regel(cellen: tuple[str, ...]) -> str:
        return "  ".join(
            cel.ljust(w) if i in (0, 5) else cel.rjust(w)
            for i, (cel, w) in enumerate(zip(cellen, breedtes, strict=True))
        ).rstrip()

    uit = [titel, "", regel(kop), regel(tuple("-" * w for w in breedtes))]
    uit += [regel(r) for r in rijen]
    uit.append("")
    uit.append(
        f"Provincie (SPUK 3, eigen bedrag): {euro(b.provincie)}. "
        f"Ingevuld {getal(b.ingevuld)} van {getal(b.provinciale_opgave)} plekken."
    )
    uit += list(b.meldingen)
    return "\n".join(uit) + "\n"


class Command(BaseCommand):
    help = "Aanspraken op de bonusregelingen (SPUK 1, 2 en 3) per gemeente in een cyclus."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--provincie", required=True, metavar="NAAM", help="bijv. Drenthe")
        parser.add_argument("--cyclus", required=True, metavar="JAAR", help="bijv. 2024")
        parser.add_argument("--format", dest="formaat", choices=("json", "tabel"), default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        jaar = str(options["cyclus"]).strip()
        if not (jaar.isascii() and jaar.isdigit() and len(jaar) == 4):
            self._stop(f"‘{jaar}’ is geen jaartal van een cyclus: verwacht bijvoorbeeld 2024.")
        try:
            provincie = zoek_provincie(str(options["provincie"]))
            cyclus = zoek_cyclus(provincie, int(jaar))
        except GeenGegevens as fout:
            self._stop(str(fout))
        v = verslag(provincie, cyclus)
        if v.bonus is None:
            self._stop(
                f"voor {provincie} zijn in de cyclus {jaar} geen bedragen van de "
                f"bonusregelingen vastgelegd (beheer: bonusregelingen)."
            )
        if options["formaat"] == "tabel":
            titel = f"Bonusregelingen {provincie}, {cyclus.naam} (bedragen in euro)"
            self.stdout.write(als_tabel(v.bonus, titel), ending="")
        else:
            self.stdout.write(json.dumps(als_json(v.bonus), ensure_ascii=False, indent=2))

    def _stop(self, melding: str) -> NoReturn:
        self.stderr.write(f"bonus: {melding}")
        sys.exit(2)
