"""Schemathesis against the whole OpenAPI document, in-process over WSGI: every operation, the
writes too (as a user allowed to make them), valid and invalid requests (a bounded number each).

Checked on every response: no server error; the status code, the content type, the headers
and the body as documented (every error documented as problem details); invalid input
refused; an operation that needs a login refuses one without; an undocumented method answers
405; and (``probleem_in_het_nederlands``) an error is ``application/problem+json`` with a
Dutch title and detail, and no English message of DRF, django-filter or Django.

Each detail operation is called twice: with the generated id (mostly unknown: 404) and with
the id of a real object, so the 200 responses are checked against their schema too.

The document is the one /api/v1/openapi.json serves (``api_schema_json``;
tests/api/test_schema.py checks they are equal), built at collection time.
(``schemathesis.pytest.from_fixture`` would do that per test, but it fails on pytest 9:
``'Function' object has no attribute '_nodeid'``.)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from regietafel.accounts.models import Gebruiker
from regietafel.api.views import api_schema_json
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie
from regietafel.monitoring.models import Inzending, NidosStand, Realisatie, VergunninghoudersStand
from regietafel.monitoring.services import dien_in
from regietafel.opgaven.models import Cyclus, Opgave, ProvincieOpgave
from regietafel.wsgi import application
from tests.api.conftest import token_voor
from tests.api.engels import engels

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

# Who writes where (everybody else reads as the lezer): the writes are fuzzed as a user
# allowed to make them, so the body is parsed and checked, not refused at the door.
SCHRIJVERS = {
    ("POST", "/inzendingen/{id}/goedkeuren"): "secretariaat",
    ("POST", "/inzendingen/{id}/terugsturen"): "secretariaat",
    ("POST", "/inzendingen"): "gemeente-emmen",
    ("POST", "/imports/coa"): "coa",
    ("POST", "/imports/nidos"): "coa",
    ("POST", "/imports/realisatie"): "coa",
    ("GET", "/inzendingen"): "secretariaat",
    ("GET", "/inzendingen/{id}"): "secretariaat",
}

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    ignored_auth,
    unsupported_method,
]


def probleem_in_het_nederlands(ctx: Any, response: Any, case: Any) -> bool | None:
    """Every response carries the API-Version; an error is a Dutch problem (RFC 9457)."""
    assert response.headers.get("api-version") == ["1.0.0"], "geen API-Version"
    if response.status_code < 400:
        return None
    soort = response.headers.get("content-type", [""])[0]
    assert soort == "application/problem+json", f"{response.status_code} als {soort}"
    body = json.loads(response.content)
    assert {"type", "title", "status", "detail"} <= set(body), body
    assert body["status"] == response.status_code
    teksten = [body["title"], body["detail"]]
    teksten += [p["reason"] for p in body.get("invalidParams", [])]
    for tekst in teksten:
        assert not engels(tekst), f"Engelse melding: {tekst!r}"
    return None


@pytest.fixture(autouse=True)
def verbinding_open_houden() -> Iterator[None]:
    """Keep the test's database connection across the in-process WSGI calls, as Django's test
    client does: ``close_old_connections`` would otherwise close it after each request (on
    PostgreSQL that ends the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _echte_ids() -> dict[str, str]:
    """A real, readable object per detail path (Drenthe; an open submission of Assen)."""
    assen = Gemeente.objects.get(naam="Assen")
    inzending = Inzending.objects.filter(gemeente=assen, status="ingediend").first()
    if inzending is None:
        inzending = dien_in(
            door=Gebruiker.objects.get(username="gemeente-assen"),
            gemeente=assen,
            peildatum=dt.date(2025, 11, 1),
            aantallen={"amv": 3},
        )
    drenthe = {"gemeente__provincie__naam": "Drenthe"}
    return {
        "/provincies/{code}": Provincie.objects.get(naam="Drenthe").code,
        "/gemeenten/{cbs_code}": assen.cbs_code,
        "/cycli/{code}": Cyclus.objects.order_by("pk").first().code,  # type: ignore[union-attr]
        "/opgaven/{id}": str(Opgave.objects.filter(**drenthe).first().pk),  # type: ignore[union-attr]
        "/provinciale-opgaven/{id}": str(ProvincieOpgave.objects.first().pk),  # type: ignore[union-attr]
        "/realisaties/{id}": str(Realisatie.objects.filter(**drenthe).first().pk),  # type: ignore[union-attr]
        "/vergunninghouders-standen/{id}": str(
            VergunninghoudersStand.objects.filter(**drenthe).first().pk  # type: ignore[union-attr]
        ),
        "/nidos-standen/{id}": str(NidosStand.objects.filter(**drenthe).first().pk),  # type: ignore[union-attr]
        "/locaties/{id}": str(Locatie.objects.filter(**drenthe).first().pk),  # type: ignore[union-attr]
        "/inzendingen/{id}": str(inzending.pk),
        "/inzendingen/{id}/goedkeuren": str(inzending.pk),
        "/inzendingen/{id}/terugsturen": str(inzending.pk),
    }


schema = schemathesis.openapi.from_dict(api_schema_json())
schema.app = application


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_keeps_to_its_schema(case: Any, drenthe: Provincie) -> None:
    operatie = case.operation
    methode = operatie.method.upper()
    gebruiker = SCHRIJVERS.get((methode, operatie.path), "lezer")
    headers = {"Authorization": f"Token {token_voor(gebruiker)}"}
    checks = [*CHECKS, probleem_in_het_nederlands]
    case.call_and_validate(headers=headers, checks=checks)
    # The same request without a login (401 where one is needed) and, for a write, as the
    # lezer (403: not allowed), each checked against the document as well.
    minder = [*CHECKS[:6], probleem_in_het_nederlands]
    case.call_and_validate(headers={}, checks=minder)
    if methode == "POST":
        lezer = {"Authorization": f"Token {token_voor('lezer')}"}
        case.call_and_validate(headers=lezer, checks=minder)
    echt = _echte_ids().get(operatie.path)
    if echt is not None and case.path_parameters:
        (naam,) = case.path_parameters
        case.path_parameters = {naam: echt}
        case.call_and_validate(headers=headers, checks=checks)
