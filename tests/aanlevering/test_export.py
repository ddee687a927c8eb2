"""The export contract: `export statushouders` and `export stand` as JSON, CSV and XLSX."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from regietafel.gemeenten.models import Provincie
from tests.aanlevering.bestanden import SEED_000, coa_rij

pytestmark = pytest.mark.django_db

# Seed 000's totaal row: stand 1 jan … achter/voor.
SEED_000_TOTAAL = {
    "stand_1_jan": 321,
    "taakstelling_h1": 423,
    "realisatie_h1": 290,
    "stand_1_jul": 454,
    "taakstelling_h2": 365,
    "correcties": 0,
    "taakstelling_incl": 819,
    "realisatie_totaal": 298,
    "achter_voor": 521,
}
GEMEENTE_SLEUTELS = {
    "gemeente",
    "cbs_code",
    "stand_1_jan",
    "taakstelling_h1",
    "realisatie_h1",
    "stand_1_jul",
    "taakstelling_h2",
    "correcties",
    "taakstelling_incl",
    "realisatie_maand",
    "realisatie_totaal",
    "achter_voor",
}


def _export(*args: str) -> str:
    uit = io.StringIO()
    call_command("export", *args, stdout=uit)
    return uit.getvalue()


def _fout(capsys: Any, *args: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        call_command("export", *args)
    assert exit_.value.code == 2
    return capsys.readouterr().err


def test_statushouders_json_reproduces_seed_000(drenthe: Provincie) -> None:
    data = json.loads(
        _export("statushouders", "--provincie", "Drenthe", "--peildatum", "2025-11-01")
    )
    assert (data["provincie"], data["peildatum"]) == ("Drenthe", "2025-11-01")
    assert [g["gemeente"] for g in data["gemeenten"]] == sorted(SEED_000)
    for rij in data["gemeenten"]:
        assert set(rij) == GEMEENTE_SLEUTELS
        verwacht = coa_rij(rij["gemeente"], SEED_000[rij["gemeente"]])
        assert [
            rij["stand_1_jan"],
            rij["taakstelling_h1"],
            rij["realisatie_h1"],
            rij["stand_1_jul"],
            rij["taakstelling_h2"],
            rij["correcties"],
            rij["taakstelling_incl"],
            *rij["realisatie_maand"].values(),
            rij["realisatie_totaal"],
            rij["achter_voor"],
        ] == verwacht[1:16]
        assert list(rij["realisatie_maand"]) == ["jul", "aug", "sep", "okt", "nov", "dec"]
    midden = next(g for g in data["gemeenten"] if g["gemeente"] == "Midden-Drenthe")
    assert midden["cbs_code"] == "GM1731"
    westerveld = next(g for g in data["gemeenten"] if g["gemeente"] == "Westerveld")
    assert westerveld["achter_voor"] == -4
    assert set(data["totaal"]) == GEMEENTE_SLEUTELS - {"gemeente", "cbs_code"}
    assert {k: data["totaal"][k] for k in SEED_000_TOTAAL} == SEED_000_TOTAAL
    assert data["totaal"]["realisatie_maand"] == {
        "jul": 64,
        "aug": 105,
        "sep": 67,
        "okt": 62,
        "nov": 0,
        "dec": 0,
    }


def test_stand_json_has_nulls_for_a_soort_without_opgave(drenthe: Provincie) -> None:
    data = json.loads(_export("stand", "--provincie", "drenthe", "--peildatum", "2025-11-01"))
    assert (data["provincie"], data["peildatum"]) == ("Drenthe", "2025-11-01")
    assert (data["bekend_op"], data["volledig"]) == (None, True)
    rijen = {g["gemeente"]: g for g in data["gemeenten"]}
    assert len(rijen) == 12
    assert set(rijen["Assen"]) == {"gemeente", "cbs_code", "oekraine", "regulier", "amv"}
    # The existing fields stay; the figure's own peildatum and its status are added.
    assert rijen["Assen"]["oekraine"] == {
        "opgave": 792,
        "realisatie": 822,
        "verschil": 30,
        "realisatie_peildatum": "2025-11-01",
        "status": "actueel",
    }
    # No AMV figure on 01-11-2025: the latest known one (the PUZZEL of 01-10-2024), dated.
    assert rijen["Aa en Hunze"]["amv"] == {
        "opgave": 0,
        "realisatie": 0,
        "verschil": 0,
        "realisatie_peildatum": "2024-10-01",
        "status": "ouder",
    }
    # An opgave of 0 with a realisation is shown, as seed 000 does ("0 22 22").
    assert {
        k: rijen["Borger-Odoorn"]["regulier"][k] for k in ("opgave", "realisatie", "verschil")
    } == {"opgave": 0, "realisatie": 22, "verschil": 22}
    assert rijen["Midden-Drenthe"]["oekraine"]["verschil"] == -168
    totaal = {
        s: {k: c[k] for k in ("opgave", "realisatie", "verschil")}
        for s, c in data["totaal"].items()
    }
    assert totaal == {
        "oekraine": {"opgave": 5648, "realisatie": 4978, "verschil": -670},
        "regulier": {"opgave": 3814, "realisatie": 3819, "verschil": 5},
        "amv": {"opgave": 341, "realisatie": 191, "verschil": -150},
    }
    assert data["totaal"]["amv"]["dekking"] == {
        "gemeenten": 12,
        "actueel": 8,
        "ouder": 4,
        "niet_aangeleverd": 0,
        "volledig": True,
        "tekst": "8 van 12 gemeenten actueel per 01-11-2025 (4 met een oudere stand)",
        "verschil_over_gemeenten": 12,
    }


def test_csv_has_dutch_headers_rows_and_totaal(drenthe: Provincie) -> None:
    tekst = _export(
        "statushouders", "--provincie", "Drenthe", "--peildatum", "2025-11-01", "--format", "csv"
    )
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[0][:3] == ["Gemeente", "CBS-code", "Stand op 1 jan"]
    assert rijen[0][-1] == "Achter/voor tot 1 jan"
    assert rijen[1][:3] == ["Aa en Hunze", "GM1680", "32"]
    assert rijen[-1][0] == "Totaal" and rijen[-1][-1] == "521"
    assert len(rijen) == 14

    stand = _export(
        "stand", "--provincie", "Drenthe", "--peildatum", "2025-11-01", "--format", "csv"
    )
    regels = list(csv.reader(io.StringIO(stand), delimiter=";"))
    assert regels[0][2:5] == ["Oekraïne opgave", "Oekraïne realisatie", "Oekraïne verschil"]
    assert regels[0][9:11] == ["AMV realisatie", "AMV verschil"]  # the columns stay in place
    assert regels[0][11:] == [
        "Oekraïne peildatum realisatie",
        "Oekraïne status",
        "Regulier peildatum realisatie",
        "Regulier status",
        "AMV peildatum realisatie",
        "AMV status",
    ]
    aa = dict(zip(regels[0], regels[1], strict=True))
    assert aa["Gemeente"] == "Aa en Hunze" and aa["AMV realisatie"] == "0"
    assert (aa["AMV peildatum realisatie"], aa["AMV status"]) == ("01-10-2024", "oudere stand")
    assert aa["Oekraïne status"] == "actueel"
    totaal = dict(zip(regels[0], regels[-1], strict=True))
    assert totaal["AMV status"] == (
        "8 van 12 gemeenten actueel per 01-11-2025 (4 met een oudere stand)"
    )


def test_xlsx_frozen_header_number_formats_and_formula_totals(
    drenthe: Provincie, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    pad = tmp_path / "statushouders.xlsx"
    call_command(
        "export",
        "statushouders",
        "--provincie",
        "Drenthe",
        "--peildatum",
        "2025-11-01",
        "--format",
        "xlsx",
        "-o",
        str(pad),
    )
    ws = load_workbook(pad).active
    assert ws["A2"].value == "Peildatum: 01-11-2025"
    assert [c.value for c in ws[4]][:3] == ["Gemeente", "CBS-code", "Stand op 1 jan"]
    assert ws.freeze_panes == "B5"
    assert ws["A5"].value == "Aa en Hunze" and ws["C5"].value == 32
    assert ws["C5"].number_format == "#,##0"  # core.xlsx: places
    assert ws["A17"].value == "Totaal"
    assert ws["C17"].value == "=SUM(C5:C16)"
    assert ws["Q17"].value == "=SUM(Q5:Q16)"
    assert ws["B17"].value is None


def test_xlsx_needs_an_output_file(drenthe: Provincie, capsys: Any) -> None:
    fout = _fout(
        capsys,
        "stand",
        "--provincie",
        "Drenthe",
        "--peildatum",
        "2025-11-01",
        "--format",
        "xlsx",
    )
    assert "geef -o BESTAND.xlsx op" in fout


@pytest.mark.parametrize("wat", ["statushouders", "stand"])
def test_a_peildatum_that_is_not_stored_exits_2(drenthe: Provincie, capsys: Any, wat: str) -> None:
    fout = _fout(capsys, wat, "--provincie", "Drenthe", "--peildatum", "2025-12-01")
    assert "Voor Drenthe is geen" in fout and "peildatum 01-12-2025 opgeslagen" in fout
    assert "01-11-2025" in fout  # the stored ones are named


def test_an_unknown_provincie_exits_2(drenthe: Provincie, capsys: Any) -> None:
    fout = _fout(capsys, "stand", "--provincie", "Holland", "--peildatum", "2025-11-01")
    assert "De provincie „Holland” is onbekend" in fout


def test_friesland_means_fryslan(drenthe: Provincie, capsys: Any) -> None:
    fout = _fout(capsys, "stand", "--provincie", "Friesland", "--peildatum", "2025-11-01")
    assert "Voor Fryslân is geen stand" in fout
