"""Documents of toezicht dossiers: MEDIA_ROOT/toezicht/<sha256>.<ext> (``core.opslag``);
served only through the download view, after the permission check."""

from __future__ import annotations

from regietafel.core.opslag import MIME, Bestandsmap, checksum, extensie

__all__ = ["EXTENSIES", "MAX_GROOTTE", "MIME", "bewaar", "checksum", "extensie", "lees", "pad"]

EXTENSIES = frozenset(
    {"pdf", "docx", "doc", "odt", "xlsx", "ods", "txt", "eml", "msg", "png", "jpg"}
)
MAX_GROOTTE = 20 * 1024 * 1024
MAP = Bestandsmap("toezicht", EXTENSIES)
map_, pad, bewaar, lees = MAP.map_, MAP.pad, MAP.bewaar, MAP.lees
