"""The shared write path: records without rules of their own beyond the model's.

Every function validates (the model's ``full_clean``), writes in one transaction and records
a history entry (``audit.services``). An app whose records have rules of their own (locations,
figures, meetings, …) writes through its own ``services.py``, which builds on these.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError

from regietafel.audit.services import (
    momentopname,
    registreer,
    registreer_reeks,
    verschillen,
)

M = TypeVar("M", bound=models.Model)


def velden_van(model: type[models.Model]) -> list[str]:
    """The stored fields of ``model`` a user sets (not the primary key)."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "auto_now", False)
    ]


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


@transaction.atomic
def maak(model: type[M], *, door: Any, waarden: dict[str, Any], bron: str = "") -> M:
    """Create one record of ``model`` with ``waarden``."""
    obj = model(**waarden)
    obj.full_clean()
    obj.save()
    registreer(
        door=door,
        actie="aangemaakt",
        obj=obj,
        wijzigingen=verschillen(None, momentopname(obj, velden_van(model))),
        bron=bron,
    )
    return obj


@transaction.atomic
def wijzig(obj: M, *, door: Any, waarden: dict[str, Any], bron: str = "") -> bool:
    """Change ``waarden`` of a stored record (locked and re-read first); returns whether
    anything changed."""
    model = type(obj)
    vers = model._default_manager.select_for_update().get(pk=obj.pk)
    velden = velden_van(model)
    oud = momentopname(vers, velden)
    for veld, waarde in waarden.items():
        setattr(vers, veld, waarde)
    diff = verschillen(oud, momentopname(vers, velden))
    if not diff:
        return False
    vers.full_clean()
    vers.save()
    registreer(door=door, actie="gewijzigd", obj=vers, wijzigingen=diff, bron=bron)
    return True


@transaction.atomic
def verwijder(obj: models.Model, *, door: Any, bron: str = "") -> None:
    """Delete a record and what cascades with it; every deleted record gets a history entry
    that keeps its fields as they were. A record that others still refer to (protected) is
    refused with a ``ValidationError`` naming them; nothing is deleted then."""
    model = type(obj)
    vers = model._default_manager.select_for_update().get(pk=obj.pk)
    verzamelaar = Collector(using=router.db_for_write(model), origin=vers)
    try:
        verzamelaar.collect([vers])
    except (ProtectedError, RestrictedError) as fout:
        objecten: Iterable[models.Model] = (
            fout.protected_objects if isinstance(fout, ProtectedError) else fout.restricted_objects
        )
        namen = sorted({str(o._meta.verbose_name_plural) for o in objecten})
        raise ValidationError(
            f"{vers} is niet verwijderd: er verwijzen nog {', '.join(namen)} naar."
        ) from fout
    if any(objs for lijsten in verzamelaar.field_updates.values() for objs in lijsten):
        raise ValidationError(
            f"{vers} is niet verwijderd: andere gegevens verwijzen ernaar (eerst wijzigen)."
        )
    weg: list[models.Model] = [vers]
    for soort, objecten in verzamelaar.data.items():
        if not soort._meta.auto_created:  # not the rows of a many-to-many table
            weg.extend(o for o in objecten if not (soort is model and o.pk == vers.pk))
    for qs in verzamelaar.fast_deletes:
        if not qs.model._meta.auto_created:
            weg.extend(qs)
    for o in weg:
        oud = momentopname(o, velden_van(type(o)))
        registreer(
            door=door,
            actie="verwijderd",
            obj=o,
            wijzigingen={veld: [waarde, None] for veld, waarde in oud.items()},
            bron=bron if o is vers else f"{bron} (met {vers})".strip(),
        )
    verzamelaar.delete()


@transaction.atomic
def maak_reeks(
    model: type[M], objs: Sequence[M], *, door: Any, bron: str = "", batch: int = 2000
) -> int:
    """The bulk form of :func:`maak` for loaders: every record validated (its fields; the
    database checks uniqueness and the foreign keys), inserted in batches, one history entry
    each. Returns the number of records."""
    if not objs:
        return 0
    # Foreign keys: the loader sets them to stored records, and the database checks them;
    # a query per row and key to check them again would be most of the work.
    relaties = [f.name for f in model._meta.concrete_fields if f.is_relation]
    for obj in objs:
        obj.full_clean(exclude=relaties, validate_unique=False, validate_constraints=False)
    model._default_manager.bulk_create(objs, batch_size=batch)
    velden = velden_van(model)
    registreer_reeks(
        door=door,
        regels=(("aangemaakt", obj, verschillen(None, momentopname(obj, velden))) for obj in objs),
        bron=bron,
    )
    return len(objs)
