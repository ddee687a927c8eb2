"""WeasyPrint, loaded without ``ctypes.util.find_library``'s detours (``laad``).

On import WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject with cffi, trying several
names per library (``libgobject-2.0-0``, ``gobject-2.0-0``, ``gobject-2.0``, then the Linux
soname ``libgobject-2.0.so.0``, then macOS and Windows names). For every name the dynamic
loader does not know, cffi asks ``ctypes.util.find_library``, which on Linux starts
``ldconfig -p``, ``gcc`` and ``ld`` as subprocesses: some fifty processes and 0,15–0,4 s before
a PDF can start, in every new process (the CLI, a worker's first document). On Linux the
sonames in WeasyPrint's list are found by the loader itself, so ``laad`` lets the failed names
fail at once; should that not find a library, it loads WeasyPrint again the ordinary way.

``laad`` also lets WeasyPrint draw plain SVG labels as one line instead of letter by letter
(``core.svgtekst``): the same PDF, 0,2 s less CPU for the Noord-Brabant Stand van zaken.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import sys
from types import ModuleType

from regietafel.core import svgtekst


def laad() -> ModuleType:
    """The ``weasyprint`` module (imported once per process)."""
    weasyprint = _importeer()
    svgtekst.installeer(weasyprint)
    return weasyprint


def _importeer() -> ModuleType:
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint

        return weasyprint
    echt = ctypes.util.find_library
    ctypes.util.find_library = _niet_zoeken
    try:
        # WeasyPrint prints its installation help before it gives up on a library.
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except OSError:
        for naam in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
            del sys.modules[naam]
    else:
        return weasyprint
    finally:
        ctypes.util.find_library = echt
    import weasyprint

    return weasyprint


def _niet_zoeken(name: str) -> str | None:
    return None
