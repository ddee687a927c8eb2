"""A small TopoJSON decoder, pure Python (no Django): arcs, quantisation, Polygon and MultiPolygon.

TopoJSON (https://github.com/topojson/topojson-specification) stores every shared border once as
an *arc*; a polygon ring is a list of arc indexes, where a negative index ``~i`` (``-i - 1``)
means arc ``i`` reversed. A quantised topology (with a ``transform``) stores each arc as a first
integer position followed by deltas; ``scale`` and ``translate`` turn them back into coordinates.
Consecutive arcs of a ring share their end and start point, which is written once.

Only what the boundary files need: ``Polygon``, ``MultiPolygon`` and null geometries in a
``GeometryCollection``; other types raise ``ValueError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Punt = tuple[float, float]
Ring = list[Punt]
Veelhoek = list[Ring]
"""A polygon: the outer ring, then its holes."""


@dataclass(frozen=True)
class Feature:
    eigenschappen: Mapping[str, Any]
    veelhoeken: tuple[Veelhoek, ...]
    """The polygons of the feature (one for a Polygon, several for a MultiPolygon)."""


def bogen(topologie: Mapping[str, Any]) -> list[list[Punt]]:
    """Every arc as absolute coordinates (delta-decoded and transformed when quantised)."""
    transform = topologie.get("transform")
    uit: list[list[Punt]] = []
    if transform is None:
        for boog in topologie["arcs"]:
            uit.append([(float(p[0]), float(p[1])) for p in boog])
        return uit
    sx, sy = (float(v) for v in transform["scale"])
    tx, ty = (float(v) for v in transform["translate"])
    for boog in topologie["arcs"]:
        x = y = 0
        punten: list[Punt] = []
        for p in boog:
            x += int(p[0])
            y += int(p[1])
            punten.append((x * sx + tx, y * sy + ty))
        uit.append(punten)
    return uit


def ring(indexen: Sequence[int], arcs: Sequence[Sequence[Punt]]) -> Ring:
    """A ring from arc indexes; a negative index ``~i`` is arc ``i`` reversed."""
    punten: Ring = []
    for index in indexen:
        boog = list(arcs[~index])[::-1] if index < 0 else list(arcs[index])
        if punten:
            boog = boog[1:]  # the first point repeats the previous arc's last point
        punten.extend(boog)
    return punten


def features(
    topologie: Mapping[str, Any],
    object_naam: str | None = None,
    arcs: Sequence[Sequence[Punt]] | None = None,
) -> list[Feature]:
    """The geometries of one object of the topology (the only one, when ``object_naam`` is None).

    ``arcs`` may be given already decoded (and, for instance, projected and simplified: shared
    borders stay shared, so simplifying arcs keeps neighbouring polygons fitting)."""
    if topologie.get("type") != "Topology":
        raise ValueError("geen TopoJSON-topologie (type is niet 'Topology')")
    objecten = topologie["objects"]
    if object_naam is None:
        if len(objecten) != 1:
            raise ValueError(f"kies een object: {sorted(objecten)}")
        object_naam = next(iter(objecten))
    arcs = bogen(topologie) if arcs is None else arcs
    obj = objecten[object_naam]
    geometrieen = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    uit: list[Feature] = []
    for geo in geometrieen:
        soort = geo.get("type")
        veelhoeken: tuple[Veelhoek, ...]
        if soort == "Polygon":
            veelhoeken = (_veelhoek(geo["arcs"], arcs),)
        elif soort == "MultiPolygon":
            veelhoeken = tuple(_veelhoek(v, arcs) for v in geo["arcs"])
        elif soort is None:
            veelhoeken = ()
        else:
            raise ValueError(f"geometrietype {soort!r} wordt niet ondersteund")
        uit.append(Feature(eigenschappen=geo.get("properties") or {}, veelhoeken=veelhoeken))
    return uit


def _veelhoek(ringen: Sequence[Sequence[int]], arcs: Sequence[Sequence[Punt]]) -> Veelhoek:
    return [ring(r, arcs) for r in ringen]


# --- Geometry helpers ---------------------------------------------------------------------


def oppervlakte(r: Sequence[Punt]) -> float:
    """Signed area (shoelace); the sign depends on the ring's orientation."""
    n = len(r)
    s = 0.0
    for i in range(n):
        x1, y1 = r[i]
        x2, y2 = r[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return s / 2


def zwaartepunt(r: Sequence[Punt]) -> Punt:
    """The centroid of a ring (the mean of its points for a degenerate ring)."""
    a = oppervlakte(r)
    if abs(a) < 1e-12:
        return (sum(p[0] for p in r) / len(r), sum(p[1] for p in r) / len(r))
    cx = cy = 0.0
    n = len(r)
    for i in range(n):
        x1, y1 = r[i]
        x2, y2 = r[(i + 1) % n]
        f = x1 * y2 - x2 * y1
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    return (cx / (6 * a), cy / (6 * a))


def binnen(punt: Punt, veelhoek: Veelhoek) -> bool:
    """Even-odd point-in-polygon (holes count)."""
    x, y = punt
    in_ = False
    for r in veelhoek:
        n = len(r)
        for i in range(n):
            x1, y1 = r[i]
            x2, y2 = r[(i + 1) % n]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                in_ = not in_
    return in_


def markeerpunt(veelhoeken: Sequence[Veelhoek]) -> Punt | None:
    """A point for a marker: the centroid of the largest polygon when it lies inside, otherwise
    the middle of the widest inside stretch of the horizontal line through that centroid."""
    kandidaten = [v for v in veelhoeken if v and len(v[0]) >= 3]
    if not kandidaten:
        return None
    grootste = max(kandidaten, key=lambda v: abs(oppervlakte(v[0])))
    c = zwaartepunt(grootste[0])
    if binnen(c, grootste):
        return c
    y = c[1]
    snijpunten: list[float] = []
    for r in grootste:
        n = len(r)
        for i in range(n):
            x1, y1 = r[i]
            x2, y2 = r[(i + 1) % n]
            if (y1 > y) != (y2 > y):
                snijpunten.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    snijpunten.sort()
    stukken = list(zip(snijpunten[::2], snijpunten[1::2], strict=False))
    if not stukken:
        return c
    a, b = max(stukken, key=lambda s: s[1] - s[0])
    return ((a + b) / 2, y)


def vereenvoudig(punten: Sequence[Punt], tolerantie: float) -> list[Punt]:
    """Douglas–Peucker: drop points closer than ``tolerantie`` to the simplified line; the end
    points always stay (so arcs keep meeting their neighbours)."""
    n = len(punten)
    if n <= 2 or tolerantie <= 0:
        return list(punten)
    houden = [False] * n
    houden[0] = houden[-1] = True
    stapel = [(0, n - 1)]
    t2 = tolerantie * tolerantie
    while stapel:
        begin, eind = stapel.pop()
        ax, ay = punten[begin]
        bx, by = punten[eind]
        dx, dy = bx - ax, by - ay
        lengte2 = dx * dx + dy * dy
        verst, verst_i = -1.0, -1
        for i in range(begin + 1, eind):
            px, py = punten[i]
            if lengte2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / lengte2))
                qx, qy = ax + t * dx, ay + t * dy
                d2 = (px - qx) ** 2 + (py - qy) ** 2
            if d2 > verst:
                verst, verst_i = d2, i
        if verst > t2:
            houden[verst_i] = True
            stapel.append((begin, verst_i))
            stapel.append((verst_i, eind))
    return [p for p, h in zip(punten, houden, strict=True) if h]


def transformeer(
    arcs: Sequence[Sequence[Punt]], functie: Callable[[Punt], Punt]
) -> list[list[Punt]]:
    return [[functie(p) for p in boog] for boog in arcs]
