"""Uploaded files between preview and confirmation: MEDIA_ROOT/aanlevering/<sha256>.<ext>.

The confirmation refers to a file by its checksum only; the path is built here from a
checked checksum and extension, never taken from the client, and the content is hashed
again before it is imported.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from django.conf import settings

from regietafel.aanlevering.services import checksum

EXTENSIES = frozenset({"xlsx", "xlsm", "csv", "txt"})
BEWAARTERMIJN = 24 * 3600
"""Previews not confirmed within a day are removed at the next upload."""
_CHECKSUM = re.compile(r"[0-9a-f]{64}")


def map_() -> Path:
    return Path(settings.MEDIA_ROOT) / "aanlevering"


def extensie(bestandsnaam: str) -> str:
    return bestandsnaam.rsplit(".", 1)[-1].lower() if "." in bestandsnaam else ""


def _pad(som: str, ext: str) -> Path | None:
    if not _CHECKSUM.fullmatch(som) or ext not in EXTENSIES:
        return None
    return map_() / f"{som}.{ext}"


def bewaar(data: bytes, ext: str) -> str:
    """Keep ``data`` for the confirmation; returns its checksum."""
    som = checksum(data)
    pad = _pad(som, ext)
    if pad is None:
        raise ValueError(f"extensie {ext!r} wordt niet bewaard")
    pad.parent.mkdir(parents=True, exist_ok=True)
    _ruim_op(pad.parent)
    if not pad.exists():
        tijdelijk = pad.with_suffix(".deel")
        tijdelijk.write_bytes(data)
        tijdelijk.replace(pad)
    return som


def lees(som: str, ext: str) -> bytes | None:
    """The kept file with that checksum, if it is there and still has that checksum."""
    pad = _pad(som, ext)
    if pad is None or not pad.is_file():
        return None
    data = pad.read_bytes()
    return data if checksum(data) == som else None


def verwijder(som: str, ext: str) -> None:
    pad = _pad(som, ext)
    if pad is not None:
        pad.unlink(missing_ok=True)


def _ruim_op(map_pad: Path) -> None:
    grens = time.time() - BEWAARTERMIJN
    for oud in map_pad.iterdir():
        try:
            if oud.is_file() and oud.stat().st_mtime < grens:
                oud.unlink()
        except OSError:
            continue
