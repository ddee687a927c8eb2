"""deduce's disk cache, made by `make install`, holds in every later process.

deduce stamps its cache with the naive local time and rejects it when a source file's mtime,
read as naive local time in the later process, is newer. `make install` ran without Django
(UTC here), `regietafel` runs with Django's Europe/Amsterdam, one hour ahead: pip's files,
written minutes before the cache, looked newer, so the first Django process threw the cache
away and built it again (77 s CPU in the first `demo accounts` of `make run`). regietafel.woo.namen stamps the cache at the latest clock
on earth; this test runs deduce's own check on such a stamp in other zones.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

STEMPEL = (
    "import datetime, sys\n"
    "if sys.argv[1] == 'ja':\n"
    "    from regietafel.woo.namen import _klok_voor_de_cache\n"
    "    _klok_voor_de_cache()\n"
    "print(datetime.datetime.now())\n"
)
CONTROLE = (
    "import sys\n"
    "from pathlib import Path\n"
    "from deduce import __version__\n"
    "from deduce.lookup_structs import validate_lookup_struct_cache\n"
    "cache = {'deduce_version': __version__, 'saved_datetime': sys.argv[2]}\n"
    "print(validate_lookup_struct_cache(cache, Path(sys.argv[1]), __version__))\n"
)


def _run(code: str, *argv: str, tz: str) -> str:
    omgeving = {**os.environ, "TZ": tz}
    uit = subprocess.run(
        [sys.executable, "-c", code, *argv],
        env=omgeving,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return uit.stdout.strip()


@pytest.mark.parametrize("zone", ["UTC", "Europe/Amsterdam", "Pacific/Kiritimati", "America/Lima"])
def test_de_cache_van_make_install_geldt_in_elke_tijdzone(tmp_path: Path, zone: str) -> None:
    bron = tmp_path / "src" / "names"
    bron.mkdir(parents=True)
    (bron / "voornamen.txt").write_text("Jan\n", encoding="utf-8")  # pip wrote it: just now
    stempel = _run(STEMPEL, "ja", tz="UTC")  # `make install`, no Django
    assert _run(CONTROLE, str(tmp_path), stempel, tz=zone) == "True"


def test_zonder_de_klok_verviel_de_cache_in_amsterdam(tmp_path: Path) -> None:
    """What happened before: the same check fails on a stamp in the shell's own zone."""
    bron = tmp_path / "src" / "names"
    bron.mkdir(parents=True)
    (bron / "voornamen.txt").write_text("Jan\n", encoding="utf-8")
    stempel = _run(STEMPEL, "nee", tz="UTC")
    assert _run(CONTROLE, str(tmp_path), stempel, tz="Europe/Amsterdam") == "False"
