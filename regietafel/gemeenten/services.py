"""Writes for provincies, gemeenten and inhabitants."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from django.db import transaction

from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.services import bewaar

REGISTER = Path(__file__).resolve().parent / "data" / "gemeenten_2025.csv"
REGISTER_BRON = "CBS gebiedsindelingen 2025 (gemeenten_2025.csv)"


@transaction.atomic
def laad_register(*, door: Any, pad: Path = REGISTER, alleen_als_ontbreekt: bool = False) -> int:
    """Load the 12 provinces and 342 municipalities of 2025; returns the number of changes.
    With ``alleen_als_ontbreekt`` only the missing ones are added (a name a user changed stays)."""
    wijzigingen = 0
    with pad.open(encoding="utf-8", newline="") as fh:
        rijen = list(csv.DictReader(fh))
    provincies: dict[str, Provincie] = {}
    for rij in rijen:
        code = rij["provincie_code"]
        if code not in provincies:
            provincies[code], veranderd = bewaar(
                Provincie,
                door=door,
                sleutel={"code": code},
                waarden={"naam": rij["provincie"]},
                bron=REGISTER_BRON,
                alleen_als_ontbreekt=alleen_als_ontbreekt,
            )
            wijzigingen += veranderd
    for rij in rijen:
        _, veranderd = bewaar(
            Gemeente,
            door=door,
            sleutel={"cbs_code": rij["cbs_code"]},
            waarden={"naam": rij["naam"], "provincie": provincies[rij["provincie_code"]]},
            bron=REGISTER_BRON,
            alleen_als_ontbreekt=alleen_als_ontbreekt,
        )
        wijzigingen += veranderd
    return wijzigingen


@transaction.atomic
def zet_inwonertal(
    *,
    door: Any,
    gemeente: Gemeente,
    jaar: int,
    aantal: int,
    bron: str,
    synthetisch: bool = False,
    alleen_als_ontbreekt: bool = False,
) -> tuple[Inwonertal, bool]:
    return bewaar(
        Inwonertal,
        door=door,
        sleutel={"gemeente": gemeente, "jaar": jaar},
        waarden={"aantal": aantal, "bron": bron, "synthetisch": synthetisch},
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )
