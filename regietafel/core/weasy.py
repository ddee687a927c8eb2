"""WeasyPrint, loaded without ``ctypes.util.find_library``'s detours (``laad``).

On import WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject with cffi, trying several
names per library (``libgobject-2.0-0``, ``gobject-2.0-0``, ``gobject-2.0``, then the Linux
soname ``libgobject-2.0.so.0``, then macOS and Windows names). For every name the dynamic
loader does not know, cffi asks ``ctypes.util.find_library``, which on Linux starts
``ldconfig -p``, ``gcc`` and ``ld`` as subprocesses: some fifty processes and 0,15–0,4 s before
a PDF can start, in every new process (the CLI, a worker's first document). On Linux the
sonames in WeasyPrint's list are found by the loader itself, so ``laad`` lets the failed names
fail at once; should that not find a library, it loads WeasyPrint again the ordinary way.

WeasyPrint imports fontTools' subsetter and variable-font instancer up front (0,06 s), for
fonts HarfBuzz cannot subset and for variable fonts; the reports' DejaVu Sans needs neither, so
``laad`` has them loaded on first use (``_fonttools_later``).

WeasyPrint parses HTML with tinyhtml5, which keeps the regular expressions of
``chars_until`` under the wrong key (the compiled expression instead of the characters it
was made from), so it builds and looks one up again for every attribute value and every run
of text: half of the parse, 0,05 s for a provincie's report. ``laad`` gives it a cache that
finds them (``_Regexen``; the same expressions).

pydyf compresses every stream of the PDF at zlib's slowest level (9); ``laad`` has it use
zlib's default (6, ``_Zlib``): 0,05 s less for a provincie's report, 3 % larger (158 -> 163 kB).

pyphen (WeasyPrint's hyphenation) parses a language's 16.000 patterns before it hyphenates
the first word (0,055 s); ``laad`` has it parse a pattern when a word first looks it up
(``core.afbreken``).

``laad`` also lets WeasyPrint draw plain SVG labels as one line instead of letter by letter
(``core.svgtekst``): the same PDF, 0,2 s less CPU for the Noord-Brabant Stand van zaken.

cffi parses the name of each C type WeasyPrint asks for with every type name declared so far
before it; ``laad`` has it put only the names the type's name uses (``core.cffitypen``).

``pdf`` prints an HTML document with the garbage collector paused (``core.gcpauze``).
"""

from __future__ import annotations

import contextlib
import ctypes.util
import importlib
import io
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from regietafel.core import afbreken, cffitypen, gcpauze, svgtekst


def laad() -> ModuleType:
    """The ``weasyprint`` module (imported once per process)."""
    cffitypen.installeer()
    weasyprint = _importeer()
    svgtekst.installeer(weasyprint)
    _regexen_bewaren()
    _zlib_standaard()
    afbreken.installeer()
    return weasyprint


def pdf(html: str, *, klasse: Callable[[], Any] | None = None, **opties: Any) -> bytes:
    """``html`` as PDF: ``HTML(string=html).write_pdf(**opties)`` with WeasyPrint's ``HTML``
    or the subclass of it that ``klasse()`` gives, the garbage collector paused while it is
    made. The pause starts before WeasyPrint is loaded, ``klasse`` included: importing it
    builds objects that live as long as the process, which the collector would only walk
    again."""
    with gcpauze.pauze():
        weasyprint = laad()
        return bytes((klasse() if klasse else weasyprint.HTML)(string=html).write_pdf(**opties))


def _importeer() -> ModuleType:
    if "weasyprint" in sys.modules:
        import weasyprint

        return weasyprint
    with _fonttools_later():
        return _zonder_zoeken()


def _zonder_zoeken() -> ModuleType:
    if not sys.platform.startswith("linux"):
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


LATER = ("fontTools.subset", "fontTools.varLib.instancer")
"""What WeasyPrint imports for fonts HarfBuzz cannot subset and for variable fonts."""


class _Later(ModuleType):
    """A stand-in for a module that imports the real one when a name is first asked of it."""

    def __getattr__(self, naam: str) -> Any:
        if naam.startswith("__"):
            raise AttributeError(naam)
        echt = importlib.import_module(self.__name__)
        if echt is self:  # still standing in: WeasyPrint is being imported
            raise AttributeError(naam)
        return getattr(echt, naam)


@contextlib.contextmanager
def _fonttools_later() -> Iterator[None]:
    """While WeasyPrint is imported, ``fontTools.subset`` and ``fontTools.varLib.instancer``
    are stand-ins (``_Later``); they leave ``sys.modules`` afterwards, so WeasyPrint keeps
    them and anything else imports the real modules. WeasyPrint takes one function from the
    instancer (``from … import instantiateVariableFont``): its stand-in has it, as a function
    that asks the real module when it is called."""
    if any(naam in sys.modules for naam in LATER):
        yield
        return
    stand_ins = {naam: _Later(naam) for naam in LATER}
    stand_ins[LATER[1]].instantiateVariableFont = _instantiate_variable_font  # type: ignore[attr-defined]
    sys.modules.update(stand_ins)
    try:
        yield
    finally:
        for naam, stand_in in stand_ins.items():
            if sys.modules.get(naam) is stand_in:
                del sys.modules[naam]


def _instantiate_variable_font(*args: Any, **kwargs: Any) -> Any:
    return importlib.import_module(LATER[1]).instantiateVariableFont(*args, **kwargs)


class _Regexen(dict[tuple[Any, bool], "re.Pattern[str]"]):
    """tinyhtml5's cache for ``HTMLInputStream.chars_until``: the expression that matches a
    run of ``characters`` (or of anything else, ``opposite=False``), made as tinyhtml5 makes
    it, the first time a pair is asked for."""

    def __missing__(self, sleutel: tuple[Any, bool]) -> re.Pattern[str]:
        tekens, tegendeel = sleutel
        klasse = "".join(f"\\x{ord(teken):02x}" for teken in tekens)
        uitdrukking = re.compile(f"[{klasse}]+" if tegendeel else f"[^{klasse}]+")
        self[sleutel] = uitdrukking
        return uitdrukking


def _regexen_bewaren() -> None:
    try:
        from tinyhtml5 import inputstream
    except ImportError:  # pragma: no cover - an older WeasyPrint parses with html5lib
        return
    if type(getattr(inputstream, "characters_until_regex", None)) is dict:
        inputstream.characters_until_regex = _Regexen()


NIVEAU = zlib.Z_DEFAULT_COMPRESSION
"""pydyf's compression level: zlib's default (6) instead of pydyf's 9."""


class _Zlib:
    """``zlib`` for pydyf, whose ``compressobj`` compresses at ``NIVEAU``."""

    def __getattr__(self, naam: str) -> Any:
        return getattr(zlib, naam)

    @staticmethod
    def compressobj(level: int = NIVEAU, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(NIVEAU, *args, **kwargs)


def _zlib_standaard() -> None:
    import pydyf

    if getattr(pydyf, "zlib", None) is zlib:
        pydyf.zlib = _Zlib()  # type: ignore[attr-defined]
