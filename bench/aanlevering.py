"""``python -m bench.aanlevering`` (also run by ``python -m bench``): the realisatie import.

import_realisatie_5000 — ``regietafel.aanlevering.services.importeer_realisatie`` on a
generated XLSX of 5,000 rows (342 gemeenten × 3 soorten × months of 2024, as a national
delivery looks), writing every row (history and audit entries included) on a throwaway
SQLite database; each run is rolled back, so every run writes the same 5,000 new figures.
Baseline: reading the same file with ``regietafel.aanlevering.lezen`` only (openpyxl,
header recognition, cell checks, gemeente matching). The ratio is what validating against
the stored figures and writing costs on top of reading. Both are the median of HERHALINGEN
runs. Quick mode (``BENCH_SNEL=1``, bench.meten): 60 rows, one run.
"""

from __future__ import annotations

import csv
import io
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.meten import SNEL, bewaar, herhalingen, meting, tijden

RIJEN = 60 if SNEL else 5000
HERHALINGEN = herhalingen(5)


def realisatie_xlsx(register_csv: Path, aantal: int = RIJEN) -> bytes:
    """One header row, then ``aantal`` rows: gemeente (name or CBS code), soort, realisatie,
    peildatum. Deterministic."""
    from openpyxl import Workbook

    with register_csv.open(encoding="utf-8", newline="") as fh:
        gemeenten = [(r["cbs_code"], r["naam"]) for r in csv.DictReader(fh)]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Realisatie")
    ws.append(["Gemeente", "Soort", "Realisatie", "Peildatum"])
    n = 0
    for maand in range(1, 13):
        for i, (code, naam) in enumerate(gemeenten):
            for soort in ("oekraine", "regulier", "amv"):
                if n == aantal:
                    break
                ws.append(
                    [code if i % 2 else naam, soort, (i * 7 + maand) % 900, f"01-{maand:02d}-2024"]
                )
                n += 1
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def _django(database: Path) -> None:
    import os

    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from regietafel.gemeenten.services import laad_register

    call_command("migrate", verbosity=0)
    laad_register(door=None)


def meet_import() -> dict[str, dict[str, Any]]:
    from django.db import transaction

    from regietafel.aanlevering.lezen import lees_realisatie
    from regietafel.aanlevering.services import gemeente_register, importeer_realisatie
    from regietafel.gemeenten.services import REGISTER

    naam = "realisatie-landelijk.xlsx"
    data = realisatie_xlsx(REGISTER)
    register, _ = gemeente_register()

    def lezen() -> None:
        bestand = lees_realisatie(data, naam, register)
        assert not bestand.fouten and len(bestand.rijen) == RIJEN

    def importeren() -> None:
        with transaction.atomic():
            s = importeer_realisatie(data, door=None, bestandsnaam=naam)
            assert not s.fouten and s.nieuw == RIJEN, s.fouten[:3]
            transaction.set_rollback(True)

    basis = statistics.median(tijden(lezen, HERHALINGEN))
    return {"import_realisatie_5000": meting(tijden(importeren, HERHALINGEN), basis)}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="regietafel-bench-") as map_:
        _django(Path(map_) / "bench.sqlite3")
        resultaten = meet_import()
        from django.db import connections

        connections.close_all()
    kop = f"{'benchmark':<26}{'seconden':>10}{'basis (lezen)':>15}{'verhouding':>12}"
    print(kop)
    print("-" * len(kop))
    for naam, r in resultaten.items():
        print(f"{naam:<26}{r['seconds']:>10.3f}{r['baseline_seconds']:>15.3f}{r['ratio']:>11.1f}×")
    print()
    print(
        f"Import van {RIJEN:,} realisatierijen (XLSX) met vergelijken en schrijven (historie, "
        f"audit), tegenover alleen het lezen van hetzelfde bestand. {HERHALINGEN} herhalingen, "
        f"elk teruggedraaid; de mediaan telt."
    )
    bewaar(resultaten)
    return 0


if __name__ == "__main__":
    sys.exit(main())
