"""``python -m scripts.meet_imports``: the imports of issue 20 point 5, measured.

On a throwaway SQLite database with the Drenthe demo (its statushouders cycli, so the COA
taakstelling also sets opgaven): a national COA overview of 342 rows (every gemeente of the
register) and a realisatie file of 5.000 rows (``bench.aanlevering``). Each import runs inside
a transaction that is rolled back, so every run writes the same new figures; the median of
``HERHALINGEN`` runs, the number of SQL queries of one run and the peak of the memory Python
allocated during one run (tracemalloc) are printed. A second COA run with every row changed
measures the superseding path.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERHALINGEN = int(os.environ.get("MEET_HERHALINGEN") or 5)
"""Runs per import; bench.documenten passes its own (1 in the bench's quick mode)."""


def _coa_landelijk(map_: Path, verschuiving: int = 0) -> Path:
    from regietafel.gemeenten.models import Gemeente
    from tests.aanlevering.bestanden import coa_rijen, schrijf_coa

    namen = list(Gemeente.objects.order_by("cbs_code").values_list("naam", flat=True))
    cijfers = {
        naam: (10 + i % 7, 20, 5 + verschuiving, 18, 0, 1, 2, 3, 0 + verschuiving, 1)
        for i, naam in enumerate(namen)
    }
    return schrijf_coa(map_ / f"coa-{verschuiving}.xlsx", coa_rijen(cijfers), provincie="Nederland")


def _meet(doe: Callable[[], Any]) -> dict[str, float]:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    tijden, cpu = [], []
    for _ in range(HERHALINGEN):
        with transaction.atomic():
            begin, begin_cpu = time.perf_counter(), time.process_time()
            doe()
            tijden.append(time.perf_counter() - begin)
            cpu.append(time.process_time() - begin_cpu)
            transaction.set_rollback(True)
    with transaction.atomic():
        tracemalloc.start()
        with CaptureQueriesContext(connection) as q:
            doe()
        _, piek = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        transaction.set_rollback(True)
    return {
        "mediaan_s": statistics.median(tijden),
        "snelste_s": min(tijden),
        "cpu_s": statistics.median(cpu),
        "queries": len(q),
        "piek_mib": piek / 2**20,
    }


def profiel() -> None:
    """``python -m scripts.meet_imports profiel``: where the realisatie import spends its time."""
    import cProfile
    import os
    import pstats

    with tempfile.TemporaryDirectory(prefix="regietafel-imports-") as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'meting.sqlite3'}"
        os.environ["REGIETAFEL_VAR_DIR"] = tmp
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import transaction

        from bench.aanlevering import realisatie_xlsx
        from regietafel.aanlevering.services import importeer_realisatie
        from regietafel.gemeenten.services import REGISTER, laad_register

        call_command("migrate", verbosity=0)
        laad_register(door=None)
        data = realisatie_xlsx(REGISTER)
        with transaction.atomic():
            cProfile.runctx(
                "importeer_realisatie(data, door=None, bestandsnaam='r.xlsx')",
                globals(),
                {"importeer_realisatie": importeer_realisatie, "data": data},
                str(Path(tmp) / "profiel"),
            )
            transaction.set_rollback(True)
        pstats.Stats(str(Path(tmp) / "profiel")).sort_stats("cumulative").print_stats(30)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="regietafel-imports-") as tmp:
        map_ = Path(tmp)
        os.environ["DATABASE_URL"] = f"sqlite:///{map_ / 'meting.sqlite3'}"
        os.environ["REGIETAFEL_VAR_DIR"] = str(map_)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.settings")
        import django

        django.setup()
        from django.core.management import call_command

        from bench.aanlevering import RIJEN, realisatie_xlsx
        from regietafel.aanlevering.services import importeer_coa, importeer_realisatie
        from regietafel.demo.services import laad_drenthe
        from regietafel.gemeenten.models import Gemeente
        from regietafel.gemeenten.services import REGISTER

        call_command("migrate", verbosity=0)
        laad_drenthe()
        aantal = Gemeente.objects.count()
        coa, correctie = _coa_landelijk(map_), _coa_landelijk(map_, 1)
        realisatie = realisatie_xlsx(REGISTER)

        def coa_nieuw() -> None:
            s = importeer_coa(coa, door=None)
            assert not s.fouten and len(s.regels) == aantal, s.fouten[:3]

        def coa_vervangen() -> None:
            importeer_coa(coa, door=None)
            s = importeer_coa(correctie, door=None)
            assert not s.fouten and s.gewijzigd == aantal, s.fouten[:3]

        def realisatie_nieuw() -> None:
            s = importeer_realisatie(realisatie, door=None, bestandsnaam="realisatie.xlsx")
            assert not s.fouten and s.nieuw == RIJEN, s.fouten[:3]

        metingen = {
            f"COA, {aantal} rijen, nieuw": _meet(coa_nieuw),
            f"COA, {aantal} rijen, nieuw + correctie van elke rij": _meet(coa_vervangen),
            f"realisatie, {RIJEN:_} rijen, nieuw".replace("_", "."): _meet(realisatie_nieuw),
        }
        from django.db import connections

        connections.close_all()
    if "--json" in sys.argv:
        import json

        sleutels = ("coa", "coa_correctie", "realisatie")
        print(json.dumps(dict(zip(sleutels, metingen.values(), strict=True))))
        return 0
    kop = f"{'import':<48}{'mediaan':>9}{'snelste':>9}{'CPU':>8}{'queries':>9}{'piek (MiB)':>12}"
    print(kop)
    print("-" * len(kop))
    for naam, m in metingen.items():
        print(
            f"{naam:<48}{m['mediaan_s']:>8.2f}s{m['snelste_s']:>8.2f}s{m['cpu_s']:>7.2f}s"
            f"{m['queries']:>9}"
            f"{m['piek_mib']:>12.1f}"
        )
    print(
        f"\n{HERHALINGEN} herhalingen per import, elk teruggedraaid; mediaan en snelste in "
        "wandkloktijd, CPU (user + sys van dit proces) als mediaan: op een gedeelde machine de "
        "eerlijkere maat; queries en piekgeheugen van één run."
    )
    return 0


if __name__ == "__main__":
    # python -m scripts.meet_imports [--json | profiel]: --json prints one line of JSON
    # ({"coa", "coa_correctie", "realisatie"}: mediaan_s, snelste_s, cpu_s, queries, piek_mib).
    if sys.argv[1:] == ["profiel"]:
        profiel()
        sys.exit(0)
    sys.exit(main())
