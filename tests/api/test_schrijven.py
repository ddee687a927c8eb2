"""Writing through the API: a gemeente's own submission, and the imports of the suppliers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from regietafel.aanlevering.models import Aanlevering
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.models import Inzending, Realisatie, VergunninghoudersStand
from tests.aanlevering.bestanden import REALISATIE_KOPPEN, SAMPLE_COA, schrijf_tabel
from tests.api.conftest import api_client

pytestmark = pytest.mark.django_db
DEC = "2025-12-01"


def _inzending(gemeente: str, wijziging: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "gemeente": gemeente,
        "peildatum": DEC,
        "regels": [{"soort": "oekraine", "aantal": 321}, {"soort": "regulier", "aantal": 12}],
        "toelichting": "Via de API.",
        **(wijziging or {}),
    }


def test_emmen_cannot_submit_for_assen(api_emmen: Client) -> None:
    response = api_emmen.post(
        "/api/v1/inzendingen", _inzending("GM0106"), content_type="application/json"
    )
    assert response.status_code == 403
    assert not Inzending.objects.filter(gemeente__naam="Assen", peildatum=DEC).exists()


def test_emmen_submits_for_emmen_and_it_waits_for_approval(api_emmen: Client) -> None:
    voor = Realisatie.objects.count()
    response = api_emmen.post(
        "/api/v1/inzendingen", _inzending("GM0114"), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "ingediend" and data["gemeente"] == "GM0114"
    assert {r["soort"]: r["aantal"] for r in data["regels"]} == {"oekraine": 321, "regulier": 12}
    inzending = Inzending.objects.get(pk=data["id"])
    assert inzending.ingediend_door.username == "gemeente-emmen"
    assert AuditRegel.objects.filter(actie="ingediend", object_id=str(inzending.pk)).exists()
    assert Realisatie.objects.count() == voor
    lijst = api_emmen.get("/api/v1/realisaties", {"gemeente": "GM0114", "peildatum": DEC})
    assert lijst.json()["count"] == 0


@pytest.mark.parametrize(
    ("wijziging", "fout"),
    [
        ({"peildatum": "2025-12-02"}, "eerste dag"),
        ({"peildatum": "2999-01-01"}, "toekomst"),
        ({"regels": []}, "regels"),
        ({"regels": [{"soort": "amv", "aantal": -1}]}, "regels"),
        ({"regels": [{"soort": "amv", "aantal": 1}, {"soort": "amv", "aantal": 2}]}, "soort"),
        ({"gemeente": "GM9999"}, "Onbekende gemeente"),
    ],
)
def test_an_invalid_submission_is_a_400(
    api_emmen: Client, wijziging: dict[str, Any], fout: str
) -> None:
    response = api_emmen.post(
        "/api/v1/inzendingen", _inzending("GM0114", wijziging), content_type="application/json"
    )
    assert response.status_code == 400
    assert fout in response.content.decode()
    assert not Inzending.objects.filter(gemeente__naam="Emmen", peildatum=DEC).exists()


@pytest.mark.parametrize("gebruikersnaam", ["lezer", "coa", "secretariaat"])
def test_only_a_gemeente_user_submits(drenthe: Provincie, gebruikersnaam: str) -> None:
    response = api_client(gebruikersnaam).post(
        "/api/v1/inzendingen", _inzending("GM0114"), content_type="application/json"
    )
    assert response.status_code == 403


def test_coa_dry_run_returns_the_summary_and_writes_nothing(api_coa: Client) -> None:
    standen = VergunninghoudersStand.objects.count()
    with SAMPLE_COA.open("rb") as fh:
        response = api_coa.post("/api/v1/imports/coa", {"bestand": fh, "dry_run": "true"})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["dry_run"] is True and data["geschreven"] is False
    assert data["soort"] == "coa" and data["fouten"] == []
    assert data["peildata"] == ["2025-11-01"]
    assert data["nieuw"] + data["gewijzigd"] + data["ongewijzigd"] == len(data["regels"]) == 12
    assert len(data["checksum"]) == 64
    assert VergunninghoudersStand.objects.count() == standen
    assert not Aanlevering.objects.exists()


def test_an_invalid_file_is_a_400_with_the_errors(api_coa: Client, tmp_path: Any) -> None:
    kapot = tmp_path / "kapot.xlsx"
    kapot.write_bytes(b"dit is geen spreadsheet")
    with kapot.open("rb") as fh:
        response = api_coa.post("/api/v1/imports/realisatie", {"bestand": fh})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    fouten = response.json()["fouten"]
    assert fouten and all(f["melding"] and f["bestand"] == "kapot.xlsx" for f in fouten)
    params = response.json()["invalidParams"]
    assert [p["name"] for p in params] == ["bestand"] * len(fouten)
    assert params[0]["reason"].startswith("kapot.xlsx")
    assert not Aanlevering.objects.exists()


def test_nidos_needs_a_peildatum(api_coa: Client) -> None:
    with SAMPLE_COA.open("rb") as fh:
        response = api_coa.post("/api/v1/imports/nidos", {"bestand": fh})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == ["peildatum"]


def test_a_reader_may_not_import(api_lezer: Client) -> None:
    with SAMPLE_COA.open("rb") as fh:
        response = api_lezer.post("/api/v1/imports/coa", {"bestand": fh, "dry_run": "true"})
    assert response.status_code == 403
    assert response.json()["detail"] == "U mag geen bestanden aanleveren."
    assert set(response.json()) == {"type", "title", "status", "detail", "instance"}


def test_the_secretariaat_imports_for_real(drenthe: Provincie, tmp_path: Path) -> None:
    pad = schrijf_tabel(
        tmp_path / "realisatie.csv", REALISATIE_KOPPEN, [("Assen", "amv", 77, "01-12-2025")]
    )
    with pad.open("rb") as fh:
        response = api_client("secretariaat").post("/api/v1/imports/realisatie", {"bestand": fh})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["dry_run"] is False and data["geschreven"] is True and data["nieuw"] == 1
    realisatie = Realisatie.objects.actueel().get(
        gemeente__naam="Assen", soort="amv", peildatum=DEC
    )
    assert realisatie.aantal == 77 and realisatie.geregistreerd_door is not None
    assert realisatie.geregistreerd_door.username == "secretariaat"


def test_session_writes_need_the_csrf_token(drenthe: Provincie) -> None:
    from regietafel.accounts.models import Gebruiker

    client = Client(enforce_csrf_checks=True)
    client.force_login(Gebruiker.objects.get(username="gemeente-emmen"))
    response = client.post(
        "/api/v1/inzendingen", _inzending("GM0114"), content_type="application/json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
