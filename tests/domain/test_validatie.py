"""The validation report: the known defects of the seeds are named, not copied."""

from __future__ import annotations

import pytest

from regietafel.domain.statushouders import VergunninghoudersInvoer
from regietafel.domain.validatie import (
    Bevinding,
    Ernst,
    controleer_namen,
    controleer_som,
    controleer_vergunninghouders,
    controleer_voortgang,
    formatteer_getal,
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


def test_formatteer_getal() -> None:
    assert formatteer_getal(0) == "0"
    assert formatteer_getal(999) == "999"
    assert formatteer_getal(5720) == "5.720"
    assert formatteer_getal(1234567) == "1.234.567"
    assert formatteer_getal(-670) == "\u2212670"
    assert formatteer_getal(-5722) == "\u22125.722"


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
            melding="Westerveld: stand op 1 juli is in de bron 22, volgens R4 21.",
            bron=BRON_COA,
            gemeente="Westerveld",
        )
    ]


def test_r4_one_finding_per_disagreeing_field() -> None:
    rijen = {"Westerveld": westerveld(achter_voor=4, achterstand=4, voorsprong=0)}
    bevindingen = controleer_vergunninghouders(BRON_COA, rijen)
    assert [b.code for b in bevindingen] == ["stand_r4"] * 3
    assert [b.melding for b in bevindingen] == [
        "Westerveld: achter/voor is in de bron 4, volgens R4 \u22124.",
        "Westerveld: achterstand is in de bron 4, volgens R4 0.",
        "Westerveld: voorsprong is in de bron 0, volgens R4 4.",
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
    assert b.melding == "Totaal: achterstand is in de bron 44, volgens R4 48."


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
