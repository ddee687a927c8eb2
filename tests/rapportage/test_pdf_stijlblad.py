"""``rapportage.pdf``: the report is printed with WeasyPrint's own (parsed) user-agent
stylesheet minus the footnote and note rules, ``::marker`` for list items only; what it
prints is what the full stylesheet prints."""

from __future__ import annotations

from regietafel.rapportage import pdf

HTML = """<!DOCTYPE html><html lang="nl"><body>
<h1>Kop</h1><ul><li>een</li><li>twee</li></ul><ol><li>drie</li></ol>
<table><thead><tr><th>Gemeente</th><th>Opgave</th></tr></thead>
<tbody><tr><th>Assen</th><td>1.303</td></tr></tbody></table></body></html>"""


def test_the_light_stylesheet_is_weasyprints_own_without_notes() -> None:
    from weasyprint import HTML as Gewoon
    from weasyprint import html as weasyprint_html

    klasse = pdf._html_klasse()
    assert klasse is not Gewoon
    (licht,) = klasse(string="<p>x</p>")._ua_stylesheets()
    vol = weasyprint_html.UA_STYLESHEET
    pseudo = {regel[3] for regel in licht.matcher.other_selectors}
    assert not pseudo & pdf.NOTEN and "marker" not in pseudo
    assert [r[3] for r in licht.matcher.lower_local_name_selectors["li"]].count("marker") == 1
    # WeasyPrint's own stylesheet is left as it was (forms and other documents use it).
    assert {r[3] for r in vol.matcher.other_selectors} >= pdf.NOTEN | {"marker"}


def test_lists_and_tables_print_as_with_the_full_stylesheet() -> None:
    from weasyprint import HTML as Gewoon

    licht = pdf._html_klasse()(string=HTML).write_pdf()
    assert licht == Gewoon(string=HTML).write_pdf()
    # The list items have their markers (drawn as text: the bullet and the number).
    assert licht != Gewoon(string=HTML.replace("<li>", '<li style="list-style: none">')).write_pdf()
