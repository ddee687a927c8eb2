"""Structured logs: one JSON line per request with its id (also in the response header),
user id, path, status and duration; never a password, token, session, cookie or personal note."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.core.logboek import GeheimFilter, maskeer

pytestmark = pytest.mark.django_db
_STROOM = io.StringIO()

GEHEIMEN = (
    "hunter2-wachtwoord",
    "0123456789abcdef0123456789abcdef01234567",  # an API token
    "sessie-sleutel-xyz",
    "csrf-waarde-abc",
    "Mevrouw Jansen is ziek",  # a personal note
)


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The production handler (LOG_FORMAT=json, settings.LOGGING) writing into a buffer."""
    uit = io.StringIO()
    globals()["_STROOM"] = uit
    config = json.loads(json.dumps(settings.LOGGING))
    config["handlers"]["console"] = {
        "class": "logging.StreamHandler",
        "stream": "ext://tests.core.test_logboek._STROOM",
        "formatter": "json",
        "filters": ["verzoek_id", "geheimen"],
    }
    config["loggers"]["regietafel.verzoek"] = {"level": "INFO"}
    logging.config.dictConfig(config)
    try:
        yield uit
    finally:
        logging.config.dictConfig(settings.LOGGING)


def _regels(uit: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(r) for r in uit.getvalue().splitlines() if r.strip()]


def test_one_json_line_per_request_with_its_id(json_log: io.StringIO, lezer: Client) -> None:
    antwoord = lezer.get("/trends/?peildatum=2025-11-01")
    assert antwoord.status_code == 200
    rid = antwoord["X-Request-ID"]
    assert len(rid) == 32
    regels = [r for r in _regels(json_log) if r["logger"] == "regietafel.verzoek"]
    assert len(regels) == 1
    regel = regels[0]
    assert regel["request_id"] == rid
    assert regel["user_id"] == Gebruiker.objects.get(username="lezer").pk
    assert regel["method"] == "GET" and regel["path"] == "/trends/"  # no query string
    assert regel["status"] == 200 and regel["level"] == "INFO"
    assert isinstance(regel["duration_ms"], float) and regel["duration_ms"] > 0
    assert "time" in regel


def test_a_proxy_request_id_is_kept_and_a_strange_one_replaced(
    json_log: io.StringIO, client: Client
) -> None:
    assert client.get("/gezondheid/", HTTP_X_REQUEST_ID="lb-1234abcd")["X-Request-ID"] == (
        "lb-1234abcd"
    )
    vreemd = client.get("/gezondheid/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert vreemd != "<script>" and len(vreemd) == 32


def test_a_request_with_secrets_logs_none_of_them(
    json_log: io.StringIO, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    wachtwoord, token, sessie, csrf, notitie = GEHEIMEN
    client.cookies["sessionid"] = sessie
    client.cookies["csrftoken"] = csrf
    antwoord = client.post(
        f"/account/inloggen/?token={token}",
        {"username": "lezer", "password": wachtwoord, "opmerking": notitie},
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert antwoord.status_code in (200, 403)
    # A view that logs carelessly: the request, its data and an exception with a secret.
    log = logging.getLogger("regietafel.proef")
    log.warning(
        "inloggen mislukt voor password=%s met Token %s (cookie sessionid=%s)",
        wachtwoord,
        token,
        sessie,
        extra={
            "request": antwoord.wsgi_request,
            "data": {"password": wachtwoord, "velden": [{"opmerking": notitie}]},
            "Cookie": f"sessionid={sessie}",
            "notitie": notitie,
        },
    )
    try:
        raise RuntimeError(f"api_key={token} csrftoken={csrf}")
    except RuntimeError:
        log.exception("fout met Authorization: Bearer %s", token)
    tekst = json_log.getvalue()
    for geheim in GEHEIMEN:
        assert geheim not in tekst, geheim
    regels = _regels(json_log)
    verzoek = next(r for r in regels if r["logger"] == "regietafel.verzoek")
    assert verzoek["path"] == "/account/inloggen/" and verzoek["user_id"] is None
    proef = [r for r in regels if r["logger"] == "regietafel.proef"]
    assert proef[0]["data"] == {
        "password": "[verwijderd]",
        "velden": [{"opmerking": "[verwijderd]"}],
    }
    assert proef[0]["request"] == "POST /account/inloggen/"
    assert "password=[verwijderd]" in proef[0]["message"]
    assert "[verwijderd]" in proef[1]["exc_info"] and "RuntimeError" in proef[1]["exc_info"]


def test_the_filter_masks_every_handler_and_depth() -> None:
    assert maskeer({"a": {"b": {"wachtwoord": "x", "ok": 1}}}) == {
        "a": {"b": {"wachtwoord": "[verwijderd]", "ok": 1}}
    }
    record = logging.LogRecord("x", logging.INFO, "", 0, "sleutel=%s", ("abc",), None)
    record.token = "t"  # type: ignore[attr-defined]
    assert GeheimFilter().filter(record) is True
    assert record.getMessage() == "sleutel=[verwijderd]"
    assert record.token == "[verwijderd]"  # type: ignore[attr-defined]


def test_production_logs_json_to_stderr() -> None:
    """The settings themselves: REGIETAFEL_ENV=production writes JSON lines."""
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('regietafel.verzoek').info('proef', extra={'password': 'p4ss'})"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "regietafel.settings",
            "REGIETAFEL_ENV": "production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "regietafel.example",
            "DATABASE_URL": "sqlite:////tmp/regietafel-log-proef.sqlite3",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    regel = json.loads(uit.stderr.strip().splitlines()[-1])
    assert regel["message"] == "proef" and regel["level"] == "INFO"
    assert regel["password"] == "[verwijderd]"
