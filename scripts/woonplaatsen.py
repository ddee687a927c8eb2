"""Build regietafel/gemeenten/data/woonplaatsen.txt from the place list deduce ships.

    .venv/bin/python scripts/woonplaatsen.py

deduce (installed from requirements.lock) carries a list of Dutch residences (woonplaatsen,
hamlets included) in ``deduce/data/lookup/src/locations/lst_placename/lst_residence/items.txt``,
written in title case ("Alphen Aan Den IJssel", "'S-Hertogenbosch", "Aalst (Gld)"). This
script writes it in ordinary Dutch spelling ("Alphen aan den IJssel", "'s-Hertogenbosch",
"Aalst"), one name a line, sorted, without the province tags that tell namesakes apart.
It runs offline; the result is committed, so nothing is read from deduce at run time.
"""

from __future__ import annotations

import re
from pathlib import Path

KLEIN = {"aan", "de", "den", "der", "het", "en", "op", "bij", "in", "van", "ter", "ten", "te"}
UIT = (
    Path(__file__).resolve().parent.parent
    / "regietafel"
    / "gemeenten"
    / "data"
    / "woonplaatsen.txt"
)


def gewoon(naam: str) -> str:
    """Ordinary Dutch spelling of a title-cased place name."""
    naam = re.sub(r"\s*\([A-Za-z]{1,3}\)$", "", naam.strip())
    naam = re.sub(r"^'([ST])([ -])", lambda m: "'" + m.group(1).lower() + m.group(2), naam)
    woorden = naam.split(" ")
    return " ".join(w.lower() if i > 0 and w.lower() in KLEIN else w for i, w in enumerate(woorden))


def main() -> None:
    import deduce

    bron = (
        Path(deduce.__file__).parent
        / "data/lookup/src/locations/lst_placename/lst_residence/items.txt"
    )
    namen = {gewoon(r) for r in bron.read_text(encoding="utf-8").splitlines() if r.strip()}
    UIT.write_text("\n".join(sorted(namen)) + "\n", encoding="utf-8")
    print(f"{len(namen)} woonplaatsen naar {UIT}")


if __name__ == "__main__":
    main()
