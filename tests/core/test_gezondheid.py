"""/gezondheid/ (liveness) and /gezondheid/gereed/ (readiness) for a load balancer: JSON, no
login, cheap; the readiness check names what fails (503)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from django.db import OperationalError, connections
from django.test import Client

from tests.dienstprocessen import S3Server, vrije_poort

pytestmark = pytest.mark.django_db


def _json(antwoord: Any) -> dict[str, Any]:
    assert antwoord["Content-Type"] == "application/json"
    assert "no-store" in antwoord["Cache-Control"]
    return json.loads(antwoord.content)  # type: ignore[no-any-return]


def test_liveness_answers_without_login_or_database(
    client: Client, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(0):
        antwoord = client.get("/gezondheid/")
    assert antwoord.status_code == 200
    assert _json(antwoord) == {"status": "ok"}
    assert "Set-Cookie" not in antwoord.headers


def test_a_load_balancer_asks_by_ip_address_over_http(client: Client, settings: Any) -> None:
    """Not in ALLOWED_HOSTS and not https: still answered (no host check, no redirect)."""
    settings.SECURE_SSL_REDIRECT = True
    for pad in ("/gezondheid/", "/gezondheid/gereed/"):
        antwoord = client.get(pad, HTTP_HOST="10.1.2.3:8000")
        assert antwoord.status_code == 200, (pad, antwoord.status_code)
    # Every other page still refuses a foreign host.
    assert client.get("/account/inloggen/", HTTP_HOST="10.1.2.3:8000").status_code == 400


def test_only_get_and_head(client: Client) -> None:
    assert client.head("/gezondheid/gereed/").status_code == 200
    antwoord = client.post("/gezondheid/")
    assert antwoord.status_code == 405 and antwoord["Allow"] == "GET, HEAD"
    assert client.post("/gezondheid/gereed/").status_code == 405


def test_readiness_checks_database_queue_and_storage(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(1):
        antwoord = client.get("/gezondheid/gereed/")
    assert antwoord.status_code == 200
    inhoud = _json(antwoord)
    assert inhoud["status"] == "gereed"
    assert set(inhoud["controles"]) == {"database", "wachtrij", "opslag"}
    assert all(c["status"] == "ok" for c in inhoud["controles"].values())


def test_a_database_that_fails_is_named(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def kapot(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("connection refused; password=geheim")

    monkeypatch.setattr(connections["default"], "cursor", kapot)
    antwoord = client.get("/gezondheid/gereed/")
    assert antwoord.status_code == 503
    inhoud = _json(antwoord)
    assert inhoud["status"] == "niet gereed"
    assert inhoud["melding"] == "Niet bereikbaar: de database."
    assert inhoud["controles"]["database"] == {
        "status": "fout",
        "melding": "de database is niet bereikbaar (OperationalError).",
        "duur_ms": inhoud["controles"]["database"]["duur_ms"],
    }
    assert inhoud["controles"]["opslag"]["status"] == "ok"
    assert b"geheim" not in antwoord.content  # no internal details


def test_a_broker_that_does_not_answer_is_named(client: Client, settings: Any) -> None:
    settings.CELERY_BROKER_URL = f"redis://:wachtwoord@127.0.0.1:{vrije_poort()}/0"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    antwoord = client.get("/gezondheid/gereed/")
    assert antwoord.status_code == 503
    inhoud = _json(antwoord)
    assert inhoud["melding"] == "Niet bereikbaar: de wachtrij (broker)."
    assert inhoud["controles"]["wachtrij"]["status"] == "fout"
    assert inhoud["controles"]["wachtrij"]["duur_ms"] < 10_000
    assert b"wachtwoord" not in antwoord.content


def test_a_missing_bucket_is_named(client: Client, settings: Any, s3: S3Server) -> None:
    settings.STORAGES = {**settings.STORAGES, "default": s3.storage(f"weg-{uuid.uuid4().hex[:8]}")}
    antwoord = client.get("/gezondheid/gereed/")
    assert antwoord.status_code == 503
    assert _json(antwoord)["melding"] == "Niet bereikbaar: de opslag."


def test_an_existing_bucket_is_ready(client: Client, settings: Any, s3: S3Server) -> None:
    bucket = f"er-{uuid.uuid4().hex[:8]}"
    s3.maak_bucket(bucket)
    settings.STORAGES = {**settings.STORAGES, "default": s3.storage(bucket)}
    antwoord = client.get("/gezondheid/gereed/")
    assert antwoord.status_code == 200, antwoord.content
    assert _json(antwoord)["controles"]["opslag"]["status"] == "ok"
