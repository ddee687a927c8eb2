"""The previews kept with the session between upload and confirmation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from regietafel.aanlevering import voorbeelden
from regietafel.aanlevering.voorbeelden import Voorbeeld


def _voorbeeld(i: int, **velden: Any) -> Voorbeeld:
    return Voorbeeld(
        **{
            "checksum": f"{i:064x}",
            "soort": "coa",
            "extensie": "xlsx",
            "bestandsnaam": f"coa-{i}.xlsx",
            **velden,
        }
    )


def test_remember_find_and_forget() -> None:
    sessie: dict[str, Any] = {}
    nidos = _voorbeeld(1, soort="nidos", peildatum=dt.date(2025, 11, 3))
    voorbeelden.onthoud(sessie, nidos)
    assert voorbeelden.zoek(sessie, nidos.checksum) == nidos
    assert voorbeelden.zoek(sessie, "0" * 64) is None
    voorbeelden.vergeet(sessie, nidos.checksum)
    assert voorbeelden.zoek(sessie, nidos.checksum) is None


def test_at_most_ten_the_oldest_forgotten_first() -> None:
    sessie: dict[str, Any] = {}
    for i in range(12):
        voorbeelden.onthoud(sessie, _voorbeeld(i))
    assert [voorbeelden.zoek(sessie, f"{i:064x}") is not None for i in range(12)] == [
        *[False] * 2,
        *[True] * 10,
    ]


def test_a_damaged_entry_is_no_preview() -> None:
    checksum = "a" * 64
    for waarde in ("tekst", {"soort": "onbekend"}, {"soort": "coa"}, None):
        sessie = {voorbeelden.SLEUTEL: {checksum: waarde}}
        assert voorbeelden.zoek(sessie, checksum) is None
