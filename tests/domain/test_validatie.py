"""The validation report: the known defects of the seeds are named, not copied."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.domain.invulling import invulling
from regietafel.domain.statushouders import VergunninghoudersInvoer
from regietafel.domain.validatie import (
    Bevinding,
    Ernst,
    InvullingVolgensBron,
    controleer_invulling,
    controleer_namen,
    controleer_som,
    controleer_vergunninghouders,
    controleer_voortgang,
    naam_sleutel,
)

BRON_PUZZEL = "Provinciaal verslag 2024, PUZZEL, Oekraïne opgave 2025"
BRON_NIDOS = "Factsheet opvang bij Nidos, 3 november 2025"
BRON_COA = "COA overzicht huisvesting vergunninghouders, peildatum 01-11-2025"

# Seed 001, PUZZEL table: Ukraine opgave 2025 per gemeente; the source's total is 5.722.
OEKRAINE_OPGAVE = {
    "Aa en Hunze": 293,
    "Assen": 791,
    "Borger-Odoorn": 295,
    "Coevorden": 407,
    "De Wolden": 280,
    "Emmen": 1240,
    "Hoogeveen": 643,
    "Meppel": 404,
    "Midden-Drenthe": 387,
    "Noordenveld": 360,
    "Tynaarlo": 394,
    "Westerveld": 226,
}

# Seed 000, Nidos factsheet: gemeente as printed -> (gerealiseerd, taakstelling).
NIDOS = {
    "AA EN HUNZE": (0, 5),
    "ASSEN": (33, 14),
    "BORGER-ODOORN": (0, 5),
    "COEVORDEN": (0, 7),
    "DE WOLDEN": (0, 5),
    "EMMEN": (8, 21),
    "HOOGVEEN": (0, 11),
    "MEPPEL": (0, 7),
    "MIDDEN-DRENTHE": (6, 7),
    "NOORDENVELD": (12, 6),
    "TYNAARLO": (0, 7),
    "WESTERVELD": (14, 0),
}

REGISTER = (
    "Aa en Hunze",
    "Assen",
    "Borger-Odoorn",
    "Coevorden",
    "De Wolden",
    "Emmen",
    "Hoogeveen",
    "Meppel",
    "Midden-Drenthe",
    "Noordenveld",
    "Tynaarlo",
    "Westerveld",
)


def test_ukraine_rows_do_not_add_up_to_the_stated_total() -> None:
    assert controleer_som(BRON_PUZZEL, OEKRAINE_OPGAVE, 5722) == [
        Bevinding(
            code="som_wijkt_af",
            ernst=Ernst.WAARSCHUWING,
            melding="De rijen tellen op tot 5.720, het totaal in de bron is 5.722 (verschil 2).",
            bron=BRON_PUZZEL,
        )
    ]


def test_rows_that_add_up_give_no_finding() -> None:
    assert controleer_som(BRON_PUZZEL, OEKRAINE_OPGAVE, 5720) == []
    assert controleer_som(BRON_PUZZEL, {}, 0) == []


def test_nidos_14_of_0_is_not_0_percent() -> None:
    bevindingen = controleer_voortgang(BRON_NIDOS, NIDOS)
    assert len(bevindingen) == 1
    (b,) = bevindingen
    assert b.code == "voortgang_zonder_taakstelling"
    assert b.ernst is Ernst.WAARSCHUWING
    assert b.gemeente == "WESTERVELD"
    assert b.bron == BRON_NIDOS
    assert b.melding == (
        "WESTERVELD: 14 gerealiseerd bij een taakstelling van 0; de voortgang is n.v.t. (niet 0%)."
    )


def test_westerveld_message_as_in_the_brief() -> None:
    (b,) = controleer_voortgang(BRON_NIDOS, {"Westerveld": (14, 0), "Assen": (33, 14)})
    assert b.melding.startswith("Westerveld: 14 gerealiseerd bij een taakstelling van 0;")


def westerveld(**gerapporteerd: int) -> tuple[VergunninghoudersInvoer, dict[str, int]]:
    return VergunninghoudersInvoer(6, 17, 2, 14, 0, (10, 22, 7, 0)), gerapporteerd


def test_r4_agreeing_row_gives_no_finding() -> None:
    rijen = {
        "Westerveld": westerveld(
            stand_1_jul=21,
            taakstelling_incl=35,
            realisatie_totaal=39,
            achter_voor=-4,
            voorsprong=-4,
        )
    }
    assert controleer_vergunninghouders(BRON_COA, rijen) == []


def test_r4_stand_1_jul_off_by_one_is_an_error() -> None:
    rijen = {
        "Assen": (VergunninghoudersInvoer(13, 58, 34, 50, 0, (9, 3, 25, 2)), {"stand_1_jul": 37}),
        "Westerveld": westerveld(stand_1_jul=22, taakstelling_incl=35),
    }
    assert controleer_vergunninghouders(BRON_COA, rijen) == [
        Bevinding(
            code="stand_r4",
            ernst=Ernst.FOUT,
            melding="Westerveld: stand op 1 juli is in de bron 22, berekend 21.",
            bron=BRON_COA,
            gemeente="Westerveld",
        )
    ]


def test_r4_one_finding_per_disagreeing_field() -> None:
    rijen = {"Westerveld": westerveld(achter_voor=4, achterstand=4, voorsprong=0)}
    bevindingen = controleer_vergunninghouders(BRON_COA, rijen)
    assert [b.code for b in bevindingen] == ["stand_r4"] * 3
    assert [b.melding for b in bevindingen] == [
        "Westerveld: achter/voor is in de bron 4, berekend \u22124.",
        "Westerveld: achterstand is in de bron 4, berekend 0.",
        "Westerveld: voorsprong is in de bron 0, berekend 4.",
    ]


def test_r4_province_total_must_be_the_sum_of_the_rows() -> None:
    rijen = {
        "Assen": (VergunninghoudersInvoer(13, 58, 34, 50, 0, (9, 3, 25, 2)), {}),
        "Westerveld": westerveld(),
    }
    goed = {"stand_1_jan": 19, "achter_voor": 44, "achterstand": 48, "voorsprong": -4}
    assert controleer_vergunninghouders(BRON_COA, rijen, totaal=goed) == []
    fout = {**goed, "achterstand": 44}
    (b,) = controleer_vergunninghouders(BRON_COA, rijen, totaal=fout)
    assert b.code == "totaal_r4"
    assert b.ernst is Ernst.FOUT
    assert b.gemeente is None
    assert b.melding == "Totaal: achterstand is in de bron 44, berekend 48."


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Midden Drenthe", "MIDDEN-DRENTHE"),
        ("Midden-Drenthe", "midden  drenthe"),
        (" Aa en Hunze ", "AA EN HUNZE"),
        ("Borger-Odoorn", "Borger - Odoorn"),
    ],
)
def test_naam_sleutel_matches_spellings(a: str, b: str) -> None:
    assert naam_sleutel(a) == naam_sleutel(b)


def test_naam_sleutel_keeps_different_names_apart() -> None:
    assert naam_sleutel("Hoogeveen") != naam_sleutel("HOOGVEEN")
    assert naam_sleutel("MIDDEN-DRENTHE") == "midden drenthe"


def test_hoogveen_suggests_hoogeveen() -> None:
    bevindingen = controleer_namen(BRON_NIDOS, NIDOS, REGISTER)
    assert bevindingen == [
        Bevinding(
            code="onbekende_gemeente",
            ernst=Ernst.FOUT,
            melding="„HOOGVEEN” staat niet in het register van gemeenten. Bedoelt u Hoogeveen?",
            bron=BRON_NIDOS,
            gemeente="HOOGVEEN",
        )
    ]


def test_unknown_name_is_reported_once_and_without_a_far_fetched_suggestion() -> None:
    bevindingen = controleer_namen("bron", ["Zwolle", "ZWOLLE", "Assen"], REGISTER)
    assert [b.melding for b in bevindingen] == [
        "„Zwolle” staat niet in het register van gemeenten."
    ]


def test_all_register_names_are_known() -> None:
    assert controleer_namen("bron", REGISTER, REGISTER) == []
    assert controleer_namen("bron", ["Midden Drenthe"], REGISTER) == []


# --------------------------------------------------- Bijlage 1 as printed against as computed

NAMEN = {"regulier": "Asielopvang regulier", "amv": "Asielopvang AMV"}
BRON_BIJLAGE1 = "Provinciaal verslag Drenthe 31-10-2024, Bijlage 1"
# Seed 001: opgave 2.462 regulier + 229 AMV; offered 3.814 regulier + 341 AMV.
BIJLAGE1_BEREKEND = invulling({"regulier": 2462, "amv": 229}, [("regulier", 3814), ("amv", 341)])


def test_seed_001_bijlage_1_mixes_the_types_and_contradicts_itself() -> None:
    regulier, amv = controleer_invulling(
        BRON_BIJLAGE1,
        BIJLAGE1_BEREKEND,
        [
            InvullingVolgensBron("regulier", 2691, 4155, 0),
            InvullingVolgensBron("amv", 229, 141, 200),
        ],
        NAMEN,
    )
    assert (regulier.code, regulier.ernst, regulier.bron) == (
        "invulling_bron",
        Ernst.FOUT,
        BRON_BIJLAGE1,
    )
    assert regulier.melding == (
        "Asielopvang regulier: de bron noemt een opgave van 2.691, 4.155 ingevuld en 0 nog in te "
        "vullen. Daarin zijn regulier en AMV samengenomen: de opgave 2.691 is regulier 2.462 en "
        "AMV 229 samen; ingevuld 4.155 is regulier 3.814 en AMV 341 samen. Per type berekend: "
        "opgave 2.462, ingevuld 3.814, nog in te vullen 0."
    )
    assert amv.melding == (
        "Asielopvang AMV: de bron noemt een opgave van 229, 141 ingevuld en 200 nog in te vullen. "
        "De cijfers spreken elkaar tegen: 141 ingevuld en 200 nog in te vullen is samen 341, niet "
        "de opgave van 229. Het aanbod van de gemeenten is samen 341 plekken, niet 141. Per type "
        "berekend: opgave 229, ingevuld 341, nog in te vullen 0."
    )


def test_a_source_that_agrees_gives_no_finding_and_missing_figures_are_not_compared() -> None:
    assert (
        controleer_invulling(
            BRON_BIJLAGE1,
            BIJLAGE1_BEREKEND,
            [InvullingVolgensBron("regulier", 2462, 3814, 0), InvullingVolgensBron("amv", 229)],
        )
        == []
    )


def test_a_plain_difference_is_named_with_both_figures() -> None:
    (b,) = controleer_invulling(
        "bron", BIJLAGE1_BEREKEND, [InvullingVolgensBron("regulier", 2400, 3814)], NAMEN
    )
    assert "De provinciale opgave is 2.462, niet 2.400." in b.melding
    assert "samengenomen" not in b.melding


aantallen = st.integers(0, 5000)


@settings(max_examples=200, deadline=None)
@given(
    st.tuples(aantallen, aantallen, aantallen, aantallen),
    st.tuples(st.none() | aantallen, st.none() | aantallen, st.none() | aantallen),
)
def test_invulling_findings_exactly_when_the_source_differs_or_contradicts_itself(
    berekend: tuple[int, int, int, int], bron: tuple[int | None, int | None, int | None]
) -> None:
    opgave_r, opgave_a, aanbod_r, aanbod_a = berekend
    totaal = invulling(
        {"regulier": opgave_r, "amv": opgave_a}, [("regulier", aanbod_r), ("amv", aanbod_a)]
    )
    b = InvullingVolgensBron("amv", *bron)
    amv = totaal.per_type[1]
    anders = any(
        w is not None and w != getattr(amv, veld)
        for veld, w in zip(("opgave", "ingevuld", "nog_in_te_vullen"), bron, strict=True)
    )
    tegenstrijdig = None not in bron and bron[2] != max(0, bron[0] - bron[1])  # type: ignore[operator]
    bevindingen = controleer_invulling("bron", totaal, [b], NAMEN)
    assert len(bevindingen) == (1 if anders or tegenstrijdig else 0)
    for f in bevindingen:
        assert f.melding.startswith("Asielopvang AMV: de bron noemt ")
        assert not re.search(r"\bR\d+\b", f.melding)
