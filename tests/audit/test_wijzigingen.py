"""The provincie-wide Wijzigingen list: secretariaat and beheerder; filters; constant queries."""

from __future__ import annotations

import io

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.audit.services import registreer
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie

pytestmark = pytest.mark.django_db


def _client(gebruiker: Gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def groningen_secretariaat(drenthe: Provincie) -> Client:
    groningen = Provincie.objects.get(naam="Groningen")
    return _client(
        Gebruiker.objects.create(
            username="sec-groningen", rol="secretariaat", provincie=groningen, is_staff=True
        )
    )


def test_only_the_secretariaat_and_a_beheerder_see_the_list(
    secretariaat: Client, lezer: Client, gemeente_assen: Client, coa: Client
) -> None:
    assert secretariaat.get("/historie/").status_code == 200
    for client in (lezer, gemeente_assen, coa):
        assert client.get("/historie/").status_code == 403
    beheerder = _client(Gebruiker.objects.create(username="beheer", rol="beheerder"))
    assert beheerder.get("/historie/").status_code == 200
    assert Client().get("/historie/").status_code == 302


def test_the_list_holds_the_own_provincie_only(
    secretariaat: Client, groningen_secretariaat: Client
) -> None:
    drenthe = AuditRegel.objects.filter(provincie__naam="Drenthe").count()
    html = secretariaat.get("/historie/").content.decode()
    assert f"{drenthe:,}".replace(",", ".") + " wijzigingen" in html
    assert "Assen" in html
    html = groningen_secretariaat.get("/historie/").content.decode()
    # Groningen: only its own register rows (12 provincies, its gemeenten) from the load.
    groningen = AuditRegel.objects.filter(provincie__naam="Groningen").count()
    assert f"{groningen:,}".replace(",", ".") + " wijzigingen" in html
    assert "Assen" not in html


def test_filters_on_model_gemeente_user_and_period(
    secretariaat: Client, gebruiker_secretariaat: Gebruiker
) -> None:
    assen = Gemeente.objects.get(naam="Assen")
    locatie = Locatie.objects.filter(gemeente=assen).first()
    assert locatie is not None
    registreer(
        door=gebruiker_secretariaat,
        actie="gewijzigd",
        obj=locatie,
        wijzigingen={"plaatsen_regulier": [100, 120]},
    )
    r = secretariaat.get(
        "/historie/",
        {
            "soort": "locaties.locatie",
            "gemeente": assen.pk,
            "door": gebruiker_secretariaat.pk,
            "van": "2000-01-01",
        },
    )
    html = r.content.decode()
    assert "1 wijzigingen" in html
    assert "Plaatsen regulier: 100 → 120" in html
    # A period without changes, and a period the wrong way round.
    assert (
        "Geen wijzigingen met deze filters."
        in secretariaat.get("/historie/", {"tot": "2000-01-01"}).content.decode()
    )
    fout = secretariaat.get("/historie/", {"van": "2025-02-01", "tot": "2025-01-01"})
    assert "De begindatum ligt na de einddatum." in fout.content.decode()


def test_a_gemeente_of_another_provincie_is_not_a_valid_filter(
    secretariaat: Client, drenthe: Provincie
) -> None:
    groningen = Gemeente.objects.get(naam="Groningen", provincie__naam="Groningen")
    html = secretariaat.get("/historie/", {"gemeente": groningen.pk}).content.decode()
    assert "utrecht-form-field--invalid" in html


def test_excel_export_of_the_filtered_list(secretariaat: Client) -> None:
    from openpyxl import load_workbook

    r = secretariaat.get("/historie/", {"soort": "opgaven.opgave", "formaat": "xlsx"})
    assert r.status_code == 200
    assert r["Content-Disposition"] == 'attachment; filename="wijzigingen-drenthe.xlsx"'
    blad = load_workbook(io.BytesIO(r.content)).active
    assert blad["A1"].value == "Moment"
    n = AuditRegel.objects.filter(provincie__naam="Drenthe", object_type="opgaven.opgave").count()
    assert n > 100  # the demo's opgaven of Drenthe
    assert blad.cell(row=n + 1, column=4).value == "Opgave"
    assert blad.cell(row=n + 2, column=4).value in (None, "")


def test_constant_number_of_queries(
    secretariaat: Client, gebruiker_secretariaat: Gebruiker, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(12) as eerst:
        secretariaat.get("/historie/")
    locaties = list(Locatie.objects.filter(gemeente__provincie__naam="Drenthe"))
    for i in range(60):
        registreer(
            door=gebruiker_secretariaat,
            actie="gewijzigd",
            obj=locaties[i % len(locaties)],
            wijzigingen={"naam": ["a", f"b{i}"]},
        )
    with django_assert_max_num_queries(len(eerst.captured_queries)):
        r = secretariaat.get("/historie/")
    assert r.status_code == 200
    with django_assert_max_num_queries(len(eerst.captured_queries)):
        secretariaat.get("/historie/", {"pagina": 2})
