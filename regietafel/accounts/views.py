from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel.accounts import demoaccounts
from regietafel.core.tabel import Html, Kolom, Tabel


def demo_accounts_tabel(accounts: list[tuple[str, str]]) -> Tabel:
    """The demo accounts on the login page: the user name (as code) and its role."""
    return Tabel(
        sleutel="demo-accounts",
        titel="Demo-accounts en hun rol",
        bijschrift="",
        kolommen=(Kolom("Gebruikersnaam", "tekst"), Kolom("Rol", "tekst")),
        rijen=tuple(
            (Html.opmaak("<code>{}</code>", naam, tekst=naam), omschrijving)
            for naam, omschrijving in accounts
        ),
        rijkop=False,
        scroll=False,
    )


class LoginView(auth_views.LoginView):
    """Django's login; in demo mode the page lists the demo accounts."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["oidc_naam"] = settings.OIDC_PROVIDER_NAAM if settings.OIDC_ENABLED else ""
        demo = demoaccounts.geregistreerd() if settings.DEMO_MODE else None
        if demo is not None:
            context["demo_accounts"] = demo_accounts_tabel(list(demo.accounts))
            context["demo_wachtwoord"] = demo.wachtwoord
        return context


def geblokkeerd(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): a Dutch page, status 429."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minuten": minuten}
    return render(request, "registration/geblokkeerd.html", context, status=429)
