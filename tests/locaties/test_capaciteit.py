"""The capacity projection (page, Excel, CLI), the dashboard warnings and the bonus CLI,
against the figures of seed 001."""

from __future__ import annotations

import io
import json
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.test import Client

from regietafel.gemeenten.models import Provincie
from regietafel.locaties.signalen import signalen

pytestmark = pytest.mark.django_db


def _capaciteit(*args: str) -> str:
    uit = io.StringIO()
    call_command("capaciteit", *args, stdout=uit)
    return uit.getvalue()


def test_cli_json_shows_the_2026_cliff(drenthe: Provincie) -> None:
    data = json.loads(
        _capaciteit(
            "--provincie", "Drenthe", "--van", "2025-11", "--maanden", "24", "--format", "json"
        )
    )
    assert set(data) == {"provincie", "maanden", "aflopend"} and data["provincie"] == "Drenthe"
    assert len(data["maanden"]) == 24
    maand = {m["maand"]: m for m in data["maanden"]}
    assert set(maand["2025-11"]) == {"maand", "regulier", "amv", "oekraine", "overig"}
    # Nov 2025: the realised locations of Bijlage 1 (the three planned AMV locations have no date).
    assert maand["2026-02"] == {
        "maand": "2026-02",
        "regulier": 3185,
        "amv": 191,
        "oekraine": 0,
        "overig": 529,
    }
    # 1-3-2026: Noordenveld's 43 AMV places end.
    assert maand["2026-03"]["amv"] == 148
    # 31-3-2026 Meppel (192 noodopvang) and 1-4-2026 Assen (1.000 regulier).
    assert (maand["2026-04"]["regulier"], maand["2026-04"]["overig"]) == (2185, 337)
    # 31-12-2026: Tynaarlo (250 noodopvang + 28 AMV).
    assert (maand["2027-01"]["overig"], maand["2027-01"]["amv"]) == (87, 120)
    assert data["aflopend"] == [
        {
            "locatie": "AMV-locatie Noordenveld",
            "gemeente": "Noordenveld",
            "tot": "2026-03-01",
            "plaatsen": 43,
        },
        {
            "locatie": "Noodopvang Meppel",
            "gemeente": "Meppel",
            "tot": "2026-03-31",
            "plaatsen": 192,
        },
        {"locatie": "azc Assen", "gemeente": "Assen", "tot": "2026-04-01", "plaatsen": 1000},
        {
            "locatie": "Noodopvang Tynaarlo",
            "gemeente": "Tynaarlo",
            "tot": "2026-12-31",
            "plaatsen": 278,
        },
    ]


def test_cli_window_and_table(drenthe: Provincie) -> None:
    data = json.loads(_capaciteit("--provincie", "drenthe", "--van", "2026-04", "--maanden", "1"))
    assert [m["maand"] for m in data["maanden"]] == ["2026-04"]
    assert data["aflopend"] == [
        {"locatie": "azc Assen", "gemeente": "Assen", "tot": "2026-04-01", "plaatsen": 1000}
    ]
    tekst = _capaciteit(
        "--provincie", "Drenthe", "--van", "2026-03", "--maanden", "2", "--format", "tabel"
    )
    assert "03-2026     3.185  148" in tekst
    assert "01-04-2026  azc Assen (Assen): 1.000 plaatsen" in tekst


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (("--provincie", "Gelre", "--van", "2025-11", "--maanden", "24"), "onbekende provincie"),
        (("--provincie", "Drenthe", "--van", "2025-13", "--maanden", "24"), "geen maand"),
        (("--provincie", "Drenthe", "--van", "11-2025", "--maanden", "24"), "geen maand"),
        (("--provincie", "Drenthe", "--van", "2025-11", "--maanden", "0"), "tussen 1 en"),
        (("--provincie", "Drenthe", "--van", "2025-11", "--maanden", "twee"), "geen aantal"),
    ],
)
def test_cli_errors_exit_2_in_dutch(
    drenthe: Provincie, args: tuple[str, ...], melding: str
) -> None:
    fout = io.StringIO()
    with pytest.raises(SystemExit) as stop:
        call_command("capaciteit", *args, stdout=io.StringIO(), stderr=fout)
    assert stop.value.code == 2
    assert melding in fout.getvalue()


def test_page_per_gemeente_and_excel(lezer: Client, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    html = lezer.get("/locaties/capaciteit/?gemeente=GM0106&van=2026-03").content.decode()
    assert "Capaciteit gemeente Assen" in html
    # The charts by their own URL, drawn when first asked for and stored per content.
    urls = [unescape(u) for u in re.findall(r'<img class="capaciteit-grafiek" src="([^"]+)"', html)]
    assert len(urls) == 2 and all("gemeente=GM0106" in u and "van=2026-03" in u for u in urls)
    grafiek = lezer.get(urls[0])
    assert grafiek["Content-Type"] == "image/svg+xml" and "immutable" in grafiek["Cache-Control"]
    assert grafiek.content.startswith(b'<svg role="img" aria-label="Asielopvang regulier')
    assert b"Assen" in grafiek.content and b"<script" not in grafiek.content
    assert len(list((tmp_path / "media" / "grafieken").rglob("*.svg"))) == 2
    assert lezer.get(urls[1]).content == lezer.get(urls[1]).content
    assert lezer.get(urls[0].replace("/regulier/", "/iets/")).status_code == 404
    assert "1.000" in html and "azc Assen" in html
    from openpyxl import load_workbook

    boek = load_workbook(io.BytesIO(lezer.get("/locaties/capaciteit/excel/?van=2025-11").content))
    ws = boek["Capaciteit"]
    rijen = {ws.cell(row=r, column=1).value: r for r in range(2, 26)}
    assert ws.cell(row=rijen["03-2026"], column=2).value == 3185
    assert ws.cell(row=rijen["04-2026"], column=2).value == 2185
    assert ws.cell(row=rijen["04-2026"], column=7).value == 3814  # vastgestelde opgave regulier
    assert boek["Aflopende contracten"]["A4"].value == "azc Assen"


def test_page_defaults_to_the_latest_peildatum(lezer: Client) -> None:
    html = lezer.get("/locaties/capaciteit/").content.decode()
    assert "24 maanden vanaf 11-2025" in html
    assert "geen maand" in lezer.get("/locaties/capaciteit/?van=nov").content.decode()


def test_dashboard_warns_six_months_ahead(lezer: Client, drenthe: Provincie, settings) -> None:  # type: ignore[no-untyped-def]
    html = lezer.get("/?peildatum=2025-11-01").content.decode()
    assert (
        "Het contract van locatie azc Assen (Assen, 1.000 plaatsen) loopt af op 01-04-2026." in html
    )
    assert "AMV-locatie Noordenveld (Noordenveld, 43 plaatsen) loopt af op 01-03-2026" in html
    assert "Noodopvang Meppel (Meppel, 192 plaatsen) loopt af op 31-03-2026" in html
    assert "Noodopvang Tynaarlo" not in html.split("Signalen")[1].split("</section>")[0]
    settings.REGIETAFEL_WAARSCHUWING_MAANDEN = 3
    import datetime as dt

    teksten = [
        s.tekst for s in signalen(drenthe, dt.date(2025, 11, 1)) if s.ernst == "waarschuwing"
    ]
    assert len(teksten) == 0  # 1-2-2026 is the horizon: nothing ends before
    settings.REGIETAFEL_WAARSCHUWING_MAANDEN = 14
    teksten = [
        s.tekst for s in signalen(drenthe, dt.date(2025, 11, 1)) if s.ernst == "waarschuwing"
    ]
    assert len(teksten) == 4 and "Tynaarlo" in teksten[-1]


def test_signals_run_a_constant_number_of_queries(
    drenthe: Provincie, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    with django_assert_num_queries(1):
        signalen(drenthe, dt.date(2025, 11, 1))


def test_bonus_cli_matches_the_verslag(drenthe: Provincie) -> None:
    uit = io.StringIO()
    call_command(
        "bonus", "--provincie", "Drenthe", "--cyclus", "2024", "--format", "json", stdout=uit
    )
    data = json.loads(uit.getvalue())
    assert set(data) == {"spuk1", "spuk2", "spuk3", "totaal"}
    assert data["spuk1"]["totaal"] == 3_084_000
    assert data["spuk2"]["totaal"] == 682_000
    assert data["spuk3"]["totaal"] == 983_686
    assert data["spuk1"]["gemeenten"]["Assen"] == 1_280_000  # (1.000 − 360) × € 2.000
    assert (
        data["spuk3"]["gemeenten"]["Emmen"] == 404_064 and data["spuk1"]["gemeenten"]["Emmen"] == 0
    )
    for regeling in ("spuk1", "spuk2", "spuk3"):
        assert sum(data[regeling]["gemeenten"].values()) == data[regeling]["totaal"]
    assert data["totaal"] == 3_084_000 + 682_000 + 983_686


def test_bonus_cli_errors(drenthe: Provincie) -> None:
    for args, melding in (
        (("--provincie", "Drenthe", "--cyclus", "2030"), "Onbekende cyclus 2030"),
        (("--provincie", "Gelre", "--cyclus", "2024"), "Onbekende provincie"),
        (("--provincie", "Drenthe", "--cyclus", "24"), "geen jaartal"),
    ):
        fout = io.StringIO()
        with pytest.raises(SystemExit) as stop:
            call_command("bonus", *args, stdout=io.StringIO(), stderr=fout)
        assert stop.value.code == 2 and melding in fout.getvalue()


def test_provincie_is_the_sum_of_its_gemeenten(drenthe: Provincie) -> None:
    import datetime as dt

    from regietafel.gemeenten.models import Gemeente
    from regietafel.locaties.queries import capaciteit

    van = dt.date(2025, 11, 1)
    provincie = capaciteit(drenthe, van, 24)
    per_gemeente = [
        capaciteit(drenthe, van, 24, g) for g in Gemeente.objects.filter(provincie=drenthe)
    ]
    for i, m in enumerate(provincie.maanden):
        assert sum(c.maanden[i].plaatsen.totaal for c in per_gemeente) == m.plaatsen.totaal
        assert sum(c.maanden[i].opgave.regulier or 0 for c in per_gemeente) == (
            m.opgave.regulier or 0
        )
    assert provincie.maanden[0].opgave.regulier == 3814  # vastgesteld (verdeelbesluit 2024)
    assert provincie.maanden[0].opgave.amv == 341
    assert (
        provincie.maanden[14].opgave.regulier is None
    )  # 01-2027: no opgave of the second cycle yet
    assert sum(len(c.aflopend) for c in per_gemeente) == len(provincie.aflopend) == 4


def test_no_false_oekraine_tekort_without_oekraine_places_in_the_register(
    drenthe: Provincie,
) -> None:
    import datetime as dt

    from regietafel.locaties.models import Locatie
    from regietafel.locaties.queries import capaciteit, projectie_tabel

    van = dt.date(2025, 11, 1)
    tabel = projectie_tabel(capaciteit(drenthe, van, 3))
    eerste = dict(zip((k.groep + " " + k.kop for k in tabel.kolommen), tabel.rijen[0], strict=True))
    assert eerste["Oekraïense ontheemden Opgave"] == 5648
    assert eerste["Oekraïense ontheemden Verschil"] is None
    assert "geen plaatsen voor Oekraïense ontheemden" in tabel.bijschrift

    Locatie.objects.filter(naam="azc Assen").update(plaatsen_oekraine=100)
    tabel = projectie_tabel(capaciteit(drenthe, van, 3))
    eerste = dict(zip((k.groep + " " + k.kop for k in tabel.kolommen), tabel.rijen[0], strict=True))
    assert eerste["Oekraïense ontheemden Verschil"] == 100 - 5648


def test_the_page_runs_the_same_queries_with_more_gemeenten_locaties_and_peildata(
    lezer: Client, drenthe: Provincie
) -> None:
    """Drenthe's 12 gemeenten, then 20 more with an opgave, a location each and 24 months
    of figures: not one query more (the charts and the opgave per month are computed from
    what the page read)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regietafel.gemeenten.models import Gemeente
    from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
    from tests.monitoring.test_stand_van_zaken_view import _vermenigvuldig

    pad = "/locaties/capaciteit/?van=2025-11"
    with CaptureQueriesContext(connection) as klein:
        assert lezer.get(pad).status_code == 200
    _vermenigvuldig(drenthe, gemeenten=20, maanden=24)
    for i, g in enumerate(Gemeente.objects.filter(naam__startswith="Testgemeente")):
        Locatie.objects.create(
            gemeente=g,
            naam=f"azc {g.naam}",
            type=LocatieType.REGULIER,
            plaatsen_regulier=50 + i,
            status=LocatieStatus.GEREALISEERD,
        )
    with CaptureQueriesContext(connection) as groot:
        html = lezer.get(pad).content.decode()
    assert len(groot.captured_queries) == len(klein.captured_queries)
    assert "Testgemeente 19" in html


def test_the_default_page_runs_the_same_queries_with_more_provincies_gemeenten_and_peildata(
    lezer: Client, drenthe: Provincie
) -> None:
    """Without ``?van`` the projection starts at the newest peildatum (three aggregates, not
    every distinct peildatum): not one query more with 20 more gemeenten with 24 months of
    figures and a location each, nor with another provincie of 15 gemeenten and 30 months."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regietafel.gemeenten.models import Gemeente
    from tests.monitoring.test_stand_van_zaken_view import (
        _andere_provincie,
        _vermenigvuldig,
        met_azc,
    )

    pad = "/locaties/capaciteit/"
    with CaptureQueriesContext(connection) as klein:
        assert lezer.get(pad).status_code == 200
    _vermenigvuldig(drenthe, gemeenten=20, maanden=24)
    met_azc(Gemeente.objects.filter(naam__startswith="Testgemeente"), plaatsen=50)
    _andere_provincie(gemeenten=15, maanden=30)
    with CaptureQueriesContext(connection) as groot:
        html = lezer.get(pad).content.decode()
    assert len(groot.captured_queries) == len(klein.captured_queries)
    assert "Testgemeente 19" in html and "Groninger gemeente" not in html
    # Drenthe's figures end in 2025; the other provincie's later months do not move its start.
    assert 'name="van" value="2025-11"' in html
