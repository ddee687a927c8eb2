"""Charts of the reports: one data object, laid out once, drawn as SVG (vector: HTML and PDF)
and as PNG (Word needs a bitmap beside the SVG for old readers).

Horizontal grouped bars, one group per gemeente. Every value is printed outside its bar (after
its end, or before it for a negative value), in the same size as the names, on a white ground,
so no bar and no grid line crosses a figure; the scale leaves room for the longest label. A
missing figure has no bar and reads "–", never 0. Every chart has a table with the same numbers
in the same report; nothing depends on colour alone (the legend names each series).
"""

from __future__ import annotations

import base64
import io
import math
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Literal

from django.utils.html import escape

from regietafel.core import opmaak
from regietafel.core.grafiek import KLEUREN, LETTER

BREEDTE = 760
"""The width of the chart in SVG units; the PDF scales it to the text width (about 0,85)."""
GROOTTE = 13
"""Names and values: about 11 px (8 pt) on the page, as the tables beside the charts."""
BALK = 14
TUSSEN_GROEPEN = 8
MARGE = 8
RUIMTE = 5
"""Between a bar's end and its value."""
RASTER = "#d9d9d9"
AS = "#555555"
GEEN = "–"
PAGINA = 1000
"""The tallest chart, in SVG units, that fits on a portrait page with its caption (about
235 mm at the PDF's scale); a taller one is split (``op_paginas``), else the page cuts it off."""


@dataclass(frozen=True)
class Reeks:
    naam: str
    waarden: tuple[int | None, ...]


@dataclass(frozen=True)
class Grafiek:
    sleutel: str
    titel: str
    beschrijving: str
    """Alternative text: what the chart shows and where the numbers are."""
    categorieen: tuple[str, ...]
    reeksen: tuple[Reeks, ...]
    svg: str = ""
    geheel: Grafiek | None = field(default=None, compare=False, repr=False)
    """A part of a split chart: the whole chart, whose scale and name column it shares."""

    @property
    def data_uri(self) -> str:
        """The SVG as an image source: WeasyPrint draws it as a separate document, which is
        faster than inline SVG (its stylesheet stays out of the report's cascade)."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode("ascii")


def maak(
    sleutel: str,
    titel: str,
    categorieen: tuple[str, ...],
    reeksen: tuple[Reeks, ...],
    tabel: str,
) -> Grafiek:
    beschrijving = f"{titel}. De cijfers staan in de tabel {tabel}."
    grafiek = Grafiek(sleutel, titel, beschrijving, categorieen, reeksen)
    return Grafiek(sleutel, titel, beschrijving, categorieen, reeksen, svg=svg(grafiek))


def op_paginas(g: Grafiek, hoogte: float = PAGINA) -> tuple[Grafiek, ...]:
    """``g`` as it fits on portrait pages: itself, or split into parts of (nearly) equal
    size, "(1 van 3)", each at most ``hoogte`` units tall, with the scale and the name column
    of the whole chart (so a bar has the same length in every part)."""
    per_groep = BALK * len(g.reeksen) + TUSSEN_GROEPEN
    vast = teken(g).hoogte - per_groep * len(g.categorieen)
    passen = max(1, int((hoogte - vast) // per_groep))
    aantal = math.ceil(len(g.categorieen) / passen)
    if aantal <= 1:
        return (g,)
    grootte = math.ceil(len(g.categorieen) / aantal)
    delen = []
    for i, begin in enumerate(range(0, len(g.categorieen), grootte), start=1):
        stuk = slice(begin, begin + grootte)
        titel = f"{g.titel} ({i} van {aantal})"
        deel = replace(
            g,
            sleutel=f"{g.sleutel}-{i}",
            titel=titel,
            beschrijving=g.beschrijving.replace(g.titel, titel, 1),
            categorieen=g.categorieen[stuk],
            reeksen=tuple(Reeks(r.naam, r.waarden[stuk]) for r in g.reeksen),
            svg="",
            geheel=g,
        )
        delen.append(replace(deel, svg=svg(deel)))
    return tuple(delen)


# ---------------------------------------------------------------- the layout (computed once)

Anker = Literal["start", "end"]


@dataclass(frozen=True)
class Tekst:
    x: float
    y: float
    """The middle of the line of text."""
    tekst: str
    anker: Anker = "start"

    @property
    def breedte(self) -> float:
        return tekstbreedte(self.tekst)

    @property
    def links(self) -> float:
        return self.x if self.anker == "start" else self.x - self.breedte

    @property
    def rechts(self) -> float:
        return self.links + self.breedte


@dataclass(frozen=True)
class Vlak:
    x: float
    y: float
    breedte: float
    hoogte: float
    kleur: str


@dataclass(frozen=True)
class Lijn:
    x: float
    boven: float
    onder: float
    kleur: str


@dataclass(frozen=True)
class Waardelabel:
    tekst: Tekst
    balk: Vlak | None
    """The bar it belongs to (none for a missing figure)."""


@dataclass(frozen=True)
class Tekening:
    breedte: float
    hoogte: float
    raster: tuple[Lijn, ...]
    as_: Lijn
    balken: tuple[Vlak, ...]
    namen: tuple[Tekst, ...]
    waarden: tuple[Waardelabel, ...]
    schaal: tuple[Tekst, ...]
    legenda: tuple[tuple[Vlak, Tekst], ...]


@cache
def _lettertype(grootte: int):  # type: ignore[no-untyped-def]
    """DejaVu Sans (the reports' font) for measuring and drawing; None when not installed."""
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with WeasyPrint
        return None
    for naam in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(naam, grootte)
        except OSError:
            continue
    return None


def schoon(tekst: str) -> str:
    """``tekst`` without control characters (a name may hold a user's text): each a space."""
    return "".join(" " if unicodedata.category(t) == "Cc" else t for t in tekst)


def tekstbreedte(tekst: str, grootte: int = GROOTTE) -> float:
    """The width of ``tekst`` in DejaVu Sans; without the font a generous estimate."""
    breedte = _breedte_100(tekst)
    return len(tekst) * grootte * 0.7 if breedte is None else breedte * grootte / 100


@lru_cache(maxsize=4096)
def _breedte_100(tekst: str) -> float | None:
    """``tekst``'s width at 100 px, measured once per text: a chart measures every name and
    figure again for each of its parts and for the layout of the whole."""
    letter = _lettertype(100)
    if letter is not None:
        try:
            return float(letter.getlength(schoon(tekst)))
        except (RuntimeError, ValueError, OSError):  # text the layout engine refuses
            pass
    return None


def _stap(bereik: int) -> int:
    """A round step (1, 2 or 5 × 10^n) for at most about eight grid lines."""
    ruw = max(bereik, 1) / 8
    macht = 10 ** math.floor(math.log10(ruw)) if ruw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * macht >= ruw:
            return int(factor * macht)
    return int(10 * macht)  # pragma: no cover


def teken(g: Grafiek, breedte: float = BREEDTE) -> Tekening:
    """Where everything goes: bars, names, values outside the bars, grid, scale and legend.
    A part of a split chart takes its scale and name column from the whole chart."""
    geheel = g.geheel or g
    alle = [w for r in geheel.reeksen for w in r.waarden if w is not None]
    laag, hoog = min(0, *alle) if alle else 0, max(1, *alle) if alle else 1
    labels = {w: opmaak.getal(w) for w in alle}
    naamkolom = max((tekstbreedte(c) for c in geheel.categorieen), default=0) + 2 * RUIMTE
    rechts_nodig = max(
        [tekstbreedte(t) for w, t in labels.items() if w >= 0] + [tekstbreedte(GEEN)]
    )
    links_nodig = max([tekstbreedte(t) for w, t in labels.items() if w < 0] or [0])
    x0 = MARGE + naamkolom + (links_nodig + 3 * RUIMTE if links_nodig else 0)
    x1 = breedte - MARGE - rechts_nodig - RUIMTE

    def x(w: int) -> float:
        return x0 + (w - laag) / (hoog - laag) * (x1 - x0)

    groep = BALK * len(g.reeksen) + TUSSEN_GROEPEN
    boven = MARGE
    onder = boven + groep * len(g.categorieen)
    balken: list[Vlak] = []
    namen: list[Tekst] = []
    waarden: list[Waardelabel] = []
    for i, categorie in enumerate(g.categorieen):
        y0 = boven + i * groep + TUSSEN_GROEPEN / 2
        namen.append(
            Tekst(MARGE + naamkolom - RUIMTE, y0 + BALK * len(g.reeksen) / 2, categorie, "end")
        )
        for j, reeks in enumerate(g.reeksen):
            w = reeks.waarden[i]
            y = y0 + j * BALK
            midden = y + BALK / 2
            if w is None:
                waarden.append(Waardelabel(Tekst(x(0) + RUIMTE, midden, GEEN), None))
                continue
            begin, eind = sorted((x(0), x(w)))
            balk = Vlak(begin, y + 1, eind - begin, BALK - 2, KLEUREN[j % len(KLEUREN)])
            balken.append(balk)
            label = (
                Tekst(eind + RUIMTE, midden, labels[w])
                if w >= 0
                else Tekst(begin - RUIMTE, midden, labels[w], "end")
            )
            waarden.append(Waardelabel(label, balk))
    stap = _stap(hoog - laag)
    ticks = range(math.ceil(laag / stap) * stap, hoog + 1, stap)
    raster = tuple(Lijn(x(t), boven, onder, RASTER) for t in ticks if t != 0)
    schaal_y = onder + GROOTTE
    schaal = tuple(Tekst(x(t), schaal_y, opmaak.getal(t), "start") for t in ticks)
    # Centre the scale's numbers under their line.
    schaal = tuple(Tekst(t.x - t.breedte / 2, t.y, t.tekst) for t in schaal)
    legenda: list[tuple[Vlak, Tekst]] = []
    lx, ly = x0, schaal_y + GROOTTE * 1.6
    for j, reeks in enumerate(g.reeksen):
        vlak = Vlak(lx, ly - BALK / 2 + 2, BALK - 4, BALK - 4, KLEUREN[j % len(KLEUREN)])
        tekst = Tekst(lx + BALK + 2, ly, reeks.naam)
        legenda.append((vlak, tekst))
        lx = tekst.rechts + 3 * BALK
    return Tekening(
        breedte=breedte,
        hoogte=ly + BALK / 2 + MARGE,
        raster=raster,
        as_=Lijn(x(0), boven, onder, AS),
        balken=tuple(balken),
        namen=tuple(namen),
        waarden=tuple(waarden),
        schaal=schaal,
        legenda=tuple(legenda),
    )


# ---------------------------------------------------------------- SVG


def _f(getal: float) -> str:
    return f"{getal:.1f}".rstrip("0").rstrip(".")


def ondergrond(t: Tekst) -> Vlak:
    """The white ground of a value: drawn over the grid lines and under the bars, so no line
    crosses a figure and a neighbouring bar stays whole."""
    return Vlak(t.links - 2, t.y - GROOTTE * 0.6, t.breedte + 4, GROOTTE * 1.2, "#ffffff")


def ondergronden(t: Tekening) -> tuple[Vlak, ...]:
    """The white grounds of the values a grid line would cross; elsewhere a ground is white
    on white under the bars, invisible (and each shape costs the PDF time: a chart of 56
    gemeenten has some 400 values)."""
    uit = []
    for w in t.waarden:
        grond = ondergrond(w.tekst)
        if any(grond.x <= lijn.x <= grond.x + grond.breedte for lijn in t.raster):
            uit.append(grond)
    return tuple(uit)


def _svg_tekst(t: Tekst) -> str:
    # The baseline a third of the letter size below the middle: the digits sit centred.
    anker = "" if t.anker == "start" else ' text-anchor="end"'
    y = t.y + GROOTTE * 0.35
    return f'<text x="{_f(t.x)}" y="{_f(y)}"{anker}>{escape(schoon(t.tekst))}</text>'


def _svg_vlak(v: Vlak) -> str:
    return (
        f'<rect x="{_f(v.x)}" y="{_f(v.y)}" width="{_f(v.breedte)}" '
        f'height="{_f(v.hoogte)}" fill="{v.kleur}"/>'
    )


def _svg_lijn(lijn: Lijn) -> str:
    return (
        f'<line x1="{_f(lijn.x)}" y1="{_f(lijn.boven)}" x2="{_f(lijn.x)}" '
        f'y2="{_f(lijn.onder)}" stroke="{lijn.kleur}" stroke-width="1"/>'
    )


def svg(g: Grafiek) -> str:
    """The chart as an accessible SVG: ``role="img"``, a Dutch label and a ``<title>``."""
    t = teken(g)
    label = escape(schoon(g.beschrijving))
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" '
        f'width="{_f(t.breedte)}" height="{_f(t.hoogte)}" '
        f'viewBox="0 0 {_f(t.breedte)} {_f(t.hoogte)}" '
        f'font-family="{LETTER}" font-size="{GROOTTE}" fill="#000000">',
        f"<title>{label}</title>",
        _svg_vlak(Vlak(0, 0, t.breedte, t.hoogte, "#ffffff")),
    ]
    delen.extend(_svg_lijn(lijn) for lijn in t.raster)
    delen.extend(_svg_vlak(grond) for grond in ondergronden(t))
    delen.append(_svg_lijn(t.as_))
    delen.extend(_svg_vlak(b) for b in t.balken)
    delen.extend(_svg_tekst(n) for n in (*t.namen, *(w.tekst for w in t.waarden), *t.schaal))
    for vlak, tekst in t.legenda:
        delen.extend((_svg_vlak(vlak), _svg_tekst(tekst)))
    delen.append("</svg>")
    return "".join(delen)


# ---------------------------------------------------------------- PNG (Word)


def png(g: Grafiek, breedte: int = 1520) -> bytes:
    """The same drawing as a bitmap, ``breedte`` pixels wide, in the same order: grid, the
    values' white ground, axis, bars, text."""
    from PIL import Image, ImageDraw, ImageFont

    t = teken(g)
    schaal = breedte / t.breedte
    grootte = round(GROOTTE * schaal)
    letter = _lettertype(grootte) or ImageFont.load_default(grootte)
    beeld = Image.new("RGB", (breedte, math.ceil(t.hoogte * schaal)), "white")
    pen = ImageDraw.Draw(beeld)

    def s(v: float) -> float:
        return v * schaal

    def vlak(v: Vlak) -> None:
        pen.rectangle([(s(v.x), s(v.y)), (s(v.x + v.breedte), s(v.y + v.hoogte))], fill=v.kleur)

    def lijn(lijn: Lijn) -> None:
        pen.line([(s(lijn.x), s(lijn.boven)), (s(lijn.x), s(lijn.onder))], fill=lijn.kleur)

    for raster in t.raster:
        lijn(raster)
    for grond in ondergronden(t):
        vlak(grond)
    lijn(t.as_)
    for b in (*t.balken, *(v for v, _ in t.legenda)):
        vlak(b)
    for tekst in (*t.namen, *(w.tekst for w in t.waarden), *t.schaal, *(x for _, x in t.legenda)):
        anker = "lm" if tekst.anker == "start" else "rm"
        pen.text(
            (s(tekst.x), s(tekst.y)), schoon(tekst.tekst), fill="black", font=letter, anchor=anker
        )
    uit = io.BytesIO()
    beeld.save(uit, format="PNG")
    return uit.getvalue()
