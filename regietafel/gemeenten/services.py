"""Writes for provincies, gemeenten and inhabitants (the CBS import among them)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.db import transaction

from regietafel.audit.services import registreer_reeks
from regietafel.gemeenten.inwoners import BRON, Uitkomst, lees_inwoners
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


@transaction.atomic
def zet_inwonertallen(
    *, door: Any, rijen: Iterable[tuple[Gemeente, int, int]], bron: str
) -> tuple[int, int, int]:
    """The bulk form of :func:`zet_inwonertal` for an import (CBS figures, not synthetic):
    the same fields and the same history, a constant number of queries per file instead of a
    few per row. ``rijen``: (gemeente, jaar, aantal). Returns (new, changed, unchanged)."""
    rijen = list(rijen)
    for gemeente, jaar, aantal in rijen:
        Inwonertal(gemeente=gemeente, jaar=jaar, aantal=aantal, bron=bron).full_clean(
            validate_unique=False, validate_constraints=False
        )
    bestaand = {
        (i.gemeente_id, i.jaar): i
        for i in Inwonertal.objects.filter(
            jaar__in={jaar for _, jaar, _ in rijen},
            gemeente_id__in={g.pk for g, _, _ in rijen},
        )
    }
    nieuw: list[Inwonertal] = []
    gewijzigd: list[tuple[Inwonertal, dict[str, list[Any]]]] = []
    ongewijzigd = 0
    for gemeente, jaar, aantal in rijen:
        waarden = {"aantal": aantal, "bron": bron, "synthetisch": False}
        oud = bestaand.get((gemeente.pk, jaar))
        if oud is None:
            nieuw.append(Inwonertal(gemeente=gemeente, jaar=jaar, **waarden))
            continue
        diff = {k: [getattr(oud, k), v] for k, v in waarden.items() if getattr(oud, k) != v}
        if not diff:
            ongewijzigd += 1
            continue
        for veld, waarde in waarden.items():
            setattr(oud, veld, waarde)
        gewijzigd.append((oud, diff))
    Inwonertal.objects.bulk_create(nieuw, batch_size=500)
    Inwonertal.objects.bulk_update(
        [o for o, _ in gewijzigd], ["aantal", "bron", "synthetisch"], batch_size=500
    )
    registreer_reeks(
        door=door,
        regels=[
            *(
                (
                    "aangemaakt",
                    o,
                    {k: [None, getattr(o, k)] for k in ("aantal", "bron", "synthetisch")},
                )
                for o in nieuw
            ),
            *(("gewijzigd", o, d) for o, d in gewijzigd),
        ],
        bron=bron,
    )
    return len(nieuw), len(gewijzigd), ongewijzigd


def importeer_inwoners(
    data: bytes | Path, *, door: Any, bestandsnaam: str = "", dry_run: bool = False
) -> Uitkomst:
    """Read, check and (unless ``dry_run`` or there are errors) store in one transaction."""
    if isinstance(data, Path):
        bestandsnaam = bestandsnaam or data.name
        data = data.read_bytes()
    uit = lees_inwoners(data, bestandsnaam or "bestand")
    if uit.fouten:
        return uit
    bron = f"{BRON} ({uit.bestandsnaam})"
    with transaction.atomic():
        uit.nieuw, uit.gewijzigd, uit.ongewijzigd = zet_inwonertallen(
            door=door, rijen=[(r.gemeente, r.jaar, r.aantal) for r in uit.rijen], bron=bron
        )
        if dry_run:
            transaction.set_rollback(True)
    return uit
