"""The national chart: the verschil (realisatie − opgave) per provincie for each soort
(pygal, server-side SVG). The table above it has the same numbers.

Embedded as an ``<img>`` with a data: URI (CSP ``img-src data:``), not inline: the page then
has no CSP nonce, so a browser may keep it and revalidate it with the ETag (a 304 reuses the
page as it was, nonce included, and a new nonce would block an inline ``<style>``).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from regietafel.core import opmaak
from regietafel.core.grafiek import getekend, stijl
from regietafel.landelijk.queries import Landelijk
from regietafel.monitoring.queries import TABEL_SOORTEN

TITEL = "Verschil tussen realisatie en opgave per provincie en soort"


@dataclass(frozen=True)
class Grafiek:
    data_uri: str
    beschrijving: str


def grafiek(o: Landelijk) -> Grafiek:
    """The chart, drawn once per content (``core.grafiek.getekend``): what it shows is the
    verschil per provincie and soort and the national totals."""
    inhoud = (
        [(r.provincie.naam, [s.verschil for s in r.soorten]) for r in o.rijen],
        [t.verschil for t in o.totaal],
    )
    return getekend("landelijk-grafiek", inhoud, lambda: _grafiek(o))


def _grafiek(o: Landelijk) -> Grafiek:
    import pygal

    chart = pygal.HorizontalBar(
        style=stijl(
            grootte=11,
            guide_stroke_color="#d9d9d9",
            guide_stroke_dasharray="none",
            major_guide_stroke_color="#d9d9d9",
            major_guide_stroke_dasharray="none",
        ),
        disable_xml_declaration=True,
        js=[],
        width=760,
        height=90 + 30 * len(o.rijen),
        title=None,
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        truncate_label=-1,
        truncate_legend=-1,
        value_formatter=lambda x: opmaak.getal(int(x)),
        margin=10,
        spacing=8,
        include_x_axis=True,
    )
    rijen = list(reversed(o.rijen))  # pygal draws the first label at the bottom
    chart.x_labels = [r.provincie.naam for r in rijen]
    for i, (_soort, _c, titel) in enumerate(TABEL_SOORTEN):
        chart.add(f"{titel}: verschil", [r.soorten[i].verschil for r in rijen])
    svg = chart.render(is_unicode=True)
    totaal = ", ".join(
        f"{titel} {opmaak.getal(t.verschil) if t.verschil is not None else 'geen verschil'}"
        for (_s, _c, titel), t in zip(TABEL_SOORTEN, o.totaal, strict=True)
    )
    return Grafiek(
        data_uri="data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
        beschrijving=(
            f"{TITEL}; negatief is een tekort. Landelijk: {totaal}. "
            "De cijfers per provincie staan in de tabel."
        ),
    )
