"""The register of place and street names that recognises an address without a postcode.

Places: the 342 gemeenten of the CBS register (``gemeenten_2025.csv``) and the 6.169
woonplaatsen of ``woonplaatsen.txt`` (both in ``regietafel/gemeenten/data/``, see its README).
Streets: the street names of the BAG as the installed deduce package ships them
(``lst_street/streets_bag.txt``, without deduce's own exceptions such as "Postbus" or
"November"), only the 47.000 of 157.000 that do not end in a street word ("Noordeinde",
"Het Want"): one ending in ``-straat``, ``-weg``, … is found without the list.
Built once per process (well under a second).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from regietafel.domain.adressen import STRAATWOORDEN, Plaatsregister

DATA = Path(__file__).resolve().parent.parent / "gemeenten" / "data"
GEMEENTEN_CSV = DATA / "gemeenten_2025.csv"
WOONPLAATSEN = DATA / "woonplaatsen.txt"
EXTRA_PLAATSEN = ("Den Haag", "'s-Gravenhage", "Ter Apel")


def _regels(pad: Path) -> list[str]:
    return [r.strip() for r in pad.read_text(encoding="utf-8").splitlines() if r.strip()]


def plaatsen() -> list[str]:
    """Every place name of the register: gemeenten, woonplaatsen and a few the seeds use."""
    with GEMEENTEN_CSV.open(encoding="utf-8") as f:
        gemeenten = [rij["naam"] for rij in csv.DictReader(f)]
    return [*gemeenten, *_regels(WOONPLAATSEN), *EXTRA_PLAATSEN]


def straten() -> set[str]:
    """The BAG street names deduce ships without a street word (empty if the file is missing)."""
    import deduce

    map_ = Path(deduce.__file__).resolve().parent / "data/lookup/src/locations/lst_street"
    if not (map_ / "streets_bag.txt").is_file():
        return set()
    uitzonderingen = (
        set(_regels(map_ / "exceptions.txt")) if (map_ / "exceptions.txt").is_file() else set()
    )
    return {
        s
        for s in _regels(map_ / "streets_bag.txt")
        if s not in uitzonderingen and not s.lower().endswith(STRAATWOORDEN)
    }


@cache
def register() -> Plaatsregister:
    """The one register of this process."""
    return Plaatsregister.van(plaatsen(), straten())
