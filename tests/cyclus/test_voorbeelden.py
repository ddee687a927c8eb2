"""The sample files of the cycle's imports (docs/voorbeelden) import with the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from regietafel.gemeenten.models import Provincie

pytestmark = pytest.mark.django_db

VOORBEELDEN = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden"


def _import(*args: str) -> str:
    uit = io.StringIO()
    call_command("import", *args, stdout=uit)
    return uit.getvalue()


def test_the_indicative_sample(drenthe: Provincie) -> None:
    uit = _import(
        "indicatief",
        str(VOORBEELDEN / "indicatieve-verdeling-drenthe-2026.csv"),
        "--cyclus",
        "2026",
        "--dry-run",
    )
    assert "12 rijen: 12 nieuw" in uit and "Proefimport" in uit


def test_the_verdeelbesluit_sample(drenthe: Provincie) -> None:
    uit = _import(
        "verdeelbesluit",
        str(VOORBEELDEN / "verdeelbesluit-tabel-1.csv"),
        "--cyclus",
        "2026",
        "--provincie",
        "Drenthe",
        "--geldig-vanaf",
        "2027-01-01",
        "--dry-run",
    )
    assert "12 rijen: 12 nieuw" in uit and "De totaalregel klopt" in uit
