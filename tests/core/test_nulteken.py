"""A NUL character in a path or query is a 400 (a Dutch page; problem details under /api/),
never a 500: PostgreSQL refuses it in any text comparison (found by the 5xx probe's PostgreSQL
pass: /trends/%00/, /locaties/?gemeente=%00, /api/v1/provincies/%00)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "pad", ["/trends/%00/", "/locaties/?gemeente=%00", "/toezicht/openen/?gemeente=a%00b"]
)
def test_a_page_answers_400_in_dutch(secretariaat: Client, pad: str) -> None:
    antwoord = secretariaat.get(pad)
    assert antwoord.status_code == 400
    assert "Ongeldig verzoek" in antwoord.content.decode()


@pytest.mark.parametrize("pad", ["/api/v1/provincies/%00", "/api/v1/stand-van-zaken?provincie=%00"])
def test_the_api_answers_a_problem(secretariaat: Client, pad: str) -> None:
    antwoord = secretariaat.get(pad)
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["detail"] == "Het adres bevat een NUL-teken."
    assert antwoord["API-Version"]


def test_a_query_without_nul_still_reaches_the_view(secretariaat: Client) -> None:
    assert secretariaat.get("/locaties/?zoek=Assen").status_code == 200
