"""One entry for every output format, shared by the CLI and the download views."""

from __future__ import annotations

from collections.abc import Callable

from regietafel.rapportage import pdf, rekenblad, woord
from regietafel.rapportage.document import Document

FORMATEN: dict[str, tuple[str, Callable[[Document], bytes]]] = {
    "pdf": ("application/pdf", pdf.pdf),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        woord.docx,
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", rekenblad.xlsx),
}
NAMEN = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}


def genereer(document: Document, formaat: str) -> tuple[bytes, str]:
    """(content, MIME type) of ``document`` in ``formaat`` (pdf, docx or xlsx)."""
    mime, maak = FORMATEN[formaat]
    return maak(document), mime
