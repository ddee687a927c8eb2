"""What every part of the bench shares: where results go, how a timing is taken, quick mode.

- ``MAP``: the folder of ``bench.json`` (and of ``bench.landelijk``'s own database): ``var/``,
  or ``BENCH_MAP`` (the smoke test, tests/bench/, writes into a temporary folder).
- ``SNEL``: ``BENCH_SNEL=1`` (``python -m bench --snel``) runs every measuring function once on
  tiny input: one repetition, a few hundred rows, two months of national data, a load test of
  two users for a second per phase. Its figures mean nothing; it proves the bench still runs.
  The environment variable reaches the parts that ``python -m bench`` starts as processes.
- ``mediaan``: every timing of the bench is the MEDIAN of at least ``MINSTENS`` runs (issue 20,
  point 7), never the fastest; ``tijden`` gives the runs themselves for min/max beside it.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MAP = Path(os.environ.get("BENCH_MAP") or ROOT / "var")
UITVOER = MAP / "bench.json"
SNEL = os.environ.get("BENCH_SNEL", "") not in ("", "0")
MINSTENS = 5
"""The fewest runs a median is taken of (outside quick mode)."""


def herhalingen(n: int) -> int:
    """``n`` runs, at least ``MINSTENS``; one in quick mode."""
    return 1 if SNEL else max(MINSTENS, n)


def tijden(functie: Callable[[], object], n: int) -> list[float]:
    """Seconds of each of ``herhalingen(n)`` calls of ``functie``."""
    uit = []
    for _ in range(herhalingen(n)):
        begin = time.perf_counter()
        functie()
        uit.append(time.perf_counter() - begin)
    return uit


def mediaan(functie: Callable[[], object], n: int = MINSTENS) -> float:
    """The median of ``herhalingen(n)`` timed calls, in seconds."""
    return statistics.median(tijden(functie, n))


def meting(runs: list[float], basis: float) -> dict[str, Any]:
    """One timing for bench.json: the median of ``runs`` (seconds), min and max beside it,
    and its ratio to the ``basis`` (the baseline's median, seconds)."""
    s = statistics.median(runs)
    return {
        "seconds": s,
        "min_seconds": min(runs),
        "max_seconds": max(runs),
        "runs": len(runs),
        "baseline_seconds": basis,
        "ratio": s / basis,
    }


def lees() -> dict[str, Any]:
    if not UITVOER.exists():
        return {}
    try:
        inhoud = json.loads(UITVOER.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}
    return inhoud if isinstance(inhoud, dict) else {}


def schrijf(inhoud: dict[str, Any]) -> None:
    """Replace ``bench.json`` at once (a temporary file, then a rename)."""
    UITVOER.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = UITVOER.with_suffix(f".{os.getpid()}.tmp")
    tijdelijk.write_text(
        json.dumps(inhoud, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    tijdelijk.replace(UITVOER)


def bewaar(resultaten: dict[str, Any]) -> None:
    """Merge ``resultaten`` into ``bench.json`` (the targets, kept by bench.doelen, stay)."""
    inhoud = lees()
    inhoud.update(resultaten)
    schrijf(inhoud)
