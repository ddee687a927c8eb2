"""The version of all stored figures, and results computed once per version.

Every write goes through a service that records a history entry, and every entry moves the
head of the history chain (``audit.keten``) in the same transaction: the head's volgnummer
(counting up, never back) and hash are the data version. A rolled-back write takes its head
move with it; a deleted or changed newest entry leaves the head where it is, so no old version
ever comes back. The Stand van zaken, the trends and the national overview are cached per
provincie + peildatum + data version; a write makes a new version and the old entries simply
expire. Not inside a transaction: what a transaction sees may be rolled back (tests run in
one; set ``CACHE_IN_TRANSACTIE`` to test).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

from regietafel.audit.models import AuditRegel, HistorieKop

R = TypeVar("R")
K = TypeVar("K", bound=Hashable)

CACHE_SECONDEN = 3600
CACHE_IN_TRANSACTIE = False


def versie_en_moment() -> tuple[str, dt.datetime | None]:
    """The data version and the moment of the newest write: one query (by primary key)."""
    kop = HistorieKop.objects.filter(pk=1).values_list("volgnummer", "hash", "moment").first()
    if kop is None or not kop[0]:
        return "leeg", None
    return f"{kop[0]}.{kop[1][:16]}", kop[2]


def moment_van(versie: str) -> dt.datetime | None:
    """The moment of a data version (``data_versie()`` as it was then): that of the history
    entry it ends with; None for ``leeg``, an unreadable version or a removed entry."""
    volgnummer = versie.split(".", 1)[0]
    if not volgnummer.isdigit():
        return None
    return (
        AuditRegel.objects.filter(volgnummer=int(volgnummer))
        .values_list("moment", flat=True)
        .first()
    )


def data_versie() -> str:
    """The version of all stored figures."""
    return versie_en_moment()[0]


def cache_actief() -> bool:
    """Whether a cached result may be kept and used now (not inside a transaction)."""
    return CACHE_IN_TRANSACTIE or not connection.in_atomic_block


def gecached(sleutel: str, bereken: Callable[[], R], versie: str | None = None) -> R:
    """``bereken()`` once per ``sleutel`` and data version."""
    if not cache_actief():
        return bereken()
    volledig = f"regietafel:{sleutel}:{versie or data_versie()}"
    waarde = cache.get(volledig)
    if waarde is None:
        waarde = bereken()
        cache.set(volledig, waarde, CACHE_SECONDEN)
    return waarde


def gecached_veel(
    sleutels: Mapping[K, str],
    bereken: Callable[[list[K]], Mapping[K, R]],
    versie: str | None = None,
) -> dict[K, R]:
    """``gecached`` for many keys at once: what is not cached is computed in one call of
    ``bereken(missing)`` (the national overview computes the provincies it lacks together)."""
    if not cache_actief():
        return dict(bereken(list(sleutels)))
    versie = versie or data_versie()
    volledig = {k: f"regietafel:{s}:{versie}" for k, s in sleutels.items()}
    gevonden = cache.get_many(list(volledig.values()))
    uit = {k: gevonden[v] for k, v in volledig.items() if v in gevonden}
    ontbrekend = [k for k in sleutels if k not in uit]
    if ontbrekend:
        berekend = bereken(ontbrekend)
        cache.set_many({volledig[k]: berekend[k] for k in ontbrekend}, CACHE_SECONDEN)
        uit.update((k, berekend[k]) for k in ontbrekend)
    return {k: uit[k] for k in sleutels}
