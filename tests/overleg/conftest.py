"""Shared for the overleg tests: uploads in a temporary MEDIA_ROOT, the Stand van zaken PDF
generated once per session (WeasyPrint takes seconds), the demo meetings, readers for PDF
and DOCX."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from regietafel.accounts.models import Gebruiker
from regietafel.demo.overleg import FEBRUARI, NOVEMBER, laad
from regietafel.gemeenten.models import Provincie
from regietafel.overleg.models import Overleg


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


_STAND: dict[str, bytes] = {}
_TEKST: dict[tuple[bytes, str], str] = {}


@pytest.fixture
def snelle_stand(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real Stand van zaken PDF, generated once per session and reused."""
    from regietafel.rapportage import uitvoer

    echt = uitvoer.genereer

    def genereer(document: Any, formaat: str) -> tuple[bytes, str]:
        sleutel = f"{document.provincie}-{document.kenmerk}-{formaat}"
        if sleutel not in _STAND:
            _STAND[sleutel] = echt(document, formaat)[0]
        return _STAND[sleutel], uitvoer.FORMATEN[formaat][0]

    monkeypatch.setattr(uitvoer, "genereer", genereer)

    from regietafel.overleg import services, tekst

    def tekst_van(data: bytes, ext: str) -> str:
        if (data, ext) not in _TEKST:
            _TEKST[(data, ext)] = tekst.tekst_van(data, ext)
        return _TEKST[(data, ext)]

    monkeypatch.setattr(services, "tekst_van", tekst_van)


@pytest.fixture
def demo(drenthe: Provincie, snelle_stand: None) -> dict[str, Overleg]:
    """The two Drenthe meetings of seeds 002 and 004 and the two letters."""
    laad(Gebruiker.objects.get(username="secretariaat"))
    return {
        "november": Overleg.objects.get(provincie=drenthe, datum=NOVEMBER),
        "februari": Overleg.objects.get(provincie=drenthe, datum=FEBRUARI),
    }


@pytest.fixture
def groningen(db: Any) -> Iterator[Provincie]:
    """Another provincie, for the outsider's view."""
    provincie, _ = Provincie.objects.get_or_create(naam="Groningen", defaults={"code": "PV20"})
    yield provincie


def pdf_tekst(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def docx_tekst(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    delen = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for r in t.rows:
            delen.extend(c.text for c in r.cells)
    return "\n".join(delen)


def docx_koptekst(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    return "\n".join(p.text for s in doc.sections for p in s.header.paragraphs)
