"""The text of an attachment, for search: plain text, DOCX (python-docx) and PDF (pypdf)."""

from __future__ import annotations

import io

MAX_TEKST = 200_000


def tekst_van(data: bytes, ext: str) -> str:
    """The extractable text of a file; empty when the format has none or the file is damaged."""
    try:
        if ext in ("txt", "csv", "eml"):
            tekst = data.decode("utf-8", errors="replace")
        elif ext == "docx":
            tekst = _docx(data)
        elif ext == "pdf":
            tekst = _pdf(data)
        else:
            return ""
    except Exception:  # a damaged upload is stored, it is only not searchable
        return ""
    return " ".join(tekst.replace("\x00", " ").split())[:MAX_TEKST]


def _docx(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    delen = [p.text for p in doc.paragraphs]
    for tabel in doc.tables:
        for rij in tabel.rows:
            delen.extend(cel.text for cel in rij.cells)
    return "\n".join(delen)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(data))
    return "\n".join((pagina.extract_text() or "") for pagina in lezer.pages)
