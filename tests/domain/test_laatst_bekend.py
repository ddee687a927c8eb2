"""The latest known figure (issue 16.2): never a false tekort, never a missing figure as 0."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.laatst_bekend import (
    NIET_AANGELEVERD,
    Bekend,
    Cijfer,
    Dekking,
    Status,
    Vergelijking,
    aangeleverd_op,
    bekend,
    dekking,
    laatst_bekend,
    laatst_bekend_reeks,
    standaard_peildatum,
    totaal,
    volledig,
)

OKT_2024 = dt.date(2024, 10, 1)
NOV_2025 = dt.date(2025, 11, 1)
JAN_2026 = dt.date(2026, 1, 1)

# Seed 000: Oekraïne per 01-11-2025 and the ambitie in force (opgave), for four gemeenten.
OEKRAINE_NOV = {"Aa en Hunze": (431, 430), "Assen": (822, 792), "Borger-Odoorn": (310, 385)}


def _drenthe() -> list[Cijfer[str]]:
    cijfers = [Cijfer(g, "oekraine", NOV_2025, n) for g, (n, _) in OEKRAINE_NOV.items()]
    cijfers.append(Cijfer("Assen", "oekraine", OKT_2024, 792))
    cijfers.append(Cijfer("Assen", "oekraine", JAN_2026, 830))  # the Assen scenario
    return cijfers


def test_the_latest_figure_on_or_before_p_with_its_own_date() -> None:
    per = laatst_bekend(_drenthe(), JAN_2026)
    assert bekend(per, "Assen", "oekraine") == Bekend(830, JAN_2026, Status.ACTUEEL)
    aa = bekend(per, "Aa en Hunze", "oekraine")
    assert aa == Bekend(431, NOV_2025, Status.OUDER)
    assert aa.tekst == "stand 01-11-2025"
    # no figure at all: niet aangeleverd, never 0
    assert bekend(per, "Emmen", "oekraine") is NIET_AANGELEVERD
    assert NIET_AANGELEVERD.aantal is None and NIET_AANGELEVERD.tekst == "niet aangeleverd"
    # an earlier peildatum does not see the later figures
    per_nov = laatst_bekend(_drenthe(), NOV_2025)
    assert bekend(per_nov, "Assen", "oekraine") == Bekend(822, NOV_2025, Status.ACTUEEL)
    assert bekend(laatst_bekend(_drenthe(), OKT_2024), "Aa en Hunze", "oekraine").aantal is None


def test_two_current_figures_for_one_key_are_an_error() -> None:
    dubbel = [Cijfer("Assen", "oekraine", NOV_2025, 1), Cijfer("Assen", "oekraine", NOV_2025, 2)]
    with pytest.raises(ValueError, match="twee cijfers"):
        laatst_bekend(dubbel, NOV_2025)
    with pytest.raises(ValueError, match="negatief"):
        laatst_bekend([Cijfer("Assen", "amv", NOV_2025, -1)], NOV_2025)
    with pytest.raises(ValueError):
        Bekend(None, NOV_2025, Status.OUDER)


def test_no_verschil_without_a_figure_or_without_an_opgave() -> None:
    assert Vergelijking(792, Bekend(830, JAN_2026, Status.ACTUEEL)).verschil == 38
    zonder_cijfer = Vergelijking(996)
    assert zonder_cijfer.verschil is None and not zonder_cijfer.tekort  # not −996
    zonder_opgave = Vergelijking(None, Bekend(792, OKT_2024, Status.ACTUEEL))
    assert zonder_opgave.verschil is None and not zonder_opgave.tekort
    assert Vergelijking(0, Bekend(32, NOV_2025, Status.ACTUEEL)).verschil == 32
    assert Vergelijking(0).leeg and Vergelijking(None).leeg
    assert not Vergelijking(50).leeg


def test_the_assen_scenario_totals() -> None:
    """Assen delivers 830 for 01-01-2026: the others keep their figure of 01-11-2025, and the
    total is no tekort of 4.818 but the sum of what is known, with how complete it is."""
    per = laatst_bekend(_drenthe(), JAN_2026)
    rijen = [Vergelijking(o, bekend(per, g, "oekraine")) for g, (_, o) in OEKRAINE_NOV.items()]
    rijen.append(Vergelijking(996))  # Emmen: an opgave, never a figure
    t = totaal(rijen, JAN_2026)
    assert (t.opgave, t.realisatie, t.verschil) == (430 + 792 + 385 + 996, 431 + 830 + 310, -36)
    assert t.met_verschil == 3 and t.zonder_cijfer == 1
    assert t.verschil_tekst == (
        "verschil over de 3 gemeenten met een cijfer; 1 gemeente met een opgave zonder cijfer"
    )
    d = t.dekking
    assert d.tekst == "1 van 4 gemeenten actueel per 01-01-2026"
    assert d.volledige_tekst == (
        "1 van 4 gemeenten actueel per 01-01-2026 (2 met een oudere stand, 1 niet aangeleverd)"
    )
    assert not d.volledig and d.ontbreekt == 3
    assert not volledig([d])


def test_complete_means_every_gemeente_with_an_opgave_delivered_for_p() -> None:
    # AMV per 01-11-2025: the gemeenten without an AMV opgave need not deliver.
    rijen = [
        Vergelijking(50, Bekend(0, NOV_2025, Status.ACTUEEL)),
        Vergelijking(0, Bekend(0, OKT_2024, Status.OUDER)),
        Vergelijking(0),
    ]
    d = dekking(rijen, NOV_2025)
    assert d.volledig and (d.actueel, d.ouder, d.niet_aangeleverd) == (1, 1, 1)
    # a soort without any figure dated P does not count; no figure at all is not complete
    leeg = dekking([Vergelijking(50, Bekend(3, OKT_2024, Status.OUDER))], NOV_2025)
    assert not leeg.volledig
    assert volledig([d, leeg])
    assert not volledig([leeg])
    assert not volledig([])


def test_the_dashboard_opens_on_the_latest_complete_peildatum() -> None:
    assert standaard_peildatum([(JAN_2026, False), (NOV_2025, True), (OKT_2024, True)]) == NOV_2025
    assert standaard_peildatum([(JAN_2026, False), (NOV_2025, False)]) == JAN_2026
    assert standaard_peildatum([]) is None
    with pytest.raises(ValueError, match="van nieuw naar oud"):
        standaard_peildatum([(NOV_2025, False), (JAN_2026, True)])


def test_older_peildata_are_not_judged_once_a_complete_one_is_found() -> None:
    gevraagd: list[dt.date] = []

    def lui() -> Iterator[tuple[dt.date, bool]]:
        for datum, vol in ((JAN_2026, False), (NOV_2025, True), (OKT_2024, True)):
            gevraagd.append(datum)
            yield datum, vol

    assert standaard_peildatum(lui()) == NOV_2025
    assert gevraagd == [JAN_2026, NOV_2025]


def test_dekking_refuses_counts_that_do_not_add_up() -> None:
    with pytest.raises(ValueError):
        Dekking(NOV_2025, 3, 1, 1, 0, 1, 1)
    with pytest.raises(ValueError):
        Dekking(NOV_2025, 2, 1, 1, 0, 1, 2)


# --- properties -------------------------------------------------------------------------

GEMEENTEN = ("a", "b", "c", "d")
SOORTEN = ("oekraine", "regulier")
MAANDEN = tuple(dt.date(2024 + m // 12, m % 12 + 1, 1) for m in range(24))

cijfer = st.builds(
    Cijfer,
    st.sampled_from(GEMEENTEN),
    st.sampled_from(SOORTEN),
    st.sampled_from(MAANDEN),
    st.integers(0, 2000),
)


def _uniek(cijfers: list[Cijfer[str]]) -> list[Cijfer[str]]:
    """One figure per gemeente, soort and peildatum (the last wins), as the database holds."""
    return list({(c.gemeente, c.soort, c.peildatum): c for c in cijfers}.values())


cijfers = st.lists(cijfer, max_size=40).map(_uniek)


@given(cijfers, cijfer, st.sampled_from(MAANDEN))
def test_adding_a_figure_never_changes_another_gemeentes_figure_or_status(
    bestaand: list[Cijfer[str]], nieuw: Cijfer[str], p: dt.date
) -> None:
    voor = laatst_bekend(bestaand, p)
    na = laatst_bekend(_uniek([*bestaand, nieuw]), p)
    for g in GEMEENTEN:
        for s in SOORTEN:
            if (g, s) != (nieuw.gemeente, nieuw.soort):
                assert bekend(voor, g, s) == bekend(na, g, s)
    # and another gemeente's verschil and tekort stay as they were
    for g in GEMEENTEN:
        if g != nieuw.gemeente:
            for s in SOORTEN:
                assert Vergelijking(100, bekend(voor, g, s)) == Vergelijking(100, bekend(na, g, s))


@given(cijfers, st.sampled_from(MAANDEN))
def test_the_figure_chosen_is_never_dated_after_p_and_is_the_latest(
    lijst: list[Cijfer[str]], p: dt.date
) -> None:
    per = laatst_bekend(lijst, p)
    for (g, s), b in per.items():
        assert b.peildatum is not None and b.peildatum <= p
        eerder = [c for c in lijst if c.gemeente == g and c.soort == s and c.peildatum <= p]
        laatste = max(eerder, key=lambda c: c.peildatum)
        assert (b.aantal, b.peildatum) == (laatste.aantal, laatste.peildatum)
        assert b.status is (Status.ACTUEEL if laatste.peildatum == p else Status.OUDER)
    for c in lijst:
        if c.peildatum <= p:
            assert (c.gemeente, c.soort) in per


@given(cijfers, st.lists(st.sampled_from(MAANDEN), max_size=8))
def test_the_sweep_gives_the_same_answer_on_every_peildatum(
    lijst: list[Cijfer[str]], peildata: list[dt.date]
) -> None:
    reeks = laatst_bekend_reeks(lijst, peildata)
    assert set(reeks) == set(peildata)
    for p in peildata:
        assert reeks[p] == laatst_bekend(lijst, p)


opgave = st.one_of(st.none(), st.integers(0, 1500))


@given(
    cijfers,
    st.lists(opgave, min_size=len(GEMEENTEN), max_size=len(GEMEENTEN)),
    st.sampled_from(MAANDEN),
)
def test_completeness_counts_add_up_and_totals_are_sums_of_what_exists(
    lijst: list[Cijfer[str]], opgaven: list[int | None], p: dt.date
) -> None:
    per = laatst_bekend(lijst, p)
    rijen = [
        Vergelijking(o, bekend(per, g, "oekraine")) for g, o in zip(GEMEENTEN, opgaven, strict=True)
    ]
    t = totaal(rijen, p)
    d = t.dekking
    assert d.actueel + d.ouder + d.niet_aangeleverd == d.gemeenten == len(GEMEENTEN)
    assert d.actueel == sum(
        1
        for g in GEMEENTEN
        if any(c.gemeente == g and c.soort == "oekraine" and c.peildatum == p for c in lijst)
    )
    assert d.verwacht_actueel <= d.verwacht and d.ontbreekt >= 0
    bekende = [r.realisatie for r in rijen if r.realisatie is not None]
    assert t.realisatie == (sum(bekende) if bekende else None)
    # the verschil is over the gemeenten with a figure and an opgave: never −opgave
    verschillen = [
        r.realisatie - r.opgave for r in rijen if r.realisatie is not None and r.opgave is not None
    ]
    assert t.verschil == (sum(verschillen) if verschillen else None)
    assert t.met_verschil == len(verschillen)
    for r in rijen:
        if r.realisatie is None:
            assert r.verschil is None and not r.tekort
    # which gemeenten delivered on p
    assert aangeleverd_op(lijst, p) == {c.gemeente for c in lijst if c.peildatum == p}


@given(st.lists(st.tuples(st.sampled_from(MAANDEN), st.booleans()), max_size=10))
def test_the_default_is_the_latest_complete_else_the_newest(
    paren: list[tuple[dt.date, bool]],
) -> None:
    uniek = sorted(dict(paren).items(), reverse=True)
    volledige = [d for d, vol in uniek if vol]
    verwacht = max(volledige) if volledige else (uniek[0][0] if uniek else None)
    assert standaard_peildatum(uniek) == verwacht
