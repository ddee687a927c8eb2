"""The console script speaks Dutch in argparse's own usage errors too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from regietafel.core.argparse_nl import NEDERLANDS, vertaal, vertaal_meervoud

CLI = Path(sys.executable).with_name("regietafel")


def test_known_texts_are_translated_and_unknown_ones_kept() -> None:
    assert vertaal("usage: ") == "gebruik: "
    assert vertaal("iets anders") == "iets anders"
    assert (
        vertaal_meervoud("expected %s argument", "expected %s arguments", 2)
        == "verwacht %s waarden"
    )
    assert all("%" not in v or v.count("%") == k.count("%") for k, v in NEDERLANDS.items())


@pytest.mark.skipif(not CLI.exists(), reason="console script not installed in this environment")
def test_a_missing_option_is_a_dutch_error_with_exit_2() -> None:
    p = subprocess.run(
        [str(CLI), "rapport", "verslag", "--format", "pdf"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 2
    assert "gebruik: " in p.stderr
    assert "fout: deze argumenten ontbreken: --provincie" in p.stderr


@pytest.mark.skipif(not CLI.exists(), reason="console script not installed in this environment")
def test_an_invalid_choice_is_a_dutch_error() -> None:
    p = subprocess.run(
        [str(CLI), "verdeel", "--format", "html", "x.json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 2
    assert "ongeldige keuze: 'html' (kies uit 'json', 'tabel')" in p.stderr
