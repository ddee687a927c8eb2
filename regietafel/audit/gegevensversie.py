"""The version of all stored figures, and results computed once per version.

Every write goes through a service that records a history entry, and every entry moves the
head of the history chain (``audit.keten``) in the same transaction: the head's volgnummer
(counting up, never back) and hash are the data version. A rolled-back write takes its head
move with it; a deleted or changed newest entry leaves the head where it is, so no old version
ever comes back. The Stand van zaken, the trends and the national overview are cached per
provincie + peildatum + data version; a write makes a new version and the old entries simply
expire. Not inside a transaction: what a transaction sees may be rolled back (tests run in
one; set ``CACHE_IN_TRANSACTIE`` to test).

Finer: ``wijzigingsversie(apps, provincies)``, the newest entry of a record of those apps in
those provincies (or without a provincie), moved with the head in the same transaction
(``keten.schakel``, ``Wijzigingsversie``). A result kept per provincie and per kind of figure
(``monitoring.projectie``) is keyed on it, so a comment or a write in another provincie leaves
it valid; ``bij_wijziging`` lets a higher layer act on a write (after its commit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import Max

from regietafel.audit.models import AuditRegel, HistorieKop, Wijzigingsversie

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


# --- The version per provincie and app -----------------------------------------------------

LANDELIJK = 0
"""The ``Wijzigingsversie.provincie`` of a record without a provincie: it counts for all."""
_ALTIJD_LANDELIJK = frozenset({"gemeenten.gemeente"})
"""Records that count for every provincie: a gemeente may move to another provincie."""

Volger = Callable[[frozenset[int], frozenset[str]], None]
_VOLGERS: list[Volger] = []


def bij_wijziging(volger: Volger) -> None:
    """Register ``volger(provincies, apps)``: called inside the writing transaction for every
    batch of history entries, with the provincie ids (``LANDELIJK`` for all) and the app labels
    of the records written (a higher layer plans its work with ``transaction.on_commit``)."""
    if volger not in _VOLGERS:
        _VOLGERS.append(volger)


def meld(provincies: frozenset[int], apps: frozenset[str]) -> None:
    """Tell every ``bij_wijziging`` follower (``keten.schakel`` calls it)."""
    for volger in _VOLGERS:
        volger(provincies, apps)


def provincie_van(regel: AuditRegel) -> int:
    """The ``Wijzigingsversie.provincie`` an entry moves: its provincie, or ``LANDELIJK``."""
    if regel.object_type in _ALTIJD_LANDELIJK or not regel.provincie_id:
        return LANDELIJK
    return int(regel.provincie_id)


def wijzigingsversie(apps: Collection[str], provincies: Iterable[int] | None = None) -> int:
    """The newest volgnummer of a record of ``apps`` in one of ``provincies`` or without a
    provincie (None: in any provincie); 0 before any such write. One query on a small table."""
    qs = Wijzigingsversie.objects.filter(app__in=list(apps))
    if provincies is not None:
        qs = qs.filter(provincie__in=[LANDELIJK, *provincies])
    return int(qs.aggregate(m=Max("volgnummer"))["m"] or 0)


def wijzigingsversies(apps: Collection[str]) -> dict[int, int]:
    """``wijzigingsversie(apps, [p])`` for every provincie id with a version of its own, and
    ``LANDELIJK``: one query (a provincie not in the result has the version of ``LANDELIJK``)."""
    per = dict(
        Wijzigingsversie.objects.filter(app__in=list(apps))
        .values_list("provincie")
        .annotate(m=Max("volgnummer"))
        .values_list("provincie", "m")
        .order_by()
    )
    landelijk = int(per.get(LANDELIJK, 0))
    return {int(p): max(int(v), landelijk) for p, v in per.items()} | {LANDELIJK: landelijk}


def versie_van(versies: Mapping[int, int], provincie_id: int | None) -> int:
    """From ``wijzigingsversies``: the version of one provincie (its own, else that of
    ``LANDELIJK``), or of all of them together (``None``: the newest)."""
    if provincie_id is None:
        return max(versies.values(), default=0)
    return versies.get(provincie_id, versies.get(LANDELIJK, 0))
