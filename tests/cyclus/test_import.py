"""`regietafel import indicatief|verdeelbesluit`: the minister's numbers of a cyclus, read,
checked and written in one transaction — or nothing at all, with Dutch errors naming file,
sheet, row and column and exit 2."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from regietafel.aanlevering.models import Aanlevering
from regietafel.aanlevering.services import importeer_indicatief, importeer_verdeelbesluit
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Opgave, ProvincieOpgave
from tests.cyclus.factories import cyclus_2026, gebruiker

pytestmark = pytest.mark.django_db

REGISTER = (
    Path(__file__).resolve().parents[2] / "regietafel" / "gemeenten" / "data" / "gemeenten_2025.csv"
)


def _import(*args: str) -> str:
    uit = io.StringIO()
    call_command("import", *args, stdout=uit)
    return uit.getvalue()


def _stand() -> tuple[int, ...]:
    return (
        Opgave.objects.count(),
        ProvincieOpgave.objects.count(),
        Aanlevering.objects.count(),
        AuditRegel.objects.count(),
    )


def _weigert(capsys: Any, *args: str) -> str:
    voor = _stand()
    with pytest.raises(SystemExit) as exit_:
        call_command("import", *args)
    assert exit_.value.code == 2
    assert _stand() == voor, "er is toch iets geschreven"
    fout = capsys.readouterr().err
    assert "Traceback" not in fout
    return fout


def _csv(pad: Path, rijen: list[list[Any]], scheiding: str = ";", bom: bool = False) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=scheiding).writerows(rijen)
    pad.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode())
    return pad


def _xlsx(pad: Path, rijen: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Verdeling"
    for rij in rijen:
        ws.append(rij)
    wb.save(pad)
    return pad


def _alle_gemeenten() -> list[list[Any]]:
    """A distribution for all 342 gemeenten: regulier ∝ the position, amv = regulier // 10."""
    with REGISTER.open(encoding="utf-8") as fh:
        register = list(csv.DictReader(fh))
    rijen: list[list[Any]] = [["CBS_Code", "Gemeente", "REGULIER", "Amv"]]
    for i, r in enumerate(register):
        regulier = 50 + i % 300
        rijen.append([r["cbs_code"], r["naam"], regulier, regulier // 10])
    return rijen


def test_all_342_gemeenten_in_one_transaction(drenthe: Provincie, tmp_path: Path) -> None:
    rijen = _alle_gemeenten()
    assert len(rijen) == 343
    pad = _csv(tmp_path / "indicatieve-verdeling-2026.csv", rijen, ",", bom=True)
    begin = time.perf_counter()
    uit = _import("indicatief", str(pad), "--cyclus", "2026")
    duur = time.perf_counter() - begin
    cyclus = cyclus_2026()
    opgaven = Opgave.objects.filter(cyclus=cyclus, stadium="indicatief")
    assert opgaven.count() == 684
    assert "342 rijen: 342 nieuw, 0 gewijzigd, 0 ongewijzigd." in uit
    # The provincial opgave per soort is the sum per provincie.
    provinciaal = ProvincieOpgave.objects.filter(cyclus=cyclus)
    assert provinciaal.count() == 24
    assert sum(p.aantal for p in provinciaal if p.soort == "regulier") == sum(
        r[2] for r in rijen[1:]
    )
    assert Aanlevering.objects.filter(soort="indicatief").count() == 1
    assert duur < 60
    # Again: nothing changes.
    assert "Niets gewijzigd" in _import("indicatief", str(pad), "--cyclus", "2026")
    assert Aanlevering.objects.filter(soort="indicatief").count() == 1


def _drenthe(namen: dict[str, str] | None = None) -> list[list[Any]]:
    namen = namen or {}
    rijen: list[list[Any]] = [["gemeente", "regulier", "amv"]]
    for g in Gemeente.objects.filter(provincie__naam="Drenthe").order_by("naam"):
        rijen.append([namen.get(g.naam, g.naam), 100, 9])
    return rijen


@pytest.mark.parametrize("soort", ["csv-puntkomma", "csv-komma", "xlsx"])
def test_name_variants_resolve_and_are_reported(
    drenthe: Provincie, tmp_path: Path, soort: str
) -> None:
    rijen = _drenthe(
        {
            "Midden-Drenthe": "Midden Drenthe",
            "Borger-Odoorn": "Borger - Odoorn",
            "Hoogeveen": "HOOGVEEN",
        }
    )
    if soort == "xlsx":
        pad = _xlsx(tmp_path / "drenthe.xlsx", rijen)
    else:
        pad = _csv(tmp_path / "drenthe.csv", rijen, ";" if soort == "csv-puntkomma" else ",")
    uit = _import("indicatief", str(pad), "--cyclus", "2026")
    assert "„Midden Drenthe” (rij" in uit and "is Midden-Drenthe" in uit
    assert "„HOOGVEEN” (rij" in uit and "is Hoogeveen" in uit
    assert "„Borger - Odoorn”" in uit
    hoogeveen = Opgave.objects.get(
        cyclus=cyclus_2026(), gemeente__naam="Hoogeveen", soort="regulier", stadium="indicatief"
    )
    assert hoogeveen.aantal == 100
    po = ProvincieOpgave.objects.get(cyclus=cyclus_2026(), provincie=drenthe, soort="amv")
    assert po.aantal == 9 * 12


def test_a_code_alone_suffices(drenthe: Provincie, tmp_path: Path) -> None:
    pad = _csv(
        tmp_path / "codes.csv",
        [["cbs_code", "regulier", "amv"], ["GM0106", 300, 28], [1690, 127, 12]],
    )
    _import("indicatief", str(pad), "--cyclus", "2026")
    assert set(
        Opgave.objects.filter(cyclus=cyclus_2026(), stadium="indicatief", soort="amv").values_list(
            "gemeente__naam", "aantal"
        )
    ) == {("Assen", 28), ("De Wolden", 12)}


@pytest.mark.parametrize(
    ("rij", "melding"),
    [
        (["Atlantis", 5, 1], "rij 3, kolom A (gemeente): „Atlantis” staat niet in het register"),
        (["Assen", -5, 1], "rij 3, kolom B (regulier): −5 is negatief"),
        (["Assen", "12,5", 1], "rij 3, kolom B (regulier): „12,5” is geen geheel getal"),
        (["Assen", 10, ""], "rij 3, kolom C (amv): de cel is leeg"),
        (["Emmen", 10, 1], "rij 3, kolom A (gemeente): Emmen staat twee keer in het bestand"),
    ],
)
def test_bad_rows_are_refused_with_file_row_and_column(
    drenthe: Provincie, tmp_path: Path, capsys: Any, rij: list[Any], melding: str
) -> None:
    pad = _csv(tmp_path / "fout.csv", [["gemeente", "regulier", "amv"], ["Emmen", 400, 38], rij])
    fout = _weigert(capsys, "indicatief", str(pad), "--cyclus", "2026")
    assert f"fout.csv, {melding}" in fout
    assert "Niets opgeslagen" in fout


def test_unknown_cyclus_missing_column_and_dry_run(
    drenthe: Provincie, tmp_path: Path, capsys: Any
) -> None:
    pad = _csv(tmp_path / "d.csv", _drenthe())
    assert "Onbekende cyclus 2030" in _weigert(capsys, "indicatief", str(pad), "--cyclus", "2030")
    zonder = _csv(tmp_path / "zonder.csv", [["gemeente", "regulier"], ["Assen", 1]])
    assert "De kolom „amv” ontbreekt" in _weigert(
        capsys, "indicatief", str(zonder), "--cyclus", "2026"
    )
    voor = _stand()
    uit = _import("indicatief", str(pad), "--cyclus", "2026", "--dry-run")
    assert "Proefimport" in uit and _stand() == voor


def test_a_provincial_user_imports_only_its_own_provincie(
    drenthe: Provincie, tmp_path: Path
) -> None:
    pad = _csv(
        tmp_path / "twee.csv",
        [["gemeente", "regulier", "amv"], ["Assen", 1, 1], ["Groningen", 1, 1]],
    )
    voor = _stand()
    s = importeer_indicatief(pad, door=gebruiker("secretariaat"), cyclus=cyclus_2026())
    assert "buiten uw provincie" in s.fouten[0].melding and "Groningen" in s.fouten[0].melding
    assert _stand() == voor
    with pytest.raises(PermissionDenied):
        importeer_indicatief(pad, door=gebruiker("coa"), cyclus=cyclus_2026())
    with pytest.raises(PermissionDenied):
        importeer_indicatief(pad, door=gebruiker("gemeente-assen"), cyclus=cyclus_2026())


# --------------------------------------------------------------------------- verdeelbesluit

# Seed 003, Tabel 1 (Verdeelbesluit Drenthe 2024): gemeente, amv, regulier, totaal.
TABEL_1 = [
    ["Gemeente", "Amv-opvangplaatsen", "Reguliere opvangplaatsen", "Totaal"],
    ["Aa en Hunze", 0, 87, 87],
    ["Assen", 0, 1000, 1000],
    ["Borger-Odoorn", 50, 0, 50],
    ["Coevorden", 20, 430, 450],
    ["De Wolden", 50, 0, 50],
    ["Emmen", 50, 675, 725],
    ["Hoogeveen", 0, 940, 940],
    ["Meppel", 0, 192, 192],
    ["Midden-Drenthe", 50, 0, 50],
    ["Noordenveld", 43, 0, 43],
    ["Tynaarlo", 28, 250, 278],
    ["Westerveld", 50, 240, 290],
    ["Totaal", 341, 3814, 4155],
]


def test_the_verdeelbesluit_becomes_the_legal_opgave(drenthe: Provincie, tmp_path: Path) -> None:
    pad = _xlsx(tmp_path / "verdeelbesluit-drenthe-2026.xlsx", TABEL_1)
    uit = _import(
        "verdeelbesluit",
        str(pad),
        "--cyclus",
        "2026",
        "--provincie",
        "drenthe",
        "--geldig-vanaf",
        "2027-01-01",
    )
    assert "12 rijen: 12 nieuw" in uit
    vastgesteld = dict(
        Opgave.objects.filter(
            cyclus=cyclus_2026(), stadium="vastgesteld", soort="regulier"
        ).values_list("gemeente__naam", "aantal")
    )
    assert vastgesteld["Assen"] == 1000 and sum(vastgesteld.values()) == 3814
    po = ProvincieOpgave.objects.get(cyclus=cyclus_2026(), provincie=drenthe, soort="amv")
    assert (po.aantal, po.geldig_vanaf) == (341, dt.date(2027, 1, 1))


def test_absent_gemeenten_get_no_task(drenthe: Provincie, tmp_path: Path) -> None:
    pad = _csv(tmp_path / "kort.csv", TABEL_1[:3])
    s = importeer_verdeelbesluit(
        pad, door=None, cyclus=cyclus_2026(), provincie=drenthe, geldig_vanaf=dt.date(2027, 1, 1)
    )
    assert not s.fouten and "10 gemeente(n) van Drenthe staan niet in het besluit" in s.notities[0]
    assert (
        Opgave.objects.get(
            cyclus=cyclus_2026(), gemeente__naam="Emmen", stadium="vastgesteld", soort="regulier"
        ).aantal
        == 0
    )


@pytest.mark.parametrize(
    ("rijen", "melding"),
    [
        (
            [TABEL_1[0], ["Assen", 0, 1000, 999]],
            "rij 2, kolom D (totaal): Het totaal is 999, maar regulier + amv is 1.000 + 0 = 1.000",
        ),
        (
            [TABEL_1[0], ["Groningen", 0, 10, 10]],
            "rij 2: Groningen ligt in Groningen, niet in Drenthe",
        ),
        (
            [TABEL_1[0], ["Assen", 0, 1000, 1000], ["Totaal", 0, 999, 999]],
            "rij 3, kolom C (regulier): Het totaal is 999, de som van de rijen is 1.000",
        ),
    ],
)
def test_a_bad_verdeelbesluit_is_refused(
    drenthe: Provincie, tmp_path: Path, capsys: Any, rijen: list[list[Any]], melding: str
) -> None:
    pad = _csv(tmp_path / "besluit.csv", rijen)
    fout = _weigert(
        capsys, "verdeelbesluit", str(pad), "--cyclus", "2026", "--provincie", "Drenthe"
    )
    assert f"besluit.csv, {melding}" in fout
