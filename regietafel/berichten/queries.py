"""Reads of e-mail: which kinds a user switched off, and whether a user gets a kind at all.
The writes (plan, send, sweep, choices) are in ``services.py``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from regietafel.berichten import soorten
from regietafel.berichten.models import Berichtvoorkeur


def uitgezet(gebruiker: Any) -> set[str]:
    voorkeur = Berichtvoorkeur.objects.filter(gebruiker_id=gebruiker.pk).first()
    return set(voorkeur.uit) if voorkeur else set()


def ontvangt(gebruiker: Any, soort: soorten.Berichtsoort, uit: set[str] | None = None) -> bool:
    """An active user with an address who did not switch this (non-essential) kind off."""
    if not getattr(gebruiker, "is_active", False) or not getattr(gebruiker, "email", ""):
        return False
    if soort.essentieel:
        return True
    return soort.naam not in (uitgezet(gebruiker) if uit is None else uit)


def uitgezet_per_gebruiker(gebruikers: Iterable[Any]) -> dict[int, set[str]]:
    """``uitgezet`` for many users at once (one query), by user id."""
    return {
        v.gebruiker_id: set(v.uit) for v in Berichtvoorkeur.objects.filter(gebruiker__in=gebruikers)
    }
