"""The OpenAPI 3 document: public at /api/v1/openapi.json, valid, complete, readable for a
person, and by the NL API Design Rules (``make apilint`` runs Logius' linter on it)."""

from __future__ import annotations

import json

import pytest
import yaml
from django.test import Client
from drf_spectacular.validation import validate_schema

from regietafel.api.views import api_schema_json

pytestmark = pytest.mark.django_db

PADEN = {
    "/provincies",
    "/gemeenten",
    "/cycli",
    "/opgaven",
    "/provinciale-opgaven",
    "/realisaties",
    "/vergunninghouders-standen",
    "/nidos-standen",
    "/locaties",
    "/inzendingen",
    "/imports/coa",
    "/imports/nidos",
    "/imports/realisatie",
    "/openapi.json",
}


def test_the_document_is_public_valid_openapi_3(drenthe: object) -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["API-Version"] == "1.0.0"
    schema = json.loads(response.content)
    validate_schema(schema)  # raises on an invalid OpenAPI 3 document
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "regietafel API"
    assert schema["info"]["version"] == "1.0.0"
    assert set(schema["info"]["contact"]) == {"name", "email", "url"}
    assert schema["servers"] == [{"url": "/api/v1", "description": "Deze server, API-versie 1"}]
    assert set(schema["paths"]) >= PADEN
    assert not [p for p in schema["paths"] if p.endswith("/")]
    assert {"tokenAuth", "cookieAuth"} <= set(schema["components"]["securitySchemes"])
    parameters = {p["name"] for p in schema["paths"]["/realisaties"]["get"]["parameters"]}
    assert {"provincie", "gemeente", "soort", "peildatum", "historie", "page"} <= parameters


def test_every_response_documents_the_version_and_every_error_is_a_problem() -> None:
    schema = api_schema_json()
    for pad, methoden in schema["paths"].items():
        for methode, operatie in methoden.items():
            antwoorden = operatie["responses"]
            assert "500" in antwoorden and "406" in antwoorden, (pad, methode)
            if operatie.get("parameters") or "requestBody" in operatie:
                assert "400" in antwoorden, (pad, methode)
            if pad != "/openapi.json" and pad != "/openapi.yaml":
                assert "401" in antwoorden, (pad, methode)
            for code, antwoord in antwoorden.items():
                assert antwoord["headers"]["API-Version"]["required"] is True
                if code[0] in "45":
                    assert list(antwoord["content"]) == ["application/problem+json"]
                    ref = antwoord["content"]["application/problem+json"]["schema"]["$ref"]
                    naam = ref.rsplit("/", 1)[1]
                    verplicht = set(schema["components"]["schemas"][naam]["required"])
                    assert {"type", "title", "status", "detail", "instance"} <= verplicht
                    if code == "400":
                        assert "invalidParams" in verplicht
    goedkeuren = schema["paths"]["/inzendingen/{id}/goedkeuren"]["post"]["responses"]
    assert {"403", "404", "409"} <= set(goedkeuren)
    assert goedkeuren["409"]["description"] == "De inzending is al beoordeeld."


def test_schemathesis_tests_the_served_document(drenthe: object) -> None:
    served = json.loads(Client().get("/api/v1/openapi.json").content)
    assert served == api_schema_json()


def test_the_document_comes_as_yaml_too(drenthe: object) -> None:
    response = Client().get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")
    assert yaml.safe_load(response.content) == api_schema_json()


@pytest.mark.parametrize(
    ("oud", "nieuw"),
    [
        ("/api/schema/", "/api/v1/openapi.yaml"),
        ("/api/schema/?format=json", "/api/v1/openapi.json"),
    ],
)
def test_the_old_schema_address_redirects(drenthe: object, oud: str, nieuw: str) -> None:
    response = Client().get(oud)
    assert response.status_code == 301
    assert response["Location"] == nieuw
    assert response["API-Version"] == "1.0.0"


def test_a_person_reads_the_paths_in_the_app(lezer: Client) -> None:
    response = lezer.get("/api/schema/bekijk/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Paden en methoden" in html
    for pad in PADEN:
        assert f"<code>/api/v1{pad}</code>" in html
    assert 'href="/api/v1/openapi.json"' in html


def test_the_readable_page_needs_a_login(drenthe: object) -> None:
    response = Client().get("/api/schema/bekijk/")
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_the_old_schema_address_only_reads(drenthe: object) -> None:
    response = Client().post("/api/schema/")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response["Allow"] == "GET, HEAD"
