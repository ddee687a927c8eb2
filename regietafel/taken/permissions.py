"""Who may see a job — the one place this app checks it.

The requester sees its own job; a document job (``Taaksoort.gedeeld``) is seen by everyone
who may read its provincie, since one job serves everyone who asks for the same document.
An app can add its own check (``Taaksoort.mag_zien``). Anyone else gets a 404: a job's id
says nothing about whether it exists.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.permissions import actief, mag_provincie_lezen
from regietafel.taken import soorten
from regietafel.taken.models import Taak


def mag_zien(gebruiker: Any, taak: Taak) -> bool:
    if not actief(gebruiker):
        return False
    soort = soorten.zoek(taak.soort)
    if soort is not None and soort.mag_zien is not None and not soort.mag_zien(gebruiker, taak):
        return False
    if getattr(gebruiker, "is_superuser", False):
        return True
    if taak.aangevraagd_door_id is not None and taak.aangevraagd_door_id == gebruiker.pk:
        return True
    return bool(soort and soort.gedeeld and mag_provincie_lezen(gebruiker, taak.provincie_id))
