"""History pages exist only for the project's own models (``regietafel.*``): Django's users
table, sessions, API keys and login attempts answer 404, whether the record exists or not,
so the page neither fails (there is no ``auth_user`` table) nor tells which API keys exist."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import Client
from rest_framework.authtoken.models import Token

from regietafel.accounts.models import Gebruiker
from regietafel.locaties.models import Locatie

pytestmark = pytest.mark.django_db


def _beheerder() -> Client:
    client = Client()
    client.force_login(
        Gebruiker.objects.create(username="beheer", rol="beheerder", is_superuser=True)
    )
    return client


@pytest.mark.parametrize(
    "pad",
    [
        "/historie/auth/user/1/",
        "/historie/auth/group/1/",
        "/historie/auth/permission/1/",
        "/historie/sessions/session/x/",
        "/historie/contenttypes/contenttype/1/",
        "/historie/admin/logentry/1/",
        "/historie/axes/accessattempt/1/",
    ],
)
def test_geen_historie_van_andere_modellen(drenthe, pad: str) -> None:  # type: ignore[no-untyped-def]
    assert _beheerder().get(pad).status_code == 404


def test_api_sleutels_verraden_niet_of_ze_bestaan(drenthe) -> None:  # type: ignore[no-untyped-def]
    token = Token.objects.create(user=Gebruiker.objects.get(username="lezer"))
    client = _beheerder()
    for app_label, model in (("authtoken", "token"), ("authtoken", "tokenproxy")):
        bestaand = client.get(f"/historie/{app_label}/{model}/{token.key}/")
        onbekend = client.get(f"/historie/{app_label}/{model}/{'0' * 40}/")
        assert bestaand.status_code == onbekend.status_code == 404
        assert token.key not in bestaand.content.decode()


def test_eigen_modellen_houden_hun_historie(drenthe, secretariaat: Client) -> None:  # type: ignore[no-untyped-def]
    locatie = Locatie.objects.filter(gemeente__provincie=drenthe).first()
    assert locatie is not None
    assert secretariaat.get(f"/historie/locaties/locatie/{locatie.pk}/").status_code == 200
    lezer = Gebruiker.objects.get(username="lezer")
    client = Client()
    client.force_login(lezer)
    assert client.get(f"/historie/accounts/gebruiker/{lezer.pk}/").status_code == 200


def test_elk_model_buiten_het_project_is_404(drenthe) -> None:  # type: ignore[no-untyped-def]
    client = _beheerder()
    vreemd = [m for m in apps.get_models() if not m._meta.app_config.name.startswith("regietafel.")]
    assert len(vreemd) >= 8
    for model in vreemd:
        pk = model._default_manager.values_list("pk", flat=True).first() or 1
        pad = f"/historie/{model._meta.app_label}/{model._meta.model_name}/{pk}/"
        assert client.get(pad).status_code == 404, pad
