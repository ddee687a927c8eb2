"""SVG ``<text>`` in WeasyPrint laid out once per label instead of once per letter.

WeasyPrint draws SVG text letter by letter: for every character it builds a Pango layout and
writes a text object, so that ``dx``, ``dy``, ``rotate`` and ``textLength`` can move each one;
a label with ``text-anchor`` other than ``start`` also becomes a PDF form of its own, shifted
once its width is known. The charts of a Stand van zaken use none of that: 700 labels, 3.500
letters and 226 forms, 0,6 s of a profiled Noord-Brabant PDF (0,2 s of CPU without profiler).

``installeer`` replaces ``SVG.draw_node`` by a function that draws a *plain* label — one
``<text>`` with its own text only, one ``x`` and ``y``, no per-letter positions, spacing,
transform, opacity, filter, clip, mask, gradient or pattern — as one line, anchored by its
width, and hands every other node to WeasyPrint's own function. The line is shaped without
kerning and ligatures, as the letters are when WeasyPrint lays them out one by one, so each
glyph lands where it did: the same text, the same places (to a hundredth of a point).
Should a WeasyPrint version lack one of the parts used here, nothing is replaced.
"""

from __future__ import annotations

from types import ModuleType, SimpleNamespace
from typing import Any

EIGEN = frozenset(
    (
        "dx",
        "dy",
        "rotate",
        "textLength",
        "lengthAdjust",
        "letter-spacing",
        "transform",
        "filter",
        "clip-path",
        "mask",
        "display-anchor",
        "dominant-baseline",
        "alignment-baseline",
        "writing-mode",
    )
)
"""Attributes that make a label not plain: WeasyPrint draws those itself."""

ANKERS = {"start": 0.0, "middle": 0.5, "end": 1.0}


def installeer(weasyprint: ModuleType) -> bool:
    """Let WeasyPrint's SVG renderer draw plain labels as one line (once per process);
    ``False`` when this WeasyPrint lacks a part the fast path needs."""
    w = _delen()
    if w is None:
        return False
    klasse = w.svg.SVG
    origineel = klasse.draw_node
    if getattr(origineel, "regietafel", False):
        return True
    if not all(hasattr(w.tekst, naam) for naam in ("TextBox", "Style")):
        return False

    def draw_node(
        self: Any, node: Any, font_size: float, fill_stroke: bool = True, context: Any = None
    ) -> None:
        if _gewoon(w, node, fill_stroke, context):
            _teken(w, self, node, font_size)
        else:
            origineel(self, node, font_size, fill_stroke, context)

    draw_node.regietafel = True  # type: ignore[attr-defined]
    klasse.draw_node = draw_node
    return True


def _delen() -> SimpleNamespace | None:
    """The parts of WeasyPrint the fast path uses; None when this version lacks one."""
    try:
        import importlib

        from weasyprint.css.properties import INITIAL_VALUES
        from weasyprint.draw.text import draw_emojis, draw_first_line
        from weasyprint.matrix import Matrix
        from weasyprint.svg.bounding_box import EMPTY_BOUNDING_BOX, extend_bounding_box
        from weasyprint.svg.utils import alpha_value, color, normalize, size
        from weasyprint.text.ffi import FROM_UNITS, pango
        from weasyprint.text.line_break import create_layout, line_size

        return SimpleNamespace(
            svg=importlib.import_module("weasyprint.svg"),
            tekst=importlib.import_module("weasyprint.svg.text"),
            INITIAL_VALUES=INITIAL_VALUES,
            draw_emojis=draw_emojis,
            draw_first_line=draw_first_line,
            Matrix=Matrix,
            EMPTY_BOUNDING_BOX=EMPTY_BOUNDING_BOX,
            extend_bounding_box=extend_bounding_box,
            alpha_value=alpha_value,
            color=color,
            normalize=normalize,
            size=size,
            FROM_UNITS=FROM_UNITS,
            pango=pango,
            create_layout=create_layout,
            line_size=line_size,
        )
    except ImportError:
        return None


def _gewoon(w: SimpleNamespace, node: Any, fill_stroke: bool, context: Any) -> bool:
    """Whether ``node`` is a plain label (see the module's docstring)."""
    if node.tag != "text" or not fill_stroke or context is not None:
        return False
    if not node.text or not node.visible or node._wrapper.etree_children:
        return False
    attributen = node.attrib
    if not EIGEN.isdisjoint(attributen):
        return False
    if node.get("direction", "ltr") != "ltr" or node.get("text-anchor", "start") not in ANKERS:
        return False
    if "url(" in node.get("fill", "") or "url(" in node.get("stroke", ""):
        return False
    if w.alpha_value(node.get("opacity", 1)) != 1:
        return False
    return all(" " not in w.normalize(attributen.get(as_, "")).strip() for as_ in ("x", "y"))


def _stijl(w: SimpleNamespace, svg: Any, node: Any, font_size: float) -> Any:
    """The label's text style, as WeasyPrint lays out its letters: no kerning, no ligatures."""
    stijl = w.tekst.Style()
    stijl.update(w.INITIAL_VALUES)
    stijl.font_config = svg.font_config
    stijl["font_family"] = [
        naam.strip("\"'") for naam in node.get("font-family", "sans-serif").split(",")
    ]
    stijl["font_style"] = node.get("font-style", "normal")
    stijl["font_weight"] = _gewicht(node.get("font-weight", 400))
    stijl["font_size"] = font_size
    stijl["font_kerning"] = "none"
    stijl["font_variant_ligatures"] = "none"
    return stijl


def _teken(w: SimpleNamespace, svg: Any, node: Any, font_size: float) -> None:
    """Draw the plain label ``node`` as one line on ``svg`` (a ``weasyprint.svg.SVG``)."""
    font_size = w.size(node.get("font-size", "1em"), font_size, font_size)
    stijl = _stijl(w, svg, node, font_size)
    # One layout, kept active for drawing (``split_first_line`` would free it at once).
    layout = w.create_layout(node.text, stijl, svg.context, None, 0)
    eerste, _ = layout.get_first_line()
    breedte, hoogte = w.line_size(eerste, stijl)
    basislijn = w.pango.pango_layout_get_baseline(layout.layout) * w.FROM_UNITS
    x = w.size(node.get("x"), font_size, svg.inner_width) if node.get("x") else 0
    y = w.size(node.get("y"), font_size, svg.inner_height) if node.get("y") else 0
    x -= breedte * ANKERS[node.get("text-anchor", "start")]
    node.text_bounding_box = w.extend_bounding_box(
        w.EMPTY_BOUNDING_BOX, ((x, y - basislijn), (x + breedte, y - basislijn + hoogte))
    )
    stream = svg.stream
    stream.push_state()
    _, fill = node.get_paint("fill")
    _, stroke = node.get_paint("stroke")
    if stroke or not fill:
        fill, stroke = svg.set_graphical_state(node, font_size)
    else:
        # Filled text only needs its colour: the line settings WeasyPrint adds for a
        # stroke (dash, cap, join, miter) do nothing to it.
        kleur = w.color(fill)
        kleur.alpha *= w.alpha_value(node.get("fill-opacity", 1))
        stream.set_color(kleur)
    stream.begin_text()
    svg.fill_stroke(fill, stroke, text=True)
    regel = w.tekst.TextBox(layout, stijl)
    regel.baseline = basislijn
    emojis = w.draw_first_line(stream, regel, "none", "none", w.Matrix(a=1, d=-1, e=x, f=y))
    stream.end_text()
    if emojis:
        w.draw_emojis(stream, stijl, x, y, emojis)
    stream.pop_state()
    svg.cursor_position = [0, 0]
    svg.cursor_d_position = [0, 0]
    svg.text_path_width = 0


def _gewicht(waarde: object) -> int:
    if waarde == "normal":
        return 400
    if waarde == "bold":
        return 700
    try:
        return int(str(waarde))
    except ValueError:
        return 400
