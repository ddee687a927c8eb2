"""The console script `regietafel` offers Django's commands plus ours."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

CLI = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "regietafel"


@pytest.mark.skipif(not CLI.exists(), reason="geen .venv/bin/regietafel (make install)")
def test_demo_drenthe_from_a_fresh_database_and_again(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/cli.sqlite3",
        "REGIETAFEL_VAR_DIR": str(tmp_path / "var"),  # the meetings' generated attachments
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([CLI, "migrate", "-v0"], env=env, check=True, timeout=300)
    eerste = subprocess.run(
        [CLI, "demo", "drenthe"], env=env, capture_output=True, text=True, timeout=300
    )
    assert eerste.returncode == 0, eerste.stderr
    assert "Demo Drenthe geladen" in eerste.stdout
    tweede = subprocess.run(
        [CLI, "demo", "drenthe"], env=env, capture_output=True, text=True, timeout=300
    )
    assert tweede.stdout.splitlines() == [
        "Demo Drenthe: cijfers waren al geladen, niets gewijzigd.",
        "Demo verzoeken, toezicht, overleg en Woo: geladen of al aanwezig.",
    ]
