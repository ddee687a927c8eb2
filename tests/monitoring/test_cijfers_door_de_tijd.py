"""Figures right at every date and in every delivery state (issue 16, points 2, 3 and 6).

The Assen scenario found on main: gemeente Assen submits Oekraïne 830 for 01-01-2026, the
secretariaat approves; the other eleven gemeenten have not delivered for that month. Nothing may
then show them at 0 or call them a tekort: not the Stand van zaken, its PDF, /toezicht/,
/kaart/, the export or the API. And "the stand per X as known on Y" from the history.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from regietafel.aanlevering.services import importeer_realisatie
from regietafel.accounts.models import Gebruiker
from regietafel.audit import gegevensversie
from regietafel.demo import drenthe as bron
from regietafel.domain.laatst_bekend import Status
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.kaart.klassen import NIET_AANGELEVERD
from regietafel.kaart.queries import kaart_gegevens
from regietafel.kaart.svg import tooltip
from regietafel.monitoring import queries
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.queries import stand_van_zaken
from regietafel.monitoring.services import dien_in, keur_goed
from regietafel.opgaven.models import Cyclus, Opgave, Soort, Stadium
from regietafel.rapportage import bouwen
from regietafel.rapportage.uitvoer import genereer
from regietafel.toezicht.queries import overzicht

pytestmark = pytest.mark.django_db

NOV_2025, JAN_2026 = dt.date(2025, 11, 1), dt.date(2026, 1, 1)
SOORTEN = ("oekraine", "regulier", "amv")


def _api(gebruikersnaam: str) -> Client:
    from tests.api.conftest import api_client

    return api_client(gebruikersnaam)


def _assen_levert_in() -> None:
    """Assen submits Oekraïne 830 (and regulier 1.000, AMV 0) for 01-01-2026; approved."""
    assen = Gemeente.objects.get(naam="Assen")
    with time_machine.travel(dt.datetime(2026, 1, 20, 10, 0, tzinfo=dt.UTC), tick=False):
        inzending = dien_in(
            door=Gebruiker.objects.get(username="gemeente-assen"),
            gemeente=assen,
            peildatum=JAN_2026,
            aantallen={"oekraine": 830, "regulier": 1000, "amv": 0},
        )
        keur_goed(door=Gebruiker.objects.get(username="secretariaat"), inzending=inzending)


def _pagina(client: Client, url: str) -> str:
    """The page's HTML without the white space around tags."""
    antwoord = client.get(url)
    assert antwoord.status_code == 200, url
    return re.sub(r"\s+<", "<", re.sub(r">\s+", ">", antwoord.content.decode()))


def _pdf_tekst(inhoud: bytes) -> str:
    from pypdf import PdfReader

    tekst = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)
    return re.sub(r"\s+", " ", tekst.replace("\u00a0", " "))


def test_the_assen_scenario_no_false_tekort_anywhere(drenthe: Provincie, lezer: Client) -> None:
    toezicht_voor = {r.gemeente.naam for r in overzicht(drenthe).rijen}
    _assen_levert_in()

    # The rule: Assen 830 of 01-01-2026, the eleven others their figure of 01-11-2025.
    stand = stand_van_zaken(drenthe, JAN_2026)
    november = stand_van_zaken(drenthe, NOV_2025)
    assert not stand.volledig and november.volledig
    for rij, rij_nov in zip(stand.rijen, november.rijen, strict=True):
        for soort, cel, cel_nov in zip(SOORTEN, rij.cellen, rij_nov.cellen, strict=True):
            if rij.gemeente.naam == "Assen":
                assert cel.status is Status.ACTUEEL and cel.realisatie_peildatum == JAN_2026
                continue
            assert cel.status is not Status.NIET_AANGELEVERD, (rij.gemeente.naam, soort)
            assert cel.realisatie_peildatum is not None and cel.realisatie_peildatum <= NOV_2025
            # the same figure, opgave and verschil as on 01-11-2025: no tekort from a missing one
            assert (cel.realisatie, cel.opgave, cel.verschil) == (
                cel_nov.realisatie,
                cel_nov.opgave,
                cel_nov.verschil,
            ), (rij.gemeente.naam, soort)
    oekraine = stand.kolommen[0]
    assert (oekraine.totaal.opgave, oekraine.totaal.realisatie) == (5648, 4978 - 822 + 830)
    assert oekraine.totaal.verschil == 4986 - 5648  # not 830 − 5.648 = −4.818
    assert oekraine.dekking.tekst == "1 van 12 gemeenten actueel per 01-01-2026"
    assert [(k.totaal.realisatie, k.totaal.verschil) for k in stand.kolommen[1:]] == [
        (3819, 5),
        (191, -150),
    ]

    # The dashboard still opens on 01-11-2025 (complete), with a link to the partial stand.
    html = _pagina(lezer, "/")
    assert "Stand van zaken Drenthe per 01-11-2025</h1>" in html
    assert "Nieuwere, nog onvolledige stand" in html
    assert 'href="?peildatum=2026-01-01">01-01-2026 (1 van 12 gemeenten)</a>' in html
    assert '<option value="2025-11-01" selected>' in html

    # The page of 01-01-2026: Assen 830, every other gemeente with its figure and its date.
    html = _pagina(lezer, "/?peildatum=2026-01-01")
    assert "Stand van zaken Drenthe per 01-01-2026</h1>" in html
    assert "Nog onvolledig" in html
    assert "1 van 12 gemeenten actueel per 01-01-2026 (11 met een oudere stand)" in html
    assert "4.986" in html and "−662" in html
    assert "4.818" not in html and "2.814" not in html and "−341" not in html
    assert html.count('<td class="utrecht-table__cell">01-11-2025</td>') >= 11 * 2
    assert "niet aangeleverd</td>" not in html
    tabel = html.split('data-tabel="Verdeling"')[1].split("</table>")[0]
    for naam, (oek, _reg, _amv) in bron.REALISATIE_2025_11.items():
        if naam != "Assen":
            rij_html = tabel.split(f">{naam}</a></th>")[1].split("</tr>")[0]
            assert f">{oek:,}</td>".replace(",", ".") in rij_html and "01-11-2025" in rij_html, naam

    # The PDF writes the sentence over what is known, not over 830 alone.
    pdf, _ = genereer(bouwen.stand_document(drenthe, JAN_2026), "pdf")
    tekst = _pdf_tekst(pdf)
    assert "Er zijn 4.986 plekken gerealiseerd volgens de laatst bekende cijfers" in tekst
    assert "1 van de 12 gemeenten per 1 januari 2026, 11 met een oudere stand" in tekst
    assert "een tekort van 662 plekken" in tekst
    assert "830 plekken gerealiseerd" not in tekst and "4.818" not in tekst
    assert "Aa en Hunze 430 431 01-11-2025 +1" in tekst

    # /toezicht/: the same gemeenten as before Assen delivered, each figure with its date.
    na = overzicht(drenthe)
    assert {r.gemeente.naam for r in na.rijen} == toezicht_voor
    assert na.peildatum == JAN_2026
    for r in na.rijen:
        if r.gemeente.naam != "Assen":
            assert r.cijfers_per.startswith(("01-11-2025", "regulier 01-11-2025")), r.cijfers_per
    tynaarlo = next(r for r in na.rijen if r.gemeente.naam == "Tynaarlo")
    assert tynaarlo.tekort("regulier").verschil == -100  # type: ignore[union-attr]
    toezicht = _pagina(lezer, "/toezicht/")
    assert "Cijfers per" in toezicht and "01-11-2025" in toezicht

    # /kaart/: no gemeente at 0 % or "niet aangeleverd"; the older figures carry their date.
    kaart = _pagina(lezer, "/kaart/")
    klassen = dict(
        re.findall(r'href="/trends/(GM\d{4})/"[^>]*><path class="gemeente (kl-[\w-]+)"', kaart)
    )
    assert len(klassen) == 12 and "kl-ontbreekt" not in klassen.values()
    assert klassen["GM1699"] == "kl-0"  # Noordenveld 181 / 503, as on 01-11-2025
    assert "Aa en Hunze: opgave 430, realisatie 431 (stand 01-11-2025), 100% gerealiseerd" in kaart
    assert "Assen: opgave 792, realisatie 830, 105% gerealiseerd" in kaart
    assert "1 van 12 gemeenten actueel" in kaart

    # The API and the export answer the same, with each figure's own date and status.
    data = _api("lezer").get("/api/v1/stand-van-zaken?peildatum=2026-01-01").json()
    rijen = {g["gemeente"]: g for g in data["gemeenten"]}
    assert rijen["Assen"]["oekraine"]["realisatie"] == 830
    assert rijen["Assen"]["oekraine"]["status"] == "actueel"
    assert rijen["Emmen"]["oekraine"] == {
        "opgave": 996,
        "realisatie": 1004,
        "verschil": 8,
        "realisatie_peildatum": "2025-11-01",
        "status": "ouder",
    }
    assert data["totaal"]["oekraine"]["verschil"] == -662
    assert data["volledig"] is False
    standaard = _api("lezer").get("/api/v1/stand-van-zaken").json()
    assert standaard["peildatum"] == "2025-11-01" and standaard["volledig"] is True


def test_a_gemeente_without_any_figure_has_no_verschil_and_is_no_tekort(
    drenthe: Provincie, lezer: Client
) -> None:
    """A gemeente with an opgave that never delivered: "niet aangeleverd", verschil "–"."""
    nieuw = Gemeente.objects.create(cbs_code="GM9998", naam="Nieuwdorp", provincie=drenthe)
    cyclus = Cyclus.objects.get(code="spreidingswet-2024")
    for soort in (Soort.REGULIER, Soort.AMV):
        Opgave.objects.create(
            cyclus=cyclus, gemeente=nieuw, soort=soort, stadium=Stadium.VASTGESTELD, aantal=75
        )
    stand = stand_van_zaken(drenthe, NOV_2025)
    rij = next(r for r in stand.rijen if r.gemeente == nieuw)
    regulier = rij.cellen[1]
    assert (regulier.opgave, regulier.realisatie, regulier.verschil) == (75, None, None)
    assert regulier.status is Status.NIET_AANGELEVERD and not regulier.tekort
    kolom = stand.kolommen[1]
    assert (kolom.totaal.opgave, kolom.totaal.realisatie, kolom.totaal.verschil) == (
        3814 + 75,
        3819,
        5,  # over the twelve gemeenten with a figure, not −70
    )
    assert kolom.totaal.verschil_tekst == (
        "verschil over de 12 gemeenten met een cijfer; 1 gemeente met een opgave zonder cijfer"
    )
    assert not stand.volledig  # a gemeente with an opgave did not deliver

    html = _pagina(lezer, "/?peildatum=2025-11-01")
    rij_html = html.split(">Nieuwdorp</a></th>")[1].split("</tr>")[0]
    assert "niet aangeleverd" in rij_html and "−75" not in rij_html
    assert "over 12 gemeenten" in html
    assert "Nieuwdorp" not in {r.gemeente.naam for r in overzicht(drenthe).rijen}
    kaart = _pagina(lezer, "/kaart/?soort=regulier")
    # (a made-up gemeente has no boundary to draw: the legend, the table and the tooltip)
    assert "niet aangeleverd<span" in kaart and "(1 gemeente)" in kaart  # the legend
    rij_kaart = kaart.split(">Nieuwdorp</a></th>")[1].split("</tr>")[0]
    assert "niet aangeleverd" in rij_kaart and "0%" not in rij_kaart
    gegevens = kaart_gegevens("regulier", [drenthe.pk])
    nieuwdorp = next(r for r in gegevens.rijen if r.gemeente == nieuw)
    assert nieuwdorp.klasse is NIET_AANGELEVERD
    assert tooltip(nieuwdorp) == "Nieuwdorp: opgave 75, realisatie niet aangeleverd"
    tekst = _pdf_tekst(genereer(bouwen.stand_document(drenthe, NOV_2025), "pdf")[0])
    # no 0 and no −75: a dash for the realisatie, "niet aangeleverd", a dash for the verschil
    # (no Oekraïne opgave nor figure: "–" twice; the missing figure and verschil a "–")
    assert "Nieuwdorp – – 75 – niet aangeleverd – 75 – niet aangeleverd –" in tekst
    assert "(over de 12 gemeenten met een cijfer)" in tekst


def _correctie(tmp_path: Path) -> dt.datetime:
    """Import a correction of Assen's Oekraïne figure per 01-11-2025 (822 → 825), ten days
    after the demo's figures were registered; returns when the old figure was registered."""
    oud = Realisatie.objects.actueel().get(
        gemeente__naam="Assen", soort="oekraine", peildatum=NOV_2025
    )
    pad = tmp_path / "correctie.csv"
    pad.write_text("gemeente;soort;aantal;peildatum\nAssen;oekraine;825;01-11-2025\n", "utf-8")
    later = oud.geregistreerd_op + dt.timedelta(days=10)
    with time_machine.travel(later, tick=False):
        samenvatting = importeer_realisatie(
            pad, door=Gebruiker.objects.get(username="secretariaat")
        )
    assert samenvatting.fouten == []
    return oud.geregistreerd_op


def test_the_stand_as_known_before_a_correction_shows_the_old_figure(
    drenthe: Provincie, lezer: Client, tmp_path: Path, capsys: Any
) -> None:
    geregistreerd = _correctie(tmp_path)
    voor = (geregistreerd + dt.timedelta(days=2)).date()  # after the demo, before the import

    def assen(stand: queries.StandVanZaken) -> int | None:
        return next(r for r in stand.rijen if r.gemeente.naam == "Assen").cellen[0].realisatie

    assert assen(stand_van_zaken(drenthe, NOV_2025)) == 825
    assert assen(stand_van_zaken(drenthe, NOV_2025, voor)) == 822
    # before anything was registered nothing was known: niet aangeleverd, never 0
    leeg = stand_van_zaken(drenthe, NOV_2025, (geregistreerd - dt.timedelta(days=1)).date())
    assert all(c.realisatie is None for r in leeg.rijen for c in r.cellen)

    # the page says so in its heading and shows the old figure
    html = _pagina(lezer, f"/?peildatum=2025-11-01&bekend_op={voor.isoformat()}")
    assert f"Stand van zaken Drenthe per 01-11-2025, zoals bekend op {voor:%d-%m-%Y}</h1>" in html
    assert ">822</td>" in html and ">825</td>" not in html
    assert f"bekend_op={voor.isoformat()}" in html  # the report buttons keep it
    nu = _pagina(lezer, "/?peildatum=2025-11-01")
    assert ">825</td>" in nu and "zoals bekend op" not in nu.split("</h1>")[0]

    # the export contract: --bekend-op
    call_command(
        "export",
        "stand",
        "--provincie",
        "Drenthe",
        "--peildatum",
        "2025-11-01",
        "--bekend-op",
        voor.isoformat(),
    )
    data = json.loads(capsys.readouterr().out)
    assert data["bekend_op"] == voor.isoformat()
    rijen = {g["gemeente"]: g for g in data["gemeenten"]}
    assert rijen["Assen"]["oekraine"]["realisatie"] == 822

    # the API
    antwoord = _api("lezer").get(
        f"/api/v1/stand-van-zaken?peildatum=2025-11-01&bekendOp={voor.isoformat()}"
    )
    assert antwoord.status_code == 200
    rijen = {g["gemeente"]: g for g in antwoord.json()["gemeenten"]}
    assert rijen["Assen"]["oekraine"]["realisatie"] == 822
    fout = _api("lezer").get("/api/v1/stand-van-zaken?bekendOp=gisteren")
    assert fout.status_code == 400 and fout["Content-Type"] == "application/problem+json"
    assert fout.json()["invalidParams"][0]["name"] == "bekendOp"
    assert "geen datum" in fout.json()["invalidParams"][0]["reason"]
    leeg = _api("lezer").get("/api/v1/stand-van-zaken?peildatum=")
    assert leeg.status_code == 400 and leeg.json()["invalidParams"][0]["name"] == "peildatum"
    # without the provincie's figures on that peildatum: a Dutch 404
    niet = _api("lezer").get("/api/v1/stand-van-zaken?peildatum=2019-01-01")
    assert niet.status_code == 404 and "2019" in niet.json()["detail"]

    # the report, as known then
    tekst = _pdf_tekst(genereer(bouwen.stand_document(drenthe, NOV_2025, bekend_op=voor), "pdf")[0])
    assert "Zoals bekend op" in tekst and "Assen 792 822 +30" in tekst


def test_the_cache_key_holds_bekend_op(
    drenthe: Provincie, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.cache import cache

    geregistreerd = _correctie(tmp_path)
    voor = (geregistreerd + dt.timedelta(days=2)).date()
    monkeypatch.setattr(gegevensversie, "CACHE_IN_TRANSACTIE", True)
    cache.clear()
    try:
        nu = stand_van_zaken(drenthe, NOV_2025)
        toen = stand_van_zaken(drenthe, NOV_2025, voor)
        assert nu.rijen[1].cellen[0].realisatie == 825
        assert toen.rijen[1].cellen[0].realisatie == 822
        assert stand_van_zaken(drenthe, NOV_2025).rijen[1].cellen[0].realisatie == 825
    finally:
        cache.clear()


def test_a_bad_bekend_op_is_explained_in_dutch(lezer: Client) -> None:
    antwoord = lezer.get("/?bekend_op=gisteren")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "De datum ‘gisteren’ is geen datum (verwacht JJJJ-MM-DD)" in html
    assert "zoals bekend op" not in html.split("</h1>")[0]


@pytest.mark.parametrize("pad", ["/", "/?peildatum=2025-11-01&bekend_op=2031-01-01"])
def test_query_count_stays_constant_for_the_default_and_as_known_on_a_day(
    lezer: Client, drenthe: Provincie, pad: str, django_assert_max_num_queries: Any
) -> None:
    """No more queries with 42 gemeenten and 38 peildata than with Drenthe's 12 and 2 (the
    default page may open on another peildatum then, with fewer checks to run)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.monitoring.test_stand_van_zaken_view import _vermenigvuldig

    with CaptureQueriesContext(connection) as klein:
        assert lezer.get(pad).status_code == 200
    _vermenigvuldig(drenthe, gemeenten=30, maanden=36)
    with django_assert_max_num_queries(len(klein)):
        html = lezer.get(pad).content.decode()
    assert "Testgemeente 29" in html


def test_the_api_stand_is_scoped_to_the_provincies_a_user_may_read(drenthe: Provincie) -> None:
    from rest_framework.authtoken.models import Token

    from regietafel.accounts.models import Rol

    Provincie.objects.get_or_create(code="PV20", naam="Groningen")
    lezer = _api("lezer")
    assert lezer.get("/api/v1/stand-van-zaken?provincie=Drenthe").status_code == 200
    assert lezer.get("/api/v1/stand-van-zaken?provincie=PV22").status_code == 200
    verboden = lezer.get("/api/v1/stand-van-zaken?provincie=PV20")
    assert (
        verboden.status_code == 404 and "Groningen" not in verboden.json()["detail"].split("„")[0]
    )
    beheerder = Gebruiker.objects.create_user(
        "stand-beheerder", password="x", rol=Rol.BEHEERDER, provincie=None
    )
    token = Token.objects.create(user=beheerder).key
    landelijk = Client(headers={"Authorization": f"Token {token}"})
    zonder = landelijk.get("/api/v1/stand-van-zaken")
    assert zonder.status_code == 400
    assert zonder.json()["invalidParams"][0]["name"] == "provincie"
    assert landelijk.get("/api/v1/stand-van-zaken?provincie=PV22").status_code == 200
    assert Client().get("/api/v1/stand-van-zaken").status_code == 401
