"""The API's inzendingen: a gemeente submits, sees its own; the secretariaat of the provincie
lists, approves and returns them through the same services as the page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import Inzending, Realisatie
from regietafel.monitoring.services import dien_in
from tests.api.conftest import api_client

pytestmark = pytest.mark.django_db
NOV = dt.date(2025, 11, 1)


@pytest.fixture
def inzending_assen(drenthe: Provincie) -> Inzending:
    return dien_in(
        door=Gebruiker.objects.get(username="gemeente-assen"),
        gemeente=Gemeente.objects.get(naam="Assen"),
        peildatum=NOV,
        aantallen={"amv": 17},
        toelichting="Twee gezinnen extra.",
    )


@pytest.fixture
def api_secretariaat(drenthe: Provincie) -> Client:
    return api_client("secretariaat")


@pytest.fixture
def api_groningen(drenthe: Provincie) -> Client:
    Gebruiker.objects.create(
        username="sec-groningen",
        rol="secretariaat",
        provincie=Provincie.objects.get(naam="Groningen"),
        is_staff=True,
    )
    return api_client("sec-groningen")


def test_list_and_detail_are_scoped(
    inzending_assen: Inzending, api_secretariaat: Client, api_groningen: Client
) -> None:
    url = f"/api/v1/inzendingen/{inzending_assen.pk}"
    lijst = api_secretariaat.get("/api/v1/inzendingen").json()
    assert [i["id"] for i in lijst["results"]] == [inzending_assen.pk]
    detail = api_secretariaat.get(url).json()
    assert detail["gemeente"] == "GM0106"
    assert detail["regels"] == [{"soort": "amv", "aantal": 17}]
    assert detail["toelichting"] == "Twee gezinnen extra."
    assert detail["status"] == "ingediend"
    assert api_client("gemeente-assen").get(url).status_code == 200
    for naam in ("gemeente-emmen", "lezer", "coa"):
        assert api_client(naam).get(url).status_code == 404
        assert api_client(naam).get("/api/v1/inzendingen").json()["results"] == []
    assert api_groningen.get(url).status_code == 404
    assert api_groningen.get("/api/v1/inzendingen").json()["results"] == []
    assert Client().get(url).status_code == 401
    # Filters
    assert api_secretariaat.get("/api/v1/inzendingen?gemeente=GM0114").json()["results"] == []
    assert len(api_secretariaat.get("/api/v1/inzendingen?status=ingediend").json()["results"]) == 1


def test_the_secretariaat_approves_through_the_service(
    inzending_assen: Inzending, api_secretariaat: Client
) -> None:
    r = api_secretariaat.post(f"/api/v1/inzendingen/{inzending_assen.pk}/goedkeuren")
    assert r.status_code == 200, r.content
    assert r.json()["status"] == "goedgekeurd"
    cijfer = Realisatie.objects.actueel().get(gemeente__naam="Assen", soort="amv", peildatum=NOV)
    assert cijfer.aantal == 17
    assert AuditRegel.objects.filter(
        object_type="monitoring.inzending", object_id=str(inzending_assen.pk), actie="goedgekeurd"
    ).exists()
    # A second time: already judged.
    r = api_secretariaat.post(f"/api/v1/inzendingen/{inzending_assen.pk}/goedkeuren")
    assert r.status_code == 409


def test_return_needs_a_remark_and_others_may_not_judge(
    inzending_assen: Inzending, api_secretariaat: Client, api_groningen: Client
) -> None:
    url = f"/api/v1/inzendingen/{inzending_assen.pk}/terugsturen"
    assert api_client("gemeente-assen").post(url, {"opmerking": "x"}).status_code == 403
    assert api_client("gemeente-emmen").post(url, {"opmerking": "x"}).status_code == 404
    assert api_groningen.post(url, {"opmerking": "x"}).status_code == 404
    assert api_secretariaat.post(url, {}).status_code == 400
    r = api_secretariaat.post(url, {"opmerking": "AMV klopt niet."})
    assert r.status_code == 200
    assert (r.json()["status"], r.json()["opmerking"]) == ("teruggestuurd", "AMV klopt niet.")


def test_a_staff_secretariaat_of_another_provincie_cannot_judge_in_the_service(
    inzending_assen: Inzending,
) -> None:
    """The hole the role matrix found: monitoring.permissions let any staff member judge."""
    from django.core.exceptions import PermissionDenied

    from regietafel.monitoring.services import keur_goed

    ander = Gebruiker.objects.create(
        username="sec-gr",
        rol="secretariaat",
        provincie=Provincie.objects.get(naam="Groningen"),
        is_staff=True,
    )
    with pytest.raises(PermissionDenied):
        keur_goed(door=ander, inzending=inzending_assen)


def test_staff_reads_only_its_own_provincie(api_secretariaat: Client) -> None:
    """The known hole: ``leest_alles`` let every staff member read every provincie."""
    codes = {p["code"] for p in api_secretariaat.get("/api/v1/provincies").json()["results"]}
    assert codes == {"PV22"}
    assert api_secretariaat.get("/api/v1/gemeenten/GM0014").status_code == 404  # Groningen
    nationaal = Gebruiker.objects.create(username="ministerie", rol="lezer", landelijk=True)
    client = api_client(nationaal.username)
    assert len(client.get("/api/v1/provincies").json()["results"]) == 12
    assert client.get("/api/v1/gemeenten/GM0014").status_code == 200
