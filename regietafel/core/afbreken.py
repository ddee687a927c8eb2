"""pyphen's hyphenation patterns read when a word asks for them (``installeer``).

WeasyPrint hyphenates with pyphen (the reports' table headers: ``hyphens: auto``). The first
word to hyphenate makes pyphen read the language's whole pattern file: 16.000 Dutch
patterns, each parsed into its letters and the digits between them, 0,055 s in every new
process, for a handful of headers that look up a few dozen of them. ``installeer`` has
``pyphen.HyphDict`` keep each pattern line under its letters (the digits taken out: what
pyphen's own parse makes of the key) and parse a line the first time a word looks it up, the
way pyphen does; a word is hyphenated at the same places (``tests/core/test_afbreken.py``
compares every pattern of the Dutch and Hungarian dictionaries). Should a pyphen version
lack a part used here, nothing is replaced.
"""

from __future__ import annotations

import re
from typing import Any

CIJFERS = re.compile(r"\d")
"""What ``pyphen.parse`` reads as a pattern's values; the rest of the pattern is its key."""
NIET_NUL = re.compile(r"[1-9]")


def installeer() -> bool:
    """Let pyphen parse each pattern on first use (once per process); ``False`` when this
    pyphen lacks a part that needs."""
    try:
        import pyphen
    except ImportError:  # pragma: no cover - pyphen comes with WeasyPrint
        return False
    delen = ("HyphDict", "AlternativeParser", "parse", "parse_hex", "ignored")
    if not all(hasattr(pyphen, deel) for deel in delen):
        return False
    if getattr(pyphen.HyphDict.__init__, "regietafel", False):
        return True

    def __init__(self: Any, path: Any) -> None:
        self.patterns = Patronen(path)
        self.cache = {}
        self.maxlen = self.patterns.maxlen

    __init__.regietafel = True  # type: ignore[attr-defined]
    __init__.__wrapped__ = pyphen.HyphDict.__init__  # type: ignore[attr-defined]
    pyphen.HyphDict.__init__ = __init__
    return True


class Patronen(dict[str, tuple[int, tuple[int, ...]]]):
    """A pattern file as ``HyphDict.patterns``: letters → (offset, values), each line parsed
    by ``get`` when first asked for (pyphen's ``positions`` asks only with ``get``)."""

    def __init__(self, path: Any) -> None:
        import pyphen

        super().__init__()
        with path.open("rb") as bestand:
            codering = bestand.readline().decode()
        if codering.lower() == "microsoft-cp1251":
            codering = "cp1251"
        self.regels: dict[str, str] = {}
        for regel in path.read_text(codering).split("\n")[1:]:
            regel = regel.strip()
            if not regel or regel.startswith(pyphen.ignored):
                continue
            if "^^" in regel:
                regel = pyphen.parse_hex(lambda m: chr(int(m.group(1), 16)), regel)
            patroon = regel.split("/", 1)[0] if "/" in regel and "=" in regel else regel
            sleutel = CIJFERS.sub("", patroon)
            if not NIET_NUL.search(patroon) and not any(
                int(cijfer) for cijfer in CIJFERS.findall(patroon)
            ):
                continue  # only zeros: pyphen skips it
            self.regels[sleutel] = regel
        self.maxlen = max(len(sleutel) for sleutel in self.regels)

    def get(self, sleutel: str, standaard: Any = None) -> Any:  # type: ignore[override]
        if sleutel in self:
            return self[sleutel]
        regel = self.regels.get(sleutel)
        if regel is None:
            return standaard
        waarde = self[sleutel] = _lees(regel)
        return waarde


def _lees(regel: str) -> tuple[int, tuple[int, ...]]:
    """(offset, values) of one pattern line, as ``pyphen.HyphDict`` parses it."""
    import pyphen

    maak: Any = int
    if "/" in regel and "=" in regel:
        regel, alternatief = regel.split("/", 1)
        maak = pyphen.AlternativeParser(regel, alternatief)
    waarden = tuple(maak(cijfer or "0") for cijfer, _ in pyphen.parse(regel))
    begin, eind = 0, len(waarden)
    while not waarden[begin]:
        begin += 1
    while not waarden[eind - 1]:
        eind -= 1
    return begin, waarden[begin:eind]
