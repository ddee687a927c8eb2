from __future__ import annotations

import csv
from pathlib import Path

import pytest

from regietafel.aanlevering.lezen import GemeenteRegister, RegisterGemeente
from regietafel.gemeenten.services import REGISTER


@pytest.fixture(scope="session")
def register() -> GemeenteRegister:
    """The 342 gemeenten of 2025 without a database (for the readers)."""
    with REGISTER.open(encoding="utf-8", newline="") as fh:
        return GemeenteRegister(
            RegisterGemeente(r["cbs_code"], r["naam"], r["provincie"]) for r in csv.DictReader(fh)
        )


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
