"""Who may do what with PRT meetings and the letters register — the one place this app checks roles.

- secretariaat (of its provincie) and staff: read and write everything, also the personal notes
  and attachments with personal data;
- gemeente users, lezers and beheerders: read the meetings, agendas, actie- en besluitenlijsten
  (also CONCEPT lists: PRT members receive the draft to approve it at the next meeting; it is
  marked CONCEPT everywhere) and the letters register of their provincie; not the personal
  notes, and no attachments marked as holding personal data;
- aanleverancier (COA, Nidos): no access.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.models import Rol

LEZERS = frozenset({Rol.SECRETARIAAT, Rol.GEMEENTE, Rol.LEZER, Rol.BEHEERDER})


def _actief(gebruiker: Any) -> bool:
    return bool(getattr(gebruiker, "is_authenticated", False) and gebruiker.is_active)


def mag_lezen(gebruiker: Any) -> bool:
    if not _actief(gebruiker):
        return False
    return bool(gebruiker.is_staff or getattr(gebruiker, "rol", None) in LEZERS)


def mag_schrijven(gebruiker: Any, provincie: Any = None) -> bool:
    """The secretariaat of ``provincie`` (any provincie when None) and staff."""
    if not _actief(gebruiker):
        return False
    if gebruiker.is_staff:
        return True
    if getattr(gebruiker, "rol", None) != Rol.SECRETARIAAT:
        return False
    if provincie is None:
        return True
    return getattr(gebruiker, "provincie_id", None) == provincie.pk


def mag_persoonsgegevens_zien(gebruiker: Any, provincie: Any = None) -> bool:
    """Personal notes and attachments marked as holding personal data."""
    return mag_schrijven(gebruiker, provincie)
