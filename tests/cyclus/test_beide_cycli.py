"""Both cycles side by side (issue 18.6): the Stand van zaken, its documents, the trends, the
map, toezicht and the national overview compare regulier and AMV with the opgave of the cyclus
in force on the peildatum, and offer the other Spreidingswet cyclus that applies then (its
numbers published, not ended) with ``?cyclus=JAAR``. Where only one applies nothing changes
(``test_eerste_cyclus_ongewijzigd`` compares the first cyclus' pages before and after)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from regietafel.aanlevering.services import importeer_verdeelbesluit
from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.kaart.queries import kaart_gegevens
from regietafel.landelijk.queries import landelijk
from regietafel.monitoring.queries import bereken_stand_van_zaken, bereken_trends
from regietafel.monitoring.services import registreer_realisatie
from regietafel.opgaven.models import Soort, Stadium
from regietafel.rapportage import bouwen
from regietafel.toezicht.queries import overzicht
from tests.cyclus.factories import INDICATIEF_2026, OPGAVE_2026, cyclus_2026, indicatief_2026
from tests.cyclus.tekst import document_tekst

pytestmark = pytest.mark.django_db

MAART = dt.date(2026, 3, 1)
"""After the minister published the second cyclus' numbers (27-02-2026)."""
NOV = dt.date(2025, 11, 1)
KLOK = dt.datetime(2026, 3, 20, 9, tzinfo=dt.UTC)

REGULIER_2026 = sum(r for r, _ in INDICATIEF_2026.values())
AMV_2026 = sum(a for _, a in INDICATIEF_2026.values())


@pytest.fixture
def tweede(drenthe: Provincie) -> Provincie:
    """The second cyclus' indicative numbers for Drenthe, and a figure of March 2026."""
    indicatief_2026(drenthe)
    assen = Gemeente.objects.get(naam="Assen")
    with time_machine.travel(KLOK, tick=False):
        registreer_realisatie(
            door=None, gemeente=assen, soort=Soort.REGULIER, peildatum=MAART, aantal=1000
        )
        registreer_realisatie(
            door=None, gemeente=assen, soort=Soort.AMV, peildatum=MAART, aantal=30
        )
    return drenthe


def _kolom(stand: Any, soort: str) -> Any:
    return next(k for k in stand.kolommen if k.soort == soort)


def _cel(stand: Any, gemeente: str, soort: str) -> Any:
    i = [k.soort for k in stand.kolommen].index(soort)
    return next(r for r in stand.rijen if r.gemeente.naam == gemeente).cellen[i]


def _besluit(provincie: Provincie, tmp_path: Path, geldig_vanaf: dt.date) -> None:
    pad = tmp_path / "verdeelbesluit.csv"
    pad.write_text("gemeente;amv;regulier;totaal\nAssen;40;1100;1140\nEmmen;39;413;452\n")
    s = importeer_verdeelbesluit(
        pad, door=None, cyclus=cyclus_2026(), provincie=provincie, geldig_vanaf=geldig_vanaf
    )
    assert not s.fouten, s.fouten


# ------------------------------------------------------------------ the Stand van zaken


def test_before_the_numbers_were_published_only_the_first_cyclus_applies(tweede: Provincie) -> None:
    stand = bereken_stand_van_zaken(tweede, NOV)
    assert stand.cyclus_keuze is not None
    assert [c.jaar for c in stand.cyclus_keuze.keuzes] == [2024]
    assert not stand.cyclus_keuze.te_kiezen
    assert _kolom(stand, Soort.REGULIER).cyclus.jaar == 2024


def test_after_publication_both_apply_and_the_one_in_force_is_the_default(
    tweede: Provincie,
) -> None:
    stand = bereken_stand_van_zaken(tweede, MAART)
    keuze = stand.cyclus_keuze
    assert keuze is not None and keuze.te_kiezen
    assert [c.jaar for c in keuze.keuzes] == [2024, 2026]
    assert keuze.in_kracht.jaar == 2024 and keuze.gekozen is None
    reg = _kolom(stand, Soort.REGULIER)
    assert (reg.cyclus.jaar, reg.stadium) == (2024, Stadium.VASTGESTELD)
    # The first cyclus' verdeelbesluit for Assen (seed 003: 1.000) against its figure of March.
    assen = _cel(stand, "Assen", Soort.REGULIER)
    assert (assen.opgave, assen.realisatie, assen.verschil) == (1000, 1000, 0)


def test_the_second_cyclus_chosen_gives_its_opgave_and_leaves_oekraine_alone(
    tweede: Provincie,
) -> None:
    standaard = bereken_stand_van_zaken(tweede, MAART)
    stand = bereken_stand_van_zaken(tweede, MAART, cyclus=2026)
    assert stand.cyclus_keuze is not None and stand.cyclus_keuze.gekozen == cyclus_2026()
    reg, amv = _kolom(stand, Soort.REGULIER), _kolom(stand, Soort.AMV)
    assert (reg.cyclus.jaar, reg.stadium, amv.stadium) == (2026, "indicatief", "indicatief")
    assert (reg.totaal.opgave, amv.totaal.opgave) == (REGULIER_2026, AMV_2026)
    assert _cel(stand, "Assen", Soort.REGULIER).opgave == INDICATIEF_2026["Assen"][0]
    assert _cel(stand, "Assen", Soort.REGULIER).verschil == 1000 - INDICATIEF_2026["Assen"][0]
    assert [po.aantal for po in reg.provinciale_opgaven] == [OPGAVE_2026[0]]
    # The Oekraïne column is the one in force, as without the choice.
    assert _kolom(stand, Soort.OEKRAINE) == _kolom(standaard, Soort.OEKRAINE)


def test_a_cyclus_that_does_not_apply_is_explained_and_the_default_shown(
    tweede: Provincie,
) -> None:
    stand = bereken_stand_van_zaken(tweede, NOV, cyclus=2026)
    assert stand.cyclus_keuze is not None and stand.cyclus_keuze.gekozen is None
    assert stand.cyclus_keuze.melding == (
        "De cyclus 2026 is op 01-11-2025 niet van toepassing (van toepassing: 2024); de "
        "tabellen vergelijken met de cyclus in kracht (2024)."
    )
    assert stand.kolommen == bereken_stand_van_zaken(tweede, NOV).kolommen


def test_the_page_offers_the_choice_and_says_what_it_compares(tweede: Provincie) -> None:
    lezer = Client()
    lezer.force_login(Gebruiker.objects.get(username="lezer"))
    standaard = lezer.get("/?peildatum=2026-03-01").content.decode()
    assert '<select class="utrecht-select" id="cyclus" name="cyclus">' in standaard
    assert re.search(r'<option value="" selected>2024: Spreidingswet [^<]+\(in kracht\)', standaard)
    assert '<option value="2026">2026: Spreidingswet 2027–2028 (tweede cyclus)' in standaard
    assert "Andere cyclus" not in standaard

    html = lezer.get("/?peildatum=2026-03-01&cyclus=2026").content.decode()
    assert (
        '<h1 class="utrecht-heading-1">Stand van zaken Drenthe per 01-03-2026, opgave cyclus 2026</h1>'
        in html
    )
    assert '<option value="2026" selected>' in html
    assert "Andere cyclus" in html and "niet die van de cyclus in kracht" in html
    assert '<span class="kolom-sub">27/28</span>' in html
    # The report buttons keep the choice.
    assert "peildatum=2026-03-01&amp;cyclus=2026" in html
    # A page where only one cyclus applies has no choice.
    assert 'name="cyclus"' not in lezer.get("/?peildatum=2025-11-01").content.decode()


@pytest.mark.parametrize(
    ("query", "melding"),
    [
        ("cyclus=2026", "De cyclus 2026 is op 01-11-2025 niet van toepassing"),
        ("cyclus=%3D1%2B1", "De cyclus ‘=1+1’ is geen jaartal"),
        ("cyclus=99999999999999999999", "is geen jaartal"),
    ],
)
def test_a_bad_choice_is_a_dutch_message_not_an_error(
    tweede: Provincie, lezer: Client, query: str, melding: str
) -> None:
    antwoord = lezer.get(f"/?peildatum=2025-11-01&{query}")
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode().replace("&#x27;", "'")


def test_the_choice_costs_no_query_more(
    tweede: Provincie, lezer: Client, django_assert_max_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as standaard:
        assert lezer.get("/?peildatum=2026-03-01").status_code == 200
    with django_assert_max_num_queries(len(standaard)):
        assert lezer.get("/?peildatum=2026-03-01&cyclus=2026").status_code == 200


def test_the_verdeelbesluit_is_the_opgave_on_a_peildatum_in_its_cyclus(
    tweede: Provincie, tmp_path: Path
) -> None:
    """Done when: importing a verdeelbesluit makes it the opgave on the Stand van zaken."""
    _besluit(tweede, tmp_path, dt.date(2027, 1, 1))
    stand = bereken_stand_van_zaken(tweede, dt.date(2027, 1, 1))
    reg = _kolom(stand, Soort.REGULIER)
    assert (reg.cyclus.jaar, reg.stadium) == (2026, Stadium.VASTGESTELD)
    assert _cel(stand, "Assen", Soort.REGULIER).opgave == 1100
    assert _cel(stand, "Assen", Soort.AMV).opgave == 40
    assert _cel(stand, "Tynaarlo", Soort.REGULIER).opgave == 0  # not in the besluit
    assert reg.provinciale_opgave.aantal == 1100 + 413
    assert [c.jaar for c in stand.cyclus_keuze.keuzes] == [2026]  # the first has ended
    # In March 2026 the second cyclus chosen is its verdeelbesluit too.
    gekozen = bereken_stand_van_zaken(tweede, MAART, cyclus=2026)
    assert _kolom(gekozen, Soort.REGULIER).stadium == Stadium.VASTGESTELD


# ------------------------------------------------------------------ documents


def test_the_documents_follow_the_choice(tweede: Provincie) -> None:
    tekst = document_tekst(bouwen.stand_document(tweede, MAART, cyclus=2026))
    assert "Opgave van de cyclus: 2026 (Spreidingswet 2027–2028 (tweede cyclus))" in tekst
    assert "Deze stand toont de opgave regulier en AMV van de cyclus 2026" in tekst
    assert "Opgave (27/28)" in tekst
    standaard = document_tekst(bouwen.stand_document(tweede, MAART))
    assert "cyclus 2026" not in standaard and "Opgave (25/26)" in standaard
    assert document_tekst(bouwen.stand_document(tweede, MAART, cyclus=2024)) == standaard


def test_rapport_stand_van_zaken_takes_a_cyclus(tweede: Provincie, tmp_path: Path) -> None:
    uit = io.StringIO()
    pad = tmp_path / "stand.xlsx"
    call_command(
        "rapport",
        "stand-van-zaken",
        "--provincie",
        "Drenthe",
        "--peildatum",
        "2026-03-01",
        "--cyclus",
        "2026",
        "--format",
        "xlsx",
        "-o",
        str(pad),
        stdout=uit,
    )
    assert "opgave cyclus 2026" in uit.getvalue() and pad.stat().st_size > 0
    with pytest.raises(CommandError, match="De cyclus 2026 is voor Drenthe op 2025-11-01 niet"):
        call_command(
            "rapport",
            "stand-van-zaken",
            "--provincie",
            "Drenthe",
            "--peildatum",
            "2025-11-01",
            "--cyclus",
            "2026",
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "x.pdf"),
        )


def test_the_download_keeps_the_choice(tweede: Provincie, settings: Any, tmp_path: Path) -> None:
    from tests.taken.hulp import haal

    settings.MEDIA_ROOT = tmp_path / "media"
    secretariaat = Client()
    secretariaat.force_login(Gebruiker.objects.get(username="secretariaat"))
    voorbeeld = secretariaat.get("/rapportage/stand-van-zaken/?peildatum=2026-03-01&cyclus=2026")
    assert voorbeeld.status_code == 200
    assert "Opgave van de cyclus" in voorbeeld.content.decode()
    antwoord = haal(
        secretariaat, "/rapportage/stand-van-zaken/xlsx/?peildatum=2026-03-01&cyclus=2026"
    )
    assert antwoord.status_code == 200
    assert "cyclus-2026" in antwoord["Content-Disposition"]
    niet = secretariaat.get("/rapportage/stand-van-zaken/xlsx/?peildatum=2025-11-01&cyclus=2026")
    assert niet.status_code == 404


# ------------------------------------------------------------------ trends, map, toezicht, landelijk


def test_trends_follow_the_chosen_cyclus_where_it_applies(tweede: Provincie, lezer: Client) -> None:
    standaard = bereken_trends(tweede)
    t = bereken_trends(tweede, cyclus=2026)
    assert [c.jaar for c in t.cycli] == [2024, 2026] and t.gekozen == cyclus_2026()
    reg = next(s for s in t.soorten if s.soort == Soort.REGULIER)
    reg_standaard = next(s for s in standaard.soorten if s.soort == Soort.REGULIER)
    maart = next(p for p in reg.punten if p.peildatum == MAART)
    # The sum of the gemeenten's indicative numbers (each compared with its latest figure).
    assert (maart.opgave, maart.provinciale_opgave) == (REGULIER_2026, OPGAVE_2026[0])
    reg_maart = next(p for p in reg_standaard.punten if p.peildatum == MAART)
    assert reg_maart.opgave != REGULIER_2026  # the default: the first cyclus' opgave
    # Before the publication the points are the default's.
    assert [p for p in reg.punten if p.peildatum < MAART] == [
        p for p in reg_standaard.punten if p.peildatum < MAART
    ]
    html = lezer.get("/trends/?cyclus=2026").content.decode()
    assert '<option value="2026" selected>' in html and "Andere cyclus" in html
    assert "Andere cyclus" not in lezer.get("/trends/").content.decode()
    assert "De cyclus 2030 is op geen van deze peildata van toepassing" in (
        lezer.get("/trends/?cyclus=2030").content.decode()
    )


def test_the_map_compares_with_the_chosen_cyclus(tweede: Provincie, lezer: Client) -> None:
    kaart = kaart_gegevens(Soort.REGULIER, [tweede.pk], cyclus=2026)
    assert kaart.gekozen == cyclus_2026() and [c.jaar for c in kaart.cycli] == [2024, 2026]
    assen = next(r for r in kaart.rijen if r.gemeente.naam == "Assen")
    assert (assen.opgave, assen.realisatie) == (INDICATIEF_2026["Assen"][0], 1000)
    assert kaart.provincies[0].cyclus == cyclus_2026()
    standaard = kaart_gegevens(Soort.REGULIER, [tweede.pk])
    assert next(r for r in standaard.rijen if r.gemeente.naam == "Assen").opgave == 1000
    html = lezer.get("/kaart/?soort=regulier").content.decode()
    assert 'name="cyclus"' in html
    # The Oekraïne map has no Spreidingswet cyclus to choose.
    assert 'name="cyclus"' not in lezer.get("/kaart/").content.decode()
    assert "Andere cyclus" in lezer.get("/kaart/?soort=regulier&cyclus=2026").content.decode()


def test_toezicht_follows_the_vastgestelde_opgave_of_the_chosen_cyclus(
    tweede: Provincie, tmp_path: Path, secretariaat: Client
) -> None:
    # By default the first cyclus' verdeelbesluit (seed 003): Assen has realised its 1.000.
    standaard = {r.gemeente.naam: r for r in overzicht(tweede).rijen}
    eerste = standaard["Assen"].tekort(Soort.REGULIER) if "Assen" in standaard else None
    assert eerste is None or (eerste.opgave, eerste.verschil) == (1000, 0)
    _besluit(tweede, tmp_path, dt.date(2026, 12, 31))
    o = overzicht(tweede, cyclus=2026)
    assert o.cyclus_keuze is not None and o.cyclus_keuze.gekozen == cyclus_2026()
    assen = next(r for r in o.rijen if r.gemeente.naam == "Assen")
    tekort = assen.tekort(Soort.REGULIER)
    assert tekort is not None and (tekort.opgave, tekort.verschil) == (1100, -100)
    html = secretariaat.get("/toezicht/?cyclus=2026").content.decode()
    assert "Andere cyclus" in html and '<option value="2026" selected>' in html


def test_landelijk_chooses_the_cyclus_too(tweede: Provincie) -> None:
    o = landelijk(MAART, 2026)
    assert o.gekozen == cyclus_2026() and o.te_kiezen
    drenthe = next(r for r in o.rijen if r.provincie == tweede)
    regulier = drenthe.soorten[1]
    assert regulier.opgave == REGULIER_2026
    superuser = Client()
    superuser.force_login(Gebruiker.objects.create(username="super", is_superuser=True))
    html = superuser.get("/landelijk/?peildatum=2026-03-01&cyclus=2026").content.decode()
    assert "Andere cyclus" in html and "cyclus=2026" in html
