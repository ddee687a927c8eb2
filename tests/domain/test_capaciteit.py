"""R7: the capacity projection (regietafel.domain.capaciteit), without Django."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.domain.capaciteit import (
    Contract,
    Plaatsen,
    Status,
    aflopend_in_venster,
    maanden,
    plus_maanden,
    projectie,
    telt_mee,
)

D = dt.date
ASSEN = Contract(
    "azc Assen", "Assen", Status.GEREALISEERD, Plaatsen(regulier=1000), D(2017, 3, 1), D(2026, 4, 1)
)
MEPPEL = Contract(
    "Noodopvang Meppel",
    "Meppel",
    Status.GEREALISEERD,
    Plaatsen(overig=192),
    D(2022, 11, 1),
    D(2026, 3, 31),
)
NOORDENVELD = Contract(
    "AMV Noordenveld",
    "Noordenveld",
    Status.GEREALISEERD,
    Plaatsen(amv=43),
    D(2022, 8, 30),
    D(2026, 3, 1),
)


def test_the_2026_cliff_of_seed_001() -> None:
    p = {m.maand: m.plaatsen for m in projectie([ASSEN, MEPPEL, NOORDENVELD], D(2026, 2, 1), 3)}
    assert p[D(2026, 2, 1)] == Plaatsen(regulier=1000, amv=43, overig=192)
    # Noordenveld ends on 1-3: no longer on the first day of March; Meppel ends on 31-3.
    assert p[D(2026, 3, 1)] == Plaatsen(regulier=1000, overig=192)
    # "tot 1-4-2026": Assen no longer counts in April.
    assert p[D(2026, 4, 1)] == Plaatsen()


def test_partial_months_follow_the_first_day() -> None:
    c = Contract(
        "x", "g", Status.GEREALISEERD, Plaatsen(regulier=10), D(2026, 1, 15), D(2026, 3, 2)
    )
    assert [telt_mee(c, m) for m in maanden(D(2026, 1, 1), 4)] == [False, True, True, False]


def test_status_rules() -> None:
    gepland_zonder_datum = Contract("a", "g", Status.GEPLAND, Plaatsen(amv=50))
    gepland = Contract("b", "g", Status.GEPLAND, Plaatsen(amv=50), D(2026, 6, 1))
    gerealiseerd_open = Contract("c", "g", Status.GEREALISEERD, Plaatsen(overig=87))
    beeindigd_zonder_einde = Contract("d", "g", Status.BEEINDIGD, Plaatsen(regulier=5))
    onbepaald = Contract(
        "e", "g", Status.GEREALISEERD, Plaatsen(regulier=430), D(1993, 9, 1), D(2020, 1, 1), True
    )
    dag = D(2026, 5, 1)
    assert not telt_mee(gepland_zonder_datum, dag)
    assert not telt_mee(gepland, dag) and telt_mee(gepland, D(2026, 6, 1))
    assert telt_mee(gerealiseerd_open, dag)
    assert not telt_mee(beeindigd_zonder_einde, dag)
    assert telt_mee(onbepaald, dag)


def test_ending_contracts_in_the_window() -> None:
    uit = aflopend_in_venster([ASSEN, MEPPEL, NOORDENVELD], D(2025, 11, 1), 5)
    assert [c.naam for c in uit] == ["AMV Noordenveld", "Noodopvang Meppel"]


def test_invalid_input() -> None:
    with pytest.raises(ValueError):
        Plaatsen(regulier=-1)
    with pytest.raises(ValueError):
        Contract("x", "g", Status.GEPLAND, Plaatsen(), D(2026, 2, 1), D(2026, 1, 1))
    with pytest.raises(ValueError):
        maanden(D(2026, 1, 1), 0)


def test_plus_maanden() -> None:
    assert plus_maanden(D(2025, 11, 20), 2) == D(2026, 1, 1)
    assert plus_maanden(D(2026, 1, 31), -1) == D(2025, 12, 1)


datums = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))
plaatsen = st.builds(
    Plaatsen,
    st.integers(0, 2000),
    st.integers(0, 200),
    st.integers(0, 500),
    st.integers(0, 300),
)


@st.composite
def contracten(draw: st.DrawFn) -> Contract:
    van = draw(st.none() | datums)
    tot = draw(st.none() | datums)
    if van and tot and tot < van:
        van, tot = tot, van
    return Contract(
        draw(st.text(min_size=1, max_size=5)),
        draw(st.sampled_from(["Assen", "Emmen", "Meppel"])),
        draw(st.sampled_from(list(Status))),
        draw(plaatsen),
        van,
        tot,
        draw(st.booleans()),
    )


@settings(deadline=None)  # a shared, busy test machine
@given(st.lists(contracten(), max_size=8), datums, st.integers(1, 30), st.data())
def test_ending_earlier_never_adds_places(lijst, van, aantal, data) -> None:  # type: ignore[no-untyped-def]
    if not lijst:
        return
    i = data.draw(st.integers(0, len(lijst) - 1))
    c = lijst[i]
    if c.status is Status.BEEINDIGD and c.tot is None:
        return  # ended without a date counts nowhere: giving it one is no "earlier"
    eerder = data.draw(datums.filter(lambda d: c.van is None or d >= c.van))
    if c.einde is not None and eerder > c.einde:
        return
    korter = Contract(c.naam, c.gemeente, c.status, c.plaatsen, c.van, eerder, False)
    voor = projectie(lijst, van, aantal)
    na = projectie([*lijst[:i], korter, *lijst[i + 1 :]], van, aantal)
    for a, b in zip(voor, na, strict=True):
        for soort in ("regulier", "amv", "oekraine", "overig"):
            assert getattr(b.plaatsen, soort) <= getattr(a.plaatsen, soort)


@settings(deadline=None)
@given(st.lists(contracten(), max_size=10), datums, st.integers(1, 30))
def test_provincie_is_the_sum_of_its_gemeenten(lijst, van, aantal) -> None:  # type: ignore[no-untyped-def]
    provincie = projectie(lijst, van, aantal)
    per_gemeente = [
        projectie([c for c in lijst if c.gemeente == g], van, aantal)
        for g in ("Assen", "Emmen", "Meppel")
    ]
    for i, m in enumerate(provincie):
        som = Plaatsen()
        for reeks in per_gemeente:
            som = som + reeks[i].plaatsen
        assert som == m.plaatsen
    assert [m.maand for m in provincie] == list(maanden(van, aantal))
