"""Interbestuurlijk toezicht: the gemeenten with a tekort (figures of seed 000 via the Stand
van zaken), dossiers with steps and documents, who sees what, the dashboard signal."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente
from regietafel.toezicht import queries, services
from regietafel.toezicht.models import Document, Dossier, Stap, StapSoort, StapStatus
from regietafel.toezicht.signalen import signalen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _dossier() -> Dossier:
    return Dossier.objects.get(gemeente__naam="Tynaarlo")


def test_gemeenten_with_a_tekort_from_the_stand_van_zaken(demo) -> None:  # type: ignore[no-untyped-def]
    o = queries.overzicht(demo)
    rijen = {r.gemeente.naam: r for r in o.rijen}
    assert o.peildatum == dt.date(2025, 11, 1)
    # Seed 000: regulier Tynaarlo 150 of 250, Aa en Hunze 80 of 87; AMV 0 of 50 thrice.
    assert rijen["Tynaarlo"].tekort("regulier").verschil == -100  # type: ignore[union-attr]
    assert rijen["Tynaarlo"].tekort("regulier").opgave == 250  # type: ignore[union-attr]
    assert rijen["Aa en Hunze"].tekort("regulier").verschil == -7  # type: ignore[union-attr]
    for naam in ("Borger-Odoorn", "De Wolden", "Midden-Drenthe"):
        assert rijen[naam].tekort("amv").verschil == -50  # type: ignore[union-attr]
    # R4 on 1-11-2025: Assen 13 + 58 − 34 + 50 − 39 = 48 behind; Westerveld 4 ahead.
    assert rijen["Assen"].statushouders_achterstand == 48
    assert "Westerveld" not in rijen
    assert len(o.rijen) == 11
    assert rijen["Tynaarlo"].dossier == _dossier()
    assert rijen["Assen"].dossier is None


def test_list_page_for_the_secretariaat(demo, secretariaat) -> None:  # type: ignore[no-untyped-def]
    html = secretariaat.get("/toezicht/").content.decode()
    assert "Tynaarlo" in html and "Open sinds 20-01-2026" in html
    assert "Bestuurlijk gesprek (lopend" in html
    assert 'Dossier openen<span class="visueel-verborgen"> voor</span> Assen' in html


def test_secretariaat_opens_a_dossier(demo, secretariaat) -> None:  # type: ignore[no-untyped-def]
    html = secretariaat.get("/toezicht/openen/?gemeente=GM0106").content.decode()
    assert 'value="huisvesting vergunninghouders: achterstand 48"' in html
    r = secretariaat.post(
        "/toezicht/openen/",
        {"gemeente": "GM0106", "geopend_op": "2026-02-01", "onderwerp": "achterstand 48"},
    )
    dossier = Dossier.objects.get(gemeente__naam="Assen")
    assert r.status_code == 302 and r["Location"] == f"/toezicht/{dossier.pk}/"
    tweede = secretariaat.post(
        "/toezicht/openen/",
        {"gemeente": "GM0106", "geopend_op": "2026-03-01", "onderwerp": "nog een"},
    )
    assert tweede.status_code == 400
    assert "Er is al een open toezichtdossier voor Assen" in tweede.content.decode()
    assert secretariaat.get("/toezicht/openen/?gemeente=GM9999").status_code == 404


def test_gemeente_sees_only_its_own_row(demo, gemeente_assen) -> None:  # type: ignore[no-untyped-def]
    html = gemeente_assen.get("/toezicht/").content.decode()
    assert "Assen" in html
    assert "Tynaarlo" not in html and "Emmen" not in html
    assert "Dossier openen" not in html


def test_other_gemeenten_get_404_for_a_dossier(demo, gemeente_assen, gemeente_emmen) -> None:  # type: ignore[no-untyped-def]
    d = _dossier()
    stap = d.stappen.first()
    for client in (gemeente_assen, gemeente_emmen):
        assert client.get(f"/toezicht/{d.pk}/").status_code == 404
        assert client.get(f"/toezicht/stappen/{stap.pk}/").status_code == 404  # type: ignore[union-attr]
        assert client.post(f"/toezicht/{d.pk}/stappen/", {}).status_code == 404


def test_own_gemeente_reads_its_dossier(demo, gemeente_assen, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    eigen, _ = services.open_dossier(
        door=gebruiker_secretariaat,
        gemeente=Gemeente.objects.get(naam="Assen"),
        geopend_op=dt.date(2026, 2, 1),
        onderwerp="huisvesting vergunninghouders: achterstand 48",
    )
    r = gemeente_assen.get(f"/toezicht/{eigen.pk}/")
    assert r.status_code == 200
    assert "Stap toevoegen" not in r.content.decode()
    assert gemeente_assen.post(f"/toezicht/{eigen.pk}/stappen/", {}).status_code == 403


def test_supplier_sees_nothing(demo, coa) -> None:  # type: ignore[no-untyped-def]
    assert coa.get("/toezicht/").status_code == 403
    assert coa.get(f"/toezicht/{_dossier().pk}/").status_code == 403


def test_lezer_reads_but_does_not_write(demo, lezer) -> None:  # type: ignore[no-untyped-def]
    d = _dossier()
    assert lezer.get(f"/toezicht/{d.pk}/").status_code == 200
    assert lezer.post(f"/toezicht/{d.pk}/stappen/", {}).status_code == 403
    assert lezer.post("/toezicht/openen/", {}).status_code == 403


def test_secretariaat_adds_a_step_and_a_document(demo, secretariaat, media) -> None:  # type: ignore[no-untyped-def]
    d = _dossier()
    r = secretariaat.post(
        f"/toezicht/{d.pk}/stappen/",
        {
            "stap-soort": "waarschuwing",
            "stap-datum": "2026-04-15",
            "stap-termijn": "2026-05-15",
            "stap-status": "lopend",
            "stap-notities": "",
        },
    )
    assert r.status_code == 302
    stap = Stap.objects.get(dossier=d, soort=StapSoort.WAARSCHUWING)
    bestand = io.BytesIO(b"%PDF-1.4 brief")
    bestand.name = "brief waarschuwing.pdf"
    r = secretariaat.post(f"/toezicht/stappen/{stap.pk}/documenten/", {"bestand": bestand})
    assert r.status_code == 302
    doc = Document.objects.get(stap=stap)
    assert (media / "toezicht" / f"{doc.checksum}.pdf").read_bytes() == b"%PDF-1.4 brief"
    r = secretariaat.get(f"/toezicht/documenten/{doc.pk}/")
    assert r.status_code == 200 and r.content == b"%PDF-1.4 brief"
    assert "brief waarschuwing.pdf" in r["Content-Disposition"]
    kwaad = io.BytesIO(b"<script>")
    kwaad.name = "x.html"
    r = secretariaat.post(f"/toezicht/stappen/{stap.pk}/documenten/", {"bestand": kwaad})
    assert r.status_code == 400
    assert "worden niet bewaard" in r.content.decode()


def test_documents_follow_the_dossier_rights(
    demo, gemeente_assen, lezer, gebruiker_secretariaat
) -> None:  # type: ignore[no-untyped-def]
    stap = _dossier().stappen.first()
    assert stap is not None
    doc = services.voeg_document_toe(
        door=gebruiker_secretariaat,
        stap=stap,
        bestandsnaam="verslag.pdf",
        data=b"%PDF verslag",
    )
    assert gemeente_assen.get(f"/toezicht/documenten/{doc.pk}/").status_code == 404
    assert lezer.get(f"/toezicht/documenten/{doc.pk}/").status_code == 200


def test_services_check_roles_and_rules(demo) -> None:  # type: ignore[no-untyped-def]
    emmen = Gebruiker.objects.get(username="gemeente-emmen")
    d = _dossier()
    with pytest.raises(PermissionDenied):
        services.zet_stap(door=emmen, dossier=d, soort="aanwijzing", datum=dt.date(2026, 5, 1))
    with pytest.raises(ValidationError):
        services.zet_stap(
            door=None,
            dossier=d,
            soort="aanwijzing",
            datum=dt.date(2026, 5, 1),
            termijn=dt.date(2026, 4, 1),
        )
    with pytest.raises(ValidationError):
        services.open_dossier(
            door=None, gemeente=d.gemeente, geopend_op=dt.date(2026, 5, 1), onderwerp="nog een"
        )


def test_dashboard_signal_for_overdue_steps(demo) -> None:  # type: ignore[no-untyped-def]
    assert signalen(demo, dt.date(2026, 2, 20)) == []  # informatie opvragen: afgerond
    (s,) = signalen(demo, dt.date(2026, 4, 2))
    assert (s.ernst, s.tekst, s.url) == (
        "waarschuwing",
        "Interbestuurlijk toezicht: 1 stap is over de termijn.",
        "/toezicht/",
    )
    assert "Tynaarlo" not in s.tekst  # the dashboard is seen by every gemeente
    Stap.objects.update(status=StapStatus.AFGEROND)
    assert signalen(demo, dt.date(2026, 4, 2)) == []


def test_list_runs_constant_queries(demo, secretariaat, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def tel(client: Client) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as a:
            assert client.get("/toezicht/").status_code == 200
        with CaptureQueriesContext(connection) as b:
            assert client.get(f"/toezicht/{_dossier().pk}/").status_code == 200
        return len(a.captured_queries), len(b.captured_queries)

    voor = tel(secretariaat)
    for naam in ("Emmen", "Meppel", "Hoogeveen", "Coevorden"):
        d, _ = services.open_dossier(
            door=gebruiker_secretariaat,
            gemeente=Gemeente.objects.get(naam=naam),
            geopend_op=dt.date(2026, 2, 1),
            onderwerp="achterstand",
        )
        for dag in range(1, 4):
            services.zet_stap(
                door=gebruiker_secretariaat,
                dossier=d,
                soort="informatie_opvragen",
                datum=dt.date(2026, 2, dag),
            )
    for dag in range(5, 10):
        stap, _ = services.zet_stap(
            door=gebruiker_secretariaat,
            dossier=_dossier(),
            soort="overig",
            datum=dt.date(2026, 5, dag),
        )
        services.voeg_document_toe(
            door=gebruiker_secretariaat, stap=stap, bestandsnaam=f"d{dag}.txt", data=b"x" * dag
        )
    assert tel(secretariaat) == voor


def test_tables_export_to_excel(demo, lezer) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    r = lezer.get("/toezicht/?xlsx=toezicht")
    ws = load_workbook(io.BytesIO(r.content)).active
    rijen = {rij[0]: rij for rij in ws.iter_rows(min_row=2, values_only=True) if rij[0]}
    assert rijen["Tynaarlo"][1:3] == (250, -100)
    assert rijen["Tynaarlo"][6] == "Open sinds 20-01-2026"
    r = lezer.get(f"/toezicht/{_dossier().pk}/?xlsx=stappen")
    ws = load_workbook(io.BytesIO(r.content)).active
    assert ws["A2"].value == "Informatie opvragen"


def test_history_of_a_dossier_is_as_confidential_as_the_dossier(  # type: ignore[no-untyped-def]
    demo, gemeente_emmen, lezer, secretariaat
) -> None:
    d = _dossier()
    stap = d.stappen.first()
    assert stap is not None
    for url in (f"/historie/toezicht/dossier/{d.pk}/", f"/historie/toezicht/stap/{stap.pk}/"):
        assert gemeente_emmen.get(url).status_code == 404
        assert secretariaat.get(url).status_code == 200
        assert lezer.get(url).status_code == 200
    assert "Tynaarlo" in secretariaat.get(f"/historie/toezicht/dossier/{d.pk}/").content.decode()
