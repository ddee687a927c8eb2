"""Stored projections: a page's expensive result, computed once per change of its figures by a
queue job, kept in the database, read per request.

Not Django's cache: a projection is keyed on the *figures* it was made from, not on a session
or the global data version. Its version is ``audit.gegevensversie.wijzigingsversie``: the
newest history entry of a record of the apps it depends on, in its provincie or without one
(a cyclus, a gemeente). A comment on a meeting or a write in another provincie leaves it
valid; a write of a figure makes it stale at once, in the same transaction (the version moves
with the history chain). A stale or missing projection is never served: the page computes
as it always did (correct, slower), and the job brings it up to date.

The version also holds ``CODE``, a hash of the application's source: a deploy with other code
never reads what the old code made.

How to use it (an app that wants a page fast uncached):

1. Describe the kind once and register it in ``AppConfig.ready()``::

       from regietafel.monitoring import projectie

       TRENDS = projectie.Soort(
           naam="trends",
           apps=("monitoring", "opgaven", "gemeenten"),  # writes of these apps change it
           bouw=bouw_trends,  # bouw(b: projectie.Bouw) -> None, in the job
       )
       projectie.registreer(TRENDS)

2. The builder asks what is missing or stale and stores it (the versions are read before
   any figure, so what it stores is never newer than its version says)::

       def bouw_trends(b: projectie.Bouw) -> None:
           for provincie in Provincie.objects.all():
               sleutel = f"{provincie.pk}"
               if b.nodig(sleutel, provincie.pk):
                   b.bewaar(sleutel, provincie.pk, trends(provincie))

3. The page reads it, and computes when it is missing or stale (one query)::

       t = projectie.lees(TRENDS, f"{provincie.pk}", provincie.pk)
       if t is None:
           t = trends(provincie)

   ``provincie_id`` None: a national projection, stale after a write in any provincie.

4. The job (``JOB``, a ``taken`` job on Celery) runs every registered builder. A write of a
   record of one of the ``apps`` plans it when its transaction commits (``gepland``);
   ``bouw_alles()`` runs it in the calling process (the bench does).

``REGIETAFEL_PROJECTIES = False`` (the tests' default) switches reading and planning off.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Field as DjangoField
from django.db.models import Model

from regietafel.audit import gegevensversie
from regietafel.audit.models import Wijzigingsversie
from regietafel.monitoring.models import Projectie

logger = logging.getLogger(__name__)

JOB = "monitoring.projecties"
"""The ``taken`` job that brings every projection up to date."""


@functools.cache
def code() -> str:
    """A hash of the application's source (every ``.py`` and template of the package) and of
    Django's version (the pickled model instances): part of every projection's version, so
    other code never reads what this code made. Read once per process (≈ 3 MB)."""
    import django

    wortel = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(django.get_version().encode())
    for pad in sorted([*wortel.rglob("*.py"), *wortel.rglob("*.html")]):
        if "migrations" in pad.parts:
            continue
        h.update(str(pad.relative_to(wortel)).encode())
        h.update(pad.read_bytes())
    return h.hexdigest()[:16]


def actief() -> bool:
    return bool(getattr(settings, "REGIETAFEL_PROJECTIES", True))


@dataclass
class Bouw:
    """One builder's run in the job: the versions as they were before it read any figure."""

    soort: Soort
    versies: dict[int, int]
    """``gegevensversie.wijzigingsversies``: per provincie id (``LANDELIJK``: the rest)."""
    bestaand: dict[str, tuple[str, int]]
    """What is stored now: per sleutel (code, volgnummer)."""
    gemaakt: int = 0
    bewaard: list[Projectie] = field(default_factory=list)

    def versie(self, provincie_id: int | None) -> int:
        return gegevensversie.versie_van(self.versies, provincie_id)

    def nodig(self, sleutel: str, provincie_id: int | None) -> bool:
        """The projection is missing, or made from other figures or other code."""
        return self.bestaand.get(sleutel) != (code(), self.versie(provincie_id))

    def bewaar(self, sleutel: str, provincie_id: int | None, waarde: Any) -> None:
        self.bewaard.append(
            Projectie(
                soort=self.soort.naam,
                sleutel=sleutel,
                code=code(),
                volgnummer=self.versie(provincie_id),
                provincie_id=provincie_id,
                inhoud=_bewaarvorm(self.soort, waarde),
            )
        )
        self.bestaand[sleutel] = (code(), self.versie(provincie_id))
        if len(self.bewaard) >= 50:
            self.schrijf()

    def schrijf(self) -> None:
        if self.bewaard:
            from regietafel.monitoring.services import bewaar_projecties

            bewaar_projecties(self.bewaard)
            self.gemaakt += len(self.bewaard)
            self.bewaard = []


@dataclass(frozen=True)
class Soort:
    naam: str
    apps: tuple[str, ...]
    """The app labels whose writes change it (``audit.Wijzigingsversie.app``)."""
    bouw: Callable[[Bouw], None]
    volgorde: int = 0
    """Builders run in this order: one may read what an earlier one stored (the national
    overview reads the provincies' stands)."""
    comprimeer: bool = True
    """Stored compressed (zlib); False for a value read on a hot path that is mostly text
    (decompressing the dashboard's HTML cost a tenth of its request)."""


_SOORTEN: dict[str, Soort] = {}


def registreer(soort: Soort) -> None:
    _SOORTEN[soort.naam] = soort


def soorten() -> list[Soort]:
    return sorted(_SOORTEN.values(), key=lambda s: (s.volgorde, s.naam))


def _bewaarvorm(soort: Soort, waarde: Any) -> bytes:
    gepickled = pickle.dumps(waarde, protocol=pickle.HIGHEST_PROTOCOL)
    return zlib.compress(gepickled, 1) if soort.comprimeer else gepickled


def _laad(soort: Soort, inhoud: bytes) -> Any:
    """A value ``_bewaarvorm`` stored (our own rows, made by ``Bouw.bewaar``; the flag
    ``comprimeer`` is code, so a row stored under the other setting has another code hash)."""
    return pickle.loads(zlib.decompress(inhoud) if soort.comprimeer else inhoud)


def lees(soort: Soort, sleutel: str, provincie_id: int | None) -> Any | None:
    """The stored projection when it was made from the current figures by this code; None
    when it is missing or stale (then compute). One query (``lees_samen``: written out as
    SQL, since building it through the ORM cost ten times running it)."""
    return lees_samen([(soort, sleutel, provincie_id)])[0]


def _kolom(model: type[Model], veld: str) -> str:
    kolom = model._meta.get_field(veld)
    assert isinstance(kolom, DjangoField) and kolom.column
    return connection.ops.quote_name(kolom.column)


def _versie_sql(soort: Soort, provincie_id: int | None) -> tuple[str, list[Any]]:
    """The version the projections of ``soort`` for ``provincie_id`` must have been made from
    (the newest ``Wijzigingsversie`` of its apps, in the provincie or nationally; none yet is
    0), as an SQL expression with its parameters. Written out: composing it through the ORM
    cost more than the rest of a dashboard request (``lees_samen``)."""
    tabel = connection.ops.quote_name(Wijzigingsversie._meta.db_table)
    app, provincie, volgnummer = (
        _kolom(Wijzigingsversie, veld) for veld in ("app", "provincie", "volgnummer")
    )
    sql = f"SELECT {volgnummer} FROM {tabel} WHERE {app} IN ({', '.join(['%s'] * len(soort.apps))})"
    parameters: list[Any] = list(soort.apps)
    if provincie_id is not None:
        sql += f" AND {provincie} IN (%s, %s)"
        parameters += [gegevensversie.LANDELIJK, provincie_id]
    return f"COALESCE(({sql} ORDER BY {volgnummer} DESC LIMIT 1), 0)", parameters


def lees_samen(vragen: Sequence[tuple[Soort, str, int | None]]) -> list[Any | None]:
    """``lees`` of several (soort, sleutel, provincie id) at once, for a page that needs more
    than one kind: per question the stored projection when current, else None. One query."""
    if not actief() or not vragen:
        return [None for _ in vragen]
    soort_, sleutel_, code_, volgnummer_, inhoud_ = (
        _kolom(Projectie, veld) for veld in ("soort", "sleutel", "code", "volgnummer", "inhoud")
    )
    delen, parameters = [], [code()]
    for soort, sleutel, provincie_id in vragen:
        versie, versie_parameters = _versie_sql(soort, provincie_id)
        delen.append(f"({soort_} = %s AND {sleutel_} = %s AND {volgnummer_} = {versie})")
        parameters += [soort.naam, sleutel, *versie_parameters]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {soort_}, {sleutel_}, {inhoud_} "
            f"FROM {connection.ops.quote_name(Projectie._meta.db_table)} "
            f"WHERE {code_} = %s AND ({' OR '.join(delen)})",
            parameters,
        )
        gevonden = {(s, k): bytes(inhoud) for s, k, inhoud in cursor.fetchall()}
    return [
        _laad(soort, gevonden[soort.naam, sleutel]) if (soort.naam, sleutel) in gevonden else None
        for soort, sleutel, _ in vragen
    ]


def lees_veel(soort: Soort, sleutels: dict[str, int]) -> dict[str, Any]:
    """``lees`` for many keys of provincies at once (sleutel → provincie id): the current
    ones found; two queries."""
    if not actief() or not sleutels:
        return {}
    versies = gegevensversie.wijzigingsversies(soort.apps)
    uit = {}
    for sleutel, volgnummer, provincie_id, inhoud in Projectie.objects.filter(
        soort=soort.naam, sleutel__in=list(sleutels), code=code()
    ).values_list("sleutel", "volgnummer", "provincie_id", "inhoud"):
        if provincie_id == sleutels[sleutel] and volgnummer == gegevensversie.versie_van(
            versies, provincie_id
        ):
            uit[sleutel] = _laad(soort, bytes(inhoud))
    return uit


def bouw_alles(
    voortgang: Callable[[int, str], None] | None = None, namen: Iterable[str] | None = None
) -> dict[str, Any]:
    """Bring every projection (or those of ``namen``) up to date: per kind its builder makes
    what is missing or stale. Returns per kind how many were made and the seconds it took."""
    gekozen = [s for s in soorten() if namen is None or s.naam in set(namen)]
    uit: dict[str, Any] = {}
    for i, soort in enumerate(gekozen):
        if voortgang:
            voortgang(100 * i // max(1, len(gekozen)), f"projectie {soort.naam}")
        begin = time.perf_counter()
        b = Bouw(
            soort,
            gegevensversie.wijzigingsversies(soort.apps),
            {
                s: (c, v)
                for s, c, v in Projectie.objects.filter(soort=soort.naam).values_list(
                    "sleutel", "code", "volgnummer"
                )
            },
        )
        soort.bouw(b)
        b.schrijf()
        uit[soort.naam] = {"gemaakt": b.gemaakt, "seconden": round(time.perf_counter() - begin, 3)}
    return uit


# --- the job and its planning -------------------------------------------------------------


def voer_uit(taak: Any, voortgang: Callable[[int, str], None]) -> Any:
    from regietafel.taken.soorten import Resultaat

    uitkomst = bouw_alles(voortgang)
    gemaakt = sum(u["gemaakt"] for u in uitkomst.values())
    return Resultaat(gegevens=uitkomst, melding=f"{gemaakt} projecties bijgewerkt")


def plan() -> None:
    """Enqueue the job for the current data version (a second request for the same version
    joins the open one). A queue that cannot be reached is logged, never a failed write."""
    from regietafel.taken import services

    try:
        services.plaats(
            door=None,
            soort=JOB,
            omschrijving="Projecties bijwerken na een wijziging van de cijfers",
            sleutel="projecties",
            versie=gegevensversie.data_versie(),
        )
    except IntegrityError:
        pass  # already planned for this data version
    except Exception:
        logger.exception("projecties: de taak kon niet worden gepland")


def gepland(provincies: frozenset[int], apps: frozenset[str]) -> None:
    """``gegevensversie.bij_wijziging``: a write of a record some projection depends on plans
    the job when its transaction commits."""
    if actief() and any(set(s.apps) & apps for s in _SOORTEN.values()):
        transaction.on_commit(plan)


def registreer_job() -> None:
    """In ``MonitoringConfig.ready()``: the job's kind and the planning on every write."""
    from regietafel.taken import soorten as taaksoorten

    taaksoorten.registreer(taaksoorten.Taaksoort(JOB, voer_uit))
    gegevensversie.bij_wijziging(gepland)
