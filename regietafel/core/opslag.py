"""Files kept by their checksum: ``<map>/<sha256>.<ext>`` in the shared storage.

Every file the application keeps (uploads, attachments, the documents jobs make) goes through
Django's ``default_storage``, so every app server and worker sees the same files: a local
folder (``MEDIA_ROOT``, :class:`LokaleOpslag`) by default, S3-compatible object storage when
``S3_BUCKET`` is set (``regietafel/settings.py``). Nothing else reads or writes ``MEDIA_ROOT``.

The same content is stored once; the name is built from a checked checksum and an allowed
extension, never from a client's file name, and the content is hashed again when it is read
(a changed or half-written file reads as missing). Each app keeps its own folder and list of
extensions:

    MAP = Bestandsmap("overleg", frozenset({"pdf", "docx"}))
    som = MAP.bewaar(data, "pdf"); MAP.lees(som, "pdf")

A library that needs a path on disk gets a temporary copy (:meth:`Bestandsmap.tijdelijk_pad`);
none does today (WeasyPrint writes to bytes, pypdf reads from bytes).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage

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


def opslag() -> Storage:
    """The storage every server shares (``STORAGES["default"]``)."""
    return default_storage


class LokaleOpslag(FileSystemStorage):
    """The default storage: ``MEDIA_ROOT`` on disk (a folder every server mounts when there
    are several). A file is written beside its name and renamed into place, so a reader on
    another server never sees half a file."""

    def _save(self, name: str, content: Any) -> str:
        doel = Path(self.path(name))
        doel.parent.mkdir(parents=True, exist_ok=True)
        if doel.exists():
            return super()._save(name, content)  # type: ignore[misc]  # Django picks another name
        fd, tijdelijk = tempfile.mkstemp(dir=doel.parent, prefix=f".{doel.name}.", suffix=".deel")
        try:
            with os.fdopen(fd, "wb") as uit:
                for stuk in content.chunks():
                    uit.write(stuk)
            os.chmod(tijdelijk, self.file_permissions_mode or 0o644)
            os.replace(tijdelijk, doel)
        except BaseException:
            Path(tijdelijk).unlink(missing_ok=True)
            raise
        return name.replace("\\", "/")


def alle_namen(map_: str = "") -> Iterator[str]:
    """Every file name in the storage under ``map_`` (recursively), sorted; for backups."""
    o = opslag()
    try:
        mappen, bestanden = o.listdir(map_)
    except FileNotFoundError:
        return
    for naam in sorted(bestanden):
        if naam.endswith(".deel") and naam.startswith("."):
            continue  # a file another process is writing (LokaleOpslag)
        yield f"{map_}/{naam}" if map_ else naam
    for sub in sorted(mappen):
        yield from alle_namen(f"{map_}/{sub}" if map_ else sub)


@dataclass(frozen=True)
class Bestandsmap:
    naam: str
    """The folder in the storage."""
    extensies: frozenset[str]
    opruimen_na: int | None = None
    """Seconds after which an unread file is removed at the next store (previews); None: kept."""

    def bestandsnaam(self, som: str, ext: str) -> str | None:
        """The name in the storage; None for a malformed checksum or a foreign extension."""
        if not _CHECKSUM.fullmatch(som) or ext not in self.extensies:
            return None
        return f"{self.naam}/{som}.{ext}"

    def bestaat(self, som: str, ext: str) -> bool:
        naam = self.bestandsnaam(som, ext)
        return naam is not None and opslag().exists(naam)

    def bewaar(self, data: bytes, ext: str) -> str:
        """Store ``data``; returns its checksum."""
        som = checksum(data)
        naam = self.bestandsnaam(som, ext)
        if naam is None:
            raise ValueError(f"bestanden met extensie {ext!r} worden niet bewaard")
        if self.opruimen_na is not None:
            self._ruim_op()
        o = opslag()
        if not o.exists(naam):
            bewaard = o.save(naam, ContentFile(data))
            if bewaard != naam:
                # Another server stored the same content a moment ago: keep one copy.
                o.delete(bewaard)
        return som

    def lees(self, som: str, ext: str) -> bytes | None:
        """The stored file with that checksum, if it is there and still has that checksum."""
        naam = self.bestandsnaam(som, ext)
        if naam is None:
            return None
        try:
            with opslag().open(naam, "rb") as bestand:
                data = bestand.read()
        except (FileNotFoundError, IsADirectoryError):
            return None
        return data if checksum(data) == som else None

    @contextlib.contextmanager
    def tijdelijk_pad(self, som: str, ext: str) -> Iterator[Path | None]:
        """A temporary copy on local disk, for a library that wants a path; removed after."""
        data = self.lees(som, ext)
        if data is None:
            yield None
            return
        with tempfile.TemporaryDirectory(prefix="regietafel-") as map_:
            pad = Path(map_) / f"{som}.{ext}"
            pad.write_bytes(data)
            yield pad

    def verwijder(self, som: str, ext: str) -> bool:
        naam = self.bestandsnaam(som, ext)
        if naam is None or not opslag().exists(naam):
            return False
        opslag().delete(naam)
        return True

    def _ruim_op(self) -> None:
        assert self.opruimen_na is not None
        o = opslag()
        grens = time.time() - self.opruimen_na
        try:
            _, bestanden = o.listdir(self.naam)
        except FileNotFoundError:
            return
        for naam in bestanden:
            volledig = f"{self.naam}/{naam}"
            try:
                if o.get_modified_time(volledig).timestamp() < grens:
                    o.delete(volledig)
            except (OSError, NotImplementedError):
                continue


def controleer() -> None:
    """Raises when the shared storage cannot be used (the readiness check): the local folder
    must be writable; an object store's bucket must answer."""
    o = opslag()
    if isinstance(o, FileSystemStorage):
        map_ = Path(o.location)
        map_.mkdir(parents=True, exist_ok=True)
        if not os.access(map_, os.W_OK | os.X_OK):
            raise PermissionError(f"{map_} is niet schrijfbaar")
        return
    bucket = getattr(o, "bucket_name", None)
    if bucket:
        o.connection.meta.client.head_bucket(Bucket=bucket)  # type: ignore[attr-defined]
        return
    o.exists("gezondheid")
