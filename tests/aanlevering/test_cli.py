"""`regietafel import …`: a one-screen summary and exit 0, or the Dutch error list and exit 2."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.models import NidosStand, Realisatie, VergunninghoudersStand
from tests.aanlevering.bestanden import (
    NIDOS_KOPPEN,
    SAMPLE_COA,
    coa_rijen,
    nidos_rijen,
    schrijf_coa,
    schrijf_tabel,
)

pytestmark = pytest.mark.django_db


def _import(*args: str) -> str:
    uit = io.StringIO()
    call_command("import", *args, stdout=uit)
    return uit.getvalue()


def _weigert(capsys: Any, *args: str) -> str:
    voor = (
        VergunninghoudersStand.objects.count(),
        NidosStand.objects.count(),
        Realisatie.objects.count(),
        AuditRegel.objects.count(),
    )
    with pytest.raises(SystemExit) as exit_:
        call_command("import", *args)
    assert exit_.value.code == 2
    assert voor == (
        VergunninghoudersStand.objects.count(),
        NidosStand.objects.count(),
        Realisatie.objects.count(),
        AuditRegel.objects.count(),
    )
    fout = capsys.readouterr().err
    assert "Traceback" not in fout
    return fout


def test_import_coa_sample_prints_a_short_summary(drenthe: Provincie) -> None:
    uit = _import("coa", str(SAMPLE_COA))
    regels = uit.splitlines()
    assert regels[0] == (
        "COA-overzicht huisvesting vergunninghouders: coa-vergunninghouders-2025-11-01.xlsx"
    )
    assert "Peildatum 01-11-2025" in regels
    assert "12 rijen: 0 nieuw, 0 gewijzigd, 12 ongewijzigd." in regels
    assert regels[-1] == "Niets gewijzigd: alle cijfers waren al opgeslagen."
    assert len(regels) < 25


def test_import_coa_correction_lists_old_and_new(drenthe: Provincie, tmp_path: Path) -> None:
    rijen = coa_rijen()
    rijen[1][11] = 3  # Assen, realisatie oktober 2 -> 3
    rijen[1][14] += 1
    rijen[1][15] -= 1
    rijen[1][16] -= 1
    pad = schrijf_coa(tmp_path / "coa.xlsx", rijen)
    proef = _import("coa", str(pad), "--dry-run")
    assert "  Assen, stand 01-11-2025: realisatie oktober 2 → 3" in proef.splitlines()
    assert proef.splitlines()[-1] == "Proefimport (--dry-run): er is niets opgeslagen."
    assert (
        VergunninghoudersStand.objects.actueel()
        .get(gemeente__naam="Assen", peildatum="2025-11-01")
        .realisatie_okt
        == 2
    )
    echt = _import("coa", str(pad))
    assert echt.splitlines()[-1] == "Opgeslagen."
    assert (
        VergunninghoudersStand.objects.actueel()
        .get(gemeente__naam="Assen", peildatum="2025-11-01")
        .realisatie_okt
        == 3
    )


def test_import_coa_broken_file_exits_2_with_dutch_errors(
    drenthe: Provincie, tmp_path: Path, capsys: Any
) -> None:
    rijen = coa_rijen()
    rijen[6][0] = "HOOGVEEN"
    rijen[2][3] = "elf"
    fout = _weigert(capsys, "coa", str(schrijf_coa(tmp_path / "coa.xlsx", rijen)))
    assert fout.splitlines() == [
        "coa.xlsx, blad Overzicht, rij 9, kolom D (realisatie 1e helft): „elf” is geen geheel getal",
        "coa.xlsx, blad Overzicht, rij 13, kolom A (gemeente): „HOOGVEEN” staat niet in het "
        "register van gemeenten. Bedoelt u Hoogeveen?",
        "Niets opgeslagen: 2 fouten in coa.xlsx.",
    ]


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("leeg.xlsx", b"", "Het bestand is leeg."),
        ("tekst.xlsx", b"dit is geen Excel", "geen geldige Excel-werkmap"),
        ("kapot.xlsx", b"PK\x03\x04kapot", "geen geldige Excel-werkmap"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "oude formaat (.xls)"),
        ("foto.png", b"\x89PNG\r\n", "Onbekend bestandstype"),
        ("binair.csv", b"a;b\x00c", "binaire gegevens"),
    ],
)
def test_files_that_are_not_spreadsheets(
    drenthe: Provincie, tmp_path: Path, capsys: Any, naam: str, inhoud: bytes, melding: str
) -> None:
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    fout = _weigert(capsys, "coa", str(pad))
    assert melding in fout
    assert fout.splitlines()[-1] == f"Niets opgeslagen: 1 fout in {naam}."


def test_a_missing_file_exits_2(drenthe: Provincie, tmp_path: Path, capsys: Any) -> None:
    fout = _weigert(capsys, "realisatie", str(tmp_path / "bestaat-niet.csv"))
    assert "bestaat niet" in fout
    fout = _weigert(capsys, "realisatie", str(tmp_path))
    assert "is een map, geen bestand" in fout


def test_nidos_needs_a_peildatum(drenthe: Provincie, tmp_path: Path) -> None:
    pad = schrijf_tabel(tmp_path / "nidos.xlsx", NIDOS_KOPPEN, nidos_rijen())
    with pytest.raises(CommandError, match="--peildatum"):
        call_command("import", "nidos", str(pad))
    with pytest.raises(CommandError, match="geen datum"):
        call_command("import", "nidos", str(pad), "--peildatum", "3-11-2025")


def test_nidos_seed_with_hoogveen_is_refused_and_corrected_accepted(
    drenthe: Provincie, tmp_path: Path, capsys: Any
) -> None:
    pad = schrijf_tabel(tmp_path / "nidos.xlsx", NIDOS_KOPPEN, nidos_rijen())
    fout = _weigert(capsys, "nidos", str(pad), "--peildatum", "2025-11-03")
    assert fout.splitlines()[0] == (
        "nidos.xlsx, blad Blad1, rij 8, kolom B (gemeente): „HOOGVEEN” staat niet in het "
        "register van gemeenten. Bedoelt u Hoogeveen?"
    )
    rijen = nidos_rijen()
    rijen[6][1] = "HOOGEVEEN"
    pad = schrijf_tabel(tmp_path / "nidos.xlsx", NIDOS_KOPPEN, rijen)
    uit = _import("nidos", str(pad), "--peildatum", "2025-11-03")
    assert "12 rijen: 0 nieuw, 0 gewijzigd, 12 ongewijzigd." in uit
