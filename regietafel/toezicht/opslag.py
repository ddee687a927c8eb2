"""Documents of toezicht dossiers: toezicht/<sha256>.<ext> (``core.opslag``);
served only through the download view, after the permission check."""

from __future__ import annotations

from regietafel.core.opslag import MIME, Bestandsmap, checksum, extensie

__all__ = ["EXTENSIES", "MAX_GROOTTE", "MIME", "bewaar", "checksum", "extensie", "lees"]

EXTENSIES = frozenset(
    {"pdf", "docx", "doc", "odt", "xlsx", "ods", "txt", "eml", "msg", "png", "jpg"}
)
MAX_GROOTTE = 20 * 1024 * 1024
MAP = Bestandsmap("toezicht", EXTENSIES)
bewaar, lees = MAP.bewaar, MAP.lees
