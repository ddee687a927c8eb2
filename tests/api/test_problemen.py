"""Every API error as problem details (RFC 9457) in Dutch: 400, 401, 403, 404, 405, 406, 409,
413, 415, 429 and 500, with type, title, status, detail and instance; a 400 lists every invalid
field in ``invalidParams``; no English message of DRF reaches a client."""

from __future__ import annotations

import inspect
import json
import logging
from typing import Any

import pytest
from django.test import Client
from rest_framework import exceptions, serializers
from rest_framework.throttling import BaseThrottle

from regietafel.api import problemen, views
from regietafel.api import serializers as api_serializers
from regietafel.gemeenten.models import Provincie
from tests.api.engels import engels

pytestmark = pytest.mark.django_db

LEDEN = {"type", "title", "status", "detail", "instance"}


def probleem(response: Any, status: int) -> dict[str, Any]:
    """The response's problem, checked: status, content type, members, Dutch, API-Version."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == "1.0.0"
    body = json.loads(response.content)
    assert set(body) >= LEDEN
    assert body["status"] == status
    assert body["type"].startswith("https://www.rfc-editor.org/rfc/")
    assert body["instance"] == response.request["PATH_INFO"]
    for tekst in [body["title"], body["detail"]] + [
        p["reason"] for p in body.get("invalidParams", [])
    ]:
        assert tekst and not engels(tekst), tekst
    return body


def test_400_names_every_invalid_field(api_emmen: Client) -> None:
    response = api_emmen.post(
        "/api/v1/inzendingen",
        {
            "gemeente": "GM0114",
            "peildatum": "1-11-2025",
            "regels": [{"soort": "amv", "aantal": 1}, {"soort": "appels", "aantal": -1}],
        },
        content_type="application/json",
    )
    body = probleem(response, 400)
    assert body["title"] == "Ongeldige invoer"
    namen = {p["name"]: p for p in body["invalidParams"]}
    assert set(namen) == {"peildatum", "regels[1].soort", "regels[1].aantal"}
    assert namen["peildatum"]["reason"] == "Geen geldige datum; schrijf haar als JJJJ-MM-DD."
    assert namen["regels[1].aantal"] == {
        "name": "regels[1].aantal",
        "code": "min_value",
        "reason": "Ten minste 0.",
    }
    assert "peildatum: Geen geldige datum" in body["detail"]


def test_400_for_a_missing_body_and_a_wrong_type(api_emmen: Client) -> None:
    body = probleem(api_emmen.post("/api/v1/inzendingen", {}, content_type="application/json"), 400)
    assert {(p["name"], p["reason"]) for p in body["invalidParams"]} == {
        ("gemeente", "Dit veld is verplicht."),
        ("peildatum", "Dit veld is verplicht."),
        ("regels", "Dit veld is verplicht."),
    }
    response = api_emmen.post(
        "/api/v1/inzendingen",
        {"gemeente": 114, "peildatum": "2025-11-01", "regels": [{"soort": "amv", "aantal": "3"}]},
        content_type="application/json",
    )
    namen = {p["name"] for p in probleem(response, 400)["invalidParams"]}
    assert namen == {"gemeente", "regels[0].aantal"}


def test_400_for_unreadable_json(api_emmen: Client) -> None:
    response = api_emmen.post("/api/v1/inzendingen", "{niet: json", content_type="application/json")
    body = probleem(response, 400)
    assert body["invalidParams"] == [
        {"name": "invoer", "code": "parse_error", "reason": body["detail"]}
    ]


@pytest.mark.parametrize(
    ("params", "naam"),
    [
        ({"peildatum": ""}, "peildatum"),
        ({"historie": "misschien"}, "historie"),
        ({"page": "0"}, "page"),
        ({"page": "een"}, "page"),
    ],
)
def test_400_for_an_empty_or_invalid_query_parameter(
    api_lezer: Client, params: dict[str, str], naam: str
) -> None:
    body = probleem(api_lezer.get("/api/v1/realisaties", params), 400)
    assert [p["name"] for p in body["invalidParams"]] == [naam]


def test_401_without_and_with_a_wrong_token(drenthe: Provincie) -> None:
    body = probleem(Client().get("/api/v1/provincies"), 401)
    assert body["title"] == "Niet aangemeld"
    assert "Authorization: Token" in body["detail"]
    response = Client(headers={"Authorization": "Token fout"}).get("/api/v1/provincies")
    assert response["WWW-Authenticate"] == "Token"
    assert "ongeldig" in probleem(response, 401)["detail"]


def test_403_carries_the_services_dutch_reason(api_emmen: Client) -> None:
    response = api_emmen.post(
        "/api/v1/inzendingen",
        {
            "gemeente": "GM0106",
            "peildatum": "2025-11-01",
            "regels": [{"soort": "amv", "aantal": 1}],
        },
        content_type="application/json",
    )
    body = probleem(response, 403)
    assert body["title"] == "Geen toegang"
    assert body["detail"] == "U mag geen cijfers inzenden voor Assen."


def test_404_for_an_unknown_object_page_and_address(api_lezer: Client) -> None:
    assert probleem(api_lezer.get("/api/v1/provincies/PV99"), 404)["title"] == "Niet gevonden"
    assert probleem(api_lezer.get("/api/v1/realisaties/abc"), 404)
    body = probleem(api_lezer.get("/api/v1/provincies", {"page": "7"}), 404)
    assert body["detail"] == "Pagina 7 bestaat niet."
    for pad in (
        "/api/v1/bestaat-niet",
        "/api/v2/provincies",
        "/api/iets",
        "/api/v1/provincies/x/y",
    ):
        assert probleem(Client().get(pad), 404)["detail"] == "Dit adres bestaat niet in de API."
        assert probleem(Client().post(pad, {}), 404)


def test_405_with_allow(api_lezer: Client) -> None:
    response = api_lezer.delete("/api/v1/provincies/PV22")
    body = probleem(response, 405)
    assert body["title"] == "Methode niet toegestaan"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert probleem(Client().post("/api/v1/openapi.json"), 405)


def test_406_when_the_client_accepts_no_json(api_lezer: Client) -> None:
    response = api_lezer.get("/api/v1/provincies", headers={"Accept": "text/html"})
    assert probleem(response, 406)["title"] == "Formaat niet beschikbaar"


def test_409_for_a_submission_already_waiting(api_emmen: Client) -> None:
    inzending = {
        "gemeente": "GM0114",
        "peildatum": "2025-11-01",
        "regels": [{"soort": "amv", "aantal": 1}],
    }
    eerst = api_emmen.post("/api/v1/inzendingen", inzending, content_type="application/json")
    assert eerst.status_code == 201
    response = api_emmen.post("/api/v1/inzendingen", inzending, content_type="application/json")
    body = probleem(response, 409)
    assert body["title"] == "Conflict"
    assert "ligt al een inzending ter beoordeling" in body["detail"]


def test_413_for_a_body_over_the_limit(api_emmen: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = api_emmen.post(
        "/api/v1/inzendingen", {"toelichting": "x" * 500}, content_type="application/json"
    )
    assert "hoogstens 100 bytes" in probleem(response, 413)["detail"]


def test_415_for_an_unsupported_media_type(api_emmen: Client) -> None:
    response = api_emmen.post("/api/v1/inzendingen", "tekst", content_type="text/plain")
    assert probleem(response, 415)["title"] == "Mediatype niet ondersteund"


class Afremmen(BaseThrottle):
    def allow_request(self, request: Any, view: Any) -> bool:
        return False

    def wait(self) -> float:
        return 29.2


def test_429_with_retry_after(api_lezer: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views.ProvincieViewSet, "throttle_classes", [Afremmen])
    response = api_lezer.get("/api/v1/provincies")
    body = probleem(response, 429)
    assert response["Retry-After"] == "30"
    assert body["detail"] == "Te veel verzoeken; probeer het over 30 seconden opnieuw."


def test_500_in_a_view_is_a_logged_problem(
    api_lezer: Client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def stuk(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("kapot")

    monkeypatch.setattr(views.ProvincieViewSet, "list", stuk)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        body = probleem(api_lezer.get("/api/v1/provincies"), 500)
    assert body["title"] == "Interne serverfout"
    assert "kapot" not in json.dumps(body)
    # The traceback is in the log: as exc_info, or as the text the secret-masking filter
    # (core.logboek) makes of it.
    assert any(
        (r.exc_info and "kapot" in str(r.exc_info[1]))
        or "RuntimeError: kapot" in (r.exc_text or "")
        for r in caplog.records
    )


def test_500_outside_drf_is_a_problem_too(
    drenthe: Provincie, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stuk(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("kapot")

    monkeypatch.setattr(views, "probleem_antwoord", stuk)
    assert probleem(Client().get("/api/v1/bestaat-niet"), 500)["title"] == "Interne serverfout"


@pytest.mark.parametrize(
    "klasse",
    [
        k
        for k in vars(exceptions).values()
        if inspect.isclass(k) and issubclass(k, exceptions.APIException)
    ],
)
def test_no_default_message_of_drf_passes(klasse: type[exceptions.APIException]) -> None:
    """Each of DRF's exceptions, raised with its own (English) default, answers in Dutch."""
    if klasse is exceptions.MethodNotAllowed:
        exc: exceptions.APIException = klasse("DELETE")
    elif klasse is exceptions.UnsupportedMediaType:
        exc = klasse("text/plain")
    elif klasse is exceptions.Throttled:
        exc = klasse(wait=3)
    else:
        exc = klasse()
    response = problemen.probleem_handler(exc, {"request": None})
    body = json.loads(response.content)
    assert response["Content-Type"] == "application/problem+json"
    assert body["status"] == exc.status_code
    for tekst in [body["title"], body["detail"]] + [
        p["reason"] for p in body.get("invalidParams", [])
    ]:
        assert not engels(tekst), (klasse, tekst)


def _velden(serializer: Any) -> Any:
    yield serializer
    if isinstance(serializer, serializers.ListSerializer):
        yield from _velden(serializer.child)
    if isinstance(serializer, serializers.Serializer):
        for veld in serializer.fields.values():
            if not veld.read_only:
                yield from _velden(veld)


INVOER = [
    api_serializers.InzendingSerializer,
    api_serializers.TerugsturenSerializer,
    api_serializers.ImportSerializer,
    api_serializers.NidosImportSerializer,
]


def test_the_input_serializers_are_all_of_them() -> None:
    """Every request body in the document is one of INVOER (so the next test sees it)."""
    from regietafel.api.views import api_schema_json

    schema = api_schema_json()
    namen = {
        inhoud["schema"]["$ref"].rsplit("/", 1)[1]
        for methoden in schema["paths"].values()
        for operatie in methoden.values()
        for inhoud in operatie.get("requestBody", {}).get("content", {}).values()
    }
    assert namen == {
        "InzendingRequest",
        "TerugsturenRequest",
        "ImportRequest",
        "NidosImportRequest",
    }


@pytest.mark.parametrize("klasse", INVOER)
def test_every_validation_message_of_the_input_is_dutch(klasse: type[Any]) -> None:
    for veld in _velden(klasse()):
        for sleutel, melding in veld.error_messages.items():
            assert not engels(str(melding)), (klasse, veld, sleutel, str(melding))
        for validator in getattr(veld, "validators", []):
            melding = str(getattr(validator, "message", ""))
            assert not engels(melding), (klasse, veld, validator, melding)
