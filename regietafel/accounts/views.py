from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views

from regietafel.demo.drenthe import DEMO_ACCOUNTS, DEMO_WACHTWOORD


class LoginView(auth_views.LoginView):
    """Django's login; in demo mode the page lists the demo accounts."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if settings.DEMO_MODE:
            context["demo_accounts"] = [
                (naam, omschrijving) for naam, *_, omschrijving in DEMO_ACCOUNTS
            ]
            context["demo_wachtwoord"] = DEMO_WACHTWOORD
        return context
