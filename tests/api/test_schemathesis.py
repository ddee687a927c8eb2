"""Schemathesis against the generated schema, in-process over WSGI: no server error, no
response that breaks the schema, for valid and invalid requests (a bounded number each).

The schema is the one /api/schema/ serves (``api_schema_json``; tests/api/test_schema.py
checks they are equal), built at collection time because reading /api/schema/ needs a token
and so the database. (``schemathesis.pytest.from_fixture`` would do that per test, but it
fails on pytest 9: ``'Function' object has no attribute '_nodeid'``.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from regietafel.api.views import api_schema_json
from regietafel.gemeenten.models import Provincie
from regietafel.wsgi import application
from tests.api.conftest import token_voor

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

# Who writes where (everybody else reads as the lezer): the writes are fuzzed as a user
# allowed to make them, so the body is parsed and checked, not refused at the door.
SCHRIJVERS = {
    "/api/v1/inzendingen/{id}/": "secretariaat",  # approve and return
    "/api/v1/inzendingen/": "gemeente-emmen",
    "/api/v1/imports/": "coa",
}


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


schema = schemathesis.openapi.from_dict(api_schema_json())
schema.app = application


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_keeps_to_its_schema(case: Any, drenthe: Provincie) -> None:
    gebruiker = next(
        (naam for pad, naam in SCHRIJVERS.items() if case.operation.path.startswith(pad)), "lezer"
    )
    case.call_and_validate(
        headers={"Authorization": f"Token {token_voor(gebruiker)}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
