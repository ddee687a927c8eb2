"""Attachments of meetings and letters: overleg/<sha256>.<ext> (``core.opslag``).

Generated reports are stored the same way, so they do not change later.
"""

from __future__ import annotations

from regietafel.core.opslag import MIME, Bestandsmap, checksum, extensie

__all__ = [
    "EXTENSIES",
    "MAX_GROOTTE",
    "MIME",
    "bewaar",
    "checksum",
    "extensie",
    "lees",
    "verwijder",
]

EXTENSIES = frozenset({"pdf", "docx", "xlsx", "txt", "csv", "odt", "pptx", "png", "jpg", "eml"})
MAX_GROOTTE = 25 * 1024 * 1024
MAP = Bestandsmap("overleg", EXTENSIES)
bewaar, lees, verwijder = MAP.bewaar, MAP.lees, MAP.verwijder
