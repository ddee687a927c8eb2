"""`regietafel woo lakken INPUT --uitvoer OUT.pdf [--json]` (issue 9 point 4, contract)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.woo.helpers import SEED_001, SEED_002, niets_lekt, pdf_tekst, zonder_wit

pytestmark = pytest.mark.django_db


def _lakken(
    invoer: Path, uitvoer: Path, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, str]]:
    call_command("woo", "lakken", str(invoer), "--uitvoer", str(uitvoer), "--json")
    return json.loads(capsys.readouterr().out)


def test_seed_001_json_contract_and_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = tmp_path / "001.pdf"
    lakken = _lakken(SEED_001, uit, capsys)
    assert all(set(lk) == {"tekst", "soort", "grond"} for lk in lakken)
    assert all(isinstance(v, str) for lk in lakken for v in lk.values())
    gelakt = [lk["tekst"] for lk in lakken]
    # the officials in the e-mail header, their addresses and the phone numbers of the signature
    for tekst in (
        "Raymond Wanders",
        "Yvonne Turenhout",
        "Bouwmeester",
        "+31 592 365054",
        "+31 592 365555",
    ):
        assert tekst in gelakt
    assert {lk["soort"] for lk in lakken} == {"naam", "e-mail", "telefoon"}
    assert sum(lk["soort"] == "e-mail" for lk in lakken) == 72
    assert {lk["grond"] for lk in lakken} == {"J"}
    # the commissaris acting in office is kept, also misspelt in the header
    assert not any("Klijnsma" in t or "Klijsma" in t for t in gelakt)
    pdf = pdf_tekst(uit.read_bytes())
    assert niets_lekt(pdf, gelakt) == []
    assert "@" not in pdf
    assert "Jetta Klijnsma" in pdf and "JettaKlijsma" in zonder_wit(pdf)
    assert "Toelichting grondslagen" in pdf and "Art. 5.1 lid 2 sub e" in pdf


def test_seed_002(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = tmp_path / "002.pdf"
    lakken = _lakken(SEED_002, uit, capsys)
    assert [lk["tekst"][:40] for lk in lakken] == [
        '<div style="background-color: #cccccc; w',  # a name, greyed out in the source
        *["[REDACTED]"] * 3,
        "(088) 715 7000",
    ]
    pdf = pdf_tekst(uit.read_bytes())
    assert niets_lekt(pdf, [lk["tekst"] for lk in lakken]) == []
    assert "REDACTED" not in pdf and "#cccccc" not in pdf
    assert "Verzoek ministerie A&M realisatie noodopvang" in pdf


def test_docx_and_pdf_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Contact: Raymond Wanders, r.wanders@emmen.nl, 06-12345678.")
    doc.add_paragraph("BSN 111222333, IBAN NL91 ABNA 0417 1643 00. Jetta Klijnsma tekent.")
    docx = tmp_path / "brief.docx"
    doc.save(docx)
    lakken = _lakken(docx, tmp_path / "brief.pdf", capsys)
    assert [(lk["tekst"], lk["soort"], lk["grond"]) for lk in lakken] == [
        ("Raymond Wanders", "naam", "J"),
        ("r.wanders@emmen.nl", "e-mail", "J"),
        ("06-12345678", "telefoon", "J"),
        ("111222333", "bsn", "E"),
        ("NL91 ABNA 0417 1643 00", "iban", "J"),
    ]
    # the redacted PDF as input again: nothing left to find but the commissaris
    weer = _lakken(tmp_path / "brief.pdf", tmp_path / "weer.pdf", capsys)
    assert weer == []
    assert "Jetta Klijnsma" in pdf_tekst((tmp_path / "weer.pdf").read_bytes())


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regietafel", "woo", "lakken", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_bad_or_missing_file_exit_2_in_dutch(tmp_path: Path) -> None:
    uit = tmp_path / "uit.pdf"
    weg = _cli(str(tmp_path / "bestaat-niet.txt"), "--uitvoer", str(uit))
    assert weg.returncode == 2
    assert weg.stderr.strip() == f"Bestand {tmp_path / 'bestaat-niet.txt'} bestaat niet."
    kapot = tmp_path / "kapot.pdf"
    kapot.write_bytes(b"geen pdf")
    fout = _cli(str(kapot), "--uitvoer", str(uit))
    assert fout.returncode == 2
    assert "kan niet gelezen worden als PDF" in fout.stderr
    xlsx = tmp_path / "tabel.xlsx"
    xlsx.write_bytes(b"PK")
    assert (
        "alleen tekst (.txt), Word (.docx) en PDF (.pdf)"
        in _cli(str(xlsx), "--uitvoer", str(uit)).stderr
    )
    assert not uit.exists()
    assert "Traceback" not in weg.stderr + fout.stderr


def test_arguments_are_checked_before_the_name_detection_loads(tmp_path: Path) -> None:
    """A missing input or an output that is a folder is told before deduce is loaded (that
    takes seconds); the check runs in-process so deduce's absence from sys.modules is seen."""
    from django.core.management import CommandError, call_command

    geladen_voor = "deduce" in sys.modules
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command(
            "woo", "lakken", str(tmp_path / "weg.txt"), "--uitvoer", str(tmp_path / "u.pdf")
        )
    invoer = tmp_path / "brief.txt"
    invoer.write_text("Een brief.", encoding="utf-8")
    with pytest.raises(CommandError, match="is een map"):
        call_command("woo", "lakken", str(invoer), "--uitvoer", str(tmp_path))
    if not geladen_voor:
        assert "deduce" not in sys.modules
