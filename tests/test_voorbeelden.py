"""docs/voorbeelden: a sample for every import the README mentions, and each really imports.

The samples carry the seeds' figures, so on the Drenthe demo a dry run finds every row already
stored (nothing new, nothing changed) and writes nothing. The repository needs nothing beside
itself: no file refers to a folder next to it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from regietafel.audit.models import AuditRegel
from regietafel.demo.drenthe import PUZZEL
from regietafel.gemeenten.models import Provincie
from regietafel.gemeenten.services import importeer_inwoners

ROOT = Path(__file__).resolve().parents[1]
VOORBEELDEN = ROOT / "docs" / "voorbeelden"

# `regietafel import <soort>` → (the sample, extra arguments, the summary line of the dry run)
IMPORTS = {
    "coa": (
        "coa-vergunninghouders-2025-11-01.xlsx",
        (),
        "12 rijen: 0 nieuw, 0 gewijzigd, 12 ongewijzigd.",
    ),
    "nidos": (
        "nidos-factsheet-2025-11-03.xlsx",
        ("--peildatum", "2025-11-03"),
        "12 rijen: 0 nieuw, 0 gewijzigd, 12 ongewijzigd.",
    ),
    "realisatie": (
        "realisatie-2025-11-01.csv",
        (),
        "32 rijen: 0 nieuw, 0 gewijzigd, 32 ongewijzigd.",
    ),
    "inwoners": (
        "inwoners-cbs-03759ned-drenthe-2023.csv",
        (),
        "12 inwonertallen (2023)",
    ),
    # The minister's numbers of a cyclus (the demo loads no 2026 numbers in the test database).
    "indicatief": (
        "indicatieve-verdeling-drenthe-2026.csv",
        ("--cyclus", "2026"),
        "12 rijen: 12 nieuw, 0 gewijzigd, 0 ongewijzigd.",
    ),
    "verdeelbesluit": (
        "verdeelbesluit-tabel-1.csv",
        ("--cyclus", "2026", "--provincie", "Drenthe", "--geldig-vanaf", "2027-01-01"),
        "12 rijen: 12 nieuw, 0 gewijzigd, 0 ongewijzigd.",
    ),
}


def test_every_import_the_readme_mentions_has_a_sample() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    genoemd = set(re.findall(r"`import ([a-z|]+)", readme))
    soorten = {s for groep in genoemd for s in groep.split("|")}
    assert soorten == set(IMPORTS)
    for bestand, _, _ in IMPORTS.values():
        assert (VOORBEELDEN / bestand).is_file(), bestand
        assert bestand in (VOORBEELDEN / "README.md").read_text(encoding="utf-8")
    assert "verdeel CASUS.json" in readme and "docs/voorbeelden" in readme


@pytest.mark.parametrize("soort", sorted(IMPORTS))
def test_each_sample_imports_with_the_cli_as_a_dry_run(
    soort: str, drenthe: Provincie, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand, extra, samenvatting = IMPORTS[soort]
    voor = AuditRegel.objects.count()
    call_command("import", soort, str(VOORBEELDEN / bestand), *extra, "--dry-run")
    uit = capsys.readouterr()
    assert uit.err == ""
    assert samenvatting in uit.out
    assert AuditRegel.objects.count() == voor  # a dry run writes nothing


def test_the_realisatie_sample_has_seed_000s_totals_and_they_are_checked(
    drenthe: Provincie, capsys: pytest.CaptureFixture[str]
) -> None:
    tekst = (VOORBEELDEN / "realisatie-2025-11-01.csv").read_text(encoding="utf-8")
    assert "Totaal Drenthe;Oekraïne;4978;" in tekst and "Totaal Drenthe;AMV;191;" in tekst
    call_command(
        "import", "realisatie", str(VOORBEELDEN / "realisatie-2025-11-01.csv"), "--dry-run"
    )
    assert "3 totaalregel(s) gecontroleerd" in capsys.readouterr().out


def test_the_inwoners_sample_holds_seed_001s_inhabitants(drenthe: Provincie) -> None:
    pad = VOORBEELDEN / "inwoners-cbs-03759ned-drenthe-2023.csv"
    uit = importeer_inwoners(pad, door=None, dry_run=True)
    assert uit.fouten == []
    assert {r.gemeente.naam: r.aantal for r in uit.rijen} == {
        naam: rij[0] for naam, rij in PUZZEL.items()
    }


def _verdeel_voorbeelden() -> list[str]:
    namen = sorted(
        p.stem for p in VOORBEELDEN.glob("verdeel-*.json") if not p.name.endswith(".expected.json")
    )
    assert len(namen) >= 2
    return namen


@pytest.mark.parametrize("naam", _verdeel_voorbeelden())
def test_each_verdeel_casus_gives_its_expected_output_with_the_cli(
    naam: str, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("verdeel", str(VOORBEELDEN / f"{naam}.json"))
    uit = json.loads(capsys.readouterr().out)
    assert uit.pop("stappen")
    verwacht = json.loads((VOORBEELDEN / f"{naam}.expected.json").read_text(encoding="utf-8"))
    assert uit == verwacht


NIET_DOORZOEKEN = {"node_modules", "var", "__pycache__"}
TEKST = {".py", ".md", ".toml", ".cfg", ".txt", ".html", ".json", ".yml", ".sh", ".ini"}


def test_nothing_in_the_repository_needs_a_folder_beside_it() -> None:
    verwijzingen = []
    for map_, mappen, bestanden in os.walk(ROOT):
        mappen[:] = [
            m for m in mappen if m not in NIET_DOORZOEKEN and (m == ".ci" or not m.startswith("."))
        ]
        for naam in bestanden:
            pad = Path(map_) / naam
            if pad.suffix not in TEKST and naam not in {"Makefile", "run"}:
                continue
            if pad == Path(__file__).resolve():
                continue  # names the forbidden paths itself
            tekst = pad.read_text(encoding="utf-8", errors="replace")
            for verboden in ("../shared", "/work/shared", "/work/main"):
                if verboden in tekst:
                    verwijzingen.append(f"{pad.relative_to(ROOT)}: {verboden}")
    assert verwijzingen == [], "\n".join(verwijzingen)
