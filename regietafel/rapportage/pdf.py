"""HTML and PDF of a report: one Django template, printed by WeasyPrint (tagged, lang nl)."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from regietafel.core import weasy
from regietafel.rapportage.document import Document


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
    return weasy.pdf(html(document), klasse=_html_klasse, pdf_tags=True)


@cache
def _html_klasse() -> Any:
    """WeasyPrint's ``HTML`` with a lighter user-agent stylesheet: the same rules, without
    those for footnotes and notes, and ``::marker`` on list items only.

    The full stylesheet gives every element of the report six pseudo-elements (a marker,
    footnote and note calls and markers) whose styles WeasyPrint computes one by one — for a
    provincie with 56 gemeenten some 12.000 styles, about 5 % of the PDF's time; the report
    has no footnotes and only list items have markers, so the PDF is the same. The lighter
    sheet is WeasyPrint's parsed one with those selectors taken out (``_licht``: parsing it
    again cost 0,03 s). Should a WeasyPrint version keep its stylesheet differently, the
    selectors are not found and the full stylesheet is used (the same PDF, as fast as
    before)."""
    weasy.laad()
    from weasyprint import HTML
    from weasyprint import html as weasyprint_html

    stylesheet = _licht(getattr(weasyprint_html, "UA_STYLESHEET", None))
    if stylesheet is None:
        return HTML

    class Rapport(HTML):  # type: ignore[misc]
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [stylesheet] if not forms else super()._ua_stylesheets(forms)

    return Rapport


NOTEN = frozenset(("footnote-call", "footnote-marker", "note-call", "note-marker", "note-callback"))
"""The pseudo-elements of WeasyPrint's user-agent rules for footnotes and notes."""


def _licht(ua: Any) -> Any:
    """``ua`` (WeasyPrint's parsed user-agent stylesheet) without the selectors of ``NOTEN``
    and with ``::marker`` looked up for ``li`` only; None when it is not laid out as expected."""
    from weasyprint import CSS

    matcher = getattr(ua, "matcher", None)
    andere = getattr(matcher, "other_selectors", None)
    per_naam = getattr(matcher, "lower_local_name_selectors", None)
    if not isinstance(andere, list) or not isinstance(per_naam, dict):
        return None
    noten = [regel for regel in andere if regel[3] in NOTEN]
    markers = [regel for regel in andere if regel[3] == "marker"]
    if len(noten) != len(NOTEN) or len(markers) != 1:
        return None
    licht = copy.copy(ua)
    licht.matcher = copy.copy(matcher)
    licht.matcher.other_selectors = [r for r in andere if r[3] not in NOTEN and r[3] != "marker"]
    licht.matcher.lower_local_name_selectors = {
        **per_naam,
        "li": [*per_naam.get("li", []), *markers],
    }
    return licht if isinstance(licht, CSS) else None
