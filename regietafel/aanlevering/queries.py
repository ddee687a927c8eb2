"""Reads of the deliveries: the register the readers match against, the latest deliveries a
user may see. The writes are in ``services.py``."""

from __future__ import annotations

from typing import Any

from regietafel.aanlevering.lezen import GemeenteRegister, RegisterGemeente
from regietafel.aanlevering.models import Aanlevering
from regietafel.aanlevering.permissions import zichtbare_aanleveringen
from regietafel.gemeenten.models import Gemeente


def gemeente_register() -> tuple[GemeenteRegister, dict[str, Gemeente]]:
    """The register the readers match against, and its gemeenten by CBS code (one query)."""
    gemeenten = list(Gemeente.objects.select_related("provincie"))
    register = GemeenteRegister(
        RegisterGemeente(g.cbs_code, g.naam, g.provincie.naam) for g in gemeenten
    )
    return register, {g.cbs_code: g for g in gemeenten}


def laatste_aanleveringen(gebruiker: Any, aantal: int = 10) -> list[Aanlevering]:
    """The latest deliveries ``gebruiker`` may see (``permissions.zichtbare_aanleveringen``:
    its provincie's, its own as a supplier, all for a national reader)."""
    filter_ = zichtbare_aanleveringen(gebruiker)
    if filter_ is None:
        return []
    return list(Aanlevering.objects.filter(filter_).select_related("door")[:aantal])
