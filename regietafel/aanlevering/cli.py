"""Shared pieces of the `import` and `export` commands."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any, NoReturn


def datum_argument(waarde: str) -> dt.date:
    """An argparse type: JJJJ-MM-DD, with a Dutch message when it is not."""
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"„{waarde}” is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-11-01."
        ) from None


# --- `regietafel import inwoners BESTAND` (CBS StatLine 03759ned, CSV) -------------------
# Hooked into the import command with ``inwoners_parser(sub)`` in add_arguments and
# ``if soort == "inwoners": return inwoners_uitvoeren(self, bestand, dry_run)`` in handle.

INWONERS_HULP = (
    "Inwoners per gemeente op 1 januari: een CSV-export van CBS StatLine 03759ned "
    '(;-gescheiden, met de kolommen "Perioden";"Regio\'s";"Bevolking op 1 januari (aantal)").'
)


def inwoners_parser(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "inwoners", help=INWONERS_HULP, description=INWONERS_HULP
    )
    p.add_argument("bestand", help="de CSV-export van StatLine")
    p.add_argument(
        "--dry-run", action="store_true", help="laat zien wat er zou veranderen, maar sla niets op"
    )
    return p


def inwoners_uitvoeren(command: Any, bestand: str, dry_run: bool) -> None:
    """Run the import for a management command: exit 2 with the Dutch errors on stderr."""
    from regietafel.gemeenten.services import importeer_inwoners

    pad = Path(bestand)
    if not pad.is_file():
        command.stderr.write(f"{bestand}: bestand niet gevonden.")
        sys.exit(2)
    uit = importeer_inwoners(pad, door=None, dry_run=dry_run)
    if uit.fouten:
        for regel in uit.fouten:
            command.stderr.write(regel)
        command.stderr.write(f"{len(uit.fouten)} fout(en); er is niets opgeslagen.")
        sys.exit(2)
    jaren = sorted({r.jaar for r in uit.rijen})
    command.stdout.write(
        f"{'Proefimport (niets opgeslagen)' if dry_run else 'Geïmporteerd'}: {uit.bestandsnaam}, "
        f"{len(uit.rijen)} inwonertallen ({', '.join(map(str, jaren))}): {uit.nieuw} nieuw, "
        f"{uit.gewijzigd} gewijzigd, {uit.ongewijzigd} ongewijzigd."
    )


# --- `regietafel import indicatief|verdeelbesluit BESTAND --cyclus JAAR …` --------------
# The minister's numbers of a Spreidingswet cyclus (aanlevering.services, read by
# aanlevering.cyclusimport). Hooked into the import command with ``cyclus_parsers(sub)`` and
# ``cyclus_uitvoeren(self, soort, options)``.

INDICATIEF_HULP = (
    "De indicatieve verdeling van de minister: CSV (; of ,) of XLSX met de kolommen cbs_code, "
    "gemeente, regulier, amv (een CBS-code of een naam volstaat)."
)
VERDEELBESLUIT_HULP = (
    "Het verdeelbesluit van een provincie (Tabel 1): gemeente (of cbs_code), amv, regulier, "
    "totaal (= regulier + amv); CSV of XLSX."
)


def _jaar(waarde: str) -> int:
    if not (waarde.isascii() and waarde.isdigit()) or len(waarde) != 4:
        raise argparse.ArgumentTypeError(f"„{waarde}” is geen jaartal; schrijf bijvoorbeeld 2026.")
    return int(waarde)


def cyclus_parsers(sub: Any) -> None:
    for soort, hulp in (("indicatief", INDICATIEF_HULP), ("verdeelbesluit", VERDEELBESLUIT_HULP)):
        p = sub.add_parser(soort, help=hulp, description=hulp)
        p.add_argument("bestand", help="het bestand (.csv of .xlsx)")
        p.add_argument(
            "--cyclus", required=True, type=_jaar, metavar="JAAR", help="bijvoorbeeld 2026"
        )
        if soort == "verdeelbesluit":
            p.add_argument(
                "--provincie", required=True, metavar="NAAM", help="bijvoorbeeld Drenthe"
            )
            p.add_argument(
                "--geldig-vanaf",
                type=datum_argument,
                metavar="JJJJ-MM-DD",
                help="de dag waarop het besluit ingaat (standaard: vandaag)",
            )
        p.add_argument(
            "--dry-run",
            action="store_true",
            help="laat zien wat er zou veranderen, maar sla niets op",
        )


def _stop(command: Any, melding: str) -> NoReturn:
    command.stderr.write(melding)
    sys.exit(2)


def cyclus_uitvoeren(command: Any, soort: str, bestand: str, options: dict[str, Any]) -> None:
    """Run ``import indicatief|verdeelbesluit``: exit 2 with the Dutch errors on stderr."""
    from regietafel.aanlevering.services import importeer_indicatief, importeer_verdeelbesluit
    from regietafel.aanlevering.weergave import fout_regels, samenvatting_regels
    from regietafel.gemeenten.models import Provincie
    from regietafel.opgaven.models import Cyclus, CyclusSoort

    cyclus = Cyclus.objects.filter(soort=CyclusSoort.SPREIDINGSWET, jaar=options["cyclus"]).first()
    if cyclus is None:
        bekend = ", ".join(
            str(j)
            for j in Cyclus.objects.filter(soort=CyclusSoort.SPREIDINGSWET)
            .order_by("jaar")
            .values_list("jaar", flat=True)
        )
        _stop(
            command,
            f"Onbekende cyclus {options['cyclus']}. Cycli van de Spreidingswet: {bekend or 'geen'}.",
        )
    pad = Path(bestand)
    if soort == "indicatief":
        samenvatting = importeer_indicatief(
            pad, door=None, cyclus=cyclus, dry_run=options["dry_run"], bestandsnaam=pad.name
        )
    else:
        provincie = Provincie.objects.filter(naam__iexact=options["provincie"].strip()).first()
        if provincie is None:
            bekend = ", ".join(Provincie.objects.values_list("naam", flat=True))
            _stop(
                command,
                f"Onbekende provincie {options['provincie']!r}. Bekende provincies: {bekend}.",
            )
        samenvatting = importeer_verdeelbesluit(
            pad,
            door=None,
            cyclus=cyclus,
            provincie=provincie,
            geldig_vanaf=options.get("geldig_vanaf"),
            dry_run=options["dry_run"],
            bestandsnaam=pad.name,
        )
    if samenvatting.fouten:
        for regel in fout_regels(samenvatting):
            command.stderr.write(regel)
        sys.exit(2)
    for regel in samenvatting_regels(samenvatting):
        command.stdout.write(regel)
