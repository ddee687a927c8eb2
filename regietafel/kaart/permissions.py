"""Which provincies a map shows with figures: the one place this app checks a role.

The same rule as ``pagina.provincie_van`` (which handles ``?provincie=PVnn``): a national
user (``landelijk.permissions.is_landelijk``: superuser, beheerder, lezer without provincie) reads
every provincie; every other user only the provincie its pages are about.
"""

from __future__ import annotations

from typing import Any

from regietafel.gemeenten.models import Provincie


def leest_alle_provincies(gebruiker: Any) -> bool:
    from regietafel.landelijk.permissions import is_landelijk

    return is_landelijk(gebruiker)


def leesbare_provincie_ids(gebruiker: Any, eigen: Provincie) -> set[int] | None:
    """None: every provincie; otherwise the one the user's pages are about (``eigen``)."""
    if leest_alle_provincies(gebruiker):
        return None
    return {eigen.pk}
