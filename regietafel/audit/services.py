"""The audit trail: every service records its change here, in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
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


def registreer_reeks(
    *,
    door: Any,
    regels: Iterable[tuple[str, models.Model, dict[str, list[Any]]]],
    bron: str = "",
    checksum: str = "",
) -> int:
    """The bulk form of :func:`registreer` for imports and loaders: one entry per
    ``(actie, obj, wijzigingen)`` (saved objects), the scope looked up in one query per kind of
    record, the entries inserted in batches. Returns the number of entries."""
    door_id = door.pk if getattr(door, "pk", None) else None
    regels_ = [
        AuditRegel(
            door_id=door_id,
            actie=actie,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            object_omschrijving=str(obj)[:300],
            wijzigingen=wijzigingen,
            bron=bron[:300],
            checksum=checksum,
        )
        for actie, obj, wijzigingen in regels
    ]
    AuditRegel.objects.bulk_create(regels_, batch_size=500)
    return len(regels_)


def historie(obj: models.Model) -> models.QuerySet[AuditRegel]:
    return AuditRegel.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
