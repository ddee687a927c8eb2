"""Writes for cycli and opgaven.

Each ``zet_…`` creates or updates by its natural key; with ``alleen_als_ontbreekt`` (the demo
loaders) it only creates a missing record and leaves one that exists as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import BronInvulling, Cyclus, Opgave, ProvincieOpgave
from regietafel.services import bewaar


@transaction.atomic
def zet_cyclus(
    *, door: Any, code: str, alleen_als_ontbreekt: bool = False, **waarden: Any
) -> tuple[Cyclus, bool]:
    return bewaar(
        Cyclus,
        door=door,
        sleutel={"code": code},
        waarden=waarden,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


@transaction.atomic
def zet_opgave(
    *,
    door: Any,
    cyclus: Cyclus,
    gemeente: Gemeente,
    soort: str,
    stadium: str,
    aantal: int,
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
) -> tuple[Opgave, bool]:
    return bewaar(
        Opgave,
        door=door,
        sleutel={"cyclus": cyclus, "gemeente": gemeente, "soort": soort, "stadium": stadium},
        waarden={"aantal": aantal, "bron": bron},
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


@transaction.atomic
def zet_provincie_opgave(
    *,
    door: Any,
    cyclus: Cyclus,
    provincie: Provincie,
    soort: str,
    aantal: int,
    geldig_vanaf: dt.date,
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
) -> tuple[ProvincieOpgave, bool]:
    return bewaar(
        ProvincieOpgave,
        door=door,
        sleutel={
            "cyclus": cyclus,
            "provincie": provincie,
            "soort": soort,
            "geldig_vanaf": geldig_vanaf,
        },
        waarden={"aantal": aantal, "bron": bron},
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


@transaction.atomic
def zet_bron_invulling(
    *,
    door: Any,
    cyclus: Cyclus,
    provincie: Provincie,
    soort: str,
    opgave: int | None,
    ingevuld: int | None,
    nog_in_te_vullen: int | None,
    bron: str,
    alleen_als_ontbreekt: bool = False,
) -> tuple[BronInvulling, bool]:
    """Record Bijlage 1 of a verslag as its source printed it (to be checked, never shown)."""
    return bewaar(
        BronInvulling,
        door=door,
        sleutel={"cyclus": cyclus, "provincie": provincie, "soort": soort},
        waarden={
            "opgave": opgave,
            "ingevuld": ingevuld,
            "nog_in_te_vullen": nog_in_te_vullen,
            "bron": bron,
        },
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )
