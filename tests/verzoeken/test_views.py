"""The verzoeken pages from every side: secretariaat writes, a gemeente updates only its own
readiness, a lezer reads, a supplier sees nothing; lists in constant queries; Excel."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client

from regietafel.gemeenten.models import Gemeente
from regietafel.verzoeken.models import (
    Gereedheid,
    Kandidaatlocatie,
    NareizigersPlaatsing,
    NoodopvangVerzoek,
)
from regietafel.verzoeken.services import plaats_nareizigers, zet_kandidaat
from regietafel.verzoeken.signalen import signalen

pytestmark = pytest.mark.django_db


def _verzoek() -> NoodopvangVerzoek:
    return NoodopvangVerzoek.objects.get(ontvangen_op=dt.date(2026, 1, 12))


def _kandidaat(gemeente: str) -> Kandidaatlocatie:
    return Kandidaatlocatie.objects.get(gemeente__naam=gemeente)


@pytest.mark.parametrize("persona", ["secretariaat", "lezer", "gemeente_assen"])
def test_pages_read(demo, persona, request) -> None:  # type: ignore[no-untyped-def]
    client: Client = request.getfixturevalue(persona)
    v = _verzoek()
    r = client.get("/verzoeken/")
    assert r.status_code == 200
    assert "80 van 100 plaatsen gereed" in r.content.decode()
    r = client.get(f"/verzoeken/noodopvang/{v.pk}/")
    html = r.content.decode()
    assert "Sporthal (demo)" in html and "Leegstaand kantoorgebouw (demo)" in html
    assert ("Kandidaatlocatie toevoegen" in html) is (persona == "secretariaat")
    r = client.get("/verzoeken/nareizigers/?datum=2026-01-20")
    html = r.content.decode()
    assert "de gemeente is 1 dag vooraf geïnformeerd" in html
    assert "HAR+: gemeenten kunnen een aanvraag doen tot 01-07-2026 (nog 162 dagen)." in html


def test_supplier_sees_nothing(demo, coa) -> None:  # type: ignore[no-untyped-def]
    for url in (
        "/verzoeken/",
        f"/verzoeken/noodopvang/{_verzoek().pk}/",
        "/verzoeken/nareizigers/",
    ):
        assert coa.get(url).status_code == 403


@pytest.mark.parametrize("persona", ["lezer", "gemeente_assen"])
def test_only_the_secretariaat_writes(demo, persona, request) -> None:  # type: ignore[no-untyped-def]
    client: Client = request.getfixturevalue(persona)
    v = _verzoek()
    assert client.get("/verzoeken/noodopvang/nieuw/").status_code == 403
    assert client.post(f"/verzoeken/noodopvang/{v.pk}/bewerken/", {}).status_code == 403
    assert client.post(f"/verzoeken/noodopvang/{v.pk}/kandidaten/", {}).status_code == 403
    k = _kandidaat("Assen")
    assert client.post(f"/verzoeken/kandidaten/{k.pk}/activeren/", {}).status_code == 403
    assert client.get("/verzoeken/nareizigers/nieuw/").status_code == 403


def test_secretariaat_records_a_request(demo, secretariaat) -> None:  # type: ignore[no-untyped-def]
    r = secretariaat.post(
        "/verzoeken/noodopvang/nieuw/",
        {
            "van_wie": "Ministerie van Asiel en Migratie",
            "ontvangen_op": "2026-07-01",
            "plaatsen": "50",
            "periode_van": "2026-07-01",
            "periode_tot": "2026-12-31",
            "activeringstermijn_dagen": "3",
        },
    )
    nieuw = NoodopvangVerzoek.objects.get(ontvangen_op=dt.date(2026, 7, 1))
    assert r.status_code == 302 and r["Location"] == f"/verzoeken/noodopvang/{nieuw.pk}/"
    fout = secretariaat.post(
        "/verzoeken/noodopvang/nieuw/",
        {
            "van_wie": "x",
            "ontvangen_op": "2026-07-02",
            "plaatsen": "5",
            "periode_van": "2026-07-01",
            "periode_tot": "2026-06-01",
            "activeringstermijn_dagen": "3",
        },
    )
    assert fout.status_code == 400
    assert "De periode eindigt vóór zij begint." in fout.content.decode()


def test_gemeente_assen_updates_own_readiness_not_emmens(demo, gemeente_assen) -> None:  # type: ignore[no-untyped-def]
    assen, emmen = _kandidaat("Assen"), _kandidaat("Emmen")
    data = {"gereedheid": "vervallen", "gereedheid_op": "2026-02-10", "notities": "sporthal bezet"}
    html = gemeente_assen.get(f"/verzoeken/kandidaten/{assen.pk}/").content.decode()
    assert "Gereedheid bijwerken" in html
    assert (
        "Gereedheid bijwerken"
        not in gemeente_assen.get(f"/verzoeken/kandidaten/{emmen.pk}/").content.decode()
    )
    r = gemeente_assen.post(f"/verzoeken/kandidaten/{emmen.pk}/", data)
    assert r.status_code == 403
    assert _kandidaat("Emmen").gereedheid == Gereedheid.GEREED
    r = gemeente_assen.post(f"/verzoeken/kandidaten/{assen.pk}/", data)
    assert r.status_code == 302
    assert (_kandidaat("Assen").gereedheid, _kandidaat("Assen").notities) == (
        "vervallen",
        "sporthal bezet",
    )


def test_emmen_cannot_touch_assens_candidate(demo, gemeente_emmen) -> None:  # type: ignore[no-untyped-def]
    assen = _kandidaat("Assen")
    r = gemeente_emmen.post(
        f"/verzoeken/kandidaten/{assen.pk}/",
        {"gereedheid": "vervallen", "gereedheid_op": "2026-02-10"},
    )
    assert r.status_code == 403
    assert _kandidaat("Assen").gereedheid == Gereedheid.GEREED


def test_unknown_ids_are_404(demo, secretariaat) -> None:  # type: ignore[no-untyped-def]
    assert secretariaat.get("/verzoeken/noodopvang/999999/").status_code == 404
    assert secretariaat.get("/verzoeken/kandidaten/999999/").status_code == 404
    assert secretariaat.get("/verzoeken/nareizigers/999999/").status_code == 404


def test_secretariaat_activates_through_the_page(demo, secretariaat) -> None:  # type: ignore[no-untyped-def]
    k = _kandidaat("Assen")
    r = secretariaat.post(
        f"/verzoeken/kandidaten/{k.pk}/activeren/",
        {"geactiveerd_op": "2026-03-02", "plaatsen": "40", "door_wie": "ministerie"},
    )
    assert r.status_code == 302
    html = secretariaat.get(f"/verzoeken/noodopvang/{k.verzoek_id}/").content.decode()
    assert "80 van 100 plaatsen gereed</strong> (waarvan 40 geactiveerd)" in html


def test_lists_run_constant_queries(demo, secretariaat, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    v = _verzoek()
    assen = Gemeente.objects.get(naam="Assen")

    def tel() -> dict[str, int]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        uit = {}
        for url in ("/verzoeken/", f"/verzoeken/noodopvang/{v.pk}/", "/verzoeken/nareizigers/"):
            with CaptureQueriesContext(connection) as ctx:
                assert secretariaat.get(url).status_code == 200
            uit[url] = len(ctx.captured_queries)
        with CaptureQueriesContext(connection) as ctx:
            signalen(demo, dt.date(2026, 3, 1))
        uit["signalen"] = len(ctx.captured_queries)
        return uit

    voor = tel()
    for i in range(12):
        zet_kandidaat(
            door=None,
            verzoek=v,
            gemeente=assen,
            naam=f"Extra {i}",
            plaatsen=5,
            gereedheid=Gereedheid.GEREED,
            gereedheid_op=dt.date(2026, 2, 1),
        )
        plaats_nareizigers(
            door=None,
            gemeente=assen,
            geplaatst_op=dt.date(2026, 2, 1) + dt.timedelta(days=i),
            hotel=f"Hotel {i}",
            personen=2,
            geinformeerd_op=dt.date(2026, 1, 1),
        )
    na = tel()
    assert na == voor, (voor, na)
    for url, n in voor.items():
        if url.startswith("/"):
            with django_assert_max_num_queries(n):
                secretariaat.get(url)


@pytest.mark.parametrize(
    ("url", "sleutel", "rijen"),
    [
        ("/verzoeken/", "noodopvangverzoeken", 1),
        ("/verzoeken/noodopvang/{pk}/", "kandidaatlocaties", 3),
        ("/verzoeken/noodopvang/{pk}/", "activeringen", 0),
        ("/verzoeken/nareizigers/", "nareizigers", 2),
        ("/verzoeken/nareizigers/", "nareizigers_taakstelling", 2),
    ],
)
def test_every_table_exports_to_excel(demo, lezer, url, sleutel, rijen) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    r = lezer.get(url.format(pk=_verzoek().pk) + f"?xlsx={sleutel}")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(r.content)).active
    assert ws.title == sleutel
    waarden = [[c.value for c in rij] for rij in ws.iter_rows()]
    assert waarden[0][0] in ("Verzoek", "Locatie", "Gemeente")
    assert ws.freeze_panes == "B2"
    if sleutel == "kandidaatlocaties":
        assert [w[2] for w in waarden[1:4]] == [40, 40, 30]
    if sleutel == "nareizigers_taakstelling":
        assert ["Assen", "2e helft 2025", 4, 50] in [w[:4] for w in waarden]
    assert len([w for w in waarden[1 : rijen + 1] if w[0]]) == rijen


def test_placement_form_validates(demo, secretariaat) -> None:  # type: ignore[no-untyped-def]
    assen = Gemeente.objects.get(naam="Assen")
    r = secretariaat.post(
        "/verzoeken/nareizigers/nieuw/",
        {"gemeente": assen.pk, "personen": "2", "geplaatst_op": "2026-02-01"},
    )
    assert r.status_code == 400
    assert "Geef de naam van het hotel" in r.content.decode()
    r = secretariaat.post(
        "/verzoeken/nareizigers/nieuw/",
        {
            "gemeente": assen.pk,
            "hotel": "Hotel X",
            "personen": "2",
            "geinformeerd_op": "2026-01-31",
            "geplaatst_op": "2026-02-01",
        },
    )
    assert r.status_code == 302
    assert NareizigersPlaatsing.objects.filter(hotel="Hotel X", personen=2).exists()
