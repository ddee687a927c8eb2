"""Shared helpers of the Woo tests: the seeds as test data, text of a PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "woo"
SEED_001 = DATA / "001_aanbiedingsbrieven.txt"
SEED_002 = DATA / "002_agenda_prt.txt"


def pdf_tekst(inhoud: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(inhoud)).pages)


def zonder_wit(tekst: str) -> str:
    """Text without whitespace or soft hyphens: a string split across lines still matches."""
    return re.sub(r"[\s\u00ad]+", "", tekst)


def niets_lekt(pdf: str, gelakt: list[str]) -> list[str]:
    """The redacted strings that can still be extracted from the PDF text (should be none)."""
    plat = zonder_wit(pdf)
    return [t for t in gelakt if zonder_wit(t) and zonder_wit(t) in plat]
