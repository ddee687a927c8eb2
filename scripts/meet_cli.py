"""``python -m scripts.meet_cli``: the start of every ``regietafel`` command (issue 20 point 6).

Every command of our own that ``regietafel help`` lists, each as a fresh process: with
``--help`` (Django set up, the command's module imported, its parser built) and with one real
call on a throwaway SQLite database with the Drenthe demo (made first: migrate + ``demo
drenthe``). Per call the median of ``HERHALINGEN`` runs after one warm-up, in wall-clock
seconds and in CPU seconds (user + sys of the process, from the kernel's accounting): on a
shared machine the wall time grows with the load, the CPU time hardly. The exit code of the
real call is printed beside it, so a call that stopped early is seen.

``--alleen-help`` skips the database and the real calls.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.documenten import HERHALINGEN, REGIETAFEL, WORTEL, proces_met_code

HULP: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("backup", "--help"),
    ("bonus", "--help"),
    ("capaciteit", "--help"),
    ("demo", "--help"),
    ("export", "--help"),
    ("herinneringen", "--help"),
    ("herstel", "--help"),
    ("historie", "--help"),
    ("import", "--help"),
    ("opschonen", "--help"),
    ("puzzel", "--help"),
    ("rapport", "--help"),
    ("taken", "--help"),
    ("verdeel", "--help"),
    ("woo", "--help"),
)

# One real call per command; {tmp} is the throwaway folder, {n} the number of the run (a new
# backup folder each time). herstel refuses a folder without a backup (it checks the manifest
# first: a restore needs an empty database); woo lakken a missing file (before deduce loads).
ECHT: tuple[tuple[str, ...], ...] = (
    ("backup", "{tmp}/backup-{n}"),
    ("bonus", "--provincie", "Drenthe", "--cyclus", "2024"),
    ("capaciteit", "--provincie", "Drenthe", "--van", "2026-01", "--maanden", "12"),
    ("demo", "drenthe"),
    ("export", "stand", "--provincie", "Drenthe", "--peildatum", "2025-11-01", "--format", "csv"),
    ("herinneringen", "--datum", "2026-03-02"),
    ("herstel", "{tmp}/geen-backup"),
    ("historie", "controleren"),
    ("import", "realisatie", "--dry-run", "{tmp}/realisatie.csv"),
    ("opschonen", "--dry-run"),
    ("puzzel", "--provincie", "Drenthe", "--cyclus", "2026"),
    (
        "rapport",
        "stand-van-zaken",
        "--provincie=Drenthe",
        "--peildatum=2025-11-01",
        "--format=xlsx",
        "-o",
        "{tmp}/stand.xlsx",
    ),
    ("taken", "opruimen"),
    ("verdeel", "docs/voorbeelden/verdeel-drenthe-2024.json"),
    ("woo", "lakken", "bestaat-niet.txt", "--uitvoer", "{tmp}/uit.pdf"),
)


def meet(commando: Sequence[str], tmp: Path, omgeving: dict[str, str]) -> tuple[float, float, int]:
    runs = []
    for n in range(HERHALINGEN + 1):  # the first is the warm-up (page cache, .pyc files)
        argv = [*REGIETAFEL, *(a.format(tmp=tmp, n=n) for a in commando)]
        runs.append(proces_met_code(argv, omgeving))
    runs = runs[1:]
    return (
        statistics.median(w for w, _, _ in runs),
        statistics.median(c for _, c, _ in runs),
        max(r for _, _, r in runs),
    )


def main() -> int:
    alleen_hulp = "--alleen-help" in sys.argv
    with tempfile.TemporaryDirectory(prefix="regietafel-cli-") as tmp_:
        tmp = Path(tmp_)
        omgeving = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp / 'meting.sqlite3'}",
            "REGIETAFEL_VAR_DIR": str(tmp),
        }
        commandos = list(HULP)
        if not alleen_hulp:
            for voorbereiding in (("migrate", "--noinput"), ("demo", "drenthe")):
                subprocess.run(
                    [*REGIETAFEL, *voorbereiding],
                    cwd=WORTEL,
                    env=omgeving,
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
            (tmp / "realisatie.csv").write_text(
                "gemeente;soort;aantal;peildatum\nAssen;oekraine;831;01-12-2025\n", encoding="utf-8"
            )
            commandos += ECHT
        print(f"{'commando':<64}{'wand':>8}{'CPU':>8}{'exit':>6}")
        uitslagen = []
        for commando in commandos:
            wand, cpu, code = meet(commando, tmp, omgeving)
            naam = " ".join(commando).replace("{tmp}/", "").replace("-{n}", "")
            uitslagen.append((cpu, wand, naam))
            print(f"{naam[:63]:<64}{wand:>7.2f}s{cpu:>7.2f}s{code:>6}", flush=True)
    cpu, wand, naam = max(uitslagen)
    print(
        f"\nmediaan van {HERHALINGEN} (na één opwarmrun), elk een nieuw proces; meeste CPU: "
        f"regietafel {naam} ({cpu:.2f} s CPU, {wand:.2f} s wand)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
