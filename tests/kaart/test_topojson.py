"""The TopoJSON decoder and the cached geometry (pure Python, the real CBS files)."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.kaart import geometrie
from regietafel.kaart.topojson import (
    Feature,
    binnen,
    bogen,
    features,
    markeerpunt,
    oppervlakte,
    ring,
    vereenvoudig,
)

# Two unit squares side by side sharing the arc x=1 (arc 0), quantised with a transform:
# arc 0: (1,0)->(1,1)  arc 1: (1,1)->(0,1)->(0,0)->(1,0)  arc 2: (1,0)->(2,0)->(2,1)->(1,1)
# and a square with a square hole, and a MultiPolygon of two triangles.
KLEIN = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10, 50]},
    "arcs": [
        [[2, 0], [0, 4]],
        [[2, 4], [-2, 0], [0, -4], [2, 0]],
        [[2, 0], [2, 0], [0, 4], [-2, 0]],
        [[0, 40], [8, 0], [0, 16], [-8, 0], [0, -16]],
        [[2, 44], [0, 8], [4, 0], [0, -8], [-4, 0]],
        [[20, 0], [2, 0], [-2, 4], [0, -4]],
        [[30, 0], [2, 0], [-2, 4], [0, -4]],
    ],
    "objects": {
        "vlakken": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "properties": {"statcode": "GM0001"}},
                {"type": "Polygon", "arcs": [[2, -1]], "properties": {"statcode": "GM0002"}},
                {"type": "Polygon", "arcs": [[3], [4]], "properties": {"statcode": "GM0003"}},
                {
                    "type": "MultiPolygon",
                    "arcs": [[[5]], [[6]]],
                    "properties": {"statcode": "GM0004"},
                },
                {"type": None, "properties": {"statcode": "GM0005"}},
            ],
        }
    },
}


def test_arcs_are_delta_decoded_and_transformed() -> None:
    arcs = bogen(KLEIN)
    assert arcs[0] == [(11.0, 50.0), (11.0, 51.0)]
    assert arcs[1] == [(11.0, 51.0), (10.0, 51.0), (10.0, 50.0), (11.0, 50.0)]
    assert arcs[3][1] == (14.0, 60.0)


def test_untransformed_topology_keeps_coordinates() -> None:
    topo = {"type": "Topology", "arcs": [[[1.5, 2.5], [3, 4]]], "objects": {}}
    assert bogen(topo) == [[(1.5, 2.5), (3.0, 4.0)]]


def test_rings_join_arcs_and_reverse_negative_indexes() -> None:
    arcs = bogen(KLEIN)
    # ~0 == -1: arc 0 reversed; the shared point is written once.
    assert ring([2, -1], arcs) == [
        (11.0, 50.0),
        (12.0, 50.0),
        (12.0, 51.0),
        (11.0, 51.0),
        (11.0, 50.0),
    ]


def test_features_polygon_multipolygon_hole_and_null() -> None:
    fs = features(KLEIN)
    assert [f.eigenschappen["statcode"] for f in fs] == [
        "GM0001",
        "GM0002",
        "GM0003",
        "GM0004",
        "GM0005",
    ]
    links, rechts, met_gat, twee, leeg = fs
    assert abs(oppervlakte(links.veelhoeken[0][0])) == pytest.approx(1.0)
    assert abs(oppervlakte(rechts.veelhoeken[0][0])) == pytest.approx(1.0)
    # the shared border: the left square's east side is the right square's west side
    assert (11.0, 50.0) in links.veelhoeken[0][0] and (11.0, 50.0) in rechts.veelhoeken[0][0]
    assert len(met_gat.veelhoeken) == 1 and len(met_gat.veelhoeken[0]) == 2
    assert binnen((10.5, 61.0), met_gat.veelhoeken[0])
    assert not binnen((12.0, 62.0), met_gat.veelhoeken[0])  # in the hole
    assert len(twee.veelhoeken) == 2
    assert leeg.veelhoeken == ()
    assert markeerpunt(leeg.veelhoeken) is None


def test_unknown_geometry_type_is_refused() -> None:
    topo = {
        "type": "Topology",
        "arcs": [],
        "objects": {"x": {"type": "GeometryCollection", "geometries": [{"type": "Point"}]}},
    }
    with pytest.raises(ValueError, match="Point"):
        features(topo)


def test_marker_point_lies_inside_a_concave_polygon() -> None:
    # a U shape: its centroid lies in the notch, outside the polygon
    u = [
        [
            (0.0, 0.0),
            (3.0, 0.0),
            (3.0, 3.0),
            (2.0, 3.0),
            (2.0, 1.0),
            (1.0, 1.0),
            (1.0, 3.0),
            (0.0, 3.0),
        ]
    ]
    punt = markeerpunt([u])
    assert punt is not None and binnen(punt, u)


@given(
    st.lists(
        st.tuples(st.integers(-1000, 1000), st.integers(-1000, 1000)), min_size=2, max_size=60
    ),
    st.floats(0, 50),
)
def test_simplify_keeps_end_points_and_only_drops_points(
    punten: list[tuple[int, int]], tolerantie: float
) -> None:
    p = [(float(x), float(y)) for x, y in punten]
    uit = vereenvoudig(p, tolerantie)
    assert uit[0] == p[0] and uit[-1] == p[-1]
    # an order-preserving subsequence of the input
    it = iter(p)
    assert all(any(q == r for r in it) for q in uit)


def test_real_file_has_342_gemeenten_and_12_in_drenthe() -> None:
    fs: tuple[Feature, ...] = geometrie.gemeente_features()
    codes = [str(f.eigenschappen["statcode"]) for f in fs]
    assert len(fs) == 342 and len(set(codes)) == 342
    assert all(f.veelhoeken for f in fs)
    with (geometrie.DATA / "gemeenten_2025.csv").open(encoding="utf-8") as fh:
        register = {r["cbs_code"]: r for r in csv.DictReader(fh)}
    assert set(codes) == set(register)
    drenthe = frozenset(c for c, r in register.items() if r["provincie"] == "Drenthe")
    assert len(drenthe) == 12 and "GM0106" in drenthe
    assert len(geometrie.provincie_features()) == 12

    kaart = geometrie.kaartgeometrie(drenthe, provincie_codes=frozenset({"PV22"}))
    assert sorted(kaart.gemeenten) == sorted(drenthe)
    assert kaart.gemeenten["GM0106"].naam == "Assen"
    assert list(kaart.provincies) == ["PV22"]
    for vorm in kaart.gemeenten.values():
        assert vorm.pad.startswith("M") and vorm.pad.endswith("z")
        assert vorm.punt is not None
        x, y = vorm.punt
        assert 0 <= x <= kaart.breedte and 0 <= y <= kaart.hoogte
    # cached: the same object on a second call
    assert geometrie.kaartgeometrie(drenthe, provincie_codes=frozenset({"PV22"})) is kaart


def test_national_geometry_is_small() -> None:
    kaart = geometrie.kaartgeometrie(None, provincie_codes=None)
    assert len(kaart.gemeenten) == 342 and len(kaart.provincies) == 12
    assert all(v.pad for v in kaart.gemeenten.values())
    paden = sum(len(v.pad) for v in kaart.gemeenten.values()) + sum(
        len(v.pad) for v in kaart.provincies.values()
    )
    assert paden < 60_000
