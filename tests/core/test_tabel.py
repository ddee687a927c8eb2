"""core.tabel: the one table of every page, Excel and document; its cell kinds and options."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from regietafel.core.tabel import Kolom, Lijst, Link, Noot, Ontbreekt, Tabel, kaal, tekst

KOLOMMEN = (Kolom("Gemeente", "tekst"), Kolom("Aantal"), Kolom("Verschil", "verschil"))


def _tabel(*rijen: tuple[object, ...], **opties: object) -> Tabel:
    return Tabel(
        sleutel="Proef",
        titel="Proef",
        bijschrift="",
        kolommen=KOLOMMEN,
        rijen=tuple(rijen),  # type: ignore[arg-type]
        **opties,  # type: ignore[arg-type]
    )


def _html(tabel: Tabel, **opties: object) -> str:
    request = RequestFactory().get("/")
    return render_to_string("core/tabel.html", {"tabel": tabel, **opties}, request=request)


def test_a_missing_figure_is_never_a_zero() -> None:
    aantal = KOLOMMEN[1]
    assert tekst(aantal, None) == ""
    assert tekst(Kolom("Aantal", leeg="–"), None) == "–"
    assert tekst(aantal, Ontbreekt()) == "–" and kaal(Ontbreekt()) is None
    html = _html(_tabel(("Assen", Ontbreekt("niet aangeleverd"), None)))
    assert (
        '<span aria-hidden="true">–</span><span class="visueel-verborgen">niet aangeleverd' in html
    )
    assert ">0<" not in html


def test_cell_kinds_on_the_page_and_in_the_exports() -> None:
    rij = (Link("Assen", "/gemeenten/assen/"), Noot(1000, "(999,62)"), -5)
    t = _tabel(rij)
    assert t.tekstrij(rij) == ["Assen", "1.000 (999,62)", "\u22125"]
    assert [kaal(w) for w in rij] == ["Assen", 1000, -5]
    html = _html(t)
    assert '<a class="utrecht-link" href="/gemeenten/assen/">Assen</a></th>' in html
    assert '1.000 <span class="kolom-sub">(999,62)</span>' in html
    assert '<span class="verschil__label">tekort</span>' in html
    geen_tekort = Tabel(
        sleutel="P",
        titel="P",
        bijschrift="",
        rijen=(rij,),
        kolommen=(*KOLOMMEN[:2], Kolom("B − A", "verschil", tekort=False)),
    )
    assert "tekort" not in _html(geen_tekort)
    lijst = Lijst((Noot("Aanbod (regulier)", "dekt", scheiding=": "), "Plafond"), klasse="x")
    assert kaal(lijst) == "Aanbod (regulier): dekt; Plafond"
    assert kaal(Lijst(())) == "–"


def test_hostile_text_is_escaped_everywhere() -> None:
    boos = '<script>alert("x")</script>'
    t = _tabel(
        (Link(boos, 'javascript:"><b>'), Noot(1, boos), 0),
        (Lijst((boos, Noot(boos, boos))), Ontbreekt(boos), None),
        leeg=boos,
    )
    html = _html(t)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert "<script>" not in _html(_tabel(leeg=boos))


def test_options_first_column_scroll_region_anchor_and_empty_text() -> None:
    html = _html(_tabel(("Assen", 1, 0), rijkop=False, scroll=False, klein=True))
    assert 'scope="row"' not in html and "tabel-container" not in html
    assert "tabel-compact" in html
    html = _html(_tabel(anker="lijst", leeg="Nog niets vastgelegd."))
    assert 'id="lijst"' in html and 'aria-labelledby="lijst-caption"' in html
    assert 'colspan="3">Nog niets vastgelegd.</td>' in html
    assert "excel-link" not in html  # no Excel link unless the view offers the table
    html = _html(_tabel(("Assen", 1, 0)), excel_url="?xlsx=Proef")
    assert 'href="?xlsx=Proef"' in html


def test_links_per_row_must_match_the_rows() -> None:
    t = _tabel(("Assen", 1, 0), ("Emmen", 2, 0))
    met = t.met_links(["/a/", ""])
    assert met.rijen[0][0] == Link("Assen", "/a/") and met.rijen[1][0] == "Emmen"
    with pytest.raises(ValueError, match="links"):
        t.met_links(["/a/"])


def test_rows_with_ids_and_classes_and_lists_of_links() -> None:
    """Anchors per row (links from elsewhere point at "#punt-12"), a class per row, a list
    whose items link, a link with words for screen readers only; the exports get the text."""
    lijst = Lijst((Link("Brief <Assen>", "/brieven/1/"), "Bijlage (persoonsgegevens)"))
    rijen = (
        (Link("Assen", "/a/", uitleg="01-11-2025"), 1, 0),
        (lijst, 2, 0),
    )
    t = _tabel(*rijen, rij_ids=("punt-1", "punt-2"), rijklassen=("", "overleg-sub"))
    html = _html(t)
    assert '<tr class="utrecht-table__row" id="punt-1">' in html
    assert '<tr class="utrecht-table__row overleg-sub" id="punt-2">' in html
    assert (
        '<a class="utrecht-link" href="/a/">Assen'
        '<span class="visueel-verborgen"> 01-11-2025</span></a>' in html
    )
    assert '<li><a class="utrecht-link" href="/brieven/1/">Brief &lt;Assen&gt;</a></li>' in html
    assert kaal(lijst) == "Brief <Assen>; Bijlage (persoonsgegevens)"
    assert kaal(rijen[0][0]) == "Assen"
    with pytest.raises(ValueError, match="rij_ids"):
        _tabel(*rijen, rij_ids=("punt-1",))


def test_a_document_table_has_its_widths_and_stays_on_one_page() -> None:
    t = _tabel(("Assen", 1, -1), ("Emmen", 2, 3))
    pdf = _html(t, druk=True, tabel_id="sectie-1", geen_excel=True)
    assert '<col style="width: ' in pdf and "onbreekbaar" in pdf and "tabel-druk" in pdf
    assert 'id="sectie-1-caption"' in pdf and 'id="sectie-1-tabel"' in pdf
    web = _html(t, druk=True, tabel_id="sectie-1", nonce="abc")
    assert '<style nonce="abc">[id="sectie-1-tabel"] col:nth-child(1)' in web
    assert "style=" not in web.split("</style>")[1]
    assert "<colgroup>" not in _html(t)


def test_a_missing_total_is_empty_in_excel_and_a_totals_note_is_a_comment() -> None:
    from regietafel.core.xlsx import werkboek as schrijf
    from tests.core.excelcontrole import werkboek

    kolommen = (Kolom("Gemeente", "tekst"), Kolom("Opgave", som=True), Kolom("V", som=True))
    t = Tabel(
        sleutel="Proef",
        titel="Proef",
        bijschrift="",
        kolommen=kolommen,
        rijen=(("Assen", Ontbreekt("geen opgave"), 5),),
        totaal=("Totaal", Ontbreekt("geen opgave"), Noot(5, "over 1 gemeente")),
    )
    ws = werkboek(schrijf([t], titel="Proef"))["Proef"]
    assert ws["B2"].value is None and ws["B3"].value is None  # never a SUM of nothing: 0
    assert ws["C3"].value == "=SUM(C2:C2)" and ws["C3"].comment.text == "over 1 gemeente"


def test_an_html_cell_shows_safe_markup_on_the_page_and_its_text_elsewhere() -> None:
    from django.utils.safestring import mark_safe

    from regietafel.core.tabel import Html

    boos = '<script>alert("x")</script>'
    knop = Html.opmaak(
        '<form method="post"><button name="lak" value="{}">Lakken</button></form>',
        boos,
        tekst="b",
        klasse="formuliercel",
    )
    kolommen = (*KOLOMMEN[:2], Kolom("Grond", "tekst", klasse="grond"))
    t = Tabel(sleutel="P", titel="P", bijschrift="", kolommen=kolommen, rijen=(("Assen", 3, knop),))
    html = _html(t)
    assert '<td class="utrecht-table__cell grond formuliercel"><form method="post">' in html
    assert '<th scope="col" class="utrecht-table__header-cell grond">Grond</th>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert kaal(knop) == "b" and t.tekstrij(t.rijen[0]) == ["Assen", "3", "b"]
    with pytest.raises(TypeError, match="al veilig"):
        Html(boos)  # never user text as markup: only format_html or a template make a cell
    assert Html(mark_safe("<br>")).markup == "<br>"


def test_an_html_cell_from_a_template_carries_the_csrf_token() -> None:
    from regietafel.core.tabel import Html

    request = RequestFactory().post("/")
    cel = Html.sjabloon(
        "overleg/_actie_status.html",
        {"a": _Actie(), "schrijven": True},
        request=request,
        tekst="Open",
    )
    assert 'name="csrfmiddlewaretoken"' in cel.markup and "Afronden" in cel.markup
    assert "&lt;b&gt;" in cel.markup


class _Actie:
    pk = 1
    status = "open"
    omschrijving = "<b>bellen</b>"

    def get_status_display(self) -> str:
        return "Open"


def test_the_exports_write_an_html_cells_text() -> None:
    from io import BytesIO

    from django.utils.html import format_html

    from regietafel.core import woord
    from regietafel.core.tabel import Html
    from regietafel.core.xlsx import werkboek as schrijf
    from tests.core.excelcontrole import werkboek

    cel = Html(format_html("<select><option>{}</option></select>", "b"), tekst="b")
    t = Tabel(
        sleutel="Proef",
        titel="Proef",
        bijschrift="",
        kolommen=(*KOLOMMEN, Kolom("Grond", "tekst")),
        rijen=(("Assen", 1, 2, cel),),
    )
    ws = werkboek(schrijf([t], titel="Proef"))["Proef"]
    assert ws["D2"].value == "b"
    word = woord.nieuw(titel="Proef", auteur="Proef")
    woord.tabel(word, t)
    uit = BytesIO()
    word.save(uit)
    from docx import Document

    cellen = [c.text for c in Document(BytesIO(uit.getvalue())).tables[0].rows[1].cells]
    assert cellen == ["Assen", "1", "+2", "b"]
