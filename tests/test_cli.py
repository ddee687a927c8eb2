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


def test_no_command_of_ours_runs_the_system_checks() -> None:
    """Issue 20 point 6: every command starts in at most half a second. Django's system checks
    cost about that much on every run: they belong to `make test` and deploy (`regietafel
    check --deploy`), so no command of our own asks for them."""
    from django.core.management import get_commands, load_command_class

    eigen = {naam: app for naam, app in get_commands().items() if app.startswith("regietafel")}
    assert len(eigen) >= 15, sorted(eigen)
    met_controles = [
        naam
        for naam, app in sorted(eigen.items())
        if load_command_class(app, naam).requires_system_checks
    ]
    assert met_controles == [], f"draaien de system checks bij elke start: {met_controles}"
