"""The national view, the provincie drill-down and who may choose a provincie."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.accounts.models import Gebruiker
from regietafel.audit import gegevensversie
from regietafel.demo import landelijk as demo
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.landelijk.queries import landelijk
from regietafel.monitoring import queries
from regietafel.monitoring.services import registreer_realisatie

pytestmark = pytest.mark.django_db


def test_national_totals_are_the_sum_of_the_provincies(landelijk_klein, landelijk_client) -> None:  # type: ignore[no-untyped-def]
    o = landelijk(dt.date(2025, 11, 1))
    assert len(o.rijen) == 12
    standen = {
        p.naam: queries.bereken_stand_van_zaken(p, dt.date(2025, 11, 1))
        for p in Provincie.objects.all()
    }
    for i in range(3):
        assert o.totaal[i].opgave == sum(s.kolommen[i].totaal.opgave or 0 for s in standen.values())
        assert o.totaal[i].realisatie == sum(
            s.kolommen[i].totaal.realisatie or 0 for s in standen.values()
        )
        assert o.totaal[i].verschil == sum(
            s.kolommen[i].totaal.verschil or 0 for s in standen.values()
        )
    assert sum(r.gemeenten for r in o.rijen) == 342
    # Drenthe's row is the seed's Stand van zaken per 1-11-2025 (seed 000), not synthetic.
    rij = next(r for r in o.rijen if r.provincie.naam == "Drenthe")
    assert [(s.opgave, s.realisatie, s.verschil) for s in rij.soorten] == [
        (5648, 4978, -670),
        (3814, 3819, 5),
        (341, 191, -150),
    ]
    assert rij.statushouders_achter_voor == 521
    assert not rij.synthetisch
    assert all(r.synthetisch for r in o.rijen if r.provincie.naam != "Drenthe")

    antwoord = landelijk_client.get("/landelijk/?peildatum=2025-11-01")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Synthetisch" in html and "geen echte cijfers" in html
    assert html.count(">synthetisch</td>") == 11 + 1  # 11 provincies and the total
    assert f">{o.totaal[1].opgave:,}</td>".replace(",", ".") in html
    assert "?provincie=PV30&amp;peildatum=2025-11-01" in html  # the drill-down
    assert 'href="/kaart/nederland/"' in html


def test_excel_download_has_the_same_table(landelijk_klein, landelijk_client) -> None:  # type: ignore[no-untyped-def]
    import io

    from openpyxl import load_workbook

    antwoord = landelijk_client.get("/landelijk/?peildatum=2025-11-01&formaat=xlsx")
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"] == 'attachment; filename="landelijk-2025-11-01.xlsx"'
    ws = load_workbook(io.BytesIO(antwoord.content)).active
    waarden = [[c.value for c in rij] for rij in ws.iter_rows()]
    assert any(r[0] == "Drenthe" and 5648 in r for r in waarden)


def test_only_national_users_see_the_national_view(landelijk_klein, lezer, secretariaat) -> None:  # type: ignore[no-untyped-def]
    assert lezer.get("/landelijk/").status_code == 403
    assert secretariaat.get("/landelijk/").status_code == 403


def test_a_national_user_chooses_a_provincie_a_provincial_user_cannot(  # type: ignore[no-untyped-def]
    landelijk_klein, landelijk_client, secretariaat, gemeente_assen
) -> None:
    # Without a choice: the configured default (Drenthe).
    assert "Provincie Drenthe" in landelijk_client.get("/").content.decode()
    antwoord = landelijk_client.get("/?provincie=PV30")
    assert antwoord.status_code == 200
    assert "Noord-Brabant" in antwoord.content.decode()
    assert "Eindhoven" in antwoord.content.decode()
    # The drilled-down page says the figures are synthetic.
    melding = "Synthetisch: de cijfers van Noord-Brabant komen uit de landelijke demo"
    assert melding in antwoord.content.decode()
    # The choice stays for the pages the links and forms lead to (peildatum, trends).
    assert (
        "Provincie Noord-Brabant" in landelijk_client.get("/?peildatum=2025-10-01").content.decode()
    )
    assert "Noord-Brabant" in landelijk_client.get("/trends/").content.decode()
    # Back to Drenthe: its page has no such notice.
    assert (
        "Synthetisch: de cijfers van"
        not in landelijk_client.get("/?provincie=PV22").content.decode()
    )
    assert "Provincie Drenthe" in landelijk_client.get("/?provincie=PV22").content.decode()
    assert "Provincie Drenthe" in landelijk_client.get("/").content.decode()
    assert landelijk_client.get("/?provincie=PV99").status_code == 404
    assert landelijk_client.get("/?provincie=Drenthe").status_code == 404
    # A provincial user: its own provincie by code is fine, any other one is a 404.
    assert secretariaat.get("/?provincie=PV22").status_code == 200
    assert secretariaat.get("/?provincie=PV30").status_code == 404
    assert secretariaat.get("/trends/?provincie=PV30").status_code == 404
    assert gemeente_assen.get("/?provincie=PV27").status_code == 404


def test_a_beheerder_and_a_superuser_are_national(landelijk_klein) -> None:  # type: ignore[no-untyped-def]
    for velden in ({"rol": "beheerder"}, {"rol": "lezer", "is_superuser": True}):
        client = Client()
        client.force_login(Gebruiker.objects.create(username=f"u{len(velden)}", **velden))
        assert client.get("/?provincie=PV31").status_code == 200
        assert client.get("/landelijk/").status_code == 200
    # A lezer without provincie (a new OIDC user) is not national.
    client = Client()
    client.force_login(Gebruiker.objects.create(username="nieuw", rol="lezer"))
    assert client.get("/?provincie=PV31").status_code == 404


def _queries(client: Client, pad: str) -> int:
    """The queries of ``pad`` once the provincie is chosen (choosing writes the session)."""
    client.get(pad)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(pad).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_gemeenten_or_peildata(
    landelijk_klein: demo.Resultaat, landelijk_client: Client
) -> None:
    # Drenthe: 12 gemeenten, 1 peildatum. Noord-Brabant: 56 gemeenten, 2 peildata (tests) —
    # then two more monthly peildata for every gemeente outside Drenthe.
    drenthe = _queries(landelijk_client, "/?provincie=PV22")
    brabant = _queries(landelijk_client, "/?provincie=PV30")
    assert brabant == drenthe
    trends_drenthe = _queries(landelijk_client, "/trends/?provincie=PV22")
    assert _queries(landelijk_client, "/trends/?provincie=PV30") == trends_drenthe
    overzicht = _queries(landelijk_client, "/landelijk/")
    extra = demo.laad(zaad=demo.STANDAARD_ZAAD, maanden=4, met_drenthe=False)
    assert extra.wijzigingen["realisaties"] == 330 * 3 * 2
    assert _queries(landelijk_client, "/?provincie=PV30") == drenthe
    assert _queries(landelijk_client, "/trends/?provincie=PV30") == trends_drenthe
    assert _queries(landelijk_client, "/landelijk/") == overzicht


def test_the_national_overview_reads_all_provincies_at_once(
    drenthe: Provincie, landelijk_client: Client
) -> None:
    """/landelijk/ with figures in one provincie (Drenthe, the session's demo) and with
    figures in all twelve (the national demo loaded in this test): the same number of
    queries, and the provincies' Stand van zaken in one go reads no more for twelve than for
    one, and gives what each provincie's own page shows."""
    een = _queries(landelijk_client, "/landelijk/")
    demo.laad(zaad=demo.STANDAARD_ZAAD, maanden=2, met_drenthe=False)
    assert _queries(landelijk_client, "/landelijk/") == een
    html = landelijk_client.get("/landelijk/").content.decode()
    assert html.count(">synthetisch</td>") == 11 + 1

    alle = list(Provincie.objects.order_by("naam"))
    assert len(alle) == 12
    peildatum = dt.date(2025, 11, 1)
    with CaptureQueriesContext(connection) as voor_een:
        queries.bereken_standen([drenthe], peildatum)
    with CaptureQueriesContext(connection) as voor_twaalf:
        samen = queries.bereken_standen(alle, peildatum)
    assert len(voor_twaalf) == len(voor_een)
    # Computed together or each on its own: the same Stand van zaken, to the last cell.
    for provincie, stand in zip(alle, samen, strict=True):
        assert stand == queries.bereken_stand_van_zaken(provincie, peildatum), provincie.naam
    for provincie, stand in zip(alle, queries.bereken_standen(alle), strict=True):
        assert stand == queries.bereken_stand_van_zaken(provincie), provincie.naam


def test_the_trivial_view_does_no_database_work_beyond_session_and_user(landelijk_client) -> None:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as ctx:
        antwoord = landelijk_client.get("/landelijk/ping/")
    assert antwoord.status_code == 200
    assert antwoord.content == b"ok minister\n"
    tabellen = {q["sql"].split('FROM "')[1].split('"')[0] for q in ctx.captured_queries}
    assert tabellen == {"django_session", "accounts_gebruiker"}


def test_etag_gives_304_until_the_data_changes(landelijk_klein, landelijk_client) -> None:  # type: ignore[no-untyped-def]
    eerste = landelijk_client.get("/landelijk/")
    assert "private" in eerste["Cache-Control"] and "no-cache" in eerste["Cache-Control"]
    etag = eerste["ETag"]
    assert landelijk_client.get("/landelijk/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    registreer_realisatie(
        door=None,
        gemeente=Gemeente.objects.get(naam="Eindhoven"),
        soort="regulier",
        peildatum=dt.date(2025, 11, 1),
        aantal=12345,
        bron="test",
    )
    assert landelijk_client.get("/landelijk/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_stand_is_computed_once_per_data_version(landelijk_klein, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(gegevensversie, "CACHE_IN_TRANSACTIE", True)
    from django.core.cache import cache

    cache.clear()
    brabant = Provincie.objects.get(code="PV30")
    eerste = queries.stand_van_zaken(brabant, dt.date(2025, 11, 1))
    with CaptureQueriesContext(connection) as ctx:
        tweede = queries.stand_van_zaken(brabant, dt.date(2025, 11, 1))
    assert len(ctx.captured_queries) == 1  # the data version only
    assert tweede == eerste
    eindhoven = Gemeente.objects.get(naam="Eindhoven")
    registreer_realisatie(
        door=None,
        gemeente=eindhoven,
        soort="regulier",
        peildatum=dt.date(2025, 11, 1),
        aantal=12345,
        bron="test",
    )
    derde = queries.stand_van_zaken(brabant, dt.date(2025, 11, 1))
    rij = next(r for r in derde.rijen if r.gemeente.pk == eindhoven.pk)
    assert rij.cellen[1].realisatie == 12345
    cache.clear()


def test_the_rendered_page_is_kept_until_the_data_changes(  # type: ignore[no-untyped-def]
    landelijk_klein, landelijk_client, monkeypatch
) -> None:
    from django.core.cache import cache

    monkeypatch.setattr(gegevensversie, "CACHE_IN_TRANSACTIE", True)
    cache.clear()
    eerste = landelijk_client.get("/landelijk/").content
    with CaptureQueriesContext(connection) as ctx:
        tweede = landelijk_client.get("/landelijk/").content
    assert tweede == eerste
    tabellen = {q["sql"].split('FROM "')[1].split('"')[0] for q in ctx.captured_queries}
    assert tabellen == {"django_session", "accounts_gebruiker", "audit_historiekop"}
    registreer_realisatie(
        door=None,
        gemeente=Gemeente.objects.get(naam="Eindhoven"),
        soort="regulier",
        peildatum=dt.date(2025, 11, 1),
        aantal=12345,
        bron="test",
    )
    assert landelijk_client.get("/landelijk/").content != eerste
    cache.clear()
