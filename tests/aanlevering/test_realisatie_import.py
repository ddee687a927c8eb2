"""Realisation per gemeente, soort and peildatum (CSV or XLSX), up to the national file."""

from __future__ import annotations

import csv
import datetime as dt
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regietafel.aanlevering.lezen import lees_realisatie
from regietafel.aanlevering.services import importeer_realisatie
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Provincie
from regietafel.gemeenten.services import REGISTER
from regietafel.monitoring.models import Realisatie
from tests.aanlevering.bestanden import REALISATIE_KOPPEN, schrijf_tabel

pytestmark = pytest.mark.django_db
DEC = dt.date(2025, 12, 1)


def _meldingen(s: Any) -> list[str]:
    return [str(f) for f in s.fouten]


@pytest.mark.parametrize("extensie", ["csv", "xlsx"])
def test_new_figures_then_the_same_file_again_then_a_correction(
    drenthe: Provincie, tmp_path: Path, extensie: str
) -> None:
    rijen = [
        ("Assen", "oekraine", 830, "01-12-2025"),
        ("Assen", "Regulier", 1000, "2025-12-01"),
        ("GM0114", "AMV", 50, "01-12-2025"),  # Emmen by CBS code
        ("Midden Drenthe", "Oekraïne", 380, "1-12-2025"),
    ]
    pad = schrijf_tabel(tmp_path / f"realisatie.{extensie}", REALISATIE_KOPPEN, rijen)
    s = importeer_realisatie(pad, door=None)
    assert s.fouten == []
    assert (s.nieuw, s.peildata) == (4, [DEC])
    assert [r.omschrijving for r in s.regels][:2] == [
        "Assen, Oekraïne, 01-12-2025",
        "Assen, regulier, 01-12-2025",
    ]
    assert (
        Realisatie.objects.actueel().get(gemeente__naam="Emmen", soort="amv", peildatum=DEC).aantal
        == 50
    )
    na = (Realisatie.objects.count(), AuditRegel.objects.count())
    opnieuw = importeer_realisatie(pad, door=None)
    assert (opnieuw.ongewijzigd, opnieuw.geschreven) == (4, False)
    assert (Realisatie.objects.count(), AuditRegel.objects.count()) == na

    rijen[0] = ("Assen", "oekraine", 835, "01-12-2025")
    pad = schrijf_tabel(tmp_path / f"realisatie.{extensie}", REALISATIE_KOPPEN, rijen)
    correctie = importeer_realisatie(pad, door=None)
    assert (correctie.gewijzigd, correctie.ongewijzigd) == (1, 3)
    assert [(v.oud, v.nieuw) for r in correctie.veranderingen for v in r.veranderingen] == [
        (830, 835)
    ]
    historie = Realisatie.objects.filter(
        gemeente__naam="Assen", soort="oekraine", peildatum=DEC
    ).order_by("geregistreerd_op")
    assert [(r.aantal, r.vervangen_op is None) for r in historie] == [(830, False), (835, True)]


def test_wrong_values_are_named_per_cell(drenthe: Provincie, tmp_path: Path) -> None:
    rijen = [
        ("Assen", "statushouders", 1, "01-12-2025"),
        ("Assen", "regulier", -3, "01-12-2025"),
        ("Assen", "amv", 2, "15-12-2025"),
        ("Emmen", "amv", 2.5, "01-12-2025"),
        ("Emmen", "regulier", 1, "december"),
        ("Emmen", "oekraine", 1, "01-12-2025"),
        ("GM0114", "oekraine", 2, "01-12-2025"),
        ("GM9999", "oekraine", 2, "01-12-2025"),
    ]
    pad = schrijf_tabel(tmp_path / "r.xlsx", REALISATIE_KOPPEN, rijen)
    voor = Realisatie.objects.count()
    assert _meldingen(importeer_realisatie(pad, door=None)) == [
        "r.xlsx, blad Blad1, rij 2, kolom B (soort): „statushouders” is geen soort; verwacht "
        "oekraine, regulier of amv",
        "r.xlsx, blad Blad1, rij 3, kolom C (realisatie): −3 is negatief; verwacht 0 of meer",
        "r.xlsx, blad Blad1, rij 4, kolom D (peildatum): de peildatum 15-12-2025 is geen eerste "
        "dag van de maand",
        "r.xlsx, blad Blad1, rij 5, kolom C (realisatie): 2.5 is geen geheel getal",
        "r.xlsx, blad Blad1, rij 6, kolom D (peildatum): „december” is geen datum; verwacht "
        "dd-mm-jjjj",
        "r.xlsx, blad Blad1, rij 8, kolom A (gemeente): Emmen, oekraine, 01-12-2025 staat twee "
        "keer in het bestand (ook in rij 7).",
        "r.xlsx, blad Blad1, rij 9, kolom A (gemeente): De CBS-code „GM9999” staat niet in het "
        "register van gemeenten.",
    ]
    assert Realisatie.objects.count() == voor


def test_a_missing_column_is_named(drenthe: Provincie, tmp_path: Path) -> None:
    pad = schrijf_tabel(tmp_path / "r.csv", ["Gemeente", "Soort", "Aantal"], [("Assen", "amv", 1)])
    assert _meldingen(importeer_realisatie(pad, door=None)) == [
        "r.csv: De kolom „peildatum” ontbreekt (kolomkoppen in rij 1)."
    ]


def _landelijk(aantal: int) -> list[tuple[str, str, int, str]]:
    with REGISTER.open(encoding="utf-8", newline="") as fh:
        gemeenten = [(r["cbs_code"], r["naam"]) for r in csv.DictReader(fh)]
    rijen = []
    for maand in range(1, 13):
        for i, (code, naam) in enumerate(gemeenten):
            for soort in ("oekraine", "regulier", "amv"):
                rijen.append(
                    (code if i % 2 else naam, soort, (i * 7 + maand) % 900, f"01-{maand:02d}-2024")
                )
                if len(rijen) == aantal:
                    return rijen
    return rijen


@pytest.mark.slow
def test_a_5000_row_file_is_read_in_bounded_memory_and_written_in_bulk(
    drenthe: Provincie, tmp_path: Path, register: Any
) -> None:
    """Scale by construction, not by the clock (the timings are in `make bench`): reading stays
    under 40 MB and the write runs a number of SQL queries that does not grow per row."""
    pad = schrijf_tabel(tmp_path / "landelijk.xlsx", REALISATIE_KOPPEN, _landelijk(5000))
    data = pad.read_bytes()

    tracemalloc.start()
    bestand = lees_realisatie(data, pad.name, register)
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert bestand.fouten == [] and len(bestand.rijen) == 5000
    assert piek < 40 * 1024 * 1024, f"piekgeheugen bij het lezen {piek / 1e6:.1f} MB"

    with CaptureQueriesContext(connection) as proef_queries:
        proef = importeer_realisatie(pad, door=None, dry_run=True)
    assert proef.nieuw == 5000

    # The write goes through monitoring.registreer_realisaties (bulk: history + audit per row).
    voor = Realisatie.objects.count()
    with CaptureQueriesContext(connection) as schrijf_queries:
        s = importeer_realisatie(pad, door=None)
    assert s.fouten == [] and s.nieuw == 5000
    assert Realisatie.objects.count() == voor + 5000
    assert len(proef_queries) < 100, f"proefimport: {len(proef_queries)} queries"
    assert len(schrijf_queries) < 250, f"import van 5.000 rijen: {len(schrijf_queries)} queries"

    assert importeer_realisatie(pad, door=None).ongewijzigd == 5000
    assert Realisatie.objects.count() == voor + 5000


@pytest.mark.parametrize("extensie", ["csv", "xlsx"])
def test_a_totaal_row_that_differs_from_its_rows_refuses_the_file(
    drenthe: Provincie, tmp_path: Path, extensie: str
) -> None:
    rijen = [
        ("Assen", "regulier", 1000, "01-12-2025"),
        ("Emmen", "regulier", 675, "01-12-2025"),
        ("Assen", "amv", 10, "01-12-2025"),
        ("Totaal", "regulier", 1676, "01-12-2025"),  # the rows give 1.675
    ]
    pad = schrijf_tabel(tmp_path / f"r.{extensie}", REALISATIE_KOPPEN, rijen)
    voor = (Realisatie.objects.count(), AuditRegel.objects.count())
    blad = ", blad Blad1" if extensie == "xlsx" else ""
    assert _meldingen(importeer_realisatie(pad, door=None)) == [
        f"r.{extensie}{blad}, rij 5, kolom C (realisatie): Het totaal is 1.676, de som van de "
        "rijen (regulier, peildatum 01-12-2025) is 1.675."
    ]
    assert (Realisatie.objects.count(), AuditRegel.objects.count()) == voor


def test_totaal_rows_per_soort_per_provincie_and_overall_are_checked_then_not_stored(
    drenthe: Provincie, tmp_path: Path
) -> None:
    rijen: list[tuple[str, str | None, int, str | None]] = [
        ("Assen", "regulier", 1000, "01-12-2025"),
        ("Emmen", "amv", 50, "01-12-2025"),
        ("Groningen", "amv", 7, "01-12-2025"),
        ("Totaal Drenthe", "amv", 50, "01-12-2025"),
        ("totaal", None, 1057, None),
    ]
    pad = schrijf_tabel(tmp_path / "r.xlsx", REALISATIE_KOPPEN, rijen)
    s = importeer_realisatie(pad, door=None)
    assert s.fouten == [] and s.nieuw == 3
    assert not Realisatie.objects.filter(gemeente__naam__istartswith="totaal").exists()
    # the provincial total must not count Groningen's 7
    rijen[3] = ("Totaal Drenthe", "amv", 57, "01-12-2025")
    pad = schrijf_tabel(tmp_path / "r.xlsx", REALISATIE_KOPPEN, rijen)
    assert _meldingen(importeer_realisatie(pad, door=None)) == [
        "r.xlsx, blad Blad1, rij 5, kolom C (realisatie): Het totaal is 57, de som van de rijen "
        "(in Drenthe, AMV, peildatum 01-12-2025) is 50."
    ]


def test_an_unreadable_totaal_is_named_like_any_other_cell(
    drenthe: Provincie, tmp_path: Path
) -> None:
    rijen = [("Assen", "regulier", 1000, "01-12-2025"), ("Totaal", "regulier", "veel", None)]
    pad = schrijf_tabel(tmp_path / "r.xlsx", REALISATIE_KOPPEN, rijen)
    assert _meldingen(importeer_realisatie(pad, door=None)) == [
        "r.xlsx, blad Blad1, rij 3, kolom C (realisatie): „veel” is geen geheel getal"
    ]
