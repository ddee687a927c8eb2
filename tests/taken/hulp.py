"""Follow a document download through its job, as a browser does: the first request
enqueues the job (it runs eagerly when the test's transaction "commits"), the status page
offers the file, the second request of the same URL gets the stored file directly."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.test import Client
from django.test.testcases import TestCase


def inhoud(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]


def haal(client: Client, pad: str, **extra: object) -> HttpResponse:
    """The download at ``pad``: straight away if it was made for this data version, else
    through its job (run on commit). Any other answer (403, 404) is returned as it is."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.get(pad, **extra)  # type: ignore[arg-type]
    if response.status_code != 303 or "/taken/" not in response["Location"]:
        return response  # type: ignore[return-value]
    status = client.get(response["Location"])
    assert status.status_code == 200, status
    assert 'data-status="klaar"' in status.content.decode(), status.content.decode()
    return client.get(pad, **extra)  # type: ignore[return-value,arg-type]
