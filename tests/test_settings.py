"""Settings come from the environment; production refuses to start without its secrets."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    schoon = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DEBUG"}
    }
    return subprocess.run(
        [sys.executable, "-m", "regietafel", "check"],
        env={**schoon, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("ontbreekt", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_requires_its_settings(ontbreekt: str) -> None:
    env = {
        "REGIETAFEL_ENV": "production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "regietafel.example",
        "DATABASE_URL": "sqlite:////tmp/regietafel-prod-check.sqlite3",
    }
    del env[ontbreekt]
    resultaat = _check(env)
    assert resultaat.returncode != 0
    assert f"{ontbreekt} ontbreekt" in resultaat.stderr


def test_production_starts_with_its_settings() -> None:
    resultaat = _check(
        {
            "REGIETAFEL_ENV": "production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "regietafel.example",
            "DATABASE_URL": "sqlite:////tmp/regietafel-prod-check.sqlite3",
        }
    )
    assert resultaat.returncode == 0, resultaat.stderr


def test_debug_is_off_unless_asked(settings) -> None:  # type: ignore[no-untyped-def]
    from regietafel import env

    assert env.envbool("REGIETAFEL_TEST_ONBEKEND", False) is False
    os.environ["REGIETAFEL_TEST_BOOL"] = "misschien"
    try:
        with pytest.raises(Exception, match="true of false"):
            env.envbool("REGIETAFEL_TEST_BOOL")
    finally:
        del os.environ["REGIETAFEL_TEST_BOOL"]


def test_unknown_environment_is_refused() -> None:
    resultaat = _check({"REGIETAFEL_ENV": "staging"})
    assert resultaat.returncode != 0
    assert "REGIETAFEL_ENV moet development of production zijn" in resultaat.stderr


def test_production_passes_the_deploy_check(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import secrets

    schoon = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DEBUG"}
    }
    resultaat = subprocess.run(
        [sys.executable, "-m", "regietafel", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            **schoon,
            "REGIETAFEL_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "regietafel.example",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


@pytest.mark.django_db
def test_content_security_policy_without_unsafe_inline(client) -> None:  # type: ignore[no-untyped-def]
    antwoord = client.get("/account/inloggen/")
    csp = antwoord["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp


@pytest.mark.parametrize(
    ("env", "melding"),
    [
        (
            {"SECRET_KEY_FILE": "/bestaat/niet/geheim"},
            "regietafel: SECRET_KEY_FILE wijst naar /bestaat/niet/geheim, maar dat bestand "
            "bestaat niet.",
        ),
        (
            {"SECRET_KEY_FILE": "/"},
            "regietafel: SECRET_KEY_FILE wijst naar /, maar dat bestand is niet te lezen als "
            "tekst (IsADirectoryError).",
        ),
        (
            {"REGIETAFEL_ENV": "production", "ALLOWED_HOSTS": "x", "DATABASE_URL": "sqlite://"},
            "regietafel: SECRET_KEY ontbreekt: in productie (REGIETAFEL_ENV=production) is deze "
            "instelling verplicht.",
        ),
    ],
)
def test_een_fout_in_de_instellingen_is_een_nederlandse_regel(
    env: dict[str, str], melding: str
) -> None:
    """Not an English traceback: one Dutch line on stderr, exit status 1."""
    resultaat = _check(env)
    assert resultaat.returncode == 1
    assert resultaat.stderr == melding + "\n"
    assert resultaat.stdout == ""


def test_make_run_draait_zonder_debug() -> None:
    """Under ``make run`` a user sees the Dutch error pages, not Django's debug page (which
    lists every URL pattern)."""
    from pathlib import Path

    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    recept = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    script = Path(__file__).resolve().parent.parent / "scripts" / "run-met-worker.sh"
    assert "scripts/run-met-worker.sh" in recept
    assert "runserver" in script.read_text(encoding="utf-8")
    assert "DEBUG" not in recept
    assert "DEBUG" not in script.read_text(encoding="utf-8")
