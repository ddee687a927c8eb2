"""``core.weasy.laad``: WeasyPrint without ``find_library``'s subprocesses, and the ordinary
way when the loader does not find a library by its soname. Each case in a fresh interpreter
(WeasyPrint is imported once per process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux sonames")


def _draai(code: str) -> str:
    uit = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )
    assert uit.returncode == 0, uit.stderr
    return uit.stdout


def test_laad_starts_no_subprocess_and_restores_find_library() -> None:
    uit = _draai(
        """
        import ctypes.util, subprocess
        gestart = []
        echt_init = subprocess.Popen.__init__
        def init(self, *args, **kwargs):
            gestart.append(args[0] if args else kwargs.get("args"))
            echt_init(self, *args, **kwargs)
        subprocess.Popen.__init__ = init
        echt = ctypes.util.find_library
        from regietafel.core import weasy
        module = weasy.laad()
        assert module.HTML and ctypes.util.find_library is echt
        print("processen", len(gestart))
        """
    )
    assert uit.split()[-1] == "0"


def test_laad_falls_back_to_the_ordinary_import() -> None:
    uit = _draai(
        """
        import ctypes.util, cffi
        from regietafel.core import weasy
        echt_dlopen = cffi.FFI.dlopen
        pogingen = []
        def dlopen(self, name, flags=0):
            if ctypes.util.find_library is weasy._niet_zoeken:
                pogingen.append(name)
                raise OSError(name)
            return echt_dlopen(self, name, flags)
        cffi.FFI.dlopen = dlopen
        module = weasy.laad()
        assert pogingen and module.HTML(string="<p>x</p>").write_pdf().startswith(b"%PDF")
        print("gelukt")
        """
    )
    assert uit.split()[-1] == "gelukt"


def test_laad_leaves_fonttools_subsetter_and_instancer_for_first_use() -> None:
    uit = _draai(
        """
        import sys
        from regietafel.core import weasy
        fonts = weasy.laad().pdf.fonts
        print("vooraf", "fontTools.subset" in sys.modules, "fontTools.varLib" in sys.modules)
        from fontTools import subset
        assert fonts.subset.Options is subset.Options and fonts.subset.Subsetter is subset.Subsetter
        try:
            fonts.instantiateVariableFont(None, {})
        except Exception:
            pass
        from fontTools.varLib import instancer
        assert type(instancer) is type(subset) and hasattr(instancer, "instantiateVariableFont")
        print("daarna", type(sys.modules["fontTools.subset"]).__name__)
        """
    )
    assert uit.split() == ["vooraf", "False", "False", "daarna", "module"]


def test_laad_gives_tinyhtml5_a_cache_that_finds_its_expressions() -> None:
    code = """
        import hashlib, tinyhtml5
        from tinyhtml5 import inputstream
        from xml.etree import ElementTree
        from regietafel.core import weasy
        {laden}
        html = (
            "<!DOCTYPE html><html lang=nl><title>T &amp; t</title><p class='a b' id=x>tekst &lt; "
            "<!-- noot --><td>1.303</td><span data-x=\\"'\\" data-y='\\"'>−12 &#x27;s</span>"
            "<script>if (a < b) {{}}</script><style>p {{ color: red }}</style>"
            "<textarea>&amp;</textarea><pre>\\n  x</pre><table><tr><th>K</th></tr></table>"
        ) * 3
        boom = ElementTree.tostring(tinyhtml5.parse(html))
        tinyhtml5.parse(html)
        sleutels = {{type(k[0]).__name__ for k in inputstream.characters_until_regex}}
        print(hashlib.sha256(boom).hexdigest(), sorted(sleutels))
    """
    gewoon = _draai(code.format(laden="")).split(maxsplit=1)
    snel = _draai(code.format(laden="weasy.laad()")).split(maxsplit=1)
    assert snel[0] == gewoon[0]  # the same tree
    assert "Pattern" in gewoon[1] and "Pattern" not in snel[1]  # kept under what they match


def test_laad_has_pydyf_compress_at_zlibs_default_level() -> None:
    uit = _draai(
        """
        import zlib
        from regietafel.core import weasy
        weasy.laad()
        import pydyf
        inhoud = b" ".join(b"BT /F1 8 Tf %d %d Td (regel %d) Tj ET" % (i, i * 7 % 13, i) for i in range(3000))
        data = pydyf.Stream([inhoud], compress=True).data
        gecomprimeerd = data.split(b"stream\\n", 1)[1].rsplit(b"\\nendstream", 1)[0]
        assert zlib.decompress(gecomprimeerd) == inhoud
        assert gecomprimeerd == zlib.compress(inhoud, 6) != zlib.compress(inhoud, 9)
        print("niveau 6")
        """
    )
    assert uit.split()[-1] == "6"
