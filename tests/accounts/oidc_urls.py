"""The project's urls with OIDC switched on (as ``OIDC_RP_CLIENT_ID`` would)."""

from django.urls import include, path

from regietafel.urls import urlpatterns as project

urlpatterns = [*project, path("oidc/", include("regietafel.accounts.oidc"))]
