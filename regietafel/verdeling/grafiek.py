"""Charts of the workbench: pygal, rendered on the server to inline SVG.

No pygal JavaScript is loaded (``js=[]``) and its inline config script is dropped; the SVG
gets ``role="img"`` and a Dutch label, and every chart has a table with the same numbers
beside it (nothing depends on the chart or on colour alone).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from regietafel.core import opmaak
from regietafel.core.grafiek import KLEUREN as KLEURENSET
from regietafel.core.grafiek import stijl, toegankelijke_svg
from regietafel.domain.restopgave import Opvangtype
from regietafel.verdeling.queries import Werkblad

REEKSEN = ("Indicatief", "Aangeboden", "Toegewezen")
# Indicatief grey, aangeboden blue, toegewezen orange.
KLEUREN = (KLEURENSET[2], KLEURENSET[0], KLEURENSET[1])


@dataclass(frozen=True)
class Grafiek:
    opvangtype: Opvangtype
    titel: str
    svg: SafeString
    rijen: list[tuple[str, int, int, int]]
    """(gemeente, indicatief, aangeboden, toegewezen): the table beside the chart."""


def _svg(titel: str, namen: list[str], reeksen: list[list[int]]) -> SafeString:
    import pygal

    grafiek = pygal.HorizontalBar(
        style=stijl(kleuren=KLEUREN, letter="system-ui, 'Segoe UI', Arial, sans-serif", grootte=13),
        disable_xml_declaration=True,
        js=[],
        width=720,
        height=90 + 42 * max(1, len(namen)),
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        truncate_label=-1,
        truncate_legend=-1,
        print_values=False,
        show_y_guides=False,
        value_formatter=lambda x: opmaak.getal(int(x)),
        margin=10,
        spacing=8,
    )
    # HorizontalBar draws the first label at the bottom: reverse for A→Z from the top.
    grafiek.x_labels = list(reversed(namen))
    for naam, waarden in zip(REEKSEN, reeksen, strict=True):
        grafiek.add(naam, list(reversed(waarden)))
    return SafeString(
        toegankelijke_svg(grafiek, f"{titel}. De cijfers staan in de tabel naast de grafiek.")
    )


def grafieken(werkblad: Werkblad) -> list[Grafiek]:
    """Grouped bars per gemeente, one chart per opvangtype."""
    uit = []
    for t, titel in (
        ("regulier", "Reguliere opvangplaatsen per gemeente"),
        ("amv", "Amv-opvangplaatsen per gemeente"),
    ):
        opvangtype: Opvangtype = "regulier" if t == "regulier" else "amv"
        rijen: list[tuple[str, int, int, int]] = [
            (
                r.naam,
                getattr(r.indicatief, t),
                getattr(r.aangeboden, t),
                getattr(r.definitief, t),
            )
            for r in werkblad.rijen
        ]
        reeksen = [
            [rij[1] for rij in rijen],
            [rij[2] for rij in rijen],
            [rij[3] for rij in rijen],
        ]
        uit.append(
            Grafiek(
                opvangtype=opvangtype,
                titel=titel,
                svg=_svg(
                    f"{titel}: indicatief, aangeboden (verslag en kansrijk) en toegewezen",
                    [r[0] for r in rijen],
                    reeksen,
                ),
                rijen=rijen,
            )
        )
    return uit
