"""Who does what in the cycle: the one place this app checks a role.

- A beheerder (or a superuser) sets up a cyclus: the minister's numbers, the deadlines and the
  rules are national data (``accounts.permissions.is_beheerder``).
- A gemeente user writes only its own gemeente's aanbod (a concept, then hands it in).
- The secretariaat of the gemeente's provincie (or a superuser:
  ``accounts.permissions.schrijft_provincie``) reviews an aanbod: approves or returns it.
- Everyone else reads: the PUZZEL and every approved aanbod of the provincies they read. A
  concept or an aanbod under review is the gemeente's and its secretariaat's only.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import (
    actief,
    is_beheerder,
    mag_provincie_lezen,
    schrijft_een_provincie,
    schrijft_provincie,
)
from regietafel.gemeenten.models import Gemeente, Provincie


def eigen_gemeente_id(gebruiker: Any) -> int | None:
    """The gemeente a gemeente user speaks for; None for every other user."""
    if not actief(gebruiker) or getattr(gebruiker, "rol", None) != Rol.GEMEENTE:
        return None
    return getattr(gebruiker, "gemeente_id", None)


def mag_opzet_bewerken(gebruiker: Any) -> bool:
    """The set-up of a cyclus: a beheerder or a superuser."""
    return is_beheerder(gebruiker)


def mag_aanbod_schrijven(gebruiker: Any, gemeente: Gemeente) -> bool:
    """A gemeente user, for its own gemeente."""
    eigen = eigen_gemeente_id(gebruiker)
    return eigen is not None and eigen == gemeente.pk


def mag_beoordelen(gebruiker: Any, gemeente: Gemeente | None = None) -> bool:
    """The secretariaat of the gemeente's provincie, or a superuser; without ``gemeente``:
    whether the user reviews some provincie's aanbod at all (no query)."""
    if gemeente is None:
        return schrijft_een_provincie(gebruiker)
    return schrijft_provincie(gebruiker, gemeente.provincie_id)


def beoordeelt_provincie(gebruiker: Any, provincie: Provincie) -> bool:
    """Whether the user reviews the aanbod of ``provincie`` (its secretariaat, a superuser)."""
    return schrijft_provincie(gebruiker, provincie.pk)


def mag_versie_zien(gebruiker: Any, gemeente: Gemeente, goedgekeurd: bool) -> bool:
    """An approved version: everyone who reads the provincie; any other version: the gemeente
    itself and the secretariaat of its provincie."""
    if mag_aanbod_schrijven(gebruiker, gemeente) or mag_beoordelen(gebruiker, gemeente):
        return True
    return goedgekeurd and mag_provincie_lezen(gebruiker, gemeente.provincie_id)
