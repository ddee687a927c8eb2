"""HTML and PDF of a report: one Django template, printed by WeasyPrint (tagged, lang nl)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from regietafel.core import weasy
from regietafel.rapportage.document import Document

NOTEN = re.compile(r"^::(?:footnote|note)-[a-z]+ \{[^}]*\}\n", re.MULTILINE)
"""The rules of WeasyPrint's user-agent stylesheet for footnotes and notes (a report has none)."""


def html(document: Document) -> str:
    """The report as a standalone HTML document (the page WeasyPrint prints)."""
    return _engine().render_to_string("rapportage/document.html", {"document": document})


@cache
def _engine() -> Any:
    """A template engine for the documents: the project's templates with only the tag library
    they load (``excel``, through ``core/tabel.html``). The project's engine imports every
    app's tag libraries when it starts — Django REST framework's brings PostgreSQL's fields,
    requests, yaml and pygments — 0,1 s of a new process that prints one report."""
    from django.conf import settings
    from django.template import Engine

    instellingen: dict[str, Any] = settings.TEMPLATES[0]
    return Engine(
        dirs=[str(d) for d in instellingen["DIRS"]],
        app_dirs=bool(instellingen["APP_DIRS"]),
        libraries={"excel": "regietafel.core.templatetags.excel"},
    )


def pdf(document: Document) -> bytes:
    return _html_klasse()(string=html(document)).write_pdf(pdf_tags=True)


@cache
def _html_klasse() -> Any:
    """WeasyPrint's ``HTML`` with a lighter user-agent stylesheet: the same rules, without
    those for footnotes and notes, and ``::marker`` on list items only.

    The full stylesheet gives every element of the report six pseudo-elements (a marker,
    footnote and note calls and markers) whose styles WeasyPrint computes one by one — for a
    provincie with 56 gemeenten some 12.000 styles, about 5 % of the PDF's time; the report
    has no footnotes and only list items have markers, so the PDF is the same. Should a
    WeasyPrint version lay its stylesheet out differently, the rules are not found and the
    full stylesheet is used (the same PDF, as fast as before)."""
    weasy.laad()
    from weasyprint import CSS, HTML
    from weasyprint import html as weasyprint_html
    from weasyprint.css.counters import CounterStyle

    ua = getattr(weasyprint_html, "UA", "")
    licht = NOTEN.sub("", ua).replace("\n::marker {", "\nli::marker {")
    if not ua or licht.count("::") != ua.count("::") - 5 or "li::marker" not in licht:
        return HTML
    # Its @counter-style rules are already in WeasyPrint's own counter styles (which each
    # document copies); registering them again only warns.
    stylesheet = CSS(string=licht, counter_style=CounterStyle())

    class Rapport(HTML):  # type: ignore[misc]
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [stylesheet] if not forms else super()._ua_stylesheets(forms)

    return Rapport
