"""Previews between upload and confirmation, kept with the user's session.

The preview page stores the upload (``opslag``) and remembers here what it showed: the kind,
the file's own name and extension, the peildatum. The confirmation names the file by its
checksum only and imports what was remembered — a client cannot rename the file, change its
kind or confirm another user's preview. At most ``MAX`` previews per session, the oldest
forgotten first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from regietafel.aanlevering.models import AanleverSoort

SLEUTEL = "aanlevering_voorbeelden"
MAX = 10


@dataclass(frozen=True)
class Voorbeeld:
    checksum: str
    soort: str
    extensie: str
    bestandsnaam: str
    peildatum: dt.date | None = None
    veranderingen: int = 0
    """New and changed figures of the preview: a large confirmation runs as a job."""

    def als_sessie(self) -> dict[str, str | int]:
        return {
            "veranderingen": self.veranderingen,
            "soort": self.soort,
            "extensie": self.extensie,
            "bestandsnaam": self.bestandsnaam,
            "peildatum": self.peildatum.isoformat() if self.peildatum else "",
        }


def onthoud(sessie: MutableMapping[str, Any], voorbeeld: Voorbeeld) -> None:
    voorbeelden = dict(sessie.get(SLEUTEL, {}))
    voorbeelden.pop(voorbeeld.checksum, None)
    voorbeelden[voorbeeld.checksum] = voorbeeld.als_sessie()
    sessie[SLEUTEL] = dict(list(voorbeelden.items())[-MAX:])


def zoek(sessie: MutableMapping[str, Any], checksum: str) -> Voorbeeld | None:
    """The preview of ``checksum`` in this session; None if there is none (or it is damaged)."""
    waarden = sessie.get(SLEUTEL, {}).get(checksum)
    try:
        peildatum = waarden.get("peildatum") or None
        return Voorbeeld(
            checksum=checksum,
            soort=AanleverSoort(waarden["soort"]).value,
            extensie=str(waarden["extensie"]),
            bestandsnaam=str(waarden["bestandsnaam"]),
            peildatum=dt.date.fromisoformat(peildatum) if peildatum else None,
            veranderingen=int(waarden.get("veranderingen", 0)),
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def vergeet(sessie: MutableMapping[str, Any], checksum: str) -> None:
    voorbeelden = dict(sessie.get(SLEUTEL, {}))
    if voorbeelden.pop(checksum, None) is not None:
        sessie[SLEUTEL] = voorbeelden
