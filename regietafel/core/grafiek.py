"""What every chart shares: pygal, rendered on the server to accessible inline SVG.

No pygal JavaScript is loaded (``js=[]``); its inline config script, its tooltip texts and
its comments are dropped. The SVG gets ``role="img"``, a Dutch label and a ``<title>``.
Every chart has a table with the same numbers beside it: nothing depends on the chart or
on colour alone (the legend names each series; lines differ in dash and dot too).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import re
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from django.core.cache import cache
from django.utils.html import escape

R = TypeVar("R")
BEWAREN = 3600
"""Seconds a drawn chart is kept (``getekend``)."""

KLEUREN = ("#00436e", "#c05600", "#767676")  # each ≥ 3:1 against white (WCAG 1.4.11)
LETTER = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
# pygal's tooltip texts (for its JavaScript, which we do not load) and comments.
_OVERBODIG = re.compile(r"<desc class=\"[a-z_ ]+\">.*?</desc>|<!--.*?-->", re.S)


def getekend(soort: str, inhoud: object, teken: Callable[[], R]) -> R:
    """Charts drawn once per content: ``teken()`` kept in the cache under ``soort`` and a hash
    of ``inhoud``, everything the charts show (a new figure gives a new key, so nothing stale
    is drawn; pygal costs more than the figures of a page). ``inhoud`` must pickle."""
    sleutel = f"regietafel:{soort}:{hashlib.sha256(pickle.dumps(inhoud, protocol=5)).hexdigest()}"
    uit: R | None = cache.get(sleutel)
    if uit is None:
        uit = teken()
        cache.set(sleutel, uit, BEWAREN)
    return uit


def stijl(
    *,
    kleuren: tuple[str, ...] = KLEUREN,
    letter: str = LETTER,
    grootte: int = 10,
    **extra: Any,
) -> Any:
    """A pygal style: black text on white, opaque colours; ``grootte`` is the label size,
    ``extra`` any other pygal style option."""
    from pygal.style import Style

    return Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#000000",
        foreground_strong="#000000",
        foreground_subtle="#555555",
        opacity="1",
        opacity_hover="1",
        colors=kleuren,
        font_family=letter,
        label_font_size=grootte,
        major_label_font_size=grootte,
        legend_font_size=grootte + 1,
        value_font_size=grootte - 2,
        tooltip_font_size=grootte,
        **extra,
    )


def toegankelijke_svg(chart: Any, label: str) -> str:
    """Render ``chart`` without scripts, labelled for assistive technology."""
    svg = _OVERBODIG.sub("", _SCRIPT.sub("", chart.render(is_unicode=True)))
    label = escape(label)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return svg.replace("<defs>", f"<title>{label}</title><defs>", 1)


def maandlijn(
    labels: list[str],
    aantal_reeksen: int,
    *,
    hoogte: int,
    max_labels: int,
    stippen: int,
    onderbreken: bool,
) -> Any:
    """A pygal line chart over months, as the trend and capacity pages draw them: solid light
    guides (dashes are kept for the opgave lines), at most about ``max_labels`` month labels
    so they never overlap, Dutch numbers, the legend below."""
    import pygal

    from regietafel.core import opmaak

    stap = max(1, -(-len(labels) // max_labels))
    chart = pygal.Line(
        style=stijl(
            grootte=12,
            guide_stroke_color="#d9d9d9",
            guide_stroke_dasharray="none",
            major_guide_stroke_color="#d9d9d9",
            major_guide_stroke_dasharray="none",
        ),
        disable_xml_declaration=True,
        js=[],
        width=720,
        height=hoogte,
        title=None,
        legend_at_bottom=True,
        legend_at_bottom_columns=aantal_reeksen,
        truncate_label=-1,
        truncate_legend=-1,
        x_labels_major_every=stap if stap > 1 else None,
        show_minor_x_labels=stap == 1,
        show_y_guides=True,
        show_x_guides=False,
        value_formatter=lambda x: opmaak.getal(int(x)),
        margin=10,
        spacing=8,
        dots_size=stippen,
        include_x_axis=True,
        allow_interrupts=onderbreken,
    )
    chart.x_labels = labels
    return chart


# --- Charts by URL, stored per content ---------------------------------------------------
#
# A page puts ``<img src="…/<sleutel>.svg" alt="…">`` where it used to inline the chart: the
# key is the hash of everything the chart shows (``sleutel``), so the page computes it from
# the figures it has anyway and draws nothing. The chart's own URL serves the stored SVG
# (``grafiek_antwoord``); when it is not stored yet, that view computes the figures again,
# draws the chart once and stores it in the shared file storage (``core.opslag``, not
# Django's cache) under ``grafieken/<map>/<sleutel>.svg``. A new figure is a new key: nothing
# stale is served and a chart is drawn once per change of what it shows. The table beside
# each chart stays its text alternative.

GRAFIEKEN = "grafieken"
_SLEUTEL = re.compile(r"[0-9a-f]{64}")
_STIJL = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
BEWAAR_IN_BROWSER = 365 * 24 * 3600
"""A stored chart never changes under its key: the browser may keep it."""


def sleutel(soort: str, inhoud: object) -> str:
    """The key of a chart: the hash of its kind and of everything it shows (must pickle)."""
    return hashlib.sha256(pickle.dumps((soort, inhoud), protocol=5)).hexdigest()


def _naam(map_: str, sleutel_: str) -> str | None:
    if not _SLEUTEL.fullmatch(sleutel_) or not re.fullmatch(r"[a-z0-9-]+", map_):
        return None
    return f"{GRAFIEKEN}/{map_}/{sleutel_}.svg"


def bewaard(map_: str, sleutel_: str) -> bytes | None:
    """The stored chart (None: not stored, or not a key)."""
    from regietafel.core.opslag import opslag

    naam = _naam(map_, sleutel_)
    if naam is None:
        return None
    try:
        with opslag().open(naam, "rb") as bestand:
            return bytes(bestand.read())
    except (FileNotFoundError, IsADirectoryError):
        return None


def bewaar(map_: str, sleutel_: str, svg: str) -> bytes:
    """Store a drawn chart as a file of its own (style attributes turned into presentation
    attributes: its response's policy allows only its own ``<style>`` elements)."""
    from django.core.files.base import ContentFile

    from regietafel.core.opslag import opslag
    from regietafel.core.templatetags.csp_svg import zonder_stijlattributen

    naam = _naam(map_, sleutel_)
    if naam is None:
        raise ValueError(f"geen grafieksleutel: {sleutel_!r}")
    data = zonder_stijlattributen(svg).encode()
    o = opslag()
    if not o.exists(naam):
        opgeslagen = o.save(naam, ContentFile(data))
        if opgeslagen != naam:  # another server stored the same chart a moment ago
            o.delete(opgeslagen)
    return data


class Getekend(Protocol):
    """A chart by URL (``monitoring.grafiek.Paneel``, ``locaties.grafiek.Paneel``): its panel
    name, its key (the hash of what it shows) and its drawing."""

    @property
    def sleutel(self) -> str: ...

    @property
    def grafiek(self) -> str: ...

    def teken(self) -> str: ...


def bewaar_alle(map_: str, panelen: Iterable[Getekend]) -> dict[str, tuple[str, bytes]]:
    """Per panel name (its key, its SVG): the stored chart, or drawn now and stored (the
    projections job, and a chart URL whose key is not stored: the page's other charts are
    asked for next)."""
    return {
        p.sleutel: (p.grafiek, bewaard(map_, p.grafiek) or bewaar(map_, p.grafiek, p.teken()))
        for p in panelen
    }


def paneel_antwoord(map_: str, panelen: Iterable[Getekend], paneel: str, sleutel_: str) -> Any:
    """The chart ``paneel`` of a page whose key was not stored: all of the page's charts drawn
    and stored, the one asked for served; kept by the browser only when ``sleutel_`` is still
    its key (otherwise the figures changed since the page was made: today's chart)."""
    from django.http import Http404

    getekend = bewaar_alle(map_, panelen)
    if paneel not in getekend:
        raise Http404("Deze grafiek bestaat niet.")
    huidig, svg = getekend[paneel]
    return grafiek_antwoord(svg, vast=huidig == sleutel_)


def ruim_op(dagen: int, nu: dt.datetime) -> int:
    """Remove the stored charts not written for ``dagen`` days before ``nu`` (the sweep of
    ``taken.services.ruim_op``, with the one clock); returns how many. A chart of figures that
    still hold is drawn again by its URL when asked; an old key only served pages that are
    long out of date."""
    from regietafel.core.opslag import alle_namen, opslag

    o = opslag()
    grens = (nu - dt.timedelta(days=dagen)).timestamp()
    weg = 0
    for naam in alle_namen(GRAFIEKEN):
        try:
            if o.get_modified_time(naam).timestamp() < grens:
                o.delete(naam)
                weg += 1
        except (OSError, NotImplementedError):
            continue
    return weg


def grafiek_antwoord(svg: bytes, *, vast: bool = True) -> Any:
    """The chart as ``image/svg+xml``: no script, only its own ``<style>`` elements (by
    hash); kept by the browser when ``vast`` (it is the chart of its key)."""
    import base64

    from django.http import HttpResponse
    from django.utils.cache import patch_cache_control

    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode() + "'"
        for m in _STIJL.finditer(svg.decode())
    )
    stijlen = hashes or "'none'"
    antwoord = HttpResponse(svg, content_type="image/svg+xml")
    antwoord["Content-Security-Policy"] = (
        f"default-src 'none'; style-src {stijlen}; frame-ancestors 'self'"
    )
    antwoord["X-Content-Type-Options"] = "nosniff"
    if vast:
        patch_cache_control(antwoord, private=True, max_age=BEWAAR_IN_BROWSER, immutable=True)
    else:
        patch_cache_control(antwoord, private=True, no_cache=True)
    return antwoord
