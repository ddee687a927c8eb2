"""Reading through the API: anonymous gets nothing, every role reads its own provincie."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.core import klok
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.services import registreer_realisatie
from tests.api.conftest import api_client

pytestmark = pytest.mark.django_db

LIJSTEN = [
    "/api/v1/provincies",
    "/api/v1/gemeenten",
    "/api/v1/cycli",
    "/api/v1/opgaven",
    "/api/v1/provinciale-opgaven",
    "/api/v1/realisaties",
    "/api/v1/vergunninghouders-standen",
    "/api/v1/nidos-standen",
    "/api/v1/locaties",
]
SCHRIJVEN = [
    "/api/v1/inzendingen",
    "/api/v1/imports/coa",
    "/api/v1/imports/nidos",
    "/api/v1/imports/realisatie",
]


@pytest.fixture
def groningen(drenthe: Provincie) -> Gemeente:
    """A gemeente of another provincie, with one figure: no Drenthe user may read it."""
    provincie, _ = Provincie.objects.get_or_create(code="PV20", naam="Groningen")
    gemeente, _ = Gemeente.objects.get_or_create(
        cbs_code="GM0014", naam="Groningen", provincie=provincie
    )
    registreer_realisatie(
        door=None, gemeente=gemeente, soort="oekraine", peildatum=dt.date(2025, 11, 1), aantal=7
    )
    return gemeente


PROBLEEM = {"type", "title", "status", "detail", "instance"}


@pytest.mark.parametrize("pad", [*LIJSTEN, "/api/v1", "/api/v1/provincies/PV22"])
def test_anonymous_gets_401_and_no_data(drenthe: Provincie, pad: str) -> None:
    response = Client().get(pad)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()) == PROBLEEM
    assert response.json()["title"] == "Niet aangemeld"


@pytest.mark.parametrize("pad", SCHRIJVEN)
def test_anonymous_cannot_write(drenthe: Provincie, pad: str) -> None:
    response = Client().post(pad, {})
    assert response.status_code == 401
    assert set(response.json()) == PROBLEEM


def test_a_wrong_token_is_refused(drenthe: Provincie) -> None:
    response = Client(headers={"Authorization": "Token niet-geldig"}).get(LIJSTEN[0])
    assert response.status_code == 401


@pytest.mark.parametrize("pad", LIJSTEN)
def test_lezer_reads_every_list(api_lezer: Client, pad: str) -> None:
    response = api_lezer.get(pad)
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] > 0, pad


def test_realisatie_oekraine_per_november_2025(api_lezer: Client) -> None:
    response = api_lezer.get(
        "/api/v1/realisaties", {"peildatum": "2025-11-01", "soort": "oekraine"}
    )
    assert response.status_code == 200
    rijen = response.json()["results"]
    assert sum(r["aantal"] for r in rijen) == 4978
    assert {r["peildatum"] for r in rijen} == {"2025-11-01"}
    assert all(r["vervangen_op"] is None for r in rijen)


def test_filters_on_gemeente_and_provincie(api_lezer: Client) -> None:
    assen = api_lezer.get("/api/v1/realisaties", {"gemeente": "GM0106"}).json()
    assert assen["count"] > 0 and {r["gemeente_naam"] for r in assen["results"]} == {"Assen"}
    for provincie in ("Drenthe", "drenthe", "PV22"):
        assert api_lezer.get("/api/v1/gemeenten", {"provincie": provincie}).json()["count"] == 12
    assert api_lezer.get("/api/v1/gemeenten", {"provincie": "Limburg"}).json()["count"] == 0


def test_an_invalid_filter_is_a_400(api_lezer: Client) -> None:
    for params in ({"soort": "appels"}, {"peildatum": "gisteren"}, {"gemeente": "Assen"}):
        response = api_lezer.get("/api/v1/realisaties", params)
        assert response.status_code == 400, params
        assert response["Content-Type"] == "application/problem+json"
        assert [p["name"] for p in response.json()["invalidParams"]] == list(params)


def test_historie_shows_the_superseded_figure(api_lezer: Client) -> None:
    assen = Gemeente.objects.get(naam="Assen")
    nov = dt.date(2025, 11, 1)
    oud = Realisatie.objects.actueel().get(gemeente=assen, soort="oekraine", peildatum=nov)
    registreer_realisatie(
        door=None, gemeente=assen, soort="oekraine", peildatum=nov, aantal=oud.aantal + 1
    )
    params = {"gemeente": "GM0106", "soort": "oekraine", "peildatum": "2025-11-01"}
    actueel = api_lezer.get("/api/v1/realisaties", params).json()["results"]
    assert [r["aantal"] for r in actueel] == [oud.aantal + 1]
    alles = api_lezer.get("/api/v1/realisaties", {**params, "historie": "1"}).json()["results"]
    assert sorted(r["aantal"] for r in alles) == [oud.aantal, oud.aantal + 1]
    assert sum(r["vervangen_op"] is not None for r in alles) == 1


def test_vergunninghouders_carry_the_r4_figures(api_lezer: Client) -> None:
    rij = api_lezer.get("/api/v1/vergunninghouders-standen").json()["results"][0]
    r4 = rij["afgeleid"]
    assert r4["stand_1_jul"] == rij["stand_1_jan"] + rij["taakstelling_h1"] - rij["realisatie_h1"]
    assert r4["achterstand"] - r4["voorsprong"] == r4["achter_voor"]


def test_gemeenten_carry_their_inwonertallen(api_lezer: Client) -> None:
    assen = api_lezer.get("/api/v1/gemeenten/GM0106").json()
    assert assen["naam"] == "Assen" and assen["provincie"] == "PV22"
    assert assen["inwonertallen"] and all(i["aantal"] > 0 for i in assen["inwonertallen"])


@pytest.mark.parametrize("gebruikersnaam", ["lezer", "gemeente-emmen", "coa"])
def test_other_provinces_stay_hidden(groningen: Gemeente, gebruikersnaam: str) -> None:
    client = api_client(gebruikersnaam)
    codes = {r["gemeente"] for r in client.get("/api/v1/realisaties").json()["results"]}
    assert codes and "GM0014" not in codes
    assert client.get("/api/v1/gemeenten/GM0014").status_code == 404
    assert client.get("/api/v1/provincies/PV20").status_code == 404
    assert client.get("/api/v1/realisaties", {"provincie": "Groningen"}).json()["count"] == 0


def test_a_beheerder_reads_every_province(groningen: Gemeente) -> None:
    Gebruiker.objects.create(username="beheer", rol=Rol.BEHEERDER)
    client = api_client("beheer")
    response = client.get("/api/v1/realisaties", {"provincie": "PV20"})
    assert [r["aantal"] for r in response.json()["results"]] == [7]


def test_a_user_without_a_province_reads_nothing(drenthe: Provincie) -> None:
    Gebruiker.objects.create(username="zwerver", rol=Rol.LEZER, last_login=klok.nu())
    client = api_client("zwerver")
    assert client.get("/api/v1/realisaties").json()["count"] == 0
    assert client.get("/api/v1/cycli").json()["count"] > 0  # cycli are national


def test_session_login_works_too_and_no_login_redirect(lezer: Client) -> None:
    response = lezer.get("/api/v1/provincies", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["results"] == [{"code": "PV22", "naam": "Drenthe"}]
