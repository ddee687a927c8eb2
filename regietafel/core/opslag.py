"""Files kept by their checksum: MEDIA_ROOT/<map>/<sha256>.<ext>.

The same content is stored once; the path is built from a checked checksum and an allowed
extension, never from a client's file name, and the content is hashed again when it is read
(a changed file reads as missing). Each app keeps its own folder and list of extensions:

    MAP = Bestandsmap("overleg", frozenset({"pdf", "docx"}))
    som = MAP.bewaar(data, "pdf"); MAP.lees(som, "pdf")
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
    "eml": "message/rfc822",
}
_CHECKSUM = re.compile(r"[0-9a-f]{64}")


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extensie(bestandsnaam: str) -> str:
    return bestandsnaam.rsplit(".", 1)[-1].lower() if "." in bestandsnaam else ""


@dataclass(frozen=True)
class Bestandsmap:
    naam: str
    """The folder under MEDIA_ROOT."""
    extensies: frozenset[str]
    opruimen_na: int | None = None
    """Seconds after which an unread file is removed at the next store (previews); None: kept."""

    def map_(self) -> Path:
        return Path(settings.MEDIA_ROOT) / self.naam

    def pad(self, som: str, ext: str) -> Path | None:
        if not _CHECKSUM.fullmatch(som) or ext not in self.extensies:
            return None
        return self.map_() / f"{som}.{ext}"

    def bewaar(self, data: bytes, ext: str) -> str:
        """Store ``data``; returns its checksum."""
        som = checksum(data)
        doel = self.pad(som, ext)
        if doel is None:
            raise ValueError(f"bestanden met extensie {ext!r} worden niet bewaard")
        doel.parent.mkdir(parents=True, exist_ok=True)
        if self.opruimen_na is not None:
            self._ruim_op(doel.parent)
        if not doel.exists():
            tijdelijk = doel.with_suffix(".deel")
            tijdelijk.write_bytes(data)
            tijdelijk.replace(doel)
        return som

    def lees(self, som: str, ext: str) -> bytes | None:
        """The stored file with that checksum, if it is there and still has that checksum."""
        doel = self.pad(som, ext)
        if doel is None or not doel.is_file():
            return None
        data = doel.read_bytes()
        return data if checksum(data) == som else None

    def verwijder(self, som: str, ext: str) -> bool:
        doel = self.pad(som, ext)
        if doel is None or not doel.is_file():
            return False
        doel.unlink()
        return True

    def _ruim_op(self, map_pad: Path) -> None:
        assert self.opruimen_na is not None
        grens = time.time() - self.opruimen_na
        for oud in map_pad.iterdir():
            try:
                if oud.is_file() and oud.stat().st_mtime < grens:
                    oud.unlink()
            except OSError:
                continue
