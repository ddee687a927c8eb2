"""Writes for cycli and opgaven.

Each ``zet_…`` creates or updates by its natural key; with ``alleen_als_ontbreekt`` (the demo
loaders) it only creates a missing record and leaves one that exists as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from regietafel.audit.services import momentopname, registreer_reeks, verschillen
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


@dataclass(frozen=True)
class OpgaveInvoer:
    cyclus: Cyclus
    gemeente: Gemeente
    soort: str
    stadium: str
    aantal: int


@transaction.atomic
def zet_opgaven(*, door: Any, rijen: Iterable[OpgaveInvoer], bron: str = "") -> int:
    """The bulk form of ``zet_opgave`` (for imports): create or update every opgave, one
    history entry per changed one (old → new), in a constant number of queries. Returns the
    number of opgaven written."""
    rijen = list(rijen)
    velden = ["aantal", "bron"]
    bestaand = {
        (o.cyclus_id, o.gemeente_id, o.soort, o.stadium): o
        for o in Opgave.objects.filter(
            cyclus__in={r.cyclus.pk for r in rijen},
            gemeente__in={r.gemeente.pk for r in rijen},
            soort__in={r.soort for r in rijen},
            stadium__in={r.stadium for r in rijen},
        )
    }
    nieuw: list[Opgave] = []
    gewijzigd: list[Opgave] = []
    regels: list[tuple[Opgave, str, dict[str, list[Any]]]] = []
    for rij in rijen:
        opgave = bestaand.get((rij.cyclus.pk, rij.gemeente.pk, rij.soort, rij.stadium))
        if opgave is None:
            opgave = Opgave(
                cyclus=rij.cyclus, gemeente=rij.gemeente, soort=rij.soort, stadium=rij.stadium
            )
            oud = None
        else:
            oud = momentopname(opgave, velden)
            opgave.cyclus, opgave.gemeente = rij.cyclus, rij.gemeente  # loaded: no query
        opgave.aantal, opgave.bron = rij.aantal, bron
        diff = verschillen(oud, momentopname(opgave, velden))
        if not diff:
            continue
        opgave.full_clean(
            exclude=["cyclus", "gemeente"], validate_unique=False, validate_constraints=False
        )
        (nieuw if oud is None else gewijzigd).append(opgave)
        regels.append((opgave, "aangemaakt" if oud is None else "gewijzigd", diff))
    Opgave.objects.bulk_create(nieuw, batch_size=5000)
    Opgave.objects.bulk_update(gewijzigd, velden, batch_size=5000)
    registreer_reeks(
        door=door,
        regels=((actie, o, diff) for o, actie, diff in regels),
        bron=bron,
        reikwijdte_van=lambda o: (o.gemeente.pk, o.gemeente.provincie_id),
    )
    return len(regels)


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
