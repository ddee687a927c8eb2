"""The version of all stored figures, and results computed once per version.

Every write (services, imports, the admin) leaves an AuditRegel, so the newest audit entry
(its id and moment: an id reused after a rollback gets a new moment) is the data version.
The Stand van zaken, the trends and the national overview are cached per provincie +
peildatum + data version; a write makes a new version and the old entries simply expire.
Not inside a transaction: what a transaction sees may be rolled back (tests run in one; set
``CACHE_IN_TRANSACTIE`` to test).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

from regietafel.audit.models import AuditRegel

R = TypeVar("R")
K = TypeVar("K", bound=Hashable)

CACHE_SECONDEN = 3600
CACHE_IN_TRANSACTIE = False


def data_versie() -> str:
    """The version of all stored figures: one indexed query."""
    laatste = AuditRegel.objects.order_by("-id").values_list("id", "moment").first()
    if laatste is None:
        return "leeg"
    return f"{laatste[0]}.{laatste[1].timestamp():.6f}"


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
