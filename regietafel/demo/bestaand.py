"""What "already there" means to the demo beyond a record's key: its history.

The demo loaders ask the services to add only what is missing (``alleen_als_ontbreekt``): a
record with the same key stays as it is. A user can also change a key — rename a location,
move a meeting, correct the date of a placement — or remove a record; the key then no longer
matches, but the history still holds the record's creation. The demo does not bring back what
it (or anyone) once made under that description.
"""

from __future__ import annotations

from django.db.models import Model

from regietafel.audit.models import AuditRegel


def eerder_aangemaakt(obj: Model) -> bool:
    """True when the history holds the creation of a record of ``obj``'s kind described as
    ``obj`` (``str(obj)``, as ``audit.services.registreer`` stores it).

    Only for kinds whose description names their whole key: a location ("azc Assen (Assen)":
    name and gemeente), a meeting ("Bestuurlijk Drenthe 19-11-2025": soort, provincie, date),
    a noodopvang request and a placement of nareizigers (places or persons, gemeente, date).
    """
    return AuditRegel.objects.filter(
        object_type=obj._meta.label_lower,
        actie="aangemaakt",
        object_omschrijving=str(obj)[:300],
    ).exists()
