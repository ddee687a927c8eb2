"""The bench still runs: ``python -m bench --snel`` end to end, as ``make bench`` starts it.

``make test`` never ran the bench, so a refactor broke it twice unnoticed (a moved import in
bench.landelijk; bench.rapport's DATABASE_URL leaking into the processes of the later parts).
In quick mode (bench.meten) every part runs every measuring function once on tiny input, on
throwaway SQLite databases, with a load test of two users; the results go to a temporary
folder (BENCH_MAP, REGIETAFEL_VAR_DIR), never to var/. What is checked: the exit code,
every target of bench.doelen measured (a figure, not "niet gemeten") and printed with its
verdict, and bench.json in the format of issue 20.

It starts a few dozen processes (gunicorn, locust, the CLI): about 90 s of CPU (2 to 6
minutes on a shared machine), so it is marked ``bench`` (and ``slow``) and runs in ``make
pytest`` only, not again in the PostgreSQL and time-travel runs (it uses its own SQLite
databases and the real clock of its processes either way).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.doelen import DOELEN

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.bench, pytest.mark.slow]


def test_de_bench_draait_snel_en_meldt_elk_doel(tmp_path: Path) -> None:
    """One test, not three on a shared fixture: pytest-xdist would run the bench once per
    worker that got one of them."""
    omgeving = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "BENCH_DUUR", "REGIETAFEL_VAR_DIR", "CELERY_BROKER_URL")
    }
    omgeving.update(
        BENCH_MAP=str(tmp_path),
        REGIETAFEL_VAR_DIR=str(tmp_path / "var"),  # collectstatic, uploads: not the real var/
        DJANGO_SETTINGS_MODULE="regietafel.settings",
    )
    uit = subprocess.run(
        [sys.executable, "-m", "bench", "--snel"],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=900,
    )
    # It ran: the exit code of every part (a part that fails gives its code to the bench).
    assert uit.returncode == 0, f"{uit.stdout[-4000:]}\n--- stderr ---\n{uit.stderr[-4000:]}"
    assert "Traceback" not in uit.stderr, uit.stderr[-4000:]

    # Every target measured, judged and printed; bench.json in the format of issue 20.
    inhoud = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    doelen = {t["naam"]: t for t in inhoud["targets"]}
    assert set(doelen) == {d.naam for d in DOELEN}, uit.stdout[-4000:]
    for doel in DOELEN:
        t = doelen[doel.naam]
        assert {"naam", "waarde", "doel", "gehaald"} <= set(t)
        assert isinstance(t["waarde"], int | float), (doel.naam, t)
        assert t["gehaald"] is doel.gehaald(t["waarde"])
        assert t["doel"] == doel.doel
    tabel = uit.stdout.split("Doelen (issue 20), deze run:", 1)[1]
    for doel in DOELEN:
        regel = next(r for r in tabel.splitlines() if f" {doel.naam} " in r)
        assert "gehaald" in regel.lower(), regel
    assert "niet gemeten" not in tabel

    # Medians, never the fastest; the load test's phases all answered.
    assert "snelste telt" not in uit.stdout
    for naam in (
        "verdeel_342",
        "rapport_stand_van_zaken_pdf",
        "import_realisatie_5000",
        "dashboard",
    ):
        assert {"seconds", "min_seconds", "max_seconds", "runs"} <= set(inhoud[naam]), naam
    fasen = inhoud["load"]["fasen"]
    assert {f["naam"] for f in fasen} >= {"dashboard koud", "dashboard warm", "trends koud"}
    assert all(f["aantal"] > 0 and f["fouten"] == 0 for f in fasen), fasen
