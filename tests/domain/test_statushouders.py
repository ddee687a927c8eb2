"""R4: the statushouders ledger, checked against COA's overzicht of 1-11-2025 (seed 000)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.statushouders import (
    VergunninghoudersInvoer,
    VergunninghoudersStand,
    controleer_stand,
    stand_vergunninghouders,
    totaal_vergunninghouders,
)

# Seed 000: stand 1 jan, taakstelling H1, realisatie H1, stand 1 jul, taakstelling H2,
# correcties, taakstelling incl., realisatie jul..dec, realisatie totaal, achter/voor.
SEED_000 = {
    "Aa en Hunze": (32, 22, 12, 42, 19, 0, 61, (9, 10, 3, 4, 0, 0), 26, 35),
    "Assen": (13, 58, 34, 37, 50, 0, 87, (9, 3, 25, 2, 0, 0), 39, 48),
    "Borger-Odoorn": (25, 22, 11, 36, 19, 0, 55, (1, 4, 3, 2, 0, 0), 10, 45),
    "Coevorden": (31, 30, 33, 28, 26, 0, 54, (3, 0, 1, 1, 0, 0), 5, 49),
    "De Wolden": (22, 21, 15, 28, 18, 0, 46, (4, 0, 0, 0, 0, 0), 4, 42),
    "Emmen": (59, 91, 63, 87, 79, 0, 166, (17, 35, 6, 27, 0, 0), 85, 81),
    "Hoogeveen": (57, 47, 40, 64, 41, 0, 105, (0, 9, 5, 11, 0, 0), 25, 80),
    "Meppel": (4, 30, 12, 22, 26, 0, 48, (4, 5, 3, 6, 0, 0), 18, 30),
    "Midden-Drenthe": (40, 29, 26, 43, 25, 0, 68, (3, 12, 8, 0, 0, 0), 23, 45),
    "Noordenveld": (2, 27, 23, 6, 23, 0, 29, (1, 0, 0, 4, 0, 0), 5, 24),
    "Tynaarlo": (30, 29, 19, 40, 25, 0, 65, (3, 5, 6, 5, 0, 0), 19, 46),
    "Westerveld": (6, 17, 2, 21, 14, 0, 35, (10, 22, 7, 0, 0, 0), 39, -4),
}
SEED_000_TOTAAL = (321, 423, 290, 454, 365, 0, 819, (64, 105, 67, 62, 0, 0), 298, 521)


def invoer(
    rij: tuple[int, int, int, int, int, int, int, tuple[int, ...], int, int],
) -> VergunninghoudersInvoer:
    jan, t1, r1, _jul, t2, corr, _incl, maanden, _tot, _av = rij
    # COA reports the months up to the peildatum (1-11-2025): jul..okt.
    return VergunninghoudersInvoer(jan, t1, r1, t2, corr, maanden[:4])


def afgeleid(stand: VergunninghoudersStand) -> tuple[object, ...]:
    return (
        stand.stand_1_jan,
        stand.taakstelling_h1,
        stand.realisatie_h1,
        stand.stand_1_jul,
        stand.taakstelling_h2,
        stand.correcties,
        stand.taakstelling_incl,
        stand.realisatie_maanden,
        stand.realisatie_totaal,
        stand.achter_voor,
    )


@pytest.mark.parametrize("gemeente", list(SEED_000))
def test_seed_000_rows(gemeente: str) -> None:
    assert afgeleid(stand_vergunninghouders(invoer(SEED_000[gemeente]))) == SEED_000[gemeente]


def test_westerveld_has_a_voorsprong() -> None:
    stand = stand_vergunninghouders(VergunninghoudersInvoer(6, 17, 2, 14, 0, (10, 22, 7)))
    assert stand.stand_1_jul == 21
    assert stand.taakstelling_incl == 35
    assert stand.realisatie_maanden == (10, 22, 7, 0, 0, 0)
    assert stand.realisatie_totaal == 39
    assert stand.achter_voor == -4
    assert (stand.achterstand, stand.voorsprong) == (0, 4)


def test_seed_000_province_total() -> None:
    standen = [stand_vergunninghouders(invoer(rij)) for rij in SEED_000.values()]
    totaal = totaal_vergunninghouders(standen)
    assert afgeleid(totaal) == SEED_000_TOTAAL
    # The total row sums the columns: achterstand 525 and voorsprong 4, not max(0, ±521).
    assert (totaal.achterstand, totaal.voorsprong) == (525, 4)
    assert sum(1 for s in standen if s.achterstand) == 11
    assert sum(1 for s in standen if s.voorsprong) == 1


def test_seed_000_reported_figures_agree() -> None:
    for rij in SEED_000.values():
        av = rij[9]
        gerapporteerd = {
            "stand_1_jul": rij[3],
            "taakstelling_incl": rij[6],
            "realisatie_totaal": rij[8],
            "achter_voor": av,
        }
        if av > 0:
            gerapporteerd["achterstand"] = av
        else:
            gerapporteerd["voorsprong"] = av  # printed negative, as in the seed
        assert controleer_stand(gerapporteerd, stand_vergunninghouders(invoer(rij))) == []


def test_controleer_stand_names_disagreeing_fields_in_table_order() -> None:
    stand = stand_vergunninghouders(VergunninghoudersInvoer(6, 17, 2, 14, 0, (10, 22, 7)))
    gerapporteerd = {"voorsprong": 5, "achter_voor": -4, "stand_1_jul": 22, "achterstand": 0}
    assert controleer_stand(gerapporteerd, stand) == ["stand_1_jul", "voorsprong"]
    assert controleer_stand({"voorsprong": -4}, stand) == []
    assert controleer_stand({"voorsprong": 4}, stand) == []
    assert controleer_stand({"achterstand": 4}, stand) == ["achterstand"]


def test_controleer_stand_rejects_unknown_fields() -> None:
    stand = stand_vergunninghouders(VergunninghoudersInvoer(0, 0, 0, 0, 0, ()))
    with pytest.raises(ValueError, match="stand_1_aug"):
        controleer_stand({"stand_1_aug": 0}, stand)


def test_negative_carried_over_stand_is_allowed() -> None:
    stand = stand_vergunninghouders(VergunninghoudersInvoer(-4, 10, 3, 8, -1, (2,)))
    assert stand.stand_1_jul == 3
    assert stand.taakstelling_incl == 10
    assert stand.achter_voor == 8


def test_more_than_six_months_raises() -> None:
    with pytest.raises(ValueError):
        stand_vergunninghouders(VergunninghoudersInvoer(0, 0, 0, 0, 0, (1,) * 7))


def test_negative_month_raises() -> None:
    with pytest.raises(ValueError):
        stand_vergunninghouders(VergunninghoudersInvoer(0, 0, 0, 0, 0, (1, -1)))


def test_empty_total_is_all_zero() -> None:
    totaal = totaal_vergunninghouders([])
    assert afgeleid(totaal) == (0, 0, 0, 0, 0, 0, 0, (0,) * 6, 0, 0)
    assert (totaal.achterstand, totaal.voorsprong) == (0, 0)


def test_an_inconsistent_stand_cannot_be_built() -> None:
    stand = stand_vergunninghouders(VergunninghoudersInvoer(6, 17, 2, 14, 0, (10, 22, 7)))
    with pytest.raises(ValueError, match="stand_1_jul"):
        dataclasses.replace(stand, stand_1_jul=22)
    with pytest.raises(ValueError):
        dataclasses.replace(stand, achterstand=1, voorsprong=4)
    with pytest.raises(ValueError):
        dataclasses.replace(stand, realisatie_maanden=(10, 22, 7))


personen = st.integers(min_value=0, max_value=500)
invoeren = st.builds(
    VergunninghoudersInvoer,
    stand_1_jan=st.integers(min_value=-100, max_value=500),
    taakstelling_h1=personen,
    realisatie_h1=personen,
    taakstelling_h2=personen,
    correcties=st.integers(min_value=-50, max_value=50),
    realisatie_maanden=st.lists(personen, max_size=6).map(tuple),
)


@given(invoeren)
def test_achter_voor_identity(i: VergunninghoudersInvoer) -> None:
    s = stand_vergunninghouders(i)
    realisatie = sum(i.realisatie_maanden)
    assert s.realisatie_totaal == realisatie
    assert (
        s.achter_voor
        == (i.stand_1_jan + i.taakstelling_h1 - i.realisatie_h1 + i.taakstelling_h2 + i.correcties)
        - realisatie
    )
    assert s.achterstand - s.voorsprong == s.achter_voor
    assert min(s.achterstand, s.voorsprong) == 0
    assert s.realisatie_maanden[: len(i.realisatie_maanden)] == i.realisatie_maanden
    assert len(s.realisatie_maanden) == 6


@given(st.lists(invoeren, max_size=15))
def test_total_is_the_field_wise_sum_of_the_rows(rijen: list[VergunninghoudersInvoer]) -> None:
    standen = [stand_vergunninghouders(i) for i in rijen]
    totaal = totaal_vergunninghouders(standen)
    for veld in dataclasses.fields(VergunninghoudersStand):
        if veld.name == "realisatie_maanden":
            for m in range(6):
                assert totaal.realisatie_maanden[m] == sum(s.realisatie_maanden[m] for s in standen)
        else:
            assert getattr(totaal, veld.name) == sum(getattr(s, veld.name) for s in standen)


@given(st.lists(invoeren, max_size=15))
def test_total_of_rows_is_the_stand_of_the_summed_input(
    rijen: list[VergunninghoudersInvoer],
) -> None:
    totaal = totaal_vergunninghouders(stand_vergunninghouders(i) for i in rijen)
    maanden = [0] * 6
    for i in rijen:
        for m, n in enumerate(i.realisatie_maanden):
            maanden[m] += n
    som = VergunninghoudersInvoer(
        sum(i.stand_1_jan for i in rijen),
        sum(i.taakstelling_h1 for i in rijen),
        sum(i.realisatie_h1 for i in rijen),
        sum(i.taakstelling_h2 for i in rijen),
        sum(i.correcties for i in rijen),
        tuple(maanden),
    )
    assert afgeleid(totaal) == afgeleid(stand_vergunninghouders(som))
    assert totaal.achterstand >= max(0, totaal.achter_voor)
