"""The PUZZEL of a cyclus: the query (one computed result, constant queries), its JSON and
table, and the CLI `regietafel puzzel`, whose `aanvulling` is exactly `regietafel verdeel`'s
output for the same casus."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regietafel.cyclus.management.commands.puzzel import Command
from regietafel.cyclus.queries import puzzel_van
from regietafel.cyclus.services import ElementInvoer
from regietafel.cyclus.uitvoer import puzzel_json
from regietafel.domain.aanbod import Element
from regietafel.domain.restopgave import Casus
from regietafel.gemeenten.models import Provincie
from tests.conftest import als_console_script
from tests.cyclus.factories import aanbod, cyclus_2026, indicatief_2026, opzet_2026

pytestmark = pytest.mark.django_db


@pytest.fixture
def tweede(drenthe: Provincie) -> Provincie:
    opzet_2026()
    indicatief_2026(drenthe)
    aanbod(
        "Assen",
        [
            {
                "naam": "azc Assen",
                "locatie": "azc Assen",
                "soort": "regulier",
                "plaatsen": 400,
                "beschikbaar_van": dt.date(2017, 3, 1),
                "beschikbaar_tot": dt.date(2036, 4, 1),
            },
            {
                "naam": "AMV Assen",
                "soort": "amv",
                "plaatsen": 28,
                "beschikbaar_van": dt.date(2027, 2, 1),
                "elementen": {Element.BESLUITVORMING: ElementInvoer("raadsbesluit")},
            },
        ],
    )
    aanbod(
        "Emmen",
        [
            {
                "naam": "azc Emmen",
                "locatie": "azc Emmen",
                "soort": "regulier",
                "plaatsen": 675,
                "beschikbaar_van": dt.date(2000, 5, 1),
                "beschikbaar_tot": dt.date(2031, 10, 19),
            },
            {
                "naam": "Nieuw AMV Emmen",
                "soort": "amv",
                "plaatsen": 40,
                "beschikbaar_van": dt.date(2027, 10, 1),
                "elementen": {Element.VOOR_RAMING: ElementInvoer("bouw gestart")},
            },
        ],
    )
    aanbod(
        "Meppel",
        [
            {
                "naam": "Noodopvang Meppel",
                "locatie": "Noodopvang Meppel",
                "soort": "bijzonder",
                "plaatsen": 192,
                "beschikbaar_van": dt.date(2022, 11, 1),
                "beschikbaar_tot": dt.date(2026, 3, 31),
            }
        ],
    )
    aanbod(
        "Tynaarlo", [{"naam": "Plan azc", "soort": "regulier", "plaatsen": 250}], goedkeuren=False
    )
    return drenthe


def test_the_puzzel_of_drenthe_2026(tweede: Provincie) -> None:
    p = puzzel_van(tweede, cyclus_2026())
    pz = p.puzzel
    assert pz.opgave.regulier == 2244 and pz.opgave.amv == 210
    assen, emmen = pz.gemeente("Assen"), pz.gemeente("Emmen")
    assert (assen.aanbod.telt.regulier, assen.aanbod.telt.amv) == (400, 28)
    assert (assen.verschil.regulier, assen.verschil.amv) == (100, 0)
    assert (emmen.aanbod.telt.amv, emmen.aanbod.kansrijk.amv) == (0, 40)
    meppel = pz.gemeente("Meppel")
    assert meppel.aanbod.aangeboden.regulier == 192 and meppel.aanbod.telt.regulier == 0
    assert meppel.aanbod.duurzaam.regulier == 0
    assert not pz.volledig
    codes = {r.code: r for r in pz.redenen}
    assert set(codes) == {
        "regulier_niet_gedekt",
        "amv_niet_gedekt",
        "niet_tijdig",
        "niet_ingediend",
        "ter_beoordeling",
    }
    assert codes["ter_beoordeling"].gemeenten == ("Tynaarlo",)
    assert len(codes["niet_ingediend"].gemeenten) == 8
    # Meppel's noodopvang is not durable: in this cyclus it does not count at all, and that is
    # no reason against the verdict (it simply does not count).
    assert "Meppel" not in codes["regulier_niet_gedekt"].tekst
    # R3: regular rest = 2244 − (400 + 675), AMV rest = 210 − (28 + 40 kansrijk).
    assert p.aanvulling.restopgave.regulier == 2244 - 1075
    assert p.aanvulling.restopgave.amv == 210 - 68
    assert sum(g.extra.regulier for g in p.aanvulling.gemeenten) == 2244 - 1075


def _casus_json(casus: Casus) -> dict[str, Any]:
    """``regietafel verdeel``'s input for a casus."""
    return {
        "provincie": casus.provincie,
        "opgave": {"regulier": casus.opgave_regulier, "amv": casus.opgave_amv},
        "oekraine_totaal": casus.oekraine_totaal,
        "gemeenten": [
            {
                "naam": g.naam,
                "inwoners": g.inwoners,
                "indicatief": {"regulier": g.indicatief_regulier, "amv": g.indicatief_amv},
                "verslag": {"regulier": g.verslag_regulier, "amv": g.verslag_amv},
                "kansrijk": {"regulier": g.kansrijk_regulier, "amv": g.kansrijk_amv},
                "historisch_gemiddelde": g.historisch_gemiddelde,
                "oekraine_plaatsen": g.oekraine_plaatsen,
            }
            for g in casus.gemeenten
        ],
    }


def test_the_cli_json_has_the_issues_shape_and_verdeels_output(
    tweede: Provincie, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    als_console_script(
        Command(), "puzzel", "--provincie", "drenthe", "--cyclus", "2026", "--format", "json"
    )
    uit = json.loads(capsys.readouterr().out)
    assert list(uit) == [
        "provincie",
        "cyclus",
        "opgave",
        "aanbod",
        "volledig",
        "redenen",
        "gemeenten",
        "aanvulling",
    ]
    assert (uit["provincie"], uit["cyclus"]) == ("Drenthe", 2026)
    assert uit["opgave"] == {"regulier": 2244, "amv": 210}
    assert uit["aanbod"]["telt"] == {"regulier": 1075, "amv": 28}
    assert uit["aanbod"]["dekking"] == {"regulier": 47.9, "amv": 13.3}
    assert uit["volledig"] is False and len(uit["redenen"]) == 5
    assen = next(g for g in uit["gemeenten"] if g["naam"] == "Assen")
    assert list(assen) == ["cbs_code", "naam", "indicatief", "aanbod", "verschil", "ingediend"]
    assert assen["cbs_code"] == "GM0106" and assen["ingediend"] is True
    assert assen["verschil"] == {"regulier": 100, "amv": 0}
    tynaarlo = next(g for g in uit["gemeenten"] if g["naam"] == "Tynaarlo")
    assert (tynaarlo["ingediend"], tynaarlo["aanbod"], tynaarlo["verschil"]) == (False, None, None)

    casus = tmp_path / "casus.json"
    casus.write_text(json.dumps(_casus_json(puzzel_van(tweede, cyclus_2026()).casus)))
    call_command("verdeel", str(casus), format="json")
    assert json.loads(capsys.readouterr().out) == uit["aanvulling"]
    assert uit == puzzel_json(puzzel_van(tweede, cyclus_2026()))


def test_the_cli_table(tweede: Provincie, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("puzzel", provincie="Drenthe", cyclus=2026, formaat="tabel")
    tekst = capsys.readouterr().out
    assert "Volledig en uitvoerbaar: nee" in tekst
    assert "Dekking:      regulier 47,9 %, amv 13,3 %" in tekst
    assert "Aanvulling door de minister" in tekst and "Verdeling restopgave — Drenthe" in tekst
    regel = next(r for r in tekst.splitlines() if r.startswith("Assen "))
    assert regel.split() == [
        "Assen",
        "300",
        "28",
        "400",
        "28",
        "400",
        "28",
        "0",
        "0",
        "100",
        "0",
        "ja",
    ]


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (["--provincie", "Atlantis", "--cyclus", "2026"], "Onbekende provincie 'Atlantis'"),
        (["--provincie", "Drenthe", "--cyclus", "2030"], "Onbekende cyclus 2030"),
        (["--provincie", "Drenthe", "--cyclus", "26"], "geen jaartal"),
        (["--provincie", "Drenthe"], "--cyclus"),
    ],
)
def test_the_cli_refuses_in_dutch_with_exit_2(
    drenthe: Provincie, argv: list[str], melding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        als_console_script(Command(), "puzzel", *argv)
    assert exc.value.code == 2
    assert melding in capsys.readouterr().err


def test_queries_do_not_grow_with_gemeenten_and_locations(tweede: Provincie) -> None:
    with CaptureQueriesContext(connection) as weinig:
        puzzel_van(tweede, cyclus_2026())
    for naam in ("Coevorden", "Hoogeveen", "Westerveld", "Noordenveld"):
        aanbod(
            naam,
            [
                {
                    "naam": f"Locatie {i} {naam}",
                    "soort": "regulier",
                    "plaatsen": 10 + i,
                    "elementen": {Element.TOEZEGGING: ElementInvoer("toezegging")},
                }
                for i in range(3)
            ],
        )
    with CaptureQueriesContext(connection) as veel:
        p = puzzel_van(tweede, cyclus_2026())
    assert sum(len(s.regels) for s in p.versies.values()) > 10
    assert len(veel) == len(weinig) <= 12


def test_the_first_cyclus_puzzel_reproduces_the_verdeelbesluit_of_seed_003(
    drenthe: Provincie, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first cyclus has no aanbod per location: its aanbod is the 'aanbod in het verslag'
    of the opgaven. Seed 003: 2.462 regular and 229 AMV asked, 3.814 and 341 offered, a
    complete verdeling taken over one to one."""
    call_command("puzzel", provincie="Drenthe", cyclus=2024)
    uit = json.loads(capsys.readouterr().out)
    assert uit["opgave"] == {"regulier": 2462, "amv": 229}
    assert uit["aanbod"]["telt"] == {"regulier": 3814, "amv": 341}
    assert uit["volledig"] is True and uit["redenen"] == []
    assert uit["aanvulling"]["restopgave"] == {"regulier": 0, "amv": 0}
    assert sum(g["regulier"] for g in uit["aanvulling"]["gemeenten"]) == 3814
    assert all(g["ingediend"] for g in uit["gemeenten"])
