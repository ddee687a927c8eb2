"""Names of persons with deduce (a Dutch de-identification library), filtered by R10's rules.

deduce builds its lookup structures once per process (about 6 s from its disk cache; 1–2
minutes the very first time after installation, when it makes that cache in its package
folder: ``make install`` does that, ``python -m regietafel.woo.namen``, so neither the first
``demo accounts`` nor a test worker pays it); a document then takes well under 0.1 s.
So there is ONE instance, built lazily on first use and guarded by a lock. ``STATISTIEK``
records the start time and the time of the last document for the page and the report.
"""

from __future__ import annotations

import csv
import gc
import threading
import time
from functools import cache
from pathlib import Path
from typing import Any

from regietafel.domain.persoonsgegevens import Voorstel, is_waarschijnlijk_naam

_LOCK = threading.Lock()
_DEDUCE: Any = None
STATISTIEK: dict[str, float] = {}
GEMEENTEN_CSV = Path(__file__).resolve().parent.parent / "gemeenten" / "data" / "gemeenten_2025.csv"
EXTRA_PLAATSEN = ("Den Haag", "'s-Gravenhage", "Ter Apel", "Zevenaar", "Nederland")


def deduce_instantie() -> Any:
    """The one Deduce of this process (built on first use)."""
    global _DEDUCE
    if _DEDUCE is None:
        with _LOCK:
            if _DEDUCE is None:
                import logging

                from deduce import Deduce

                begin = time.perf_counter()
                wortel = logging.getLogger()
                vorige = wortel.disabled
                wortel.disabled = True  # deduce logs "Please wait 1-2 minutes" on the root logger
                try:
                    _DEDUCE = Deduce()
                finally:
                    wortel.disabled = vorige
                # Its lookup structures are some 4,5 million objects that live as long as the
                # process. Frozen (out of the cyclic collector's sight, as core.opstart does
                # with Django's), or every full collection walks them again (3-4 s CPU each)
                # and so does the end of the process (about 13 s CPU after `demo accounts`).
                gc.freeze()
                STATISTIEK["start_seconden"] = time.perf_counter() - begin
    return _DEDUCE


@cache
def plaatsnamen() -> frozenset[str]:
    """The gemeenten and provincies of the CBS register (and a few places the seeds name)."""
    namen: set[str] = set(EXTRA_PLAATSEN)
    with GEMEENTEN_CSV.open(encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            namen.update((rij["naam"], rij["provincie"]))
    return frozenset(namen)


def vind_namen(tekst: str) -> list[Voorstel]:
    """The person names deduce finds in ``tekst`` that pass ``is_waarschijnlijk_naam``.

    Office holders are not excluded here (see ``regietafel.woo.detectie``).
    """
    if not tekst.strip():
        return []
    deduce = deduce_instantie()
    begin = time.perf_counter()
    document = deduce.deidentify(tekst)
    STATISTIEK["laatste_document_seconden"] = time.perf_counter() - begin
    gewoon = deduce.lookup_structs["common_word"]
    plaatsen = plaatsnamen()
    uit = []
    for a in document.annotations:
        if a.tag not in ("persoon", "patient"):
            continue
        if not is_waarschijnlijk_naam(a.text, gewone_woorden=gewoon, plaatsen=plaatsen):
            continue
        uit.append(Voorstel(a.start_char, a.end_char, tekst[a.start_char : a.end_char], "naam"))
    return uit


def _klok_voor_de_cache() -> None:
    """Put this process' local clock as far east as any zone before deduce saves its cache.

    deduce stamps its cache with the naive LOCAL time of saving and, in every later process,
    rejects the cache when a source file's mtime, also read as naive local time, is later
    (``deduce.lookup_structs.validate_lookup_struct_cache``). `make install` runs without
    Django (TZ as the shell has it, UTC here); every ``regietafel`` command runs with Django's
    TIME_ZONE, Europe/Amsterdam (Django sets TZ). Read one hour ahead of UTC, the files pip
    wrote minutes before `make install` built the cache looked newer than the cache, so the
    first Django process that used deduce (the first `demo accounts` of `make run`, or every
    test worker at once) threw the cache away and built it again, about 77 s CPU. Stamped at
    UTC+14, the latest clock on earth, the cache is valid in a process of any zone.
    """
    import os

    os.environ["TZ"] = "<+14>-14"  # POSIX: fourteen hours ahead of UTC; needs no tzdata
    time.tzset()


if __name__ == "__main__":
    # `make install`: deduce's disk cache, made once per installation (see the top).
    _klok_voor_de_cache()
    deduce_instantie()
    print(f"deduce klaar in {STATISTIEK['start_seconden']:.1f} s.")
