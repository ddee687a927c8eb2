"""The proposals for one text: patterns (domain), names (deduce), minus office holders.

Shared by the review workflow (``services.voeg_document_toe``) and the CLI (``woo lakken``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError

from regietafel.domain.persoonsgegevens import (
    Voorstel,
    alle_vindplaatsen,
    is_ambtsdrager,
    vind_patronen,
    voeg_samen,
)
from regietafel.woo.namen import vind_namen
from regietafel.woo.plaatsen import register

STANDAARD_AMBTSDRAGERS = (
    ("Jetta Klijnsma", "commissaris van de Koning in Drenthe"),
    ("M.H.M. Faber-Van de Klashorst", "minister van Asiel en Migratie"),
)
"""Public office holders acting in office, named in the seeds (001: the commissaris signs the
verslag; 003: the minister signs the verdeelbesluit). Not redacted. Stored in the model
``Ambtsdrager`` (a data migration puts these two there); this list is the fallback without a
database."""

_EERDER_GELAKT = re.compile(
    r"\[(?:redacted|REDACTED|Redacted)\]"
    r"|<(div|span)\b[^>]*background(?:-color)?:[^>]*>\s*</\1>"
)


def eerder_gelakt(tekst: str) -> list[Voorstel]:
    """Redactions already in a source: "[redacted]" marks, or an empty grey box left by a
    conversion (seed 002: ``<div style="background-color: #cccccc; …"></div>`` where a name
    was). They are published as a redaction with its letter too."""
    return [Voorstel(m.start(), m.end(), m.group(), "naam") for m in _EERDER_GELAKT.finditer(tekst)]


def ambtsdragers() -> list[str]:
    """The names of the office holders that are not redacted (the database, else the default)."""
    from django.db import DatabaseError

    from regietafel.woo.models import Ambtsdrager

    try:
        return list(Ambtsdrager.objects.filter(actief=True).values_list("naam", flat=True))
    except DatabaseError:
        return [naam for naam, _ in STANDAARD_AMBTSDRAGERS]


def voorstellen(tekst: str, *, uitgezonderd: Iterable[str] | None = None) -> list[Voorstel]:
    """Every proposal for ``tekst``, merged so that no two overlap.

    Names of office holders in ``uitgezonderd`` (default: ``ambtsdragers()``) are left out;
    a name found once is proposed at each occurrence.
    """
    dragers = list(ambtsdragers() if uitgezonderd is None else uitgezonderd)
    namen = [v for v in vind_namen(tekst) if not is_ambtsdrager(v.tekst, dragers)]
    return voeg_samen(
        alle_vindplaatsen(tekst, [*namen, *eerder_gelakt(tekst)]) + vind_patronen(tekst, register())
    )


def controleer_titel(titel: str, *, wat: str = "titel") -> str:
    """A title as published: stripped, not empty and without personal data.

    A title is printed unredacted in the PDF (heading, footer, metadata) and the inventory,
    so it is checked with the same detection as the text. It comes from the reviewer, never
    from a file name ("bezwaar Karin de Boer.docx").
    """
    titel = " ".join(titel.split())
    lidwoord = "het" if wat == "kenmerk" else "de"
    if not titel:
        raise ValidationError(f"Vul {lidwoord} {wat} in.", code=wat)
    gevonden = voorstellen(titel)
    if gevonden:
        delen = ", ".join(f"{v.soort} „{v.tekst}”" for v in gevonden)
        raise ValidationError(
            f"{lidwoord.capitalize()} {wat} bevat persoonsgegevens ({delen}); die komen ongelakt "
            f"in de PDF en de inventarislijst. Kies een {wat} zonder persoonsgegevens.",
            code=wat,
        )
    return titel
