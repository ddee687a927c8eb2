"""Paths without a trailing slash (NL API Design Rules, /core/no-trailing-slash); API 1.0's
addresses with one redirect for one version: 301 for GET and HEAD, 308 (method and body kept)
for writes, so existing clients keep working. Every response carries ``API-Version``."""

from __future__ import annotations

import pytest
from django.test import Client

from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.models import Inzending
from tests.api.conftest import api_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("oud", "nieuw"),
    [
        ("/api/v1/", "/api/v1"),
        ("/api/v1/provincies/", "/api/v1/provincies"),
        ("/api/v1/provincies/PV22/", "/api/v1/provincies/PV22"),
        ("/api/v1/realisaties/?soort=amv&page=2", "/api/v1/realisaties?soort=amv&page=2"),
        ("/api/v1/inzendingen/12/goedkeuren/", "/api/v1/inzendingen/12/goedkeuren"),
        ("/api/v1/imports/coa/", "/api/v1/imports/coa"),
    ],
)
def test_an_old_path_redirects_permanently(drenthe: Provincie, oud: str, nieuw: str) -> None:
    for methode, status in (("get", 301), ("head", 301), ("post", 308), ("put", 308)):
        response = getattr(Client(), methode)(oud)
        assert response.status_code == status, (methode, oud)
        assert response["Location"] == nieuw
        assert response["API-Version"] == "1.0.0"


def test_an_unknown_old_path_is_a_404_not_a_redirect(drenthe: Provincie) -> None:
    response = Client().get("/api/v1/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_an_old_client_still_reads(drenthe: Provincie) -> None:
    response = api_client("lezer").get("/api/v1/gemeenten/", {"provincie": "PV22"}, follow=True)
    assert response.redirect_chain == [("/api/v1/gemeenten?provincie=PV22", 301)]
    assert response.status_code == 200 and response.json()["count"] == 12


def test_an_old_client_still_writes(drenthe: Provincie) -> None:
    """A 308 keeps method and body: the submission lands once, at the new address."""
    inzending = {
        "gemeente": "GM0114",
        "peildatum": "2025-11-01",
        "regels": [{"soort": "amv", "aantal": 4}],
    }
    response = api_client("gemeente-emmen").post(
        "/api/v1/inzendingen/", inzending, content_type="application/json", follow=True
    )
    assert response.redirect_chain == [("/api/v1/inzendingen", 308)]
    assert response.status_code == 201, response.content
    assert Inzending.objects.filter(gemeente__naam="Emmen").count() == 1


def test_no_path_in_the_document_ends_with_a_slash() -> None:
    from regietafel.api.views import api_schema_json

    assert not [p for p in api_schema_json()["paths"] if p.endswith("/")]


@pytest.mark.parametrize(
    "pad",
    ["/api/v1", "/api/v1/provincies", "/api/v1/openapi.json", "/api/v1/niets", "/api/schema/"],
)
def test_every_api_response_carries_the_version(drenthe: Provincie, pad: str) -> None:
    for client in (Client(), api_client("lezer")):
        assert client.get(pad)["API-Version"] == "1.0.0"


def test_pages_outside_the_api_carry_no_api_version(lezer: Client) -> None:
    assert "API-Version" not in lezer.get("/")


def test_the_root_lists_the_collections_without_slashes(api_lezer: Client) -> None:
    links = api_lezer.get("/api/v1").json()
    assert links["provincies"] == "http://testserver/api/v1/provincies"
    assert all(not url.endswith("/") for url in links.values())


def test_list_links_have_no_trailing_slash(
    api_lezer: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from regietafel.api.paginering import Paginering

    monkeypatch.setattr(Paginering, "page_size", 5)
    data = api_lezer.get("/api/v1/gemeenten", {"provincie": "PV22", "page": "2"}).json()
    assert data["next"] == "http://testserver/api/v1/gemeenten?page=3&provincie=PV22"
    assert data["previous"] == "http://testserver/api/v1/gemeenten?provincie=PV22"
