"""Nidos "Factsheet opvang": gemeente, gerealiseerd, taakstelling resterend, totaal taakstelling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from regietafel.aanlevering.lezen import lees_nidos
from regietafel.aanlevering.services import importeer_nidos
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.models import NidosStand
from tests.aanlevering.bestanden import NIDOS_KOPPEN, NIDOS_SEED, nidos_rijen, schrijf_tabel

pytestmark = pytest.mark.django_db
FACTSHEET = dt.date(2025, 11, 3)


def _gecorrigeerd() -> dict[str, tuple[int, int]]:
    return {("HOOGEVEEN" if k == "HOOGVEEN" else k): v for k, v in NIDOS_SEED.items()}


@pytest.mark.parametrize("extensie", ["xlsx", "csv"])
def test_the_factsheet_for_a_new_date(drenthe: Provincie, tmp_path: Path, extensie: str) -> None:
    pad = schrijf_tabel(tmp_path / f"nidos.{extensie}", NIDOS_KOPPEN, nidos_rijen(_gecorrigeerd()))
    peildatum = dt.date(2025, 12, 1)
    s = importeer_nidos(pad, door=None, peildatum=peildatum)
    assert s.fouten == [] and s.nieuw == 12
    assen = NidosStand.objects.actueel().get(gemeente__naam="Assen", peildatum=peildatum)
    assert (assen.gerealiseerd, assen.taakstelling) == (33, 14)


def test_the_seed_date_is_already_stored(drenthe: Provincie, tmp_path: Path) -> None:
    pad = schrijf_tabel(tmp_path / "nidos.xlsx", NIDOS_KOPPEN, nidos_rijen(_gecorrigeerd()))
    s = importeer_nidos(pad, door=None, peildatum=FACTSHEET)
    assert (s.ongewijzigd, s.geschreven) == (12, False)


def test_resterend_must_agree_with_the_taakstelling(register: Any, tmp_path: Path) -> None:
    rijen = nidos_rijen(_gecorrigeerd())
    rijen[1][3] = 0  # ASSEN: 33 of 14, resterend 0 — right; EMMEN: 8 of 21, resterend 13
    rijen[5][3] = 12
    pad = schrijf_tabel(tmp_path / "nidos.xlsx", NIDOS_KOPPEN, rijen)
    bestand = lees_nidos(pad.read_bytes(), "nidos.xlsx", register)
    assert [str(f) for f in bestand.fouten] == [
        "nidos.xlsx, blad Blad1, rij 7, kolom D (taakstelling resterend): Taakstelling "
        "resterend is 12; bij een taakstelling van 21 en 8 gerealiseerd is dat 13."
    ]


def test_a_totaal_row_is_checked_and_minimal_columns_will_do(register: Any, tmp_path: Path) -> None:
    rijen = [[naam, ger, taak] for naam, (ger, taak) in _gecorrigeerd().items()]
    rijen.append(["Totaal", 73, 96])
    pad = schrijf_tabel(tmp_path / "nidos.csv", ["Gemeente", "Gerealiseerd", "Taakstelling"], rijen)
    assert [str(f) for f in lees_nidos(pad.read_bytes(), "nidos.csv", register).fouten] == [
        "nidos.csv, rij 14, kolom C (totaal taakstelling): Het totaal is 96, de som van de "
        "rijen is 95."
    ]


def test_a_totaal_that_differs_from_the_rows_refuses_the_whole_factsheet(
    drenthe: Provincie, tmp_path: Path
) -> None:
    rijen = nidos_rijen(_gecorrigeerd())
    gerealiseerd = sum(r[2] for r in rijen)
    resterend = sum(r[3] for r in rijen)
    taakstelling = sum(r[4] for r in rijen)
    rijen.append(["", "Totaal", gerealiseerd + 2, resterend, taakstelling, ""])
    pad = schrijf_tabel(tmp_path / "nidos.xlsx", NIDOS_KOPPEN, rijen, blad="Factsheet")
    voor = NidosStand.objects.count()
    s = importeer_nidos(pad, door=None, peildatum=dt.date(2025, 12, 1))
    assert [str(f) for f in s.fouten] == [
        f"nidos.xlsx, blad Factsheet, rij 14, kolom C (gerealiseerd): Het totaal is "
        f"{gerealiseerd + 2}, de som van de rijen is {gerealiseerd}."
    ]
    assert not s.geschreven and NidosStand.objects.count() == voor
