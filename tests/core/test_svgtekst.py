"""``core.svgtekst``: plain SVG labels drawn as one line land where WeasyPrint's letter-by-letter
drawing puts them, and every other text is still WeasyPrint's own. Each rendering in a fresh
interpreter (the fast path is installed once per process, when ``weasy.laad`` imports)."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils)")

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="320" height="150" viewBox="0 0 320 150"
 font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="13" fill="#000000">
<text x="160" y="20" text-anchor="end">&#x27;s-Hertogenbosch</text>
<text x="160" y="40" text-anchor="middle">Waalwijk 1.303</text>
<text x="10" y="60">AVATAR Tilburg −12</text>
<text x="10" y="80" font-weight="bold" fill="#c05600">Realisatie</text>
<text x="300" y="80" text-anchor="end" font-size="9">Nuenen, Gerwen en Nederwetten</text>
<text x="10" y="100"><tspan font-weight="bold">Op</tspan>gave</text>
<text x="200" y="100" rotate="10">Gedraaid</text>
<text x="10" y="120" dx="0 3 3">Verschoven</text>
<text x="200" y="120" transform="rotate(5)">Scheef</text>
</svg>"""


def _render(tmp_path: Path, naam: str, snel: bool) -> tuple[bytes, list[tuple[str, list[float]]]]:
    bron = base64.b64encode(SVG.encode()).decode()
    html = f'<html><body><img src="data:image/svg+xml;base64,{bron}"></body></html>'
    pad = tmp_path / f"{naam}.pdf"
    laden = "weasy.laad()" if snel else "weasy._importeer()"
    code = f"""
        from regietafel.core import weasy
        weasyprint = {laden}
        open({str(pad)!r}, "wb").write(weasyprint.HTML(string={html!r}).write_pdf())
    """
    uit = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )
    assert uit.returncode == 0, uit.stderr
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pad), "-"], capture_output=True, text=True, check=True
    ).stdout
    woorden = [
        (woord, [float(getal) for getal in getallen])
        for *getallen, woord in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            bbox,
        )
    ]
    return pad.read_bytes(), woorden


def test_plain_labels_land_where_weasyprint_puts_them(tmp_path: Path) -> None:
    gewoon_pdf, gewoon = _render(tmp_path, "gewoon", snel=False)
    snel_pdf, snel = _render(tmp_path, "snel", snel=True)
    assert [woord for woord, _ in snel] == [woord for woord, _ in gewoon]
    assert "Nederwetten" in [woord for woord, _ in snel]
    for (woord, vak), (_, verwacht) in zip(snel, gewoon, strict=True):
        assert vak == pytest.approx(verwacht, abs=0.02), woord
    # WeasyPrint's own drawing puts each anchored label in a form of its own; the fast path
    # anchors the three plain ones itself (the rotated and shifted ones stay WeasyPrint's).
    assert gewoon_pdf.count(b"/Subtype /Form") - snel_pdf.count(b"/Subtype /Form") == 3
