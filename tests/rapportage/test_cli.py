"""The CLI contract of issue 6: `regietafel rapport stand-van-zaken|verslag …`."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from regietafel.gemeenten.models import Provincie
from regietafel.rapportage.management.commands.rapport import Command
from tests.conftest import als_console_script
from tests.rapportage.conftest import normaal, pdf_tekst, xlsx_boek

pytestmark = pytest.mark.django_db


def _cli(*argv: str) -> None:
    """As the console script runs it: argv parsing, our error handling, sys.exit."""
    als_console_script(Command(), "rapport", *argv)


def test_stand_van_zaken_xlsx(
    drenthe: Provincie, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uit = tmp_path / "svz.xlsx"
    _cli(
        "stand-van-zaken",
        "--provincie",
        "Drenthe",
        "--peildatum",
        "2025-11-01",
        "--format",
        "xlsx",
        "-o",
        str(uit),
    )
    assert "geschreven naar" in capsys.readouterr().out
    assert xlsx_boek(uit.read_bytes())["Verdeling"].freeze_panes == "B2"


def test_stand_van_zaken_as_known_on_a_day(
    drenthe: Provincie, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--bekend-op: the figures as known at the end of that day; before any figure of the
    peildatum was registered the report is refused in Dutch (exit 2), never filled with 0."""
    import datetime as dt

    from regietafel.monitoring.models import Realisatie

    eerste = Realisatie.objects.order_by("geregistreerd_op").values_list(
        "geregistreerd_op", flat=True
    )[0]
    uit = tmp_path / "svz.xlsx"
    argv = ["stand-van-zaken", "--provincie", "Drenthe", "--peildatum", "2025-11-01"]
    dag = (eerste + dt.timedelta(days=1)).date()
    _cli(*argv, "--bekend-op", dag.isoformat(), "--format", "xlsx", "-o", str(uit))
    assert "zoals bekend op" in capsys.readouterr().out
    boek = xlsx_boek(uit.read_bytes())
    toelichting = {r[0]: r[1] for r in boek["Toelichting"].iter_rows(values_only=True) if r[0]}
    assert "Zoals bekend op" in toelichting
    assen = next(r for r in boek["Verdeling"].iter_rows(values_only=True) if r[0] == "Assen")
    assert assen[1:4] == (792, 822, 30)

    te_vroeg = (eerste - dt.timedelta(days=1)).date()
    with pytest.raises(SystemExit) as uitgang:
        _cli(*argv, "--bekend-op", te_vroeg.isoformat(), "--format", "xlsx", "-o", str(uit))
    assert uitgang.value.code == 2
    assert "geen cijfers opgeslagen met peildatum 2025-11-01" in capsys.readouterr().err


def test_verslag_pdf_and_case_insensitive_provincie(drenthe: Provincie, tmp_path: Path) -> None:
    uit = tmp_path / "map" / "verslag.pdf"
    call_command(
        "rapport",
        "verslag",
        "--provincie",
        "drenthe",
        "--cyclus",
        "2024",
        "--format",
        "pdf",
        "-o",
        str(uit),
    )
    assert "€ 3.084.000" in normaal(pdf_tekst(uit.read_bytes()))


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (
            [
                "stand-van-zaken",
                "--provincie",
                "Atlantis",
                "--peildatum",
                "2025-11-01",
                "--format",
                "pdf",
            ],
            "Onbekende provincie 'Atlantis'. Bekende provincies: Drenthe,",
        ),
        (
            [
                "stand-van-zaken",
                "--provincie",
                "Drenthe",
                "--peildatum",
                "2025-10-01",
                "--format",
                "pdf",
            ],
            "Voor Drenthe zijn geen cijfers opgeslagen met peildatum 2025-10-01. Peildata met cijfers: 2025-11-01, 2024-10-01.",
        ),
        (
            ["verslag", "--provincie", "Drenthe", "--cyclus", "2030", "--format", "docx"],
            "Onbekende cyclus 2030.",
        ),
        (
            ["verslag", "--provincie", "Drenthe", "--cyclus", "2026", "--format", "docx"],
            "Voor Drenthe zijn in de cyclus 2026",
        ),
    ],
)
def test_errors_are_one_dutch_line_and_exit_2(
    drenthe: Provincie,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    melding: str,
) -> None:
    uit = tmp_path / "rapport.bin"
    with pytest.raises(SystemExit) as fout:
        _cli(*argv, "-o", str(uit))
    assert fout.value.code == 2
    stderr = capsys.readouterr().err
    assert stderr.startswith(melding)
    assert "Traceback" not in stderr and "CommandError" not in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert not uit.exists()


def test_call_command_raises_command_error_with_returncode_2(
    drenthe: Provincie, tmp_path: Path
) -> None:
    with pytest.raises(CommandError, match="Onbekende provincie") as fout:
        call_command(
            "rapport",
            "stand-van-zaken",
            "--provincie",
            "X",
            "--peildatum",
            "2025-11-01",
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "x.pdf"),
        )
    assert fout.value.returncode == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["verslag", "--provincie", "Drenthe", "--cyclus", "2024", "--format", "xlsx"],
        [
            "stand-van-zaken",
            "--provincie",
            "Drenthe",
            "--peildatum",
            "1-11-2025",
            "--format",
            "pdf",
        ],
    ],
)
def test_bad_arguments_exit_2(
    drenthe: Provincie, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as fout:
        _cli(*argv, "-o", str(tmp_path / "x"))
    assert fout.value.code == 2
