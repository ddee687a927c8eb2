"""One write path, a test per door (issue 17, point 2): a page, the API, the command line,
an import, the demo loader, OIDC and the accounts service each write through a service that
validates, writes in one transaction and leaves a history entry in the chain. The admin, the
last door, has its own module (``test_beheer.py``); ``tests/test_schrijfpad.py`` proves that
no other module writes a record itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from regietafel.accounts import services as accounts
from regietafel.accounts.models import Gebruiker, Rol
from regietafel.audit import keten
from regietafel.audit.models import AuditRegel, HistorieKop
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.locaties.models import Locatie
from regietafel.monitoring.models import Inzending, Realisatie
from tests.formulier import formulier_post

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parent.parent / "data"


def _kop() -> int:
    return HistorieKop.objects.get().volgnummer


def _nieuw(voor: int, **filter: Any) -> list[AuditRegel]:
    return list(AuditRegel.objects.filter(volgnummer__gt=voor, **filter).order_by("volgnummer"))


def test_a_page(secretariaat: Client, gebruiker_secretariaat: Gebruiker) -> None:
    locatie = Locatie.objects.filter(gemeente__naam="Assen", status="gerealiseerd").first()
    assert locatie is not None
    url = reverse("locaties:wijzig", kwargs={"pk": locatie.pk})
    voor = _kop()
    antwoord = formulier_post(
        secretariaat, url, {"plaatsen_regulier": str(locatie.plaatsen_regulier + 1)}
    )
    assert antwoord.status_code == 302
    locatie.refresh_from_db()
    regels = _nieuw(voor)
    assert [(r.actie, r.object_id, r.door_id) for r in regels] == [
        ("gewijzigd", str(locatie.pk), gebruiker_secretariaat.pk)
    ]
    assert keten.controleer().in_orde


def test_the_api(drenthe: Provincie) -> None:
    gebruiker = Gebruiker.objects.get(username="gemeente-assen")
    token, _ = Token.objects.get_or_create(user=gebruiker)
    client = Client(headers={"Authorization": f"Token {token.key}"})
    voor = _kop()
    antwoord = client.post(
        "/api/v1/inzendingen",
        {
            "gemeente": "GM0106",
            "peildatum": "2025-11-01",
            "regels": [{"soort": "amv", "aantal": 9}],
        },
        content_type="application/json",
    )
    assert antwoord.status_code == 201, antwoord.content
    inzending = Inzending.objects.get(pk=antwoord.json()["id"])
    assert [(r.actie, r.object_id, r.door_id) for r in _nieuw(voor)] == [
        ("ingediend", str(inzending.pk), gebruiker.pk)
    ]


def test_the_command_line_and_an_import(drenthe: Provincie, tmp_path: Path) -> None:
    """``regietafel import realisatie``: the bulk service, one entry per figure with the
    file's checksum, no user (the system)."""
    pad = tmp_path / "realisatie.csv"
    pad.write_text(
        "gemeente;soort;aantal;peildatum\nAssen;oekraine;901;01-12-2025\n"
        "Emmen;oekraine;902;01-12-2025\n",
        encoding="utf-8",
    )
    voor = _kop()
    call_command("import", "realisatie", str(pad), stdout=None)
    cijfers = Realisatie.objects.filter(peildatum=dt.date(2025, 12, 1), soort="oekraine")
    regels = _nieuw(voor, object_type="monitoring.realisatie")
    assert {r.object_id for r in regels} == {str(c.pk) for c in cijfers}
    assert len(regels) == 2
    assert {(r.door_id, len(r.checksum)) for r in regels} == {(None, 64)}
    assert {r.gemeente.naam for r in regels} == {"Assen", "Emmen"}  # type: ignore[union-attr]
    assert keten.controleer().in_orde


def test_the_inhabitants_import(drenthe: Provincie) -> None:
    """It built its history rows by hand; now through the bulk service and the chain."""
    from regietafel.gemeenten.services import importeer_inwoners

    voor = _kop()
    uit = importeer_inwoners(DATA / "cbs" / "03759ned_inwoners.csv", door=None)
    assert uit.fouten == []
    regels = _nieuw(voor, object_type="gemeenten.inwonertal")
    assert len(regels) == uit.nieuw + uit.gewijzigd > 0
    ids = {str(i.pk) for i in Inwonertal.objects.filter(bron__contains="03759ned")}
    assert {r.object_id for r in regels} == ids
    assert all(r.provincie_id is not None for r in regels)
    assert keten.controleer().in_orde


def test_the_demo_loader(drenthe: Provincie) -> None:
    """Every record the Drenthe demo made has its history entry (the national demo:
    tests/landelijk/test_demo.py)."""
    for model in (Locatie, Realisatie, Gemeente):
        ids = {str(pk) for pk in model.objects.filter().values_list("pk", flat=True)[:500]}
        met = set(
            AuditRegel.objects.filter(
                object_type=model._meta.label_lower, object_id__in=ids
            ).values_list("object_id", flat=True)
        )
        assert met == ids, model
    assert keten.controleer().in_orde


def test_oidc(drenthe: Provincie, settings: Any) -> None:
    """The first login through OIDC makes the user through the accounts service."""
    from regietafel.accounts.oidc import RegietafelOIDCBackend
    from tests.accounts.test_login import OIDC_ENV

    for naam, waarde in OIDC_ENV.items():
        setattr(settings, naam, waarde)
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    voor = _kop()
    gebruiker = RegietafelOIDCBackend().create_user(
        {"email": "nieuw@provincie.example", "given_name": "Nieuwe", "family_name": "Collega"}
    )
    assert (gebruiker.rol, gebruiker.provincie, gebruiker.gemeente) == (Rol.LEZER, None, None)
    assert not gebruiker.has_usable_password()
    regels = _nieuw(voor)
    assert [(r.actie, r.object_id, r.door_id, r.bron) for r in regels] == [
        ("aangemaakt", str(gebruiker.pk), None, "OIDC (eerste aanmelding)")
    ]
    assert regels[0].wijzigingen["email"] == [None, "nieuw@provincie.example"]


# --- the accounts service (the admin and OIDC use it) ----------------------------------


@pytest.fixture
def beheerder(drenthe: Provincie) -> Gebruiker:
    return Gebruiker.objects.create(username="beheer-dienst", rol="beheerder", is_staff=True)


def test_users_are_created_changed_and_deactivated_with_history(beheerder: Gebruiker) -> None:
    assen = Gemeente.objects.get(naam="Assen")
    voor = _kop()
    gebruiker = accounts.maak_gebruiker(
        door=beheerder, gebruikersnaam="nieuwe-collega", wachtwoord="Een-lang-wachtwoord-2025"
    )
    assert accounts.zet_rol(
        door=beheerder,
        gebruiker=gebruiker,
        rol=Rol.GEMEENTE,
        provincie=assen.provincie,
        gemeente=assen,
    )
    assert accounts.deactiveer_gebruiker(door=beheerder, gebruiker=gebruiker)
    gebruiker.refresh_from_db()
    assert (gebruiker.rol, gebruiker.gemeente, gebruiker.is_active) == (Rol.GEMEENTE, assen, False)
    regels = _nieuw(voor, object_type="accounts.gebruiker", object_id=str(gebruiker.pk))
    assert [r.actie for r in regels] == ["aangemaakt", "gewijzigd", "gedeactiveerd"]
    assert regels[1].wijzigingen["gemeente"] == [None, "Assen"]
    assert all(r.door_id == beheerder.pk for r in regels)
    assert "Een-lang" not in str([r.wijzigingen for r in regels])
    assert regels[0].wijzigingen["wachtwoord"] == [None, "•••"]


@pytest.mark.parametrize(
    "waarden, fout",
    [
        ({"rol": Rol.GEMEENTE}, "hoort bij een gemeente"),
        ({"landelijk": True, "provincie": "Drenthe"}, "geen eigen provincie"),
        ({"gemeente": "Groningen", "provincie": "Drenthe"}, "ligt niet in Drenthe"),
    ],
)
def test_a_role_that_does_not_fit_is_refused(
    beheerder: Gebruiker, waarden: dict[str, Any], fout: str
) -> None:
    gebruiker = accounts.maak_gebruiker(door=beheerder, gebruikersnaam="rol-test")
    if "provincie" in waarden:
        waarden["provincie"] = Provincie.objects.get(naam=waarden["provincie"])
    if "gemeente" in waarden:
        waarden["gemeente"] = Gemeente.objects.get(naam=waarden["gemeente"])
    rij, kop = Gebruiker.objects.filter(pk=gebruiker.pk).values().get(), _kop()
    with pytest.raises(ValidationError, match=fout):
        accounts.wijzig_gebruiker(door=beheerder, gebruiker=gebruiker, **waarden)
    assert (Gebruiker.objects.filter(pk=gebruiker.pk).values().get(), _kop()) == (rij, kop)


def test_only_a_superuser_hands_out_rights(beheerder: Gebruiker) -> None:
    gebruiker = accounts.maak_gebruiker(door=beheerder, gebruikersnaam="rechten-test")
    from django.contrib.auth.models import Group

    for waarden in ({"is_superuser": True}, {"groups": [Group.objects.get()]}):
        with pytest.raises(PermissionDenied, match="Alleen een superuser"):
            accounts.wijzig_gebruiker(door=beheerder, gebruiker=gebruiker, **waarden)
    lezer = Gebruiker.objects.get(username="lezer")
    with pytest.raises(PermissionDenied, match="Alleen een beheerder"):
        accounts.maak_gebruiker(door=lezer, gebruikersnaam="mag-niet")
    assert not Gebruiker.objects.filter(username="mag-niet").exists()


def test_a_user_with_history_is_deactivated_not_deleted(beheerder: Gebruiker) -> None:
    gebruiker = accounts.maak_gebruiker(door=beheerder, gebruikersnaam="schreef-iets")
    accounts.maak_gebruiker(door=None, gebruikersnaam="zonder-historie")
    from regietafel.audit.services import registreer

    registreer(door=gebruiker, actie="test", obj=Gemeente.objects.get(naam="Assen"))
    with pytest.raises(ValidationError, match="deactiveer de gebruiker"):
        accounts.verwijder_gebruiker(door=beheerder, gebruiker=gebruiker)
    assert Gebruiker.objects.filter(pk=gebruiker.pk).exists()
    weg = Gebruiker.objects.get(username="zonder-historie")
    voor = _kop()
    accounts.verwijder_gebruiker(door=beheerder, gebruiker=weg)
    assert not Gebruiker.objects.filter(username="zonder-historie").exists()
    assert [r.actie for r in _nieuw(voor, object_id=str(weg.pk))] == ["verwijderd"]


def test_an_api_key_is_recorded_without_the_key(beheerder: Gebruiker) -> None:
    gebruiker = Gebruiker.objects.get(username="coa")
    voor = _kop()
    token = accounts.maak_token(door=beheerder, gebruiker=gebruiker)
    accounts.verwijder_token(door=beheerder, token=token)
    regels = _nieuw(voor)
    assert [(r.actie, r.object_type, r.object_id) for r in regels] == [
        ("API-sleutel aangemaakt", "accounts.gebruiker", str(gebruiker.pk)),
        ("API-sleutel ingetrokken", "accounts.gebruiker", str(gebruiker.pk)),
    ]
    assert token.key not in str([(r.wijzigingen, r.object_omschrijving) for r in regels])
