"""Who may read the history of a record, and the Wijzigingen list: the one place this app
checks a role.

Reading a record's history follows reading the record: the provincie of the record must be
one the user reads (accounts.permissions), with two narrower kinds of record: a gemeente's
submissions and its toezicht dossier (only that gemeente and the secretariaat of its
provincie; a toezicht dossier also the provincie's lezers, not a beheerder), user accounts
(only the user itself, the secretariaat of its provincie and a beheerder), deliveries (as the
list of deliveries: the secretariaat of its provincie, the supplier who made it), and records whose
history holds what their pages hide (``VERTROUWELIJK``: Woo, personal notes, letters; only
the secretariaat of the provincie and a superuser). A record outside
the user's reach answers 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from regietafel.aanlevering.models import Aanlevering
from regietafel.aanlevering.permissions import mag_aanleveren, mag_aanlevering_zien
from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import (
    actief,
    is_beheerder,
    leest_alles,
    mag_provincie_lezen,
)
from regietafel.toezicht.permissions import mag_alles_lezen as mag_alles_lezen_toezicht

INZENDINGEN = frozenset({"monitoring.inzending", "monitoring.inzendingregel"})
GEBRUIKERS = frozenset({"accounts.gebruiker"})
AANLEVERINGEN = frozenset({"aanlevering.aanlevering"})
TOEZICHT = frozenset({"toezicht.dossier", "toezicht.stap", "toezicht.document"})
VERTROUWELIJK = frozenset(
    {
        # Woo: unredacted documents until publication (woo.permissions: secretariaat only).
        "woo.woobesluit",
        "woo.woodocument",
        "woo.lak",
        # Personal notes and attachments or letters with personal data (overleg.permissions).
        "overleg.agendapunt",
        "overleg.bijlage",
        "overleg.brief",
    }
)


def _aanleveraar(gebruiker: Any, object_id: str) -> int | None:
    """Who made the delivery ``object_id`` (one query, only for a supplier: the others see a
    delivery by its provincie)."""
    if getattr(gebruiker, "rol", None) != Rol.AANLEVERANCIER or not (
        object_id.isascii() and object_id.isdigit()
    ):
        return None
    door_id = Aanlevering.objects.filter(pk=int(object_id)).values_list("door_id", flat=True)
    return next(iter(door_id), None)


def _secretariaat_van(gebruiker: Any, provincie_id: int | None) -> bool:
    return (
        getattr(gebruiker, "rol", None) == Rol.SECRETARIAAT
        and provincie_id is not None
        and gebruiker.provincie_id == provincie_id
    )


def mag_historie_lezen(
    gebruiker: Any,
    object_type: str,
    *,
    gemeente_id: int | None,
    provincie_id: int | None,
    object_id: str = "",
) -> bool:
    """Whether ``gebruiker`` may read the history of the record of this type and scope."""
    if not actief(gebruiker):
        return False
    if object_type in GEBRUIKERS:
        if str(gebruiker.pk) == object_id or is_beheerder(gebruiker):
            return True
        return _secretariaat_van(gebruiker, provincie_id)
    if object_type in VERTROUWELIJK:  # the history holds what the pages hide
        return bool(gebruiker.is_superuser) or _secretariaat_van(gebruiker, provincie_id)
    if object_type in TOEZICHT:  # as confidential as the dossier itself (not for a beheerder)
        if getattr(gebruiker, "rol", None) == Rol.GEMEENTE:
            return gemeente_id is not None and gemeente_id == gebruiker.gemeente_id
        return mag_alles_lezen_toezicht(gebruiker) and (
            provincie_id is None or mag_provincie_lezen(gebruiker, provincie_id)
        )
    if leest_alles(gebruiker):
        return True
    if object_type in INZENDINGEN:
        if getattr(gebruiker, "rol", None) == Rol.GEMEENTE:
            return gemeente_id is not None and gemeente_id == gebruiker.gemeente_id
        return _secretariaat_van(gebruiker, provincie_id)
    if object_type in AANLEVERINGEN:  # file name, who, checksum: as the delivery list
        return mag_aanleveren(gebruiker) and mag_aanlevering_zien(
            gebruiker, provincie_id=provincie_id, door_id=_aanleveraar(gebruiker, object_id)
        )
    if provincie_id is None:
        return True  # national data (a cyclus) is read by everyone signed in
    return mag_provincie_lezen(gebruiker, provincie_id)


def mag_wijzigingen_zien(gebruiker: Any) -> bool:
    """The provincie-wide Wijzigingen list: the secretariaat of a provincie and a beheerder."""
    if not actief(gebruiker):
        return False
    if leest_alles(gebruiker):
        return True
    return getattr(gebruiker, "rol", None) == Rol.SECRETARIAAT and bool(gebruiker.provincie_id)


def wijzigingen_provincie_id(gebruiker: Any) -> int | None:
    """The provincie whose changes the list shows; None: every provincie (with a filter)."""
    if leest_alles(gebruiker):
        return None
    return gebruiker.provincie_id  # type: ignore[no-any-return]


def mag_historie_van(gebruiker: Any, obj: Any) -> bool:
    """``mag_historie_lezen`` for a saved record (its scope from ``audit.reikwijdte``; at most
    one query): whether a Historie link to ``obj`` would open for ``gebruiker``."""
    from regietafel.audit.reikwijdte import reikwijdte

    if obj is None or getattr(obj, "pk", None) is None or not actief(gebruiker):
        return False
    gemeente_id, provincie_id = reikwijdte(obj)
    return mag_historie_lezen(
        gebruiker,
        obj._meta.label_lower,
        gemeente_id=gemeente_id,
        provincie_id=provincie_id,
        object_id=str(obj.pk),
    )
