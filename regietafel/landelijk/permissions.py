"""Who sees the country: the one place this app checks a role.

National users are the ones that read every provincie (``accounts.permissions.leest_alles``):
a superuser, a beheerder, or a user without provincie marked ``landelijk`` (the ministry, the
landelijke regietafel, typically with the role lezer). They see the national view and may open
any provincie's page with ``?provincie=PVnn``. Every other user stays in its own provincie.
A lezer without provincie is NOT national by default: a new OIDC user gets exactly that.
"""

from __future__ import annotations

from typing import Any

from regietafel.accounts.permissions import leest_alles


def is_landelijk(gebruiker: Any) -> bool:
    return leest_alles(gebruiker)
