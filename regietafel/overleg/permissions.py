"""Who may do what with PRT meetings and the letters register — the one place this app checks roles.

- the secretariaat of the provincie (and a superuser: ``accounts.permissions.schrijft_provincie``)
  reads and writes everything, also the personal notes and attachments with personal data;
  ``is_staff`` alone grants nothing here;
- gemeente users, lezers and beheerders: read the meetings, agendas, actie- en besluitenlijsten
  (also CONCEPT lists: PRT members receive the draft to approve it at the next meeting; it is
  marked CONCEPT everywhere) and the letters register of their provincie; not the personal
  notes, and no attachments marked as holding personal data;
- aanleverancier (COA, Nidos): no access.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol
from regietafel.accounts.permissions import actief, schrijft_een_provincie, schrijft_provincie

LEZERS = frozenset({Rol.SECRETARIAAT, Rol.GEMEENTE, Rol.LEZER, Rol.BEHEERDER})


def mag_lezen(gebruiker: Any) -> bool:
    if not actief(gebruiker):
        return False
    return bool(gebruiker.is_superuser or getattr(gebruiker, "rol", None) in LEZERS)


def mag_schrijven(gebruiker: Any, provincie: Any = None) -> bool:
    """The secretariaat of ``provincie`` or a superuser; without ``provincie``: whether the
    user writes some provincie at all."""
    if provincie is None:
        return schrijft_een_provincie(gebruiker)
    return schrijft_provincie(gebruiker, provincie.pk)


def mag_persoonsgegevens_zien(gebruiker: Any, provincie: Any = None) -> bool:
    """Personal notes and attachments marked as holding personal data."""
    return mag_schrijven(gebruiker, provincie)
