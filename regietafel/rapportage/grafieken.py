"""Charts of the reports: one data object, drawn as SVG (pygal, vector) for HTML, PDF and Word.

Word needs a bitmap beside an SVG for old readers; ``png`` draws the same bars with Pillow
(a WeasyPrint dependency) without network. Every chart has a table with the same numbers in
the same report; nothing depends on colour alone (the legend names each series).
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from regietafel.core import opmaak
from regietafel.core.grafiek import KLEUREN, stijl, toegankelijke_svg


@dataclass(frozen=True)
class Reeks:
    naam: str
    waarden: tuple[int | None, ...]
    """None: no figure (no bar, never a bar of 0)."""


@dataclass(frozen=True)
class Grafiek:
    sleutel: str
    titel: str
    beschrijving: str
    """Alternative text: what the chart shows and where the numbers are."""
    categorieen: tuple[str, ...]
    reeksen: tuple[Reeks, ...]
    svg: str = ""

    @property
    def hoogte(self) -> int:
        return 60 + len(self.categorieen) * (6 + 8 * len(self.reeksen))

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
    return Grafiek(sleutel, titel, beschrijving, categorieen, reeksen, svg=_svg(grafiek))


def _svg(g: Grafiek) -> str:
    import pygal

    chart = pygal.HorizontalBar(
        style=stijl(),
        disable_xml_declaration=True,
        js=[],
        width=760,
        height=g.hoogte,
        legend_at_bottom=True,
        legend_at_bottom_columns=len(g.reeksen),
        truncate_label=-1,
        truncate_legend=-1,
        print_values=True,
        print_values_position="top",
        show_y_guides=True,
        show_x_guides=False,
        value_formatter=lambda x: opmaak.getal(int(x)),
        margin=6,
        spacing=6,
    )
    # HorizontalBar draws the first label at the bottom: reverse for A→Z from the top.
    chart.x_labels = list(reversed(g.categorieen))
    for reeks in g.reeksen:
        chart.add(reeks.naam, list(reversed(reeks.waarden)))
    return toegankelijke_svg(chart, g.beschrijving)


def _lettertype(grootte: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    for naam in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(naam, grootte)
        except OSError:
            continue
    return ImageFont.load_default(grootte)


def png(g: Grafiek, breedte: int = 1520) -> bytes:
    """The same chart as a bitmap (horizontal grouped bars, values printed, legend below)."""
    from PIL import Image, ImageDraw

    schaal = breedte / 760
    letter = _lettertype(round(11 * schaal))
    balk = round(8 * schaal)
    groep = round(6 * schaal) + balk * len(g.reeksen)
    boven = round(10 * schaal)
    legenda = round(30 * schaal)
    hoogte = boven + groep * len(g.categorieen) + legenda + round(24 * schaal)
    beeld = Image.new("RGB", (breedte, hoogte), "white")
    teken = ImageDraw.Draw(beeld)
    labelbreedte = max(teken.textlength(c, font=letter) for c in g.categorieen) + 12 * schaal
    alle = [w for r in g.reeksen for w in r.waarden if w is not None]
    laagste, hoogste = min(0, *alle), max(1, *alle)
    links = labelbreedte
    rechts = breedte - 60 * schaal
    bereik = hoogste - laagste

    def x(w: int) -> float:
        return links + (w - laagste) / bereik * (rechts - links)

    nul = x(0)
    teken.line([(nul, boven), (nul, boven + groep * len(g.categorieen))], fill="#555555")
    for i, categorie in enumerate(g.categorieen):
        y0 = boven + i * groep
        teken.text((8 * schaal, y0 + groep / 2), categorie, fill="black", font=letter, anchor="lm")
        for j, reeks in enumerate(g.reeksen):
            w = reeks.waarden[i]
            if w is None:
                continue
            y = y0 + round(3 * schaal) + j * balk
            teken.rectangle(
                [(min(nul, x(w)), y), (max(nul, x(w)), y + balk - 2)], fill=KLEUREN[j % 3]
            )
            tekst_x = max(nul, x(w)) + 4 * schaal
            teken.text(
                (tekst_x, y + balk / 2), opmaak.getal(w), fill="black", font=letter, anchor="lm"
            )
    y = boven + groep * len(g.categorieen) + round(14 * schaal)
    lx = links
    for j, reeks in enumerate(g.reeksen):
        teken.rectangle([(lx, y), (lx + balk, y + balk)], fill=KLEUREN[j % 3])
        teken.text(
            (lx + balk + 6 * schaal, y + balk / 2),
            reeks.naam,
            fill="black",
            font=letter,
            anchor="lm",
        )
        lx += balk + 16 * schaal + teken.textlength(reeks.naam, font=letter)
    uit = io.BytesIO()
    beeld.save(uit, format="PNG")
    return uit.getvalue()
