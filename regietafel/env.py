"""Typed helpers to read settings from the environment; they fail loudly on bad values."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


def envstr(name: str, default: str | None = None) -> str | None:
    """A string setting; ``NAME_FILE`` (a path to a file holding the value) takes precedence."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except FileNotFoundError as exc:
            raise ImproperlyConfigured(
                f"{name}_FILE wijst naar {path}, maar dat bestand bestaat niet."
            ) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ImproperlyConfigured(
                f"{name}_FILE wijst naar {path}, maar dat bestand is niet te lezen als tekst "
                f"({exc.__class__.__name__})."
            ) from exc
    return os.environ.get(name, default)


def envbool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} moet true of false zijn, niet {raw!r}")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} moet een geheel getal zijn, niet {raw!r}") from exc


def envlist(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def require(name: str) -> str:
    value = envstr(name)
    if not value:
        raise ImproperlyConfigured(
            f"{name} ontbreekt: in productie (REGIETAFEL_ENV=production) is deze instelling verplicht."
        )
    return value


def lees_instellingen() -> None:
    """Read the settings from the environment; a wrong or missing setting ends the program
    with its one-line Dutch message on stderr (exit status 1), not a traceback."""
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018  (loads regietafel/settings.py)
    except ImproperlyConfigured as fout:
        sys.stderr.write(f"regietafel: {fout}\n")
        raise SystemExit(1) from None
