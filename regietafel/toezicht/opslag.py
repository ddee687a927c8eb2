"""Documents of toezicht dossiers: MEDIA_ROOT/toezicht/<sha256>.<ext>, as aanlevering keeps its
uploads. The path is built from a checked checksum and extension, never from the client;
files are served only through the download view, after the permission check."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from django.conf import settings

EXTENSIES = frozenset(
    {"pdf", "docx", "doc", "odt", "xlsx", "ods", "txt", "eml", "msg", "png", "jpg"}
)
MAX_GROOTTE = 20 * 1024 * 1024
_CHECKSUM = re.compile(r"[0-9a-f]{64}")
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
}


def map_() -> Path:
    return Path(settings.MEDIA_ROOT) / "toezicht"


def extensie(bestandsnaam: str) -> str:
    return bestandsnaam.rsplit(".", 1)[-1].lower() if "." in bestandsnaam else ""


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pad(som: str, ext: str) -> Path | None:
    if not _CHECKSUM.fullmatch(som) or ext not in EXTENSIES:
        return None
    return map_() / f"{som}.{ext}"


def bewaar(data: bytes, ext: str) -> str:
    som = checksum(data)
    doel = pad(som, ext)
    if doel is None:
        raise ValueError(f"extensie {ext!r} wordt niet bewaard")
    doel.parent.mkdir(parents=True, exist_ok=True)
    if not doel.exists():
        tijdelijk = doel.with_suffix(".deel")
        tijdelijk.write_bytes(data)
        tijdelijk.replace(doel)
    return som


def lees(som: str, ext: str) -> bytes | None:
    doel = pad(som, ext)
    if doel is None or not doel.is_file():
        return None
    data = doel.read_bytes()
    return data if checksum(data) == som else None
