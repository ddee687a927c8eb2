"""Writes for locations."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from regietafel.gemeenten.models import Gemeente
from regietafel.locaties.models import Locatie
from regietafel.services import bewaar


@transaction.atomic
def zet_locatie(
    *, door: Any, gemeente: Gemeente, naam: str, bron: str = "", **waarden: Any
) -> tuple[Locatie, bool]:
    return bewaar(
        Locatie, door=door, sleutel={"gemeente": gemeente, "naam": naam}, waarden=waarden, bron=bron
    )
