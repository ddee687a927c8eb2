"""cffi's parser told only the type names a piece of C source names (``installeer``).

WeasyPrint reaches Pango, HarfBuzz and fontconfig through cffi, and asks it for C types by
name as it lays out and draws (``ffi.new("PangoRectangle *")``). The first time a process asks
for a type, cffi parses its name with pycparser, and before the name it puts a line
``typedef int X;`` for every type name declared so far, so that pycparser knows which words are
types: 130 lines for WeasyPrint's declarations, parsed again for each of the dozen types a PDF
asks for. A word that does not occur in the source cannot change how it parses, so
``installeer`` lets cffi's ``Parser._parse`` see only the declarations the source names: the
same parse of a few lines instead of 130, 0,03–0,04 s less in every new process that makes a
PDF.

The original ``_parse`` runs unchanged, on a view of the parser (``_Beperkt``) whose
declarations are narrowed; the parser itself is not changed, so threads that parse at the same
time see what they always saw. Should a cffi version's ``_parse`` differ from the one this was
written for (``BEKEND``), nothing is installed.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from typing import Any

BEKEND = "7a1e99aa364aa3c6a351c4eb2f70434367bf93cb5a1c14928fdd9aba544d9011"
"""sha256 of the source of ``cffi.cparser.Parser._parse`` (cffi 2.0 and 2.1)."""

WOORD = re.compile(r"\w+")


def installeer() -> bool:
    """Narrow what cffi's ``Parser._parse`` sees (once per process); ``False`` when this cffi's
    ``_parse`` is not the known one."""
    try:
        from cffi import cparser
    except ImportError:  # pragma: no cover - cffi comes with WeasyPrint
        return False
    echt = cparser.Parser._parse
    if getattr(echt, "regietafel", False):
        return True
    try:
        bron = inspect.getsource(echt)
    except (OSError, TypeError):  # pragma: no cover - no source installed
        return False
    if hashlib.sha256(bron.encode()).hexdigest() != BEKEND:
        return False

    def _parse(self: Any, csource: str) -> Any:
        return echt(_Beperkt(self, csource), csource)

    _parse.regietafel = True  # type: ignore[attr-defined]
    _parse.__wrapped__ = echt  # type: ignore[attr-defined]
    cparser.Parser._parse = _parse
    return True


class _Beperkt:
    """``parser`` as ``_parse`` reads it for ``csource``: its declarations without the typedefs
    whose name is not a word of ``csource``; everything else is the parser's own."""

    def __init__(self, parser: Any, csource: str) -> None:
        woorden = set(WOORD.findall(csource))
        self._echt = parser
        self._declarations = {
            naam: waarde
            for naam, waarde in parser._declarations.items()
            if not naam.startswith("typedef ") or naam[8:] in woorden
        }

    def __getattr__(self, naam: str) -> Any:
        return getattr(self._echt, naam)
