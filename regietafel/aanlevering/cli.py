"""Shared pieces of the `import` and `export` commands."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any


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
    from regietafel.gemeenten.inwoners import importeer_inwoners

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
