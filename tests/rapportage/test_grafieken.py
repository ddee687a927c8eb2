"""The charts of the Stand van zaken (issue 16, point 7): every value printed outside its bar,
readable, never crossed by a bar or a grid line, and present as text in the PDF.

The layout is computed once (``grafieken.teken``) and drawn twice (SVG for HTML and PDF, PNG for
Word); these tests check the layout's geometry for any values, and the PDF's text for the
demo's values in the order the chart draws them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core import opmaak
from regietafel.gemeenten.models import Provincie
from regietafel.rapportage import bouwen
from regietafel.rapportage.grafieken import (
    GEEN,
    GROOTTE,
    Grafiek,
    Reeks,
    Tekening,
    Tekst,
    Vlak,
    maak,
    ondergrond,
    ondergronden,
    png,
    teken,
    tekstbreedte,
)
from regietafel.rapportage.queries import controleer_peildatum
from tests.rapportage.conftest import genereer_bestanden, normaal

HOOGTE = GROOTTE * 0.75
"""The height of a figure (the digits' cap height)."""


def _vak(t: Tekst) -> tuple[float, float, float, float]:
    return (t.links, t.y - HOOGTE / 2, t.rechts, t.y + HOOGTE / 2)


def _overlapt(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _vlak_vak(v: Vlak) -> tuple[float, float, float, float]:
    return (v.x, v.y, v.x + v.breedte, v.y + v.hoogte)


def controleer(g: Grafiek, t: Tekening) -> None:
    """Every value outside its bar and inside the chart; no figure under a bar or another
    figure; every grid line under a figure covered by its white ground."""
    waarden = [w for r in g.reeksen for w in r.waarden]
    assert len(t.waarden) == len(waarden)
    gronden = set(ondergronden(t))
    verwacht = sorted(GEEN if w is None else opmaak.getal(w) for w in waarden)
    assert sorted(w.tekst.tekst for w in t.waarden) == verwacht
    for w in t.waarden:
        vak = _vak(w.tekst)
        assert w.tekst.links >= 0 and w.tekst.rechts <= t.breedte, w
        assert w.tekst.tekst == GEEN or w.balk is not None
        if w.balk is not None:  # beside the end of its own bar, never on it
            eind = w.balk.x + w.balk.breedte
            assert w.tekst.links >= eind or w.tekst.rechts <= w.balk.x, w
        for b in t.balken:
            assert not _overlapt(vak, _vlak_vak(b)), (w, b)
        for ander in t.waarden:
            if ander is not w:
                assert not _overlapt(vak, _vak(ander.tekst)), (w, ander)
        for naam in t.namen:
            assert not _overlapt(vak, _vak(naam)), (w, naam)
        grond = _vlak_vak(ondergrond(w.tekst))
        for lijn in t.raster:
            if vak[0] <= lijn.x <= vak[2]:
                assert grond[0] <= lijn.x <= grond[2] and grond[1] <= vak[1] <= vak[3] <= grond[3]
                assert ondergrond(w.tekst) in gronden  # and it is drawn


aantallen = st.one_of(st.none(), st.integers(min_value=-2_000, max_value=250_000))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text("abcdefghij -", min_size=1, max_size=18), min_size=1, max_size=14),
    st.integers(min_value=1, max_value=3),
    st.data(),
)
def test_every_value_sits_outside_its_bar(
    namen: list[str], reeksen: int, data: st.DataObject
) -> None:
    waarden = [
        Reeks(f"Reeks {j}", tuple(data.draw(aantallen) for _ in namen)) for j in range(reeksen)
    ]
    g = Grafiek("g", "Test", "Test", tuple(namen), tuple(waarden))
    controleer(g, teken(g))


def test_figures_are_as_large_as_the_names_and_read_at_100_percent() -> None:
    g = maak("g", "Test", ("Emmen",), (Reeks("Opgave", (996,)),), "T")
    assert f'font-size="{GROOTTE}"' in g.svg and "font-size" not in g.svg.split(">", 1)[1]
    # The PDF prints the chart at the text width, about 0.85 of its size: at least 10 px.
    assert GROOTTE * 0.85 >= 10
    assert tekstbreedte("1.004") > tekstbreedte("996")


def test_a_missing_figure_is_a_dash_without_a_bar_and_negative_values_go_left() -> None:
    g = maak("g", "Test", ("A", "B"), (Reeks("Achter/voor", (None, -4)),), "T")
    t = teken(g)
    (balk,) = t.balken
    leeg, negatief = t.waarden
    assert leeg.tekst.tekst == GEEN and leeg.balk is None
    assert negatief.tekst.tekst == "−4" and negatief.tekst.anker == "end"
    assert negatief.tekst.rechts <= balk.x
    assert all(w.tekst.tekst != "0" for w in t.waarden)  # no 0 for the missing figure
    assert png(g)[:8] == b"\x89PNG\r\n\x1a\n"


def test_grid_lines_lie_under_the_white_ground_of_the_figures() -> None:
    # 390's figure lies across the grid line of 400; 1.004's lies beyond the last line.
    g = maak("g", "Test", ("A", "B"), (Reeks("R", (390, 1004)),), "T")
    t = teken(g)
    assert [round(v.x) for v in ondergronden(t)] == [round(ondergrond(t.waarden[0].tekst).x)]
    assert g.svg.count('fill="#ffffff"') == 2  # the background and the one ground
    regels = g.svg
    laatste_lijn = regels.rindex('stroke="#d9d9d9"')
    eerste_balk = regels.index('fill="#00436e"')
    grond = regels.index('fill="#ffffff"', regels.index("<title>"))
    grond = regels.index('fill="#ffffff"', grond + 1)  # the first after the background
    assert laatste_lijn < grond < eerste_balk


@pytest.mark.django_db
def test_the_pdf_holds_every_value_of_every_chart_in_drawing_order(
    demo_db: Callable[[], Provincie],
) -> None:
    """The charts' figures are text in the PDF, in the order the charts draw them, on the
    pages that hold the charts."""
    from pypdf import PdfReader

    document = bouwen.stand_document(demo_db(), dt.date(2025, 11, 1))
    grafieken = bouwen.stand_grafieken(controleer_peildatum(demo_db(), dt.date(2025, 11, 1)))
    assert len(grafieken) == 4
    pdf = genereer_bestanden(lambda: document, ("pdf",))["pdf"]
    paginas = [normaal(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]
    for g in grafieken:
        pagina = next(p for p in paginas if g.titel in p)
        tokens = re.findall(r"[−-]?\d[\d.]*|–", pagina)
        verwacht = [w.tekst.tekst for w in teken(g).waarden]
        rest = iter(tokens)
        assert all(any(t == v for t in rest) for v in verwacht), (g.titel, verwacht, tokens)


def test_a_name_with_control_characters_is_drawn_without_them() -> None:
    """A gemeente name is a user's text: a carriage return (which the text layout refuses)
    or another control character becomes a space in the SVG and the PNG."""
    g = maak("g", "Test", ("\r=1+2 X", "\tA\x07"), (Reeks("R", (1, 2)),), "T")
    assert "\r" not in g.svg and "\x07" not in g.svg and "\t" not in g.svg
    assert " =1+2 X" in g.svg
    assert png(g)[:4] == b"\x89PNG"


def test_a_chart_taller_than_a_page_is_split_into_parts_with_one_scale() -> None:
    """56 gemeenten (Noord-Brabant) do not fit on one page: the page would cut the chart
    off. The parts each fit, hold every name and value once and in order, and share the
    scale and the name column of the whole, so a bar has the same length in every part."""
    from regietafel.rapportage.grafieken import PAGINA, op_paginas

    namen = tuple(f"Gemeente {i}" for i in range(56))
    opgave = tuple(10 * i for i in range(56))
    realisatie = tuple(None if i % 7 == 0 else 9 * i - 40 for i in range(56))
    g = maak("g", "Test", namen, (Reeks("Opgave", opgave), Reeks("Realisatie", realisatie)), "T")
    assert teken(g).hoogte > PAGINA
    delen = op_paginas(g)
    assert len(delen) == 3
    assert [d.titel for d in delen] == [f"Test ({i} van 3)" for i in (1, 2, 3)]
    assert all(teken(d).hoogte <= PAGINA for d in delen)
    assert tuple(n for d in delen for n in d.categorieen) == namen
    assert tuple(w for d in delen for w in d.reeksen[1].waarden) == realisatie
    geheel = teken(g)
    for d in delen:
        t = teken(d)
        controleer(d, t)
        assert t.as_.x == geheel.as_.x  # the same zero line
        assert [s.tekst for s in t.schaal] == [s.tekst for s in geheel.schaal]
        assert d.svg and d.titel in d.beschrijving
    # The same value has a bar of the same length in whichever part it is.
    lengtes = {
        w.tekst.tekst: round(w.balk.breedte, 6)
        for d in delen
        for w in teken(d).waarden
        if w.balk is not None
    }
    for w in geheel.waarden:
        if w.balk is not None:
            assert lengtes[w.tekst.tekst] == round(w.balk.breedte, 6)
    # A chart that fits stays as it is.
    klein = maak("k", "Klein", namen[:12], (Reeks("Opgave", opgave[:12]),), "T")
    assert op_paginas(klein) == (klein,)
