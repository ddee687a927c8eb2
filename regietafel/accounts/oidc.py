"""OpenID Connect login (mozilla-django-oidc), only installed when ``OIDC_RP_CLIENT_ID`` is set.

A new OIDC user starts as a lezer without a provincie, until a beheerder assigns one.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from mozilla_django_oidc import views
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.accounts.services import maak_gebruiker


class RegietafelOIDCBackend(OIDCAuthenticationBackend):
    def create_user(self, claims: dict[str, Any]) -> Gebruiker:
        """The first login makes the user, through the accounts service (with history): a
        lezer without provincie or gemeente and without a password."""
        return maak_gebruiker(
            door=None,
            gebruikersnaam=self.get_username(claims),
            email=str(claims.get("email") or "")[:254],
            first_name=str(claims.get("given_name") or "")[:150],
            last_name=str(claims.get("family_name") or "")[:150],
            rol=Rol.LEZER,
            provincie=None,
            gemeente=None,
            bron="OIDC (eerste aanmelding)",
        )


# The OIDC views are reached before login: exempt from LoginRequiredMiddleware.
urlpatterns = [
    path(
        "callback/",
        login_not_required(views.OIDCAuthenticationCallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
    path(
        "authenticate/",
        login_not_required(views.OIDCAuthenticationRequestView.as_view()),
        name="oidc_authentication_init",
    ),
    path("logout/", views.OIDCLogoutView.as_view(), name="oidc_logout"),
]
