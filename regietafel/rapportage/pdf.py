"""HTML and PDF of a report: one Django template, printed by WeasyPrint (tagged, lang nl)."""

from __future__ import annotations

from django.template.loader import render_to_string

from regietafel.rapportage.document import Document


def html(document: Document) -> str:
    """The report as a standalone HTML document (the page WeasyPrint prints)."""
    return render_to_string("rapportage/document.html", {"document": document})


def pdf(document: Document) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(document)).write_pdf(pdf_tags=True)
