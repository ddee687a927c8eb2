"""The cycle's pages: a gemeente hands in its offer on the pages, the secretariaat approves,
the PUZZEL changes; every role sees what it may; query counts stay constant."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from regietafel.cyclus.models import AanbodStatus, AanbodVersie
from regietafel.gemeenten.models import Provincie
from regietafel.locaties.models import Locatie
from regietafel.opgaven.models import Opgave, ProvincieOpgave
from tests.cyclus.factories import aanbod, cyclus_2026, indicatief_2026, opzet_2026

pytestmark = pytest.mark.django_db


@pytest.fixture
def tweede(drenthe: Provincie) -> Provincie:
    opzet_2026(illustratief=True)
    indicatief_2026(drenthe)
    return drenthe


def _tekst(antwoord) -> str:  # type: ignore[no-untyped-def]
    html = antwoord.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_gemeente_hands_in_on_the_pages_and_the_secretariaat_approves(
    tweede: Provincie,
    gemeente_assen: Client,
    secretariaat: Client,
    lezer: Client,
    settings,
    tmp_path,
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    pagina = gemeente_assen.get("/cyclus/2026/aanbod/")
    assert pagina.status_code == 200 and "Illustratief." in _tekst(pagina)
    antwoord = gemeente_assen.post("/cyclus/2026/aanbod/")
    versie = AanbodVersie.objects.get(gemeente__naam="Assen")
    assert antwoord["Location"] == f"/cyclus/aanbod/{versie.pk}/"
    azc = Locatie.objects.get(naam="azc Assen")
    assert (
        gemeente_assen.post(f"/cyclus/aanbod/{versie.pk}/locatie/", {"locatie": azc.pk}).status_code
        == 302
    )
    regel = versie.regels.get()
    antwoord = gemeente_assen.post(
        f"/cyclus/regel/{regel.pk}/",
        {
            "naam": "azc Assen",
            "soort": "regulier",
            "plaatsen": "450",
            "beschikbaar_van": "01-03-2017",
            "beschikbaar_tot": "01-04-2033",
            "toelichting": "verlengd",
        },
    )
    assert antwoord.status_code == 302, _tekst(antwoord)
    antwoord = gemeente_assen.post(
        f"/cyclus/aanbod/{versie.pk}/regel/",
        {
            "naam": "AMV-locatie Kloosterveen",
            "soort": "amv",
            "plaatsen": "28",
            "beschikbaar_van": "01-03-2027",
            "beschikbaar_tot": "",
            "besluitvorming_toelichting": "",
            "besluitvorming_bijlage": SimpleUploadedFile("raadsbesluit.pdf", b"%PDF-1.4 besluit"),
        },
    )
    assert antwoord.status_code == 302, _tekst(antwoord)
    detail = gemeente_assen.get(f"/cyclus/aanbod/{versie.pk}/")
    assert "raadsbesluit.pdf" in _tekst(detail)
    element = versie.regels.get(naam="AMV-locatie Kloosterveen").elementen.get()
    bijlage = gemeente_assen.get(f"/cyclus/bijlage/{element.pk}/")
    assert bijlage.status_code == 200 and bijlage.content == b"%PDF-1.4 besluit"
    # Others do not see a concept, nor its attachment.
    assert lezer.get(f"/cyclus/aanbod/{versie.pk}/").status_code == 404
    assert lezer.get(f"/cyclus/bijlage/{element.pk}/").status_code == 404
    assert (
        gemeente_assen.post(
            f"/cyclus/aanbod/{versie.pk}/indienen/", {"toelichting": ""}
        ).status_code
        == 302
    )
    versie.refresh_from_db()
    assert versie.status == AanbodStatus.INGEDIEND

    puzzel = _tekst(secretariaat.get("/cyclus/2026/puzzel/"))
    assert "Aanbod ingediend, nog niet goedgekeurd (1): Assen." in puzzel
    assert "Volledig en uitvoerbaar: nee" in puzzel
    assert secretariaat.post(f"/cyclus/aanbod/{versie.pk}/goedkeuren/").status_code == 302
    versie.refresh_from_db()
    assert versie.status == AanbodStatus.GOEDGEKEURD
    puzzel = _tekst(lezer.get("/cyclus/2026/puzzel/"))
    assert "Aanbod ingediend, nog niet goedgekeurd" not in puzzel
    assert "Nog geen aanbod ingediend (11)" in puzzel
    assert (
        Opgave.objects.get(
            cyclus=cyclus_2026(), gemeente__naam="Assen", soort="amv", stadium="aanbod"
        ).aantal
        == 28
    )
    # Now the lezer sees the approved version, with its attachment.
    assert lezer.get(f"/cyclus/aanbod/{versie.pk}/").status_code == 200
    assert lezer.get(f"/cyclus/bijlage/{element.pk}/").status_code == 200


def test_returning_asks_a_remark_and_the_gemeente_starts_again(
    tweede: Provincie, gemeente_assen: Client, secretariaat: Client, gemeente_emmen: Client
) -> None:
    versie = aanbod(
        "Assen", [{"naam": "Plan", "soort": "regulier", "plaatsen": 10}], goedkeuren=False
    )
    assert (
        gemeente_emmen.post(
            f"/cyclus/aanbod/{versie.pk}/terugsturen/", {"opmerking": "x"}
        ).status_code
        == 404
    )
    leeg = secretariaat.post(f"/cyclus/aanbod/{versie.pk}/terugsturen/", {"opmerking": ""})
    assert leeg.status_code == 400 and "Schrijf op wat de gemeente moet verbeteren." in _tekst(leeg)
    assert (
        secretariaat.post(
            f"/cyclus/aanbod/{versie.pk}/terugsturen/", {"opmerking": "Geen kansrijk element."}
        ).status_code
        == 302
    )
    eigen = _tekst(gemeente_assen.get("/cyclus/2026/aanbod/"))
    assert "Geen kansrijk element." in eigen
    gemeente_assen.post("/cyclus/2026/aanbod/")
    nieuw = AanbodVersie.objects.get(gemeente__naam="Assen", volgnummer=2)
    assert nieuw.regels.get().naam == "Plan"
    # A submitted version cannot be edited on the pages.
    assert (
        gemeente_assen.post(f"/cyclus/aanbod/{versie.pk}/regel/", {"naam": "x"}).status_code == 302
    )
    assert versie.regels.count() == 1


def test_the_set_up_page_is_a_beheerders(tweede: Provincie, secretariaat: Client) -> None:
    from regietafel.accounts.models import Gebruiker

    assert secretariaat.get("/cyclus/2026/opzet/").status_code == 403
    beheerder = Client()
    beheerder.force_login(Gebruiker.objects.create(username="beheer-test", rol="beheerder"))
    pagina = beheerder.get("/cyclus/2026/opzet/")
    assert pagina.status_code == 200
    antwoord = beheerder.post(
        "/cyclus/2026/opzet/",
        {
            "capaciteitsraming": "88000",
            "publicatie": "27-02-2026",
            "deadline_verslag": "01-12-2026",
            "besluit_uiterlijk": "31-12-2026",
            "realisatie_uiterlijk": "01-07-2027",
            "volgende_raming": "01-02-2028",
            "termijn_maanden": "6",
            "alleen_duurzaam": "on",
            "minimale_jaren": "5",
            "spuk1_per_plek": "2500",
            "spuk2_per_plek": "2000",
            "spuk3_drempel_procent": "75",
        },
    )
    assert antwoord.status_code == 302
    overzicht = _tekst(beheerder.get("/cyclus/2026/"))
    assert "SPUK 1 € 2.500 per duurzame plek" in overzicht
    assert "Historie van de opzet" in beheerder.get("/cyclus/2026/").content.decode()
    fout = beheerder.post(
        "/cyclus/2026/opzet/",
        {"termijn_maanden": "-1", "minimale_jaren": "5", "spuk3_drempel_procent": "75"},
    )
    assert fout.status_code == 400 and "Vul een aantal van 0 of meer in." in _tekst(fout)


def test_the_import_pages(
    tweede: Provincie, secretariaat: Client, lezer: Client, tmp_path, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    assert lezer.get("/cyclus/2026/indicatief/").status_code == 403
    assert lezer.get("/cyclus/2026/verdeelbesluit/").status_code == 200
    bestand = SimpleUploadedFile(
        "besluit.csv",
        b"gemeente;amv;regulier;totaal\nAssen;28;300;328\nEmmen;39;413;452\n",
    )
    voorbeeld = secretariaat.post(
        "/cyclus/2026/verdeelbesluit/", {"bestand": bestand, "geldig_vanaf": "01-01-2027"}
    )
    assert voorbeeld.status_code == 200
    tekst = _tekst(voorbeeld)
    assert "Controleer de wijzigingen" in tekst and "Bevestig en sla op" in tekst
    som = re.search(r'name="checksum" value="([0-9a-f]{64})"', voorbeeld.content.decode())[1]  # type: ignore[index]
    assert not Opgave.objects.filter(cyclus=cyclus_2026(), stadium="vastgesteld").exists()
    klaar = secretariaat.post(
        "/cyclus/2026/verdeelbesluit/bevestigen/",
        {"checksum": som},
    )
    assert klaar.status_code == 302
    assert Opgave.objects.filter(cyclus=cyclus_2026(), stadium="vastgesteld").count() == 24
    # The besluit's provincial opgave is valid from the preview's date, kept with the session.
    assert (
        ProvincieOpgave.objects.filter(
            cyclus=cyclus_2026(), provincie=tweede, soort="amv", geldig_vanaf=dt.date(2027, 1, 1)
        )
        .get()
        .aantal
        == 28 + 39
    )
    # The confirmation is spent: again, or from another user's session, imports nothing.
    again = secretariaat.post("/cyclus/2026/verdeelbesluit/bevestigen/", {"checksum": som})
    assert again.status_code == 400
    verschillen = _tekst(lezer.get("/cyclus/2026/verdeelbesluit/"))
    assert "Verschillen met het verslag, per gemeente" in verschillen
    fout = secretariaat.post(
        "/cyclus/2026/indicatief/",
        {"bestand": SimpleUploadedFile("i.csv", b"gemeente;regulier;amv\nGroningen;1;1\n")},
    )
    assert fout.status_code == 422 and "buiten uw provincie" in _tekst(fout)


@pytest.mark.parametrize(
    "url",
    [
        "/cyclus/",
        "/cyclus/2026/",
        "/cyclus/2026/puzzel/",
        "/cyclus/2026/aanbod/",
        "/cyclus/2024/puzzel/",
    ],
)
def test_pages_open_for_every_reader(
    tweede: Provincie, lezer: Client, gemeente_emmen: Client, url: str
) -> None:
    for client in (lezer, gemeente_emmen):
        assert client.get(url).status_code == 200
    assert lezer.get(url + "?formaat=xlsx").status_code in (200, 404)


def test_unknown_cyclus_is_a_404(tweede: Provincie, lezer: Client) -> None:
    antwoord = lezer.get("/cyclus/2030/puzzel/")
    assert antwoord.status_code == 404


def test_query_counts_do_not_grow_with_gemeenten_and_locations(
    tweede: Provincie,
    secretariaat: Client,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    def meet(url: str) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as q:
            assert secretariaat.get(url).status_code == 200
        return len(q)

    coevorden = aanbod("Coevorden", [{"naam": "azc", "soort": "regulier", "plaatsen": 10}])
    versie = f"/cyclus/aanbod/{coevorden.pk}/"
    urls = (
        "/cyclus/2026/puzzel/",
        "/cyclus/2026/aanbod/",
        "/cyclus/2026/",
        "/rapportage/verslag/2026/",
    )
    voor = {u: meet(u) for u in (*urls, versie)}
    for naam in ("Assen", "Emmen", "Meppel", "Tynaarlo", "Westerveld"):
        aanbod(
            naam,
            [
                {
                    "naam": f"{naam} {i}",
                    "soort": "regulier",
                    "plaatsen": 10 + i,
                    "beschikbaar_van": dt.date(2027, 1, 1),
                }
                for i in range(4)
            ],
        )
    veel = aanbod(
        "Borger-Odoorn",
        [{"naam": f"Plan {i}", "soort": "amv", "plaatsen": 5 + i} for i in range(12)],
    )
    na = {u: meet(u) for u in urls}
    na[versie] = meet(f"/cyclus/aanbod/{veel.pk}/")
    assert na == voor
    assert max(na.values()) <= 30


def test_a_cyclus_without_set_up_takes_no_aanbod(
    drenthe: Provincie, gemeente_assen: Client
) -> None:
    pagina = _tekst(gemeente_assen.get("/cyclus/2024/aanbod/"))
    assert "niet ingericht voor een aanbod per locatie" in pagina
    assert "Aanbod opstellen" not in pagina
    gemeente_assen.post("/cyclus/2024/aanbod/")
    assert not AanbodVersie.objects.exists()
