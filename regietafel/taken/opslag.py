"""The files jobs made, kept by their checksum (``core.opslag``): taken/ in the shared storage."""

from __future__ import annotations

from regietafel.core.opslag import MIME, Bestandsmap

EXTENSIES = frozenset({"pdf", "docx", "xlsx", "csv"})
MAP = Bestandsmap("taken", EXTENSIES)
bewaar, lees, verwijder = MAP.bewaar, MAP.lees, MAP.verwijder

__all__ = ["EXTENSIES", "MAP", "MIME", "bewaar", "lees", "verwijder"]
