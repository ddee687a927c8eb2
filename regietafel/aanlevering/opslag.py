"""Uploaded files between preview and confirmation: aanlevering/<sha256>.<ext>.

The confirmation refers to a file by its checksum only (``core.opslag``: the path is built
from a checked checksum and extension, never taken from the client, and the content is
hashed again before it is imported).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

from regietafel.core.opslag import Bestandsmap, extensie

__all__ = [
    "BEWAARTERMIJN",
    "EXTENSIES",
    "GEEN_EXTENSIE",
    "bestandsnaam",
    "bewaar",
    "extensie",
    "lees",
    "naam_fout",
    "verwijder",
]

EXTENSIES = frozenset({"xlsx", "xlsm", "csv", "txt"})
BEWAARTERMIJN = 24 * 3600
"""Previews not confirmed within a day are removed at the next upload."""
MAP = Bestandsmap("aanlevering", EXTENSIES, opruimen_na=BEWAARTERMIJN)
bewaar, lees, verwijder = MAP.bewaar, MAP.lees, MAP.verwijder

MAX_NAAM = 200
GEEN_EXTENSIE = (
    "De bestandsnaam heeft geen extensie: lever een Excel-werkmap (.xlsx) of een CSV-bestand "
    "(.csv) aan."
)
_BESTURING = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def bestandsnaam(naam: str) -> str:
    """The name of an uploaded file as it is kept: without folders (also a Windows path),
    control characters as spaces, at most 200 characters (the extension kept)."""
    kaal = PureWindowsPath(PurePosixPath(naam or "").name).name
    kaal = " ".join(_BESTURING.sub(" ", kaal).split())
    if len(kaal) > MAX_NAAM:
        ext = extensie(kaal)
        staart = f".{ext}" if ext and len(ext) < 10 else ""
        kaal = kaal[: MAX_NAAM - len(staart)] + staart
    return kaal


def naam_fout(naam: str) -> str | None:
    """A Dutch message when ``naam`` is not the name of a file this page takes (its
    extension, on the real name of the upload); None when it is."""
    ext = extensie(naam)
    if ext == "xls":
        return (
            "Dit is het oude Excel-formaat (.xls). Sla het bestand in Excel op als "
            "Excel-werkmap (.xlsx) en lever het opnieuw aan."
        )
    if not ext:
        return GEEN_EXTENSIE
    if ext not in EXTENSIES or not naam.rsplit(".", 1)[0].strip():
        return "Lever een Excel-werkmap (.xlsx) of een CSV-bestand (.csv) aan."
    return None
