"""The history as a hash chain: every entry seals its content and the entry before it.

One chain for the whole database (not one per provincie: a write such as an import or the
national demo crosses provincies, and one head keeps the order of every write plain). Each
``AuditRegel`` has a ``volgnummer`` (1, 2, 3, … without gaps), the ``vorige_hash`` of the
entry before it (``BEGIN`` for the first) and its own ``hash``: SHA-256 over a canonical JSON
text of its content (:data:`VELDEN`) and ``vorige_hash``. The head (``HistorieKop``, one row)
holds the newest volgnummer and hash.

Appending (:func:`schakel`) locks the head with ``SELECT … FOR UPDATE`` inside the writing
transaction and moves it on in the same transaction, so two writers on PostgreSQL wait for each
other instead of both hanging an entry on the same predecessor (a fork), and a rolled-back
write takes its head move with it. :func:`controleer` walks the chain and names the first
entry that does not fit: changed content (the hash), a deleted entry (a gap in the numbers, or a
``vorige_hash`` that points elsewhere), an entry inserted or deleted at the end (the head).

The head is also the data version that keys the caches (``audit.gegevensversie``): it moves
with every write and never moves back, whatever happens to the newest entry afterwards.

What the chain proves: that nobody changed, removed or added history behind the application's
back, unless they also recomputed every hash after it and the head. Whoever keeps the head's
hash (``regietafel historie controleren`` prints it) outside the database can prove that too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction

if TYPE_CHECKING:
    from regietafel.audit.models import AuditRegel, HistorieKop

BEGIN = "0" * 64
"""The ``vorige_hash`` of the first entry."""

VERSIE = 1
"""The version of the canonical text (part of it): a later change of the recipe keeps old
entries verifiable."""

VELDEN = (
    "volgnummer",
    "moment",
    "door_id",
    "actie",
    "object_type",
    "object_id",
    "object_omschrijving",
    "wijzigingen",
    "bron",
    "checksum",
    "provincie_id",
    "gemeente_id",
)
"""The sealed content of an entry (with ``vorige_hash``)."""


def _moment(waarde: dt.datetime) -> str:
    if waarde.tzinfo is not None:
        waarde = waarde.astimezone(dt.UTC).replace(tzinfo=None)
    return waarde.isoformat(timespec="microseconds")


def _json(waarde: Any) -> Any:
    """The value as the JSON column gives it back (tuples are lists, keys are text)."""
    return json.loads(json.dumps(waarde))


def canoniek(waarden: Mapping[str, Any], vorige_hash: str) -> str:
    """The text that is hashed: every field of :data:`VELDEN` and the previous hash, as JSON
    with sorted keys and no spaces."""
    inhoud: dict[str, Any] = {"versie": VERSIE, "vorige_hash": vorige_hash}
    for veld in VELDEN:
        waarde = waarden[veld]
        if veld == "moment":
            waarde = _moment(waarde)
        elif veld == "wijzigingen":
            waarde = _json(waarde)
        inhoud[veld] = waarde
    return json.dumps(inhoud, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def bereken_hash(waarden: Mapping[str, Any], vorige_hash: str) -> str:
    return hashlib.sha256(canoniek(waarden, vorige_hash).encode()).hexdigest()


def waarden_van(regel: Any) -> dict[str, Any]:
    """The sealed fields of an entry (a model instance, also a migration's historical one)."""
    return {veld: getattr(regel, veld) for veld in VELDEN}


# --- appending --------------------------------------------------------------------------


def _kop() -> HistorieKop:
    """The head, locked until the end of the transaction; made (from the newest entry, if
    there is one) when it is missing, as after a test flushes the database."""
    from regietafel.audit.models import AuditRegel, HistorieKop

    kop = HistorieKop.objects.select_for_update().filter(pk=1).first()
    if kop is not None:
        return kop
    laatste = AuditRegel.objects.order_by("-volgnummer").values("volgnummer", "hash").first()
    try:
        with transaction.atomic():
            HistorieKop.objects.create(
                pk=1,
                volgnummer=laatste["volgnummer"] if laatste else 0,
                hash=laatste["hash"] if laatste else BEGIN,
            )
    except IntegrityError:  # another transaction made it first
        pass
    return HistorieKop.objects.select_for_update().get(pk=1)


def schakel(regels: Sequence[AuditRegel]) -> None:
    """Give ``regels`` (new, unsaved, in this order) their place in the chain and move the head
    on. Call inside the transaction that saves them; the head stays locked until it ends."""
    from regietafel.audit.models import HistorieKop

    if not regels:
        return
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("De historie wordt alleen binnen een transactie aangevuld.")
    kop = _kop()
    volgnummer, vorige = kop.volgnummer, kop.hash
    for regel in regels:
        volgnummer += 1
        regel.volgnummer = volgnummer
        regel.vorige_hash = vorige
        regel.hash = bereken_hash(waarden_van(regel), vorige)
        vorige = regel.hash
    HistorieKop.objects.filter(pk=1).update(
        volgnummer=volgnummer, hash=vorige, moment=regels[-1].moment
    )
    _verschuif_versies(regels)


def _verschuif_versies(regels: Sequence[AuditRegel]) -> None:
    """Move the version of every (provincie, app) of ``regels`` to their newest volgnummer
    (``audit.Wijzigingsversie``, one query), in the transaction that appends them; then tell
    the followers (``gegevensversie.bij_wijziging``)."""
    from regietafel.audit import gegevensversie
    from regietafel.audit.models import Wijzigingsversie

    nieuwste: dict[tuple[int, str], int] = {}
    for regel in regels:
        sleutel = (gegevensversie.provincie_van(regel), regel.object_type.split(".", 1)[0])
        nieuwste[sleutel] = max(nieuwste.get(sleutel, 0), regel.volgnummer)
    Wijzigingsversie.objects.bulk_create(
        [Wijzigingsversie(provincie=p, app=a, volgnummer=v) for (p, a), v in nieuwste.items()],
        update_conflicts=True,
        unique_fields=["provincie", "app"],
        update_fields=["volgnummer"],
    )
    gegevensversie.meld(frozenset(p for p, _ in nieuwste), frozenset(a for _, a in nieuwste))


# --- verifying --------------------------------------------------------------------------


@dataclass(frozen=True)
class Breuk:
    """The first entry that does not fit in the chain, and why (Dutch)."""

    volgnummer: int | None
    regel_id: int | None
    reden: str


@dataclass(frozen=True)
class Controle:
    aantal: int
    kop_volgnummer: int
    kop_hash: str
    breuk: Breuk | None

    @property
    def in_orde(self) -> bool:
        return self.breuk is None


def _omschrijving(regel: Mapping[str, Any]) -> str:
    from regietafel.core import klok

    moment = klok.lokaal(regel["moment"]) if regel["moment"] else None
    wanneer = f"{moment:%d-%m-%Y %H:%M:%S}, " if moment else ""
    return f"id {regel['id']}, {wanneer}{regel['actie']}: {regel['object_omschrijving']}"


def controleer(regels: Iterable[Mapping[str, Any]] | None = None) -> Controle:
    """Walk the chain from the first entry; stop at the first that does not fit.

    ``regels``: the entries in chain order as mappings (default: the database's)."""
    from regietafel.audit.models import AuditRegel, HistorieKop

    if regels is None:
        regels = (
            AuditRegel.objects.order_by("volgnummer", "id")
            .values("id", "vorige_hash", "hash", *VELDEN)
            .iterator(chunk_size=2000)
        )
    kop = HistorieKop.objects.filter(pk=1).values("volgnummer", "hash").first()
    kop_volgnummer, kop_hash = (kop["volgnummer"], kop["hash"]) if kop else (0, BEGIN)
    verwacht, vorige, aantal = 1, BEGIN, 0

    def breuk(regel: Mapping[str, Any], reden: str) -> Controle:
        return Controle(
            aantal,
            kop_volgnummer,
            kop_hash,
            Breuk(regel["volgnummer"], regel["id"], f"{reden} ({_omschrijving(regel)})"),
        )

    for regel in regels:
        nummer = regel["volgnummer"]
        if nummer is None:
            return breuk(regel, "Een historieregel zonder volgnummer staat buiten de keten")
        if nummer != verwacht:
            if nummer > verwacht:
                tekst = (
                    f"Regel {verwacht} ontbreekt"
                    if nummer == verwacht + 1
                    else f"De regels {verwacht} tot en met {nummer - 1} ontbreken"
                )
                return breuk(regel, f"{tekst}: regel {nummer} volgt op regel {verwacht - 1}")
            return breuk(regel, f"Regel {nummer} komt twee keer voor")
        if kop is None:
            return breuk(regel, "De kop van de historie ontbreekt")
        if nummer > kop_volgnummer:
            return breuk(
                regel,
                f"Regel {nummer} staat niet in de kop (die noemt regel {kop_volgnummer} als "
                "laatste): toegevoegd buiten de historie om",
            )
        if regel["vorige_hash"] != vorige:
            return breuk(
                regel, f"Regel {nummer} verwijst niet naar regel {nummer - 1} (vorige hash)"
            )
        if regel["hash"] != bereken_hash(regel, vorige):
            return breuk(regel, f"De inhoud van regel {nummer} past niet bij haar hash")
        vorige = regel["hash"]
        verwacht += 1
        aantal += 1
    laatste = verwacht - 1
    if laatste < kop_volgnummer:
        reden = (
            f"De laatste regel is {laatste}, de kop noemt regel {kop_volgnummer}: "
            f"regel {laatste + 1} en verder ontbreken"
        )
        return Controle(aantal, kop_volgnummer, kop_hash, Breuk(laatste + 1, None, reden))
    if vorige != kop_hash:
        reden = f"De hash van regel {laatste} is niet die van de kop: de regel is vervangen"
        return Controle(aantal - 1, kop_volgnummer, kop_hash, Breuk(laatste, None, reden))
    return Controle(aantal, kop_volgnummer, kop_hash, None)
