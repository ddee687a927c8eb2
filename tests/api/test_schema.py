"""The OpenAPI 3 schema: valid, complete, and readable for a person."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from drf_spectacular.validation import validate_schema

from regietafel.api.views import api_schema_json

pytestmark = pytest.mark.django_db

PADEN = {
    "/api/v1/provincies/",
    "/api/v1/gemeenten/",
    "/api/v1/cycli/",
    "/api/v1/opgaven/",
    "/api/v1/provinciale-opgaven/",
    "/api/v1/realisaties/",
    "/api/v1/vergunninghouders-standen/",
    "/api/v1/nidos-standen/",
    "/api/v1/locaties/",
    "/api/v1/inzendingen/",
    "/api/v1/imports/coa/",
    "/api/v1/imports/nidos/",
    "/api/v1/imports/realisatie/",
}


def test_the_schema_is_valid_openapi_3(api_lezer: Client) -> None:
    response = api_lezer.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate_schema(schema)  # raises on an invalid OpenAPI 3 document
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "regietafel API"
    assert set(schema["paths"]) >= PADEN
    assert {"tokenAuth", "cookieAuth"} <= set(schema["components"]["securitySchemes"])
    parameters = {p["name"] for p in schema["paths"]["/api/v1/realisaties/"]["get"]["parameters"]}
    assert {"provincie", "gemeente", "soort", "peildatum", "historie", "page"} <= parameters


def test_schemathesis_tests_the_served_schema(api_lezer: Client) -> None:
    served = json.loads(api_lezer.get("/api/schema/", {"format": "json"}).content)
    assert served == api_schema_json()


def test_the_schema_comes_as_yaml_too(api_lezer: Client) -> None:
    response = api_lezer.get("/api/schema/")
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")


def test_a_person_reads_the_paths_in_the_app(lezer: Client) -> None:
    response = lezer.get("/api/schema/bekijk/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Paden en methoden" in html
    for pad in PADEN:
        assert f"<code>{pad}</code>" in html


def test_the_readable_schema_needs_a_login(drenthe: object) -> None:
    response = Client().get("/api/schema/bekijk/")
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]
