"""Test files in the layouts the importers read, written with openpyxl (or csv) into tmp_path."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from regietafel.demo.drenthe import COA_2025_11, NIDOS_2025_11
from regietafel.domain.statushouders import VergunninghoudersInvoer, stand_vergunninghouders

# The sample COA file of docs/voorbeelden (see its README: seed 000's figures).
SAMPLE_COA = (
    Path(__file__).resolve().parents[2]
    / "docs"
    / "voorbeelden"
    / "coa-vergunninghouders-2025-11-01.xlsx"
)

# Seed 000 in the register's spelling (the demo's transcription of the COA overzicht).
SEED_000: dict[str, tuple[int, ...]] = dict(COA_2025_11)
NIDOS_SEED: dict[str, tuple[int, int]] = dict(NIDOS_2025_11)


def kopregels(jaar: int) -> tuple[list[Any], list[Any]]:
    """The two-row, hyphenated header of seed 000 ("taak-" / "stelling 1e helft 2025")."""
    boven = ["gemeente", "stand", "taak-", "realisatie", "Stand", "taak-", "Correcties", "taak-"]
    boven += ["reali-"] * 6 + ["realisatie", "achter/voor", "achterstand", "voorsprong"]
    onder = [
        None,
        f"op 1 jan {jaar}",
        f"stelling 1e helft {jaar}",
        f"1e helft {jaar}",
        f"op 1-jul {jaar}",
        f"stelling 2e helft {jaar}",
        None,
        "stelling inclusief achter/voor",
        *(f"satie {m} {jaar}" for m in ("jul", "aug", "sep", "okt", "nov", "dec")),
        f"tot 1-jan {jaar + 1}",
        "tot 1-jan",
        "tot 1-jan",
        "tot 1-jan",
    ]
    return boven, onder


def coa_rij(naam: str, cijfers: Sequence[int]) -> list[Any]:
    """A row as COA prints it: the source figures and the derived ones (R4)."""
    stand_1_jan, taak_h1, real_h1, taak_h2, correcties, *maanden = cijfers
    s = stand_vergunninghouders(
        VergunninghoudersInvoer(stand_1_jan, taak_h1, real_h1, taak_h2, correcties, tuple(maanden))
    )
    return [
        naam,
        s.stand_1_jan,
        s.taakstelling_h1,
        s.realisatie_h1,
        s.stand_1_jul,
        s.taakstelling_h2,
        s.correcties,
        s.taakstelling_incl,
        *s.realisatie_maanden,
        s.realisatie_totaal,
        s.achter_voor,
        s.achterstand or None,
        -s.voorsprong or None,
    ]


def coa_rijen(cijfers: Mapping[str, Sequence[int]] = SEED_000) -> list[list[Any]]:
    return [coa_rij(naam, c) for naam, c in cijfers.items()]


def kolomsom(rijen: Iterable[Sequence[Any]]) -> list[Any]:
    rijen = list(rijen)
    return [sum(r[k] for r in rijen if isinstance(r[k], int)) for k in range(1, len(rijen[0]))]


def schrijf_coa(
    pad: Path,
    rijen: list[list[Any]] | None = None,
    *,
    peildatum: str = "01-11-2025",
    jaar: int = 2025,
    totaal: list[Any] | None = None,
    provincie: str = "Drenthe",
    aantal: bool = True,
    bewerk: Callable[[Any], None] | None = None,
) -> Path:
    """Seed 000's layout: title, "Peildatum:", a two-row header, the rows, totaal, count line.

    The totaal row is the column sums unless ``totaal`` is given; ``bewerk`` gets the
    worksheet before it is saved (to break something on purpose).
    """
    from openpyxl import Workbook

    rijen = coa_rijen() if rijen is None else rijen
    wb = Workbook()
    ws = wb.active
    ws.title = "Overzicht"
    ws["A1"] = "Overzicht huisvesting vergunninghouders"
    ws["A2"] = f"Peildatum: {peildatum}"
    ws["A4"] = f"Overzicht gemeenten van provincie {provincie}"
    boven, onder = kopregels(jaar)
    ws.append(boven)
    ws.append(onder)
    for rij in rijen:
        ws.append(rij)
    ws.append([f"totaal {provincie}", *(kolomsom(rijen) if totaal is None else totaal)])
    if aantal:
        achter = sum(1 for r in rijen if (r[16] or 0) > 0)
        voor = sum(1 for r in rijen if (r[17] or 0) != 0)
        ws.append([f"Aantal gemeenten: {len(rijen)}", *[None] * 15, achter, voor])
    if bewerk is not None:
        bewerk(ws)
    wb.save(pad)
    return pad


def schrijf_tabel(
    pad: Path, koppen: Sequence[Any], rijen: Iterable[Sequence[Any]], *, blad: str = "Blad1"
) -> Path:
    """A plain table: one header row, then the rows (.xlsx, or .csv with ';')."""
    if pad.suffix == ".csv":
        with pad.open("w", encoding="utf-8", newline="") as fh:
            schrijver = csv.writer(fh, delimiter=";")
            schrijver.writerow(koppen)
            schrijver.writerows(rijen)
        return pad
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(blad)
    ws.append(list(koppen))
    for rij in rijen:
        ws.append(list(rij))
    wb.save(pad)
    return pad


NIDOS_KOPPEN = [
    "Provincie",
    "Gemeente",
    "Gerealiseerd",
    "Taakstelling resterend",
    "Totaal taakstelling",
    "gerealiseerd van taakstelling",
]


def nidos_rijen(cijfers: Mapping[str, tuple[int, int]] = NIDOS_SEED) -> list[list[Any]]:
    """The factsheet's rows, names as Nidos writes them (upper case)."""
    return [
        ["Drenthe", naam, ger, max(0, taak - ger), taak, f"{ger} van {taak}"]
        for naam, (ger, taak) in cijfers.items()
    ]


REALISATIE_KOPPEN = ["Gemeente", "Soort", "Realisatie", "Peildatum"]


def realisatie_rijen(
    rijen: Iterable[tuple[str, str, int, dt.date | str]],
) -> list[list[Any]]:
    return [list(r) for r in rijen]
