"""The audit trail: every service records its change here, in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from regietafel.audit.models import AuditRegel
from regietafel.audit.reikwijdte import reikwijdte


def _waarde(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def momentopname(obj: models.Model, velden: Iterable[str]) -> dict[str, Any]:
    return {veld: _waarde(getattr(obj, veld)) for veld in velden}


def verschillen(oud: dict[str, Any] | None, nieuw: dict[str, Any]) -> dict[str, list[Any]]:
    """``{"veld": [oud, nieuw]}`` for every field whose value changed (all fields when new)."""
    oud = oud or {}
    return {k: [oud.get(k), v] for k, v in nieuw.items() if oud.get(k) != v}


def registreer(
    *,
    door: Any,
    actie: str,
    obj: models.Model,
    wijzigingen: dict[str, list[Any]] | None = None,
    bron: str = "",
    checksum: str = "",
) -> AuditRegel:
    gemeente_id, provincie_id = reikwijdte(obj) if obj.pk is not None else (None, None)
    return AuditRegel.objects.create(
        gemeente_id=gemeente_id,
        provincie_id=provincie_id,
        door=door if getattr(door, "pk", None) else None,
        actie=actie,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk or ""),
        object_omschrijving=str(obj)[:300],
        wijzigingen=wijzigingen or {},
        bron=bron[:300],
        checksum=checksum,
    )


@dataclass(frozen=True)
class Beschrijving:
    """A history entry of a record described without its instance (a bulk import that writes
    its rows as tuples): what ``registreer`` reads from the record, given."""

    actie: str
    object_id: str
    omschrijving: str
    wijzigingen: dict[str, list[Any]]
    gemeente_id: int | None = None
    provincie_id: int | None = None


def registreer_beschreven(
    *,
    door: Any,
    object_type: str,
    regels: Iterable[Beschrijving],
    bron: str = "",
    checksum: str = "",
    moment: dt.datetime | None = None,
) -> int:
    """The bulk form of :func:`registreer` for records of one ``object_type`` described by
    their ids (``Beschrijving``): one entry each, linked into the chain, inserted in batches.
    Returns the number of entries."""
    door_id = door.pk if getattr(door, "pk", None) else None
    extra = {"moment": moment} if moment is not None else {}
    regels_ = [
        AuditRegel(
            gemeente_id=b.gemeente_id,
            provincie_id=b.provincie_id,
            door_id=door_id,
            actie=b.actie,
            object_type=object_type,
            object_id=b.object_id,
            object_omschrijving=b.omschrijving[:300],
            wijzigingen=b.wijzigingen,
            bron=bron[:300],
            checksum=checksum,
            **extra,
        )
        for b in regels
    ]
    AuditRegel.objects.bulk_create(regels_, batch_size=5000)
    return len(regels_)


def registreer_reeks(
    *,
    door: Any,
    regels: Iterable[tuple[str, models.Model, dict[str, list[Any]]]],
    bron: str = "",
    checksum: str = "",
    reikwijdte_van: Callable[[Any], tuple[int | None, int | None]] | None = None,
) -> int:
    """The bulk form of :func:`registreer` for imports and loaders: one entry per
    ``(actie, obj, wijzigingen)`` (saved objects), the entries inserted in batches. The scope
    (gemeente, provincie): ``reikwijdte_van(obj)`` when the caller knows it without a query,
    else looked up in one query per kind of record. Returns the number of entries."""
    door_id = door.pk if getattr(door, "pk", None) else None
    regels_ = []
    for actie, obj, wijzigingen in regels:
        gemeente_id, provincie_id = reikwijdte_van(obj) if reikwijdte_van else (None, None)
        regels_.append(
            AuditRegel(
                gemeente_id=gemeente_id,
                provincie_id=provincie_id,
                door_id=door_id,
                actie=actie,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                object_omschrijving=str(obj)[:300],
                wijzigingen=wijzigingen,
                bron=bron[:300],
                checksum=checksum,
            )
        )
    AuditRegel.objects.bulk_create(regels_, batch_size=5000)
    return len(regels_)
