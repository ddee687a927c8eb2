"""Many new rows of one model in a few statements, without building a model instance each.

``QuerySet.bulk_create`` builds a model instance per row and prepares every field of every
row on its own (for 5.000 realisaties with their 5.000 history entries: some 100.000 values,
about half of the import's time). ``voeg_in`` takes the rows as tuples of the fields that
differ per row and the fields that are the same for all (``vast``) once: those are prepared
once. A field given in neither gets its default, computed once (a ``default=klok.nu`` is the
same moment for the whole batch). Only for the services' bulk paths; the rules (validation,
history) stay theirs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import connections, models, router


def voeg_in(
    model: type[models.Model],
    velden: Sequence[str],
    rijen: Iterable[Sequence[Any]],
    *,
    vast: Mapping[str, Any] | None = None,
) -> list[Any]:
    """Insert ``rijen`` (each a value per name in ``velden``; a foreign key by its ``_id``
    attribute name) and return their primary keys in the same order."""
    vast = dict(vast or {})
    alias = router.db_for_write(model)
    connection = connections[alias]
    meta = model._meta
    pk = meta.pk
    assert pk is not None
    per_naam = {f.attname: f for f in meta.concrete_fields}
    onbekend = [n for n in (*velden, *vast) if n not in per_naam]
    if onbekend:
        raise ValueError(f"{meta.label}: onbekende velden {onbekend}")
    vaste_waarden: dict[str, Any] = {}
    for naam, veld in per_naam.items():
        if veld is pk or naam in velden:
            continue
        if getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False):
            raise ValueError(f"{meta.label}.{naam}: auto_now wordt niet ondersteund")
        # What a new instance would hold: the field's default, else None or "".
        waarde = vast[naam] if naam in vast else veld.get_default()
        vaste_waarden[naam] = veld.get_db_prep_save(waarde, connection=connection)
    variabel = [per_naam[n] for n in velden]
    kolommen = [str(per_naam[n].column) for n in (*velden, *vaste_waarden)]
    vaste_params = list(vaste_waarden.values())
    qn = connection.ops.quote_name
    plekken = "(" + ", ".join(["%s"] * len(kolommen)) + ")"
    kop = f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(k) for k in kolommen)}) VALUES "
    if not connection.features.can_return_rows_from_bulk_insert:  # pragma: no cover
        raise NotImplementedError(f"{connection.vendor}: geen RETURNING bij invoegen in bulk")
    staart = f" RETURNING {qn(str(pk.column))}"
    # SQLite's limit as core.apps reads it; PostgreSQL has none in Django but its protocol
    # carries at most 65.535 parameters per statement.
    limiet = connection.features.max_query_params or 65535
    per_keer = max(1, limiet // len(kolommen))
    sleutels: list[Any] = []
    rijen = list(rijen)
    with connection.cursor() as cursor:
        for begin in range(0, len(rijen), per_keer):
            deel = rijen[begin : begin + per_keer]
            params: list[Any] = []
            for rij in deel:
                params.extend(
                    veld.get_db_prep_save(waarde, connection=connection)
                    for veld, waarde in zip(variabel, rij, strict=True)
                )
                params.extend(vaste_params)
            cursor.execute(kop + ", ".join([plekken] * len(deel)) + staart, params)
            sleutels.extend(r[0] for r in cursor.fetchall())
    return sleutels
