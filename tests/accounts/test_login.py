"""Login: Django authentication with a lockout (django-axes), demo accounts, optional OIDC."""

from __future__ import annotations

import pytest
from axes.utils import reset
from django.conf import settings
from django.test import Client

from regietafel.core import klok
from regietafel.demo.drenthe import DEMO_WACHTWOORD
from regietafel.gemeenten.models import Provincie

LOGIN = "/account/inloggen/"


def _probeer(client: Client, wachtwoord: str, gebruiker: str = "lezer"):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": gebruiker, "password": wachtwoord})


def test_login_with_the_right_password(drenthe: Provincie) -> None:
    client = Client()
    antwoord = _probeer(client, DEMO_WACHTWOORD)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/"
    assert client.get("/").status_code == 200


def test_wrong_password_shows_a_dutch_error(drenthe: Provincie) -> None:
    antwoord = _probeer(Client(), "fout-wachtwoord")
    assert antwoord.status_code == 200
    assert "De combinatie van gebruikersnaam en wachtwoord is onjuist." in antwoord.text


def test_lockout_after_repeated_failures_until_reset(drenthe: Provincie) -> None:
    client = Client()
    limiet = settings.AXES_FAILURE_LIMIT
    assert limiet == 5
    for _ in range(limiet - 1):
        assert _probeer(client, "fout-wachtwoord").status_code == 200
    geblokkeerd = _probeer(client, "fout-wachtwoord")
    assert geblokkeerd.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in geblokkeerd.text
    assert "Probeer het over 30 minuten opnieuw" in geblokkeerd.text
    # Locked: even the right password does not get in.
    assert _probeer(client, DEMO_WACHTWOORD).status_code == 429
    # Per username and IP address: another user from the same address may log in.
    assert _probeer(Client(), DEMO_WACHTWOORD, gebruiker="secretariaat").status_code == 302
    reset(username="lezer")
    assert _probeer(client, DEMO_WACHTWOORD).status_code == 302


def test_lockout_expires_after_the_cooloff(drenthe: Provincie, settings) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from axes.models import AccessAttempt

    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _probeer(client, "fout-wachtwoord")
    assert _probeer(client, DEMO_WACHTWOORD).status_code == 429
    # Half an hour and a minute later (moved back in the database rather than waiting).
    AccessAttempt.objects.update(attempt_time=klok.nu() - dt.timedelta(minutes=31))
    assert _probeer(client, DEMO_WACHTWOORD).status_code == 302


def test_demo_accounts_listed_only_in_demo_mode(drenthe: Provincie, settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEMO_MODE = False
    assert "Demo-accounts" not in Client().get(LOGIN).text
    settings.DEMO_MODE = True
    pagina = Client().get(LOGIN).text
    assert "Demo-accounts" in pagina
    assert DEMO_WACHTWOORD in pagina


def test_oidc_is_off_by_default(drenthe: Provincie) -> None:
    assert settings.OIDC_ENABLED is False
    assert "mozilla_django_oidc" not in settings.INSTALLED_APPS
    assert not any("oidc" in backend.lower() for backend in settings.AUTHENTICATION_BACKENDS)
    assert Client().get("/oidc/authenticate/").status_code == 404
    assert "Inloggen met" not in Client().get(LOGIN).text


OIDC_ENV = {
    "OIDC_RP_CLIENT_ID": "regietafel",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://sso.example/auth",
    "OIDC_OP_TOKEN_ENDPOINT": "https://sso.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://sso.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://sso.example/jwks",
}


def test_oidc_settings_come_from_the_environment(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from regietafel.oidc import oidc_instellingen

    for naam in [*OIDC_ENV, "OIDC_RP_SIGN_ALGO", "OIDC_PROVIDER_NAAM", "OIDC_RP_CLIENT_ID_FILE"]:
        monkeypatch.delenv(naam, raising=False)
    assert oidc_instellingen() == {}

    geheim = tmp_path / "geheim"
    geheim.write_text("uit-een-bestand\n", encoding="utf-8")
    for naam, waarde in OIDC_ENV.items():
        monkeypatch.setenv(naam, waarde)
    monkeypatch.delenv("OIDC_RP_CLIENT_SECRET")
    monkeypatch.setenv("OIDC_RP_CLIENT_SECRET_FILE", str(geheim))
    monkeypatch.setenv("OIDC_PROVIDER_NAAM", "Provincie-account")
    instellingen = oidc_instellingen()
    assert instellingen["OIDC_RP_CLIENT_SECRET"] == "uit-een-bestand"
    assert instellingen["OIDC_RP_SIGN_ALGO"] == "RS256"
    assert instellingen["OIDC_OP_JWKS_ENDPOINT"] == "https://sso.example/jwks"
    assert instellingen["OIDC_PROVIDER_NAAM"] == "Provincie-account"

    monkeypatch.delenv("OIDC_OP_JWKS_ENDPOINT")
    with pytest.raises(Exception, match="OIDC_OP_JWKS_ENDPOINT ontbreekt"):
        oidc_instellingen()
    monkeypatch.delenv("OIDC_OP_TOKEN_ENDPOINT")
    with pytest.raises(Exception, match="OIDC_OP_TOKEN_ENDPOINT ontbreekt"):
        oidc_instellingen()


def test_new_oidc_user_is_a_lezer_without_provincie(drenthe: Provincie, settings) -> None:  # type: ignore[no-untyped-def]
    for naam, waarde in OIDC_ENV.items():
        setattr(settings, naam, waarde)
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    from regietafel.accounts.models import Rol
    from regietafel.accounts.oidc import RegietafelOIDCBackend

    gebruiker = RegietafelOIDCBackend().create_user(
        {"email": "nieuw@provincie.example", "given_name": "Nieuwe", "family_name": "Collega"}
    )
    gebruiker.refresh_from_db()
    assert gebruiker.rol == Rol.LEZER
    assert gebruiker.provincie is None
    assert gebruiker.last_name == "Collega"


def test_oidc_on_shows_the_button_and_starts_at_the_provider(drenthe: Provincie, settings) -> None:  # type: ignore[no-untyped-def]
    for naam, waarde in OIDC_ENV.items():
        setattr(settings, naam, waarde)
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_RP_SCOPES = "openid email profile"
    settings.OIDC_ENABLED = True
    settings.OIDC_PROVIDER_NAAM = "Provincie-account"
    settings.ROOT_URLCONF = "tests.accounts.oidc_urls"
    pagina = Client().get(LOGIN).text
    assert "Inloggen met Provincie-account" in pagina
    assert 'href="/oidc/authenticate/"' in pagina
    start = Client().get("/oidc/authenticate/")
    assert start.status_code == 302
    assert start["Location"].startswith("https://sso.example/auth?")
