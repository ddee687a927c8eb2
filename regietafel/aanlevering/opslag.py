"""Uploaded files between preview and confirmation: MEDIA_ROOT/aanlevering/<sha256>.<ext>.

The confirmation refers to a file by its checksum only (``core.opslag``: the path is built
from a checked checksum and extension, never taken from the client, and the content is
hashed again before it is imported).
"""

from __future__ import annotations

from regietafel.core.opslag import Bestandsmap, extensie

__all__ = ["BEWAARTERMIJN", "EXTENSIES", "bewaar", "extensie", "lees", "map_", "verwijder"]

EXTENSIES = frozenset({"xlsx", "xlsm", "csv", "txt"})
BEWAARTERMIJN = 24 * 3600
"""Previews not confirmed within a day are removed at the next upload."""
MAP = Bestandsmap("aanlevering", EXTENSIES, opruimen_na=BEWAARTERMIJN)
map_, bewaar, lees, verwijder = MAP.map_, MAP.bewaar, MAP.lees, MAP.verwijder
