#!/usr/bin/env python3
"""The app-level import graph of regietafel; exits 1 when it has a cycle.

Every import counts: at module level, lazy ones inside functions and those under
``TYPE_CHECKING``. An *app* is a direct child of ``regietafel`` (a package such as
``regietafel.audit`` or a module such as ``regietafel.env``). Prints, per app, the apps it
imports; then every cycle (a strongly connected group of apps) with the import lines that
join its members.

    .venv/bin/python scripts/importgraaf.py            # the graph, then the verdict
    .venv/bin/python scripts/importgraaf.py --kort     # only the verdict and the cycles

Needs only the standard library and grimp (which import-linter installs).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

import grimp

PAKKET = "regietafel"


def app_van(module: str) -> str | None:
    """``regietafel.historie.views`` → ``historie``; the root package itself has no app."""
    delen = module.split(".")
    return delen[1] if len(delen) > 1 and delen[0] == PAKKET else None


def app_graaf(graaf: grimp.ImportGraph) -> dict[str, dict[str, list[tuple[str, str, int]]]]:
    """app → imported app → [(importer, imported, line)], from every import in the package."""
    randen: dict[str, dict[str, list[tuple[str, str, int]]]] = defaultdict(dict)
    for module in sorted(graaf.modules):
        van = app_van(module)
        if van is None:
            continue
        randen.setdefault(van, {})
        for doel in sorted(graaf.find_modules_directly_imported_by(module)):
            naar = app_van(doel)
            if naar is None or naar == van:
                continue
            regels = [
                d["line_number"] for d in graaf.get_import_details(importer=module, imported=doel)
            ]
            for regel in regels or [0]:
                randen[van].setdefault(naar, []).append((module, doel, regel))
            randen.setdefault(naar, {})
    return randen


def kringen(randen: dict[str, dict[str, list[tuple[str, str, int]]]]) -> list[list[str]]:
    """The strongly connected components with more than one app (Tarjan, iterative)."""
    index: dict[str, int] = {}
    laag: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    uitkomst: list[list[str]] = []
    teller = 0
    for begin in sorted(randen):
        if begin in index:
            continue
        werk: list[tuple[str, list[str]]] = [(begin, sorted(randen[begin]))]
        index[begin] = laag[begin] = teller
        teller += 1
        stapel.append(begin)
        op_stapel.add(begin)
        while werk:
            knoop, rest = werk[-1]
            if rest:
                volgende = rest.pop(0)
                if volgende not in index:
                    index[volgende] = laag[volgende] = teller
                    teller += 1
                    stapel.append(volgende)
                    op_stapel.add(volgende)
                    werk.append((volgende, sorted(randen[volgende])))
                elif volgende in op_stapel:
                    laag[knoop] = min(laag[knoop], index[volgende])
                continue
            werk.pop()
            if werk:
                ouder = werk[-1][0]
                laag[ouder] = min(laag[ouder], laag[knoop])
            if laag[knoop] == index[knoop]:
                groep: list[str] = []
                while True:
                    lid = stapel.pop()
                    op_stapel.discard(lid)
                    groep.append(lid)
                    if lid == knoop:
                        break
                if len(groep) > 1:
                    uitkomst.append(sorted(groep))
    return sorted(uitkomst, key=lambda g: (-len(g), g))


def kortste_kring(
    randen: dict[str, dict[str, list[tuple[str, str, int]]]], groep: list[str]
) -> list[str]:
    """A shortest cycle inside ``groep`` (breadth first from each member), as apps in order."""
    leden = set(groep)
    beste: list[str] = []
    for begin in groep:
        vorige: dict[str, str] = {}
        rij = [begin]
        gevonden = None
        while rij and gevonden is None:
            volgende_rij = []
            for knoop in rij:
                for naar in sorted(set(randen[knoop]) & leden):
                    if naar == begin:
                        gevonden = knoop
                        break
                    if naar not in vorige:
                        vorige[naar] = knoop
                        volgende_rij.append(naar)
                if gevonden is not None:
                    break
            rij = volgende_rij
        if gevonden is None:
            continue
        pad = [gevonden]
        while pad[-1] != begin:
            pad.append(vorige[pad[-1]])
        kring = [*reversed(pad), begin]
        if not beste or len(kring) < len(beste):
            beste = kring
    return beste


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kort", action="store_true", help="alleen de kringen en het oordeel")
    args = parser.parse_args(argv)

    graaf = grimp.build_graph(PAKKET, cache_dir=None)
    randen = app_graaf(graaf)
    if not args.kort:
        breedte = max(len(app) for app in randen)
        for app in sorted(randen):
            print(f"{app:<{breedte}} → {', '.join(sorted(randen[app])) or '—'}")
        print()
    groepen = kringen(randen)
    for groep in groepen:
        print(f"Kring van {len(groep)} apps: {', '.join(groep)}")
        print(f"  kortste kring: {' → '.join(kortste_kring(randen, groep))}")
        leden = set(groep)
        for van in groep:
            for naar in sorted(set(randen[van]) & leden):
                importeur, doel, regel = randen[van][naar][0]
                meer = len(randen[van][naar]) - 1
                print(
                    f"  {van} → {naar}: {importeur}:{regel} importeert {doel}"
                    + (f" (en {meer} andere)" if meer else "")
                )
    aantal = len(randen)
    if groepen:
        print(f"{len(groepen)} kring(en) in de importgraaf van {aantal} apps.", file=sys.stderr)
        return 1
    print(f"Geen kringen in de importgraaf van {aantal} apps.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
