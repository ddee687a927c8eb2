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


class RegietafelOIDCBackend(OIDCAuthenticationBackend):
    def create_user(self, claims: dict[str, Any]) -> Gebruiker:
        gebruiker: Gebruiker = super().create_user(claims)
        gebruiker.rol = Rol.LEZER
        gebruiker.provincie = None
        gebruiker.gemeente = None
        gebruiker.first_name = claims.get("given_name", "")[:150]
        gebruiker.last_name = claims.get("family_name", "")[:150]
        gebruiker.save()
        return gebruiker


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
