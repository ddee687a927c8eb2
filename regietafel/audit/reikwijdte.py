"""The scope of a record: the gemeente and the provincie it belongs to.

Derived from the model's fields, so new apps need nothing: a model with a ``provincie`` or
``gemeente`` foreign key belongs there; otherwise the first foreign key (not to a user or a
cyclus) that leads to one, such as ``InzendingRegel → inzending → gemeente``. A model can
name its paths itself with ``historie_paden = ("gemeente_pad", "provincie_pad")``.
A record without either (a cyclus, a delivery) is national.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

Paden = tuple[str | None, str | None]
"""(path to the gemeente id, path to the provincie id), as ORM lookups; None: none."""

_ZONDER = ("accounts.gebruiker", "opgaven.cyclus", "audit.auditregel")


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


_PADEN: dict[tuple[type[models.Model], int], Paden] = {}


def paden(model: type[models.Model], diepte: int = 3) -> Paden:
    """(gemeente path, provincie path) of ``model``; computed once per model."""
    sleutel = (model, diepte)
    if sleutel not in _PADEN:
        _PADEN[sleutel] = _bepaal_paden(model, diepte)
    return _PADEN[sleutel]


def _bepaal_paden(model: type[models.Model], diepte: int) -> Paden:
    eigen = getattr(model, "historie_paden", None)
    if eigen is not None:
        return eigen  # type: ignore[no-any-return]
    label = _label(model)
    if label == "gemeenten.provincie":
        return None, "pk"
    if label == "gemeenten.gemeente":
        return "pk", "provincie"
    velden = {
        f.name: _label(f.related_model)
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is not None
    }
    gemeente = "gemeente" if velden.get("gemeente") == "gemeenten.gemeente" else None
    if velden.get("provincie") == "gemeenten.provincie":
        return gemeente, "provincie"
    if gemeente:
        return gemeente, "gemeente__provincie"
    if diepte == 0:
        return None, None
    for f in model._meta.concrete_fields:
        if not f.is_relation or f.related_model is None or _label(f.related_model) in _ZONDER:
            continue
        if f.related_model is model:
            continue
        g, p = paden(f.related_model, diepte - 1)
        if p is not None:
            return (f"{f.name}__{g}" if g else None), f"{f.name}__{p}"
    return None, None


def _id(pad: str) -> str:
    """``gemeente__provincie`` → ``gemeente__provincie_id`` (``pk`` stays)."""
    return pad if pad == "pk" else f"{pad}_id"


def reikwijdte(obj: models.Model) -> tuple[int | None, int | None]:
    """(gemeente id, provincie id) of one record; at most one query."""
    g, p = paden(type(obj))
    if g is None and p is None:
        return None, None
    if g in (None, "gemeente", "pk") and p in ("provincie", "pk"):
        return _attr(obj, g), _attr(obj, p)
    if g == "gemeente" and p == "gemeente__provincie":
        gemeente_id = _attr(obj, "gemeente")
        if gemeente_id is None:
            return None, None
        gemeente = obj.gemeente  # type: ignore[attr-defined]
        return gemeente_id, gemeente.provincie_id
    return reikwijdten(type(obj), [obj.pk]).get(obj.pk, (None, None))


def _attr(obj: models.Model, pad: str | None) -> int | None:
    if pad is None:
        return None
    if pad == "pk":
        return obj.pk  # type: ignore[no-any-return]
    return getattr(obj, f"{pad}_id", None)


def reikwijdten(
    model: type[models.Model], pks: Iterable[Any]
) -> dict[Any, tuple[int | None, int | None]]:
    """(gemeente id, provincie id) per primary key, in one query."""
    g, p = paden(model)
    pks = list(pks)
    if (g is None and p is None) or not pks:
        return {}
    kolommen = ["pk", *(_id(x) for x in (g, p) if x is not None)]
    uit: dict[Any, tuple[int | None, int | None]] = {}
    for rij in model._default_manager.filter(pk__in=pks).values_list(*kolommen):
        waarden = iter(rij[1:])
        gemeente_id = next(waarden) if g is not None else None
        provincie_id = next(waarden) if p is not None else None
        uit[rij[0]] = (gemeente_id, provincie_id)
    return uit
