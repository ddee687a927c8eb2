"""The shared write path: create or update one record by its natural key, with audit."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from regietafel.audit.services import momentopname, registreer, verschillen

M = TypeVar("M", bound=models.Model)


def bewaar(
    model: type[M],
    *,
    door: Any,
    sleutel: dict[str, Any],
    waarden: dict[str, Any],
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
) -> tuple[M, bool]:
    """Create or update the record identified by ``sleutel``; returns (record, changed).

    Nothing is written, and no audit entry made, when the stored values already agree.
    With ``alleen_als_ontbreekt`` (the demo loaders) a record that exists is returned as it
    is, whatever its values and whoever wrote them: only a missing record is created.
    Call inside the caller's transaction.
    """
    obj = model._default_manager.filter(**sleutel).first()
    if obj is not None and alleen_als_ontbreekt:
        return obj, False
    velden = list(waarden)
    if obj is None:
        obj = model(**sleutel, **waarden)
        obj.full_clean()
        obj.save()
        registreer(
            door=door,
            actie="aangemaakt",
            obj=obj,
            wijzigingen=verschillen(None, momentopname(obj, velden)),
            bron=bron,
        )
        return obj, True
    oud = momentopname(obj, velden)
    for veld, waarde in waarden.items():
        setattr(obj, veld, waarde)
    diff = verschillen(oud, momentopname(obj, velden))
    if not diff:
        return obj, False
    obj.full_clean()
    obj.save()
    registreer(door=door, actie="gewijzigd", obj=obj, wijzigingen=diff, bron=bron)
    return obj, True
