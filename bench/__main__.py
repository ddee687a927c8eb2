"""``python -m bench``: time the domain on national-scale input and write var/bench.json.

verdeel_342 — ``regietafel verdeel`` without Django: json.loads + lees_casus +
verdeel_restopgave on a synthetic province of 342 gemeenten (generated deterministically),
against the baseline of json.loads of the same JSON text; each the median of HERHALINGEN
repetitions. The ratio says how many JSON parses
one verdeling costs, which compares across machines better than seconds do.

Then bench.rapport (the reports), bench.aanlevering (import_realisatie_5000: the
realisatie import of 5,000 XLSX rows against reading the file only), bench.documenten (issue 20
points 4–6: CLI start, the imports, the cold Noord-Brabant PDF, a stored document over HTTP)
and bench.landelijk (the national dataset: pages, query counts and the load test).

Every target of issue 20 is in one list, ``bench.doelen.DOELEN``; the run starts by
forgetting the targets of an earlier run and ends by printing all of them with *gehaald* or
*niet gehaald* (a target nobody measured: *niet gemeten*, niet gehaald). The exit code is 0
when the bench ran, whatever the targets say: the table says it.

``python -m bench --snel`` (``BENCH_SNEL=1``, bench.meten) runs every part once on tiny
input, in about 90 s of CPU rather than the half hour of a real run: its figures mean
nothing, it proves the bench still runs (tests/bench/ does this in ``make test``).
``BENCH_MAP`` sends bench.json elsewhere than var/.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import timeit
from collections.abc import Callable
from typing import Any

from regietafel.domain.restopgave import verdeel_restopgave
from regietafel.verdeling.casus import lees_casus

HERHALINGEN = 7


def casus_342(zaad: int = 342) -> dict[str, Any]:
    """A national-scale casus: 342 gemeenten, a restopgave in both types, every exclusion
    code, uitruil pairs and a group. Same seed, same casus."""
    rnd = random.Random(zaad)
    gemeenten: list[dict[str, Any]] = []
    for i in range(342):
        inwoners = int(rnd.lognormvariate(10.4, 0.8)) + 1000
        regulier = max(1, round(inwoners * 96_000 / 18_000_000 * rnd.uniform(0.7, 1.3)))
        amv = round(regulier * 8140 / 87_860)
        soort = rnd.random()
        if soort < 0.25:  # offers at least its indicative number
            verslag = (regulier + rnd.randint(0, regulier), amv)
        elif soort < 0.75:  # offers part of it
            verslag = (rnd.randint(0, regulier), rnd.randint(0, amv))
        else:
            verslag = (0, 0)
        gemeenten.append(
            {
                "naam": f"Gemeente {i:03d}",
                "inwoners": inwoners,
                "indicatief": {"regulier": regulier, "amv": amv},
                "verslag": {"regulier": verslag[0], "amv": verslag[1]},
                "kansrijk": {"regulier": rnd.choice((0, 0, 0, 5, 10, 25)), "amv": 0},
                "historisch_gemiddelde": rnd.choice((0, 0, regulier // 2, 2 * regulier)),
                "oekraine_plaatsen": int(inwoners * 5722 / 500_000 * rnd.choice((0.5, 1, 1, 3))),
            }
        )
    uitruil = []
    gevers = [g for g in gemeenten if g["verslag"]["regulier"] > 20]
    for gever in rnd.sample(gevers, 10):
        ontvanger = rnd.choice([g for g in gemeenten if g is not gever])
        n = rnd.randint(1, gever["verslag"]["regulier"] // 2)
        uitruil.append({"van": gever["naam"], "voor": ontvanger["naam"], "regulier": n})
    initieel_r = sum(g["verslag"]["regulier"] + g["kansrijk"]["regulier"] for g in gemeenten)
    initieel_a = sum(g["verslag"]["amv"] for g in gemeenten)
    return {
        "provincie": "Nederland (synthetisch, 342 gemeenten)",
        "opgave": {"regulier": initieel_r + 9_000, "amv": initieel_a + 1_500},
        "oekraine_totaal": 98_000,
        "gemeenten": gemeenten,
        "uitruil": uitruil,
        "uitruil_groepen": [[g["naam"] for g in rnd.sample(gemeenten, 4)]],
    }


def meet(functie: Callable[[], object]) -> list[float]:
    """Seconds per call in each of HERHALINGEN repetitions of enough calls to last ≥ 0.2 s
    (``timeit``'s autorange), so the fast baseline is measured as carefully as the slow one;
    in quick mode one repetition of one call."""
    from bench import meten

    timer = timeit.Timer(functie)
    aantal = 1 if meten.SNEL else timer.autorange()[0]
    runs = timer.repeat(repeat=meten.herhalingen(HERHALINGEN), number=aantal)
    return [t / aantal for t in runs]


def opties(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=(
            "De benchmarks van regietafel (make bench): verhoudingen tegenover een basislijn in "
            "dezelfde run, de belastingtest (locust tegen gunicorn met productie-instellingen) "
            "en elk doel van issue 20 met gehaald of niet gehaald. Resultaten: var/bench.json."
        ),
    )
    parser.add_argument(
        "--doelen",
        action="store_true",
        help="toon alleen de doelen met de uitslag van de laatste run (var/bench.json)",
    )
    parser.add_argument(
        "--snel",
        action="store_true",
        help=(
            "elk onderdeel één keer op heel kleine invoer (BENCH_SNEL=1): bewijst dat de bench "
            "nog draait, de cijfers zeggen niets"
        ),
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    keuze = opties(argv)
    if keuze.snel:  # before bench.meten is imported; the parts' processes inherit it
        os.environ["BENCH_SNEL"] = "1"
    from bench import doelen

    if keuze.doelen:
        print(doelen.tabel())
        return 0
    doelen.begin()
    # bench.rapport points DATABASE_URL at a database of its own; the parts that follow in a
    # process of their own start from the environment the bench was started with.
    uitkomst = _main(dict(os.environ))
    print()
    print("Doelen (issue 20), deze run:")
    print(doelen.tabel())
    return uitkomst


def _main(omgeving: dict[str, str]) -> int:
    tekst = json.dumps(casus_342(), ensure_ascii=False)
    uitkomst = verdeel_restopgave(lees_casus(json.loads(tekst)))
    redenen = {r for g in uitkomst.gemeenten for r in (*g.uitgesloten.regulier, *g.uitgesloten.amv)}
    from bench.meten import UITVOER, bewaar, herhalingen, meting

    basis = statistics.median(meet(lambda: json.loads(tekst)))
    resultaten = {
        "verdeel_342": meting(
            meet(lambda: verdeel_restopgave(lees_casus(json.loads(tekst)))), basis
        )
    }
    kop = f"{'benchmark':<14}{'seconden':>12}{'basis (json.loads)':>20}{'verhouding':>12}"
    print(kop)
    print("-" * len(kop))
    for naam, r in resultaten.items():
        print(f"{naam:<14}{r['seconds']:>12.6f}{r['baseline_seconds']:>20.6f}{r['ratio']:>11.1f}×")
    print()
    print(
        f"verdeel_342: {len(tekst):,} tekens JSON, {len(uitkomst.stappen)} stappen, "
        f"restopgave {uitkomst.restopgave.regulier} + {uitkomst.restopgave.amv}, p: "
        + ", ".join(
            f"{t} {float(p) * 100:.2f} %"
            if (p := uitkomst.percentage.van(t)) is not None
            else f"{t} n.v.t."
            for t in ("regulier", "amv")
        )
        + f"; uitsluitingsgronden: {', '.join(sorted(redenen))}."
    )
    print(f"Mediaan van {herhalingen(HERHALINGEN)} herhalingen. Geschreven: {UITVOER}")
    bewaar(resultaten)
    print()
    from bench import rapport  # the reports (issue 6): Django, the demo database, WeasyPrint

    codes = [rapport.main()]
    print()
    # The realisatie import (issue 5) and the national dataset (issue 10: pages, import, PDF,
    # query counts and the load test under gunicorn) each set up Django on a database of their
    # own: a process each, since Django is set up once per process. Each runs whatever the
    # one before it returned, so a failing part never hides the targets of the others.
    import subprocess

    for module in ("bench.aanlevering", "bench.documenten", "bench.landelijk"):
        codes.append(subprocess.run([sys.executable, "-m", module], env=omgeving).returncode)
        print()
    return max(codes)


if __name__ == "__main__":
    sys.exit(main())
