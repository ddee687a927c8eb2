"""Attachments of meetings and letters: MEDIA_ROOT/overleg/<sha256>.<ext>.

A file is named by its checksum (the same content is stored once); the path is built from a
checked checksum and extension, never from a client's file name, and the content is hashed
again when it is read. Generated reports are stored the same way, so they do not change later.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from django.conf import settings

EXTENSIES = frozenset({"pdf", "docx", "xlsx", "txt", "csv", "odt", "pptx", "png", "jpg", "eml"})
MAX_GROOTTE = 25 * 1024 * 1024
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
    "eml": "message/rfc822",
}
_CHECKSUM = re.compile(r"[0-9a-f]{64}")


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def map_() -> Path:
    return Path(settings.MEDIA_ROOT) / "overleg"


def extensie(bestandsnaam: str) -> str:
    return bestandsnaam.rsplit(".", 1)[-1].lower() if "." in bestandsnaam else ""


def _pad(som: str, ext: str) -> Path | None:
    if not _CHECKSUM.fullmatch(som) or ext not in EXTENSIES:
        return None
    return map_() / f"{som}.{ext}"


def bewaar(data: bytes, ext: str) -> str:
    """Store ``data``; returns its checksum."""
    som = checksum(data)
    pad = _pad(som, ext)
    if pad is None:
        raise ValueError(f"bestanden met extensie {ext!r} worden niet bewaard")
    pad.parent.mkdir(parents=True, exist_ok=True)
    if not pad.exists():
        tijdelijk = pad.with_suffix(".deel")
        tijdelijk.write_bytes(data)
        tijdelijk.replace(pad)
    return som


def lees(som: str, ext: str) -> bytes | None:
    """The stored file with that checksum, if it is there and still has that checksum."""
    pad = _pad(som, ext)
    if pad is None or not pad.is_file():
        return None
    data = pad.read_bytes()
    return data if checksum(data) == som else None


def verwijder(som: str, ext: str) -> bool:
    pad = _pad(som, ext)
    if pad is None or not pad.is_file():
        return False
    pad.unlink()
    return True
