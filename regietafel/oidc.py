"""Optional OpenID Connect login, switched on by ``OIDC_RP_CLIENT_ID`` in the environment.

Only the settings are built here (no Django models, so ``settings.py`` can import it).
When the client id is unset, :func:`oidc_instellingen` returns an empty dict and nothing of
OIDC is installed: no app, no backend, no ``/oidc/`` urls and no button on the login page.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured

from regietafel.env import envstr

VERPLICHT = (
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
)
ALGORITMEN = {"RS256", "HS256", "ES256"}


def oidc_instellingen() -> dict[str, Any]:
    """The mozilla-django-oidc settings from the environment, or ``{}`` when OIDC is off."""
    client_id = envstr("OIDC_RP_CLIENT_ID")
    if not client_id:
        return {}
    waarden: dict[str, Any] = {"OIDC_RP_CLIENT_ID": client_id}
    for naam in VERPLICHT:
        waarde = envstr(naam)
        if not waarde:
            raise ImproperlyConfigured(
                f"{naam} ontbreekt: OIDC staat aan (OIDC_RP_CLIENT_ID is gezet) en heeft dit nodig."
            )
        waarden[naam] = waarde
    algoritme = envstr("OIDC_RP_SIGN_ALGO") or "RS256"
    if algoritme not in ALGORITMEN:
        raise ImproperlyConfigured(
            f"OIDC_RP_SIGN_ALGO moet een van {sorted(ALGORITMEN)} zijn, niet {algoritme!r}"
        )
    waarden["OIDC_RP_SIGN_ALGO"] = algoritme
    jwks = envstr("OIDC_OP_JWKS_ENDPOINT")
    if algoritme != "HS256" and not jwks:
        raise ImproperlyConfigured(f"OIDC_OP_JWKS_ENDPOINT ontbreekt: {algoritme} heeft het nodig.")
    if jwks:
        waarden["OIDC_OP_JWKS_ENDPOINT"] = jwks
    waarden["OIDC_RP_SCOPES"] = envstr("OIDC_RP_SCOPES") or "openid email profile"
    waarden["OIDC_PROVIDER_NAAM"] = envstr("OIDC_PROVIDER_NAAM") or "single sign-on"
    waarden["LOGIN_REDIRECT_URL_FAILURE"] = "/account/inloggen/"
    return waarden
