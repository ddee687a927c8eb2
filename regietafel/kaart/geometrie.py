"""The boundaries as SVG paths: read once per process, projected, simplified and cached.

The CBS files (``regietafel/gemeenten/data/``, CC BY 4.0) are quantised TopoJSON in WGS84
(longitude, latitude; the transform's translate is 3.358, 50.751). The map projects them
equirectangularly with cos(52.2°) as the x-scale (the middle of the Netherlands: shapes within
a few percent of their true proportions), fits them in a ``breedte`` units wide view box,
rounds to whole units and simplifies every arc with Douglas–Peucker. Arcs are shared between
neighbours, so simplified borders still meet. The files never change: the result is cached
per map (a provincie, or the whole country) for the life of the process.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from regietafel.kaart.topojson import Feature, Punt, bogen, features, markeerpunt, vereenvoudig

DATA = Path(__file__).resolve().parent.parent / "gemeenten" / "data"
GEMEENTEN = DATA / "gemeente_2025.topojson"
PROVINCIES = DATA / "provincie_2025.topojson"
BRON = (
    "Kaartgrenzen: CBS / PDOK gebiedsindelingen 2025 (gegeneraliseerd door cartomap/nl), CC BY 4.0."
)

BREEDTE_REF = 52.2
"""The latitude whose cosine scales the x-axis."""
MARGE = 4


@dataclass(frozen=True)
class Vorm:
    code: str
    """statcode: GM0106, PV22."""
    naam: str
    pad: str
    """The ``d`` of an SVG path in view-box units."""
    punt: tuple[float, float] | None
    """Where a marker goes (inside the largest part); None for an empty geometry."""


@dataclass(frozen=True)
class Kaartgeometrie:
    breedte: int
    hoogte: int
    gemeenten: dict[str, Vorm]
    provincies: dict[str, Vorm]


@lru_cache(maxsize=2)
def topologie(pad: Path) -> dict[str, Any]:
    with pad.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@lru_cache(maxsize=2)
def _vlakbogen(pad: Path) -> list[list[Punt]]:
    """The arcs in the plane: x east, y south (SVG's direction), in degrees of latitude."""
    k = math.cos(math.radians(BREEDTE_REF))
    return [[(lon * k, -lat) for lon, lat in boog] for boog in bogen(topologie(pad))]


@lru_cache(maxsize=2)
def _features(pad: Path) -> tuple[Feature, ...]:
    return tuple(features(topologie(pad), arcs=_vlakbogen(pad)))


def gemeente_features() -> tuple[Feature, ...]:
    """Every gemeente of 2025 (342), decoded, in the plane."""
    return _features(GEMEENTEN)


def provincie_features() -> tuple[Feature, ...]:
    return _features(PROVINCIES)


def _kader(fs: Iterable[Feature]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for f in fs:
        for veelhoek in f.veelhoeken:
            for punt in veelhoek[0]:
                xs.append(punt[0])
                ys.append(punt[1])
    if not xs:
        raise ValueError("geen geometrie om te tekenen")
    return min(xs), min(ys), max(xs), max(ys)


def pad_d(veelhoeken: Sequence[Sequence[Sequence[tuple[int, int]]]]) -> str:
    """An SVG path: per ring "M x y" and relative "l dx dy" steps, closed with "z"."""
    delen: list[str] = []
    for veelhoek in veelhoeken:
        for ring in veelhoek:
            punten = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
            if len(punten) > 1 and punten[0] == punten[-1]:
                punten.pop()
            if len(set(punten)) < 3:
                continue
            x0, y0 = punten[0]
            stukken = [f"M{x0} {y0}l"]
            vorig = punten[0]
            stappen: list[str] = []
            for x, y in punten[1:]:
                dx, dy = x - vorig[0], y - vorig[1]
                stappen.append(f"{dx} {dy}")
                vorig = (x, y)
            # a minus sign separates numbers by itself: "l3 -2-4 5"
            stukken.append(" ".join(stappen).replace(" -", "-"))
            stukken.append("z")
            delen.append("".join(stukken))
    return "".join(delen)


def _vormen(
    fs: Sequence[Feature],
    bogen_scherm: Sequence[Sequence[tuple[int, int]]],
    topo: dict[str, Any],
) -> dict[str, Vorm]:
    """Features re-assembled from the screen arcs (projected, rounded, simplified)."""
    object_naam = next(iter(topo["objects"]))
    codes = {str(f.eigenschappen.get("statcode")) for f in fs}
    uit: dict[str, Vorm] = {}
    geschaald = features(topo, object_naam, arcs=bogen_scherm)
    for f in geschaald:
        code = str(f.eigenschappen.get("statcode"))
        if code not in codes:
            continue
        veelhoeken = [[[(int(x), int(y)) for x, y in r] for r in v] for v in f.veelhoeken]
        punt = markeerpunt(f.veelhoeken)
        uit[code] = Vorm(
            code=code,
            naam=str(f.eigenschappen.get("statnaam", code)),
            pad=pad_d(veelhoeken),
            punt=(round(punt[0], 1), round(punt[1], 1)) if punt else None,
        )
    return uit


def _schermbogen(
    pad: Path, kader: tuple[float, float, float, float], schaal: float, tolerantie: float
) -> list[list[tuple[int, int]]]:
    minx, miny, _, _ = kader
    uit: list[list[tuple[int, int]]] = []
    for boog in _vlakbogen(pad):
        punten = [
            (round((x - minx) * schaal + MARGE), round((y - miny) * schaal + MARGE))
            for x, y in boog
        ]
        ontdubbeld = [p for i, p in enumerate(punten) if i == 0 or p != punten[i - 1]]
        if len(ontdubbeld) == 1 and len(punten) > 1:
            ontdubbeld.append(ontdubbeld[0])
        vereenvoudigd = vereenvoudig([(float(x), float(y)) for x, y in ontdubbeld], tolerantie)
        uit.append([(int(x), int(y)) for x, y in vereenvoudigd])
    return uit


@lru_cache(maxsize=16)
def kaartgeometrie(
    gemeente_codes: frozenset[str] | None,
    *,
    breedte: int = 800,
    tolerantie: float = 0.8,
    provincie_codes: frozenset[str] | None = frozenset(),
) -> Kaartgeometrie:
    """The paths of the gemeenten ``gemeente_codes`` (None: every gemeente) fitted in a view box
    ``breedte`` units wide, and of the provincies ``provincie_codes`` (None: all; empty: none).
    Cached: a second call with the same arguments costs nothing."""
    alle = gemeente_features()
    gekozen = [
        f
        for f in alle
        if gemeente_codes is None or f.eigenschappen.get("statcode") in gemeente_codes
    ]
    kader = _kader(gekozen)
    minx, miny, maxx, maxy = kader
    schaal = (breedte - 2 * MARGE) / (maxx - minx)
    hoogte = math.ceil((maxy - miny) * schaal + 2 * MARGE)
    gemeenten = _vormen(
        gekozen, _schermbogen(GEMEENTEN, kader, schaal, tolerantie), topologie(GEMEENTEN)
    )
    provincies: dict[str, Vorm] = {}
    if provincie_codes is None or provincie_codes:
        pv = [
            f
            for f in provincie_features()
            if provincie_codes is None or f.eigenschappen.get("statcode") in provincie_codes
        ]
        provincies = _vormen(
            pv, _schermbogen(PROVINCIES, kader, schaal, tolerantie), topologie(PROVINCIES)
        )
    return Kaartgeometrie(
        breedte=breedte, hoogte=hoogte, gemeenten=gemeenten, provincies=provincies
    )
