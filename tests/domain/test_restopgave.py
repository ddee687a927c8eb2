"""R3: completing a verdeelbesluit — restopgave, exclusions, water-filling, min-5, caps."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

from regietafel.domain.restopgave import (
    TYPEN,
    Casus,
    GemeenteInvoer,
    Opvangtype,
    PerType,
    Uitkomst,
    Uitruil,
    verdeel_restopgave,
)
from regietafel.verdeling.casus import lees_casus, uitkomst_json

VOORBEELDEN = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden"


def gem(
    naam: str,
    ind: tuple[int, int],
    verslag: tuple[int, int] = (0, 0),
    *,
    inwoners: int = 1000,
    kansrijk: tuple[int, int] = (0, 0),
    historisch: int = 0,
    oekraine: int = 0,
) -> GemeenteInvoer:
    return GemeenteInvoer(
        naam=naam,
        inwoners=inwoners,
        indicatief_regulier=ind[0],
        indicatief_amv=ind[1],
        verslag_regulier=verslag[0],
        verslag_amv=verslag[1],
        kansrijk_regulier=kansrijk[0],
        kansrijk_amv=kansrijk[1],
        historisch_gemiddelde=historisch,
        oekraine_plaatsen=oekraine,
    )


def casus(
    opgave: tuple[int, int],
    *gemeenten: GemeenteInvoer,
    oekraine_totaal: int | None = None,
    uitruil: tuple[Uitruil, ...] = (),
    groepen: tuple[tuple[str, ...], ...] = (),
) -> Casus:
    return Casus("Testland", opgave[0], opgave[1], oekraine_totaal, gemeenten, uitruil, groepen)


def extra(u: Uitkomst, t: Opvangtype) -> dict[str, int]:
    return {g.naam: g.extra.van(t) for g in u.gemeenten}


def uitgesloten(u: Uitkomst, t: Opvangtype) -> dict[str, tuple[str, ...]]:
    return {g.naam: g.uitgesloten.van(t) for g in u.gemeenten if g.uitgesloten.van(t)}


# ------------------------------------------------------------------ public examples


def voorbeelden() -> list[str]:
    namen = sorted(
        p.stem for p in VOORBEELDEN.glob("verdeel-*.json") if not p.name.endswith(".expected.json")
    )
    assert len(namen) >= 2, f"de voorbeelden ontbreken in {VOORBEELDEN}"
    return namen


@pytest.mark.parametrize("naam", voorbeelden())
def test_public_example_reproduces_expected_file_exactly(naam: str) -> None:
    invoer = json.loads((VOORBEELDEN / f"{naam}.json").read_text(encoding="utf-8"))
    verwacht = json.loads((VOORBEELDEN / f"{naam}.expected.json").read_text(encoding="utf-8"))
    uit = uitkomst_json(verdeel_restopgave(lees_casus(invoer)))
    assert uit.pop("stappen")
    assert uit == verwacht


def test_variant_percentages_are_exact_fractions() -> None:
    data = json.loads((VOORBEELDEN / "verdeel-drenthe-variant.json").read_text(encoding="utf-8"))
    u = verdeel_restopgave(lees_casus(data))
    # regular: (525 + 237 credited) / 938 indicative of the gemeenten below the level
    assert u.percentage.regulier == Fraction(762, 938)
    # AMV: (169 + 40) / 148, above 100 %: the cap is on the total, not per type
    assert u.percentage.amv == Fraction(209, 148)
    assert u.gemeente("Tynaarlo").uitgesloten.amv == ()


# ----------------------------------------------------------- steps 1–3: restopgave


def test_initial_is_verslag_plus_kansrijk_and_rest_per_type() -> None:
    u = verdeel_restopgave(
        casus((100, 10), gem("A", (60, 6), (20, 2), kansrijk=(10, 1)), gem("B", (60, 6), (30, 0)))
    )
    assert u.gemeente("A").initieel.regulier == 30
    assert u.gemeente("A").initieel.amv == 3
    assert u.rest.regulier == 100 - 60
    assert u.rest.amv == 10 - 3
    soorten = [s.soort for s in u.stappen]
    assert soorten.count("overgenomen") == 2
    assert soorten.count("toegevoegd") == 1


def test_no_rest_means_nothing_to_do_and_nobody_excluded() -> None:
    # A meets every exclusion criterion, but with nothing to distribute nobody is listed.
    u = verdeel_restopgave(
        casus(
            (50, 5),
            gem("A", (40, 4), (60, 6), historisch=500, oekraine=999),
            gem("B", (40, 4), (0, 0)),
            oekraine_totaal=10,
        )
    )
    assert u.rest.regulier == -10
    assert u.restopgave.regulier == 0
    assert u.restopgave.amv == 0
    assert u.percentage.regulier is None
    assert u.percentage.amv is None
    assert u.onverdeeld.regulier == u.onverdeeld.amv == 0
    assert uitgesloten(u, "regulier") == {}
    assert uitgesloten(u, "amv") == {}
    assert all(g.extra.regulier == g.extra.amv == 0 for g in u.gemeenten)


def test_rest_in_one_type_only() -> None:
    u = verdeel_restopgave(casus((40, 10), gem("A", (20, 5), (40, 0)), gem("B", (20, 5))))
    assert u.restopgave.regulier == 0
    assert u.percentage.regulier is None
    assert uitgesloten(u, "regulier") == {}
    assert uitgesloten(u, "amv") == {"A": ("aanbod_dekt_indicatief",)}
    assert extra(u, "amv") == {"A": 0, "B": 10}


# --------------------------------------------------------------- step 4a: exclusions


def test_aanbod_dekt_indicatief_counts_both_types_and_includes_the_boundary() -> None:
    u = verdeel_restopgave(
        casus(
            (300, 30),
            gem("Gelijk", (90, 10), (100, 0)),  # 100 ≥ 100: excluded
            gem("Bijna", (90, 10), (99, 0)),  # 99 < 100: takes part
            gem("Leeg", (90, 10)),
        )
    )
    for t in TYPEN:
        assert uitgesloten(u, t) == {"Gelijk": ("aanbod_dekt_indicatief",)}
    assert u.gemeente("Gelijk").extra == PerType(0, 0)


def test_historische_bijdrage_is_strictly_above_the_total_indicative_number() -> None:
    u = verdeel_restopgave(
        casus(
            (200, 20),
            gem("Meer", (90, 10), historisch=101),
            gem("Gelijk", (90, 10), historisch=100),
            gem("Leeg", (90, 10)),
        )
    )
    for t in TYPEN:
        assert uitgesloten(u, t) == {"Meer": ("historische_bijdrage",)}


def test_oekraine_bijdrage_above_twice_the_proportional_share_exactly() -> None:
    # share of X = 300 × 1/3 = 100; 2 × 100 = 200 is not above, 201 is.
    gemeenten = (
        gem("X", (50, 5), inwoners=1, oekraine=201),
        gem("Y", (50, 5), inwoners=1, oekraine=200),
        gem("Z", (50, 5), inwoners=1),
    )
    u = verdeel_restopgave(casus((60, 20), *gemeenten, oekraine_totaal=300))
    for t in TYPEN:
        assert uitgesloten(u, t) == {"X": ("oekraine_bijdrage",)}
    zonder = verdeel_restopgave(casus((60, 20), *gemeenten))
    assert uitgesloten(zonder, "regulier") == {}


def test_uitruil_excludes_the_receiver_for_regular_only_and_keeps_the_places_at_the_giver() -> None:
    u = verdeel_restopgave(
        casus(
            (400, 20),
            gem("Gever", (100, 10), (300, 0)),
            gem("Ontvanger", (100, 10)),
            gem("Derde", (100, 10)),
            uitruil=(Uitruil("Gever", "Ontvanger", 100),),
        )
    )
    assert uitgesloten(u, "regulier") == {
        "Gever": ("aanbod_dekt_indicatief",),
        "Ontvanger": ("uitruil",),
    }
    assert uitgesloten(u, "amv") == {"Gever": ("aanbod_dekt_indicatief",)}
    assert u.gemeente("Gever").definitief.regulier == 300  # the decision keeps them at A
    assert u.gemeente("Ontvanger").definitief.regulier == 0
    assert extra(u, "regulier") == {"Gever": 0, "Ontvanger": 0, "Derde": 100}


def test_partial_uitruil_is_weighed_the_receiver_gets_a_smaller_share() -> None:
    u = verdeel_restopgave(
        casus(
            (200, 0),
            gem("Gever", (100, 100), (60, 0)),
            gem("Ontvanger", (100, 0)),
            gem("Derde", (100, 0)),
            uitruil=(Uitruil("Gever", "Ontvanger", 40),),
        )
    )
    # credited: Gever 20, Ontvanger 40, Derde 0; p = (140 + 60) / 300 = 2/3
    assert u.percentage.regulier == Fraction(2, 3)
    assert uitgesloten(u, "regulier") == {}
    assert u.gemeente("Ontvanger").extra_onafgerond.regulier == Fraction(200, 3) - 40
    assert u.gemeente("Gever").extra_onafgerond.regulier == Fraction(200, 3) - 20
    assert sum(extra(u, "regulier").values()) == 140


def test_uitruil_groep_is_excluded_when_together_it_meets_its_indicative_regular_number() -> None:
    gemeenten = (
        gem("P", (100, 10), (150, 0)),
        gem("Q", (100, 10), (50, 0)),
        gem("R", (100, 200)),
    )
    u = verdeel_restopgave(casus((300, 0), *gemeenten, groepen=(("P", "Q"),)))
    assert uitgesloten(u, "regulier") == {
        "P": ("aanbod_dekt_indicatief", "uitruil"),
        "Q": ("uitruil",),
    }
    assert extra(u, "regulier") == {"P": 0, "Q": 0, "R": 100}
    # one place short together: the group takes part
    kort = (gemeenten[0], gem("Q", (100, 10), (49, 0)), gemeenten[2])
    u = verdeel_restopgave(casus((300, 0), *kort, groepen=(("P", "Q"),)))
    assert "Q" not in uitgesloten(u, "regulier")


def test_uitruil_counts_the_net_credit_a_gemeente_that_also_gives_is_not_a_receiver() -> None:
    # Midden receives 10 from Noord and gives 20 to Zuid: credited 110 ≥ 100 indicative, but it
    # gives more than it receives, so uitruil alone does not exclude it.
    gemeenten = (
        gem("Midden", (100, 50), (120, 0)),  # 120 < 150: the offer does not cover it
        gem("Noord", (100, 50), (60, 0)),
        gem("Zuid", (100, 50)),
    )
    afspraken = (Uitruil("Noord", "Midden", 10), Uitruil("Midden", "Zuid", 20))
    u = verdeel_restopgave(casus((400, 0), *gemeenten, uitruil=afspraken))
    assert u.gemeente("Midden").uitgesloten.regulier == ()
    assert u.gemeente("Zuid").uitgesloten.regulier == ()  # receives 20, far below 100
    # credited: Midden 110, Noord 50, Zuid 20; p = (220 + 180) / 300 = 4/3
    assert u.percentage.regulier == Fraction(4, 3)
    assert u.gemeente("Midden").extra_onafgerond.regulier == Fraction(400, 3) - 110
    uitleg = next(s for s in u.stappen if s.soort == "uitruil" and s.gemeente == "Midden")
    assert "geeft per saldo 10" in uitleg.tekst
    saldo = next(s for s in u.stappen if s.tekst.startswith("Gecrediteerd regulier"))
    assert "Midden 110 (geeft per saldo 10)" in saldo.tekst
    assert "Zuid 20 (ontvangt per saldo 20)" in saldo.tekst


def test_uitruil_giving_and_receiving_as_much_is_no_reason() -> None:
    gemeenten = (
        gem("A", (100, 50), (100, 0)),  # credited 100 = indicative, net 0
        gem("B", (100, 50), (30, 0)),
        gem("C", (100, 50)),
    )
    afspraken = (Uitruil("A", "B", 30), Uitruil("B", "A", 30))
    u = verdeel_restopgave(casus((400, 0), *gemeenten, uitruil=afspraken))
    assert uitgesloten(u, "regulier") == {}
    # one more place received: A is a net receiver that reaches its indicative number
    meer = (Uitruil("A", "B", 29), Uitruil("B", "A", 30))
    u = verdeel_restopgave(casus((400, 0), *gemeenten, uitruil=meer))
    assert uitgesloten(u, "regulier") == {"A": ("uitruil",)}
    stap = next(s for s in u.stappen if s.reden == "uitruil")
    assert "ontvangt per saldo 1" in stap.tekst


def test_a_giver_that_covers_its_indicative_number_is_excluded_for_its_offer_alone() -> None:
    u = verdeel_restopgave(
        casus(
            (400, 0),
            gem("Gever", (100, 10), (300, 50)),  # gives 150, keeps a credit of 150 ≥ 100
            gem("Ontvanger", (200, 10)),
            gem("Derde", (100, 10)),
            uitruil=(Uitruil("Gever", "Ontvanger", 150),),
        )
    )
    assert u.gemeente("Gever").uitgesloten.regulier == ("aanbod_dekt_indicatief",)
    assert u.gemeente("Ontvanger").uitgesloten.regulier == ()  # 150 < 200


def test_a_receiver_without_an_indicative_regular_number_is_not_excluded_as_uitruil() -> None:
    u = verdeel_restopgave(
        casus(
            (300, 0),
            gem("Gever", (100, 100), (50, 0)),
            gem("Nul", (0, 100)),
            gem("Derde", (100, 100)),
            uitruil=(Uitruil("Gever", "Nul", 20),),
        )
    )
    assert u.gemeente("Nul").uitgesloten.regulier == ()
    assert u.gemeente("Nul").extra.regulier == 0  # water-filling cannot reach it either


def test_a_giver_is_excluded_as_uitruil_through_its_group() -> None:
    gemeenten = (
        gem("Gever", (100, 100), (150, 0)),  # 150 < 200: its offer alone does not cover it
        gem("Ontvanger", (100, 100), (0, 0)),
        gem("Derde", (100, 100)),
    )
    afspraken = (Uitruil("Gever", "Ontvanger", 60),)
    zonder = verdeel_restopgave(casus((400, 0), *gemeenten, uitruil=afspraken))
    assert uitgesloten(zonder, "regulier") == {}  # credited 90 and 60: neither reaches 100
    groep = verdeel_restopgave(
        casus((400, 0), *gemeenten, uitruil=afspraken, groepen=(("Gever", "Ontvanger"),))
    )
    # together 150 credited against 200 indicative: not enough, nobody excluded
    assert uitgesloten(groep, "regulier") == {}
    ruimer = (replace(gemeenten[0], verslag_regulier=200), *gemeenten[1:])
    groep = verdeel_restopgave(
        casus((400, 0), *ruimer, uitruil=afspraken, groepen=(("Gever", "Ontvanger"),))
    )
    # 140 + 60 = 200 ≥ 200: both members are excluded through the group, the giver too
    assert uitgesloten(groep, "regulier") == {
        "Gever": ("aanbod_dekt_indicatief", "uitruil"),
        "Ontvanger": ("uitruil",),
    }


def test_every_reason_that_applies_is_listed() -> None:
    u = verdeel_restopgave(
        casus(
            (100, 10),
            gem("A", (40, 4), (50, 0), inwoners=1, historisch=45, oekraine=100),
            gem("B", (40, 4), inwoners=1),
            oekraine_totaal=10,
        )
    )
    assert u.gemeente("A").uitgesloten.regulier == (
        "aanbod_dekt_indicatief",
        "historische_bijdrage",
        "oekraine_bijdrage",
    )


# ----------------------------------------------------------- step 4b: water-filling


def test_water_filling_brings_everyone_to_the_same_share() -> None:
    u = verdeel_restopgave(
        casus((250, 0), gem("A", (100, 20), (50, 0)), gem("B", (200, 20), (0, 0)))
    )
    # (200 + 50) / 300: A ends at 5/6 × 100, B at 5/6 × 200
    assert u.percentage.regulier == Fraction(5, 6)
    assert u.gemeente("A").extra_onafgerond.regulier == Fraction(100, 3)
    assert u.gemeente("B").extra_onafgerond.regulier == Fraction(500, 3)
    assert extra(u, "regulier") == {"A": 33, "B": 167}


def test_gemeente_already_above_the_level_gets_nothing() -> None:
    u = verdeel_restopgave(casus((140, 0), gem("Ver", (100, 50), (90, 0)), gem("Leeg", (100, 50))))
    assert u.percentage.regulier == Fraction(1, 2)
    assert extra(u, "regulier") == {"Ver": 0, "Leeg": 50}
    assert uitgesloten(u, "regulier") == {}
    # a higher level lifts Ver too, from its credited 90 on: 100p − 90 + 100p = 110
    u = verdeel_restopgave(casus((200, 0), gem("Ver", (100, 50), (90, 0)), gem("Leeg", (100, 50))))
    assert u.percentage.regulier == 1
    assert extra(u, "regulier") == {"Ver": 10, "Leeg": 100}


def test_cap_binds_inside_water_filling_and_p_is_still_defined() -> None:
    # A's cap: 100 − 10 = 90, reached at p = 1; after that only B rises: 90 + 100p = 300.
    u = verdeel_restopgave(
        casus((310, 0), gem("A", (100, 0), (10, 0)), gem("B", (100, 200), (0, 0)))
    )
    assert u.percentage.regulier == Fraction(21, 10)
    assert extra(u, "regulier") == {"A": 90, "B": 210}
    assert u.gemeente("A").totaal == 100
    assert u.onverdeeld.regulier == 0


def test_cap_limits_a_gemeente_below_the_level() -> None:
    u = verdeel_restopgave(
        casus((150, 0), gem("Klein", (100, 0), (0, 0)), gem("Groot", (100, 300), (0, 0)))
    )
    assert extra(u, "regulier") == {"Klein": 75, "Groot": 75}
    u = verdeel_restopgave(
        casus((150, 0), gem("Klein", (50, 10), (0, 0)), gem("Groot", (50, 300), (0, 0)))
    )
    # p·50 each; Klein stops at its cap 60, Groot takes the other 90: p = 90/50
    assert extra(u, "regulier") == {"Klein": 60, "Groot": 90}
    assert u.percentage.regulier == Fraction(9, 5)


def test_amv_caps_see_the_regular_extras() -> None:
    # regular: 40p + 40p = 100 → 50 each; A's AMV room is then 60 − 50 = 10, not 60
    u = verdeel_restopgave(casus((100, 70), gem("A", (40, 20)), gem("B", (40, 80))))
    assert extra(u, "regulier") == {"A": 50, "B": 50}
    assert extra(u, "amv") == {"A": 10, "B": 60}
    assert u.percentage.amv == Fraction(3, 4)
    assert u.gemeente("A").totaal == 60
    # and when the regular extras used up the room, the caps decide for AMV
    u = verdeel_restopgave(casus((80, 40), gem("A", (40, 20)), gem("B", (40, 20))))
    assert extra(u, "regulier") == {"A": 40, "B": 40}
    assert extra(u, "amv") == {"A": 20, "B": 20}
    assert u.percentage.amv is None
    assert u.onverdeeld.amv == 0


def test_no_amv_for_a_gemeente_without_an_indicative_amv_number() -> None:
    u = verdeel_restopgave(casus((0, 30), gem("A", (100, 0)), gem("B", (100, 30))))
    assert extra(u, "amv") == {"A": 0, "B": 30}
    # also when the caps decide: A cannot be reached by any level p
    u = verdeel_restopgave(casus((0, 100), gem("A", (100, 0)), gem("B", (10, 5))))
    assert u.percentage.amv is None
    assert extra(u, "amv") == {"A": 0, "B": 15}
    assert u.onverdeeld.amv == 85


# ----------------------------------------------------------- caps decide: onverdeeld


def test_caps_decide_p_is_null_everyone_gets_its_cap_and_the_remainder_is_onverdeeld() -> None:
    u = verdeel_restopgave(
        casus(
            (500, 0),
            gem("A", (100, 10), (0, 0)),  # cap 110
            gem("B", (100, 10), (107, 0)),  # cap 3: below 5, but min-5 does not apply here
            gem("C", (100, 10), (200, 0)),  # excluded
        )
    )
    assert u.percentage.regulier is None
    assert extra(u, "regulier") == {"A": 110, "B": 3, "C": 0}
    assert u.onverdeeld.regulier == 500 - 307 - 113
    assert "minder_dan_5" not in u.gemeente("B").uitgesloten.regulier
    assert any(s.soort == "plafonds" for s in u.stappen)
    # AMV then has no room left at all
    assert u.gemeente("A").totaal == 110


def test_caps_exactly_equal_to_the_rest_leave_nothing_onverdeeld() -> None:
    u = verdeel_restopgave(casus((30, 0), gem("A", (10, 5)), gem("B", (10, 5))))
    assert u.percentage.regulier is None
    assert extra(u, "regulier") == {"A": 15, "B": 15}
    assert u.onverdeeld.regulier == 0


def test_nobody_eligible_everything_onverdeeld() -> None:
    u = verdeel_restopgave(casus((100, 10), gem("A", (10, 1), (20, 0))))
    assert u.onverdeeld.regulier == 100 - 20
    assert u.onverdeeld.amv == 10
    assert u.percentage.regulier is None


# ------------------------------------------------------------------- min-5 rule


def test_min5_excludes_the_smallest_and_repeats() -> None:
    ruim = 1000  # AMV indicative numbers that keep the caps out of the way
    u = verdeel_restopgave(
        casus(
            (404, 0),
            gem("A", (100, ruim)),
            gem("B", (100, ruim)),
            gem("C", (100, ruim), (99, 0)),
            gem("D", (100, ruim), (98, 0)),
        )
    )
    # round 1: p = (207 + 197)/400 = 1.01: C 2, D 3 → exclude C (smallest)
    # round 2: p = (207 + 98)/300: D gets 3.67 → exclude D; round 3: A and B 103.5 each,
    # the tie in rounding goes to the name
    assert uitgesloten(u, "regulier") == {"C": ("minder_dan_5",), "D": ("minder_dan_5",)}
    assert extra(u, "regulier") == {"A": 104, "B": 103, "C": 0, "D": 0}
    assert u.percentage.regulier == Fraction(207, 200)
    soorten = [(s.soort, s.gemeente) for s in u.stappen if s.reden == "minder_dan_5"]
    assert soorten == [("uitgesloten", "C"), ("uitgesloten", "D")]


def test_min5_ties_by_name() -> None:
    u = verdeel_restopgave(
        casus(
            (304, 0),
            gem("A", (100, 1000)),
            gem("Zuid", (100, 1000), (99, 0)),  # 2.33, like Noord
            gem("Noord", (100, 1000), (99, 0)),
        )
    )
    eerste = next(s for s in u.stappen if s.reden == "minder_dan_5")
    assert eerste.gemeente == "Noord"
    assert set(uitgesloten(u, "regulier")) == {"Noord", "Zuid"}


def test_min5_never_excludes_if_the_rest_could_then_no_longer_be_placed() -> None:
    # B would get 2 (< 5), but A's cap is 10: without B only 10 of the 12 would fit.
    u = verdeel_restopgave(casus((20, 0), gem("A", (10, 0), (0, 0)), gem("B", (10, 100), (8, 0))))
    assert u.percentage.regulier is not None
    assert uitgesloten(u, "regulier") == {}
    assert extra(u, "regulier") == {"A": 10, "B": 2}
    assert any(s.soort == "niet_uitgesloten" and s.gemeente == "B" for s in u.stappen)


def test_min5_uses_the_unrounded_extra() -> None:
    # p = 1.0005: A 1000.5, B 4.5 — excluded on the unrounded 4.5; A then takes all 1005.
    u = verdeel_restopgave(
        casus((2001, 0), gem("A", (1000, 10**6)), gem("B", (1000, 10**6), (996, 0)))
    )
    assert u.gemeente("B").uitgesloten.regulier == ("minder_dan_5",)
    assert extra(u, "regulier") == {"A": 1005, "B": 0}
    stap = next(s for s in u.stappen if s.reden == "minder_dan_5")
    assert "4,50" in stap.tekst


# ------------------------------------------------------------------------ rounding


def test_rounding_ties_go_to_the_larger_unrounded_extra_then_the_name() -> None:
    # p·10 = 7.5: Zuid 7.5, Aa (credited 2) 5.5 — equal fractions, one unit left.
    u = verdeel_restopgave(casus((15, 0), gem("Zuid", (10, 10)), gem("Aa", (10, 10), (2, 0))))
    assert u.gemeente("Zuid").extra_onafgerond.regulier == Fraction(15, 2)
    assert extra(u, "regulier") == {"Zuid": 8, "Aa": 5}
    u = verdeel_restopgave(casus((11, 0), gem("Zuid", (10, 10)), gem("Aa", (10, 10))))
    assert extra(u, "regulier") == {"Zuid": 5, "Aa": 6}


def test_trace_speaks_dutch_and_covers_every_step() -> None:
    u = verdeel_restopgave(
        casus(
            (300, 20),
            gem("A", (100, 10), (150, 0)),
            gem("B", (100, 10), kansrijk=(10, 0)),
            gem("C", (100, 10)),
        )
    )
    soorten = {s.soort for s in u.stappen}
    assert {"overgenomen", "toegevoegd", "restopgave", "uitgesloten", "percentage"} <= soorten
    assert {"afronding", "verdeelbesluit"} <= soorten
    percentage = next(s for s in u.stappen if s.soort == "percentage")
    assert "%" in percentage.tekst
    assert "," in percentage.tekst  # Dutch decimal comma


# ---------------------------------------------------------------------- the casus


def test_casus_refuses_inconsistent_input() -> None:
    with pytest.raises(ValueError, match="twee keer"):
        casus((1, 1), gem("A", (1, 1)), gem("A", (1, 1)))
    with pytest.raises(ValueError, match="onbekende gemeente"):
        casus((1, 1), gem("A", (1, 1)), uitruil=(Uitruil("A", "B", 1),))
    with pytest.raises(ValueError, match="meer dan"):
        casus((1, 1), gem("A", (1, 1), (3, 0)), gem("B", (1, 1)), uitruil=(Uitruil("A", "B", 4),))
    with pytest.raises(ValueError):
        gem("A", (-1, 0))
    with pytest.raises(ValueError):
        gem("A", (True, 0))


# ---------------------------------------------------------------------- invariants


@st.composite
def casussen(draw: st.DrawFn) -> Casus:
    """Small provinces around the interesting region: rest > 0, levels near 100 %."""
    n = draw(st.integers(1, 7))
    namen = [f"G{i}" for i in range(n)]
    gemeenten = []
    for naam in namen:
        ind_r, ind_a = draw(st.integers(0, 60)), draw(st.integers(0, 12))
        gemeenten.append(
            gem(
                naam,
                (ind_r, ind_a),
                (draw(st.integers(0, ind_r + 10)), draw(st.integers(0, ind_a + 2))),
                inwoners=draw(st.integers(0, 1000)),
                kansrijk=(draw(st.integers(0, 5)), draw(st.integers(0, 2))),
                historisch=draw(st.integers(0, 10) | st.integers(0, 80)),
                oekraine=draw(st.integers(0, 50)),
            )
        )
    uitruil = []
    afgestaan = dict.fromkeys(namen, 0)
    for _ in range(draw(st.integers(0, 3))):
        van, voor = draw(st.sampled_from(namen)), draw(st.sampled_from(namen))
        g = next(g for g in gemeenten if g.naam == van)
        ruimte = g.initieel("regulier") - afgestaan[van]
        if van == voor or ruimte <= 0:
            continue
        aantal = draw(st.integers(0, ruimte))
        afgestaan[van] += aantal
        uitruil.append(Uitruil(van, voor, aantal))
    groepen: tuple[tuple[str, ...], ...] = ()
    if n >= 2 and draw(st.booleans()):
        groepen = (tuple(draw(st.permutations(namen))[: draw(st.integers(2, n))]),)
    inwoners = sum(g.inwoners for g in gemeenten)
    oekraine_totaal = draw(st.none() | st.integers(0, 200)) if inwoners else None
    som_r = sum(g.indicatief_regulier for g in gemeenten)
    som_a = sum(g.indicatief_amv for g in gemeenten)
    return Casus(
        "Hypothese",
        draw(st.integers(0, som_r + som_r // 4 + 5)),
        draw(st.integers(0, som_a + som_a // 4 + 5)),
        oekraine_totaal,
        tuple(gemeenten),
        tuple(uitruil),
        groepen,
    )


def _per_naam(c: Casus) -> dict[str, GemeenteInvoer]:
    return {g.naam: g for g in c.gemeenten}


@settings(max_examples=300, deadline=None)
@given(casussen())
def test_invariants(c: Casus) -> None:
    u = verdeel_restopgave(c)
    invoer = _per_naam(c)
    krediet = c.gecrediteerd_regulier()
    for t in TYPEN:
        som = sum(g.extra.van(t) for g in u.gemeenten)
        assert som + u.onverdeeld.van(t) == max(0, u.rest.van(t))
        assert u.restopgave.van(t) == max(0, u.rest.van(t))
        p = u.percentage.van(t)
        if p is not None:
            assert u.onverdeeld.van(t) == 0
        for g in u.gemeenten:
            assert g.extra.van(t) >= 0
            assert abs(g.extra.van(t) - g.extra_onafgerond.van(t)) < 1
            if g.uitgesloten.van(t):
                assert g.extra.van(t) == 0
                assert g.extra_onafgerond.van(t) == 0
            if u.rest.van(t) <= 0:
                assert g.uitgesloten.van(t) == ()
        if p is not None:
            # p solves the water-filling equation over the gemeenten that took part
            totaal = Fraction(0)
            for g in u.gemeenten:
                if g.uitgesloten.van(t):
                    continue
                i = invoer[g.naam]
                cap = i.indicatief_totaal - i.initieel_totaal
                cap -= g.extra.regulier if t == "amv" else 0
                cred = krediet[g.naam] if t == "regulier" else i.initieel("amv")
                aandeel = min(Fraction(cap), max(Fraction(0), p * i.indicatief(t) - cred))
                assert g.extra_onafgerond.van(t) == aandeel
                totaal += aandeel
                klein = 0 < aandeel < 5
                if klein:
                    assert any(
                        s.soort == "niet_uitgesloten" and s.opvangtype == t for s in u.stappen
                    )
            assert totaal == u.rest.van(t)
    for g in u.gemeenten:
        i = invoer[g.naam]
        # nobody ends above its total indicative number unless its initial already was
        assert g.totaal <= max(i.indicatief_totaal, i.initieel_totaal)


@settings(max_examples=100, deadline=None)
@given(casussen(), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_input_order(c: Casus, rnd: random.Random) -> None:
    gemeenten = list(c.gemeenten)
    rnd.shuffle(gemeenten)
    geschud = Casus(
        c.provincie,
        c.opgave_regulier,
        c.opgave_amv,
        c.oekraine_totaal,
        tuple(gemeenten),
        c.uitruil,
        c.uitruil_groepen,
    )
    a, b = verdeel_restopgave(c), verdeel_restopgave(geschud)
    assert a.percentage == b.percentage
    assert a.onverdeeld == b.onverdeeld
    assert {g.naam: g for g in a.gemeenten} == {g.naam: g for g in b.gemeenten}
    assert [g.naam for g in b.gemeenten] == [g.naam for g in gemeenten]


@settings(max_examples=200, deadline=None)
@given(casussen())
def test_finals_sum_to_the_opgave_or_the_initial_numbers_when_feasible(c: Casus) -> None:
    """Per type: Σ final = max(opgave, Σ initial), unless the caps left places onverdeeld."""
    u = verdeel_restopgave(c)
    for t in TYPEN:
        initieel = sum(g.initieel(t) for g in c.gemeenten)
        definitief = sum(g.definitief.van(t) for g in u.gemeenten)
        if u.onverdeeld.van(t) == 0:
            assert definitief == max(c.opgave(t), initieel)
        else:
            assert definitief == c.opgave(t) - u.onverdeeld.van(t)


def _met_aanbod(c: Casus, naam: str, t: Opvangtype, erbij: int) -> Casus:
    veld = f"verslag_{t}"
    gemeenten = tuple(
        replace(g, **{veld: getattr(g, veld) + erbij}) if g.naam == naam else g for g in c.gemeenten
    )
    return replace(c, gemeenten=gemeenten)


def _geen_plafond_bindt(c: Casus, u: Uitkomst, t: Opvangtype) -> bool:
    """Nobody who takes part would want more than its cap at the level p."""
    p = u.percentage.van(t)
    if u.rest.van(t) <= 0:
        return True
    if p is None:
        return False
    invoer = _per_naam(c)
    krediet = c.gecrediteerd_regulier()
    for g in u.gemeenten:
        if g.uitgesloten.van(t):
            continue
        i = invoer[g.naam]
        cap = i.indicatief_totaal - i.initieel_totaal - (g.extra.regulier if t == "amv" else 0)
        cred = krediet[g.naam] if t == "regulier" else i.initieel("amv")
        if p * i.indicatief(t) - cred > cap:
            return False
    return True


def _min5_speelt(u: Uitkomst, t: Opvangtype) -> bool:
    return any(
        s.opvangtype == t and (s.reden == "minder_dan_5" or s.soort == "niet_uitgesloten")
        for s in u.stappen
    )


def _uitruil_uitgesloten(u: Uitkomst) -> set[str]:
    return {g.naam for g in u.gemeenten if "uitruil" in g.uitgesloten.regulier}


@st.composite
def ruime_casussen(draw: st.DrawFn, t: Opvangtype) -> Casus:
    """Provinces where water-filling of type t has room: the other type's large indicative
    numbers keep the caps out of the way, the restopgave is large enough for min-5 to rest."""
    n = draw(st.integers(2, 7))
    gemeenten = []
    for i in range(n):
        ind_t = draw(st.integers(1, 80))
        ind_ander = draw(st.integers(300, 600))
        aanbod = draw(st.integers(0, ind_t + 10))
        ind = (ind_t, ind_ander) if t == "regulier" else (ind_ander, ind_t)
        verslag = (aanbod, 0) if t == "regulier" else (0, aanbod)
        gemeenten.append(
            gem(
                f"G{i}",
                ind,
                verslag,
                inwoners=draw(st.integers(1, 1000)),
                historisch=draw(st.integers(0, 700)),
            )
        )
    uitruil = []
    if t == "regulier" and draw(st.booleans()):
        van, voor = draw(st.permutations(gemeenten))[:2]
        if van.verslag_regulier:
            uitruil.append(Uitruil(van.naam, voor.naam, draw(st.integers(1, van.verslag_regulier))))
    initieel = sum(g.initieel(t) for g in gemeenten)
    opgave = initieel + draw(st.integers(1, 400))
    return Casus(
        "Ruim",
        opgave if t == "regulier" else 0,
        opgave if t == "amv" else 0,
        None,
        tuple(gemeenten),
        tuple(uitruil),
    )


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(TYPEN).flatmap(lambda t: st.tuples(st.just(t), ruime_casussen(t))), st.data()
)
def test_raising_one_offer_never_raises_another_gemeentes_extra(
    t_en_casus: tuple[Opvangtype, Casus], data: st.DataObject
) -> None:
    """Monotonicity of water-filling: more offered by A means no more asked of B (same type).

    Holds when no cap binds and the min-5 rule does not act, in both runs, and when the higher
    offer does not change who is excluded for uitruil: a receiver whose own offer lifts its
    credited places to its indicative number drops out entirely, and the extra it would have
    had (possibly more than the places it added) goes to the others — that is the rule, not a
    defect (see the next test).
    """
    t, c = t_en_casus
    naam = data.draw(st.sampled_from([g.naam for g in c.gemeenten]))
    hoger = _met_aanbod(c, naam, t, data.draw(st.integers(1, 60)))
    voor, na = verdeel_restopgave(c), verdeel_restopgave(hoger)
    assume(_geen_plafond_bindt(c, voor, t) and _geen_plafond_bindt(hoger, na, t))
    assume(not _min5_speelt(voor, t) and not _min5_speelt(na, t))
    assume(_uitruil_uitgesloten(voor) == _uitruil_uitgesloten(na))
    event("restopgave na de verhoging" if na.rest.van(t) > 0 else "geen restopgave meer")
    for g in na.gemeenten:
        if g.naam != naam:
            assert g.extra_onafgerond.van(t) <= voor.gemeente(g.naam).extra_onafgerond.van(t)


def test_a_higher_offer_can_exclude_an_uitruil_receiver_and_raise_the_others() -> None:
    """Why the property above leaves uitruil exclusions out: the hand-computed case."""
    gemeenten = (
        gem("Ontvanger", (100, 1000)),  # credited 99 through uitruil, 1 short of 100
        gem("Gever", (100, 1000), (99, 0)),
        gem("Derde", (100, 1000)),
    )
    uitruil = (Uitruil("Gever", "Ontvanger", 99),)
    voor = verdeel_restopgave(casus((400, 0), *gemeenten, uitruil=uitruil))
    # p: (100p − 99) + (100p − 0) + 100p = 301 → p = 4/3; Ontvanger 100/3 + 1/3 extra
    assert voor.percentage.regulier == Fraction(4, 3)
    hoger = (replace(gemeenten[0], verslag_regulier=1), *gemeenten[1:])
    na = verdeel_restopgave(casus((400, 0), *hoger, uitruil=uitruil))
    assert na.gemeente("Ontvanger").uitgesloten.regulier == ("uitruil",)
    assert (
        na.gemeente("Derde").extra_onafgerond.regulier
        > voor.gemeente("Derde").extra_onafgerond.regulier
    )


@st.composite
def ruilende_casussen(draw: st.DrawFn) -> Casus:
    """Few gemeenten with many agreements both ways: givers that also receive, net 0, groups."""
    n = draw(st.integers(2, 5))
    namen = [f"G{i}" for i in range(n)]
    gemeenten = [
        gem(
            naam,
            (draw(st.integers(0, 50)), draw(st.integers(0, 30))),
            (draw(st.integers(0, 70)), draw(st.integers(0, 10))),
        )
        for naam in namen
    ]
    initieel = {g.naam: g.initieel("regulier") for g in gemeenten}
    afgestaan = dict.fromkeys(namen, 0)
    uitruil = []
    for _ in range(draw(st.integers(1, 6))):
        van, voor = draw(st.permutations(namen))[:2]
        ruimte = initieel[van] - afgestaan[van]
        if ruimte <= 0:
            continue
        aantal = draw(st.integers(1, ruimte))
        afgestaan[van] += aantal
        uitruil.append(Uitruil(van, voor, aantal))
    groepen: tuple[tuple[str, ...], ...] = ()
    if draw(st.booleans()):
        groepen = (tuple(draw(st.permutations(namen))[: draw(st.integers(2, n))]),)
    som_r = sum(g.indicatief_regulier for g in gemeenten)
    return Casus(
        "Ruil",
        draw(st.integers(sum(initieel.values()) + 1, sum(initieel.values()) + som_r + 10)),
        draw(st.integers(0, 40)),
        None,
        tuple(gemeenten),
        tuple(uitruil),
        groepen,
    )


def _groep_gedekt(c: Casus, krediet: dict[str, int]) -> set[str]:
    invoer = _per_naam(c)
    gedekt: set[str] = set()
    for groep in c.uitruil_groepen:
        if sum(krediet[n] for n in groep) >= sum(invoer[n].indicatief_regulier for n in groep):
            gedekt |= set(groep)
    return gedekt


@settings(max_examples=300, deadline=None)
@given(st.one_of(ruilende_casussen(), casussen()))
def test_uitruil_excludes_exactly_the_net_receivers_that_reach_their_number_and_groups(
    c: Casus,
) -> None:
    """Step 4a as domain.md reads: ``uitruil`` ⇔ (net credit > 0 and credited regular ≥
    indicative regular > 0) or a member of a group whose credited places reach its indicative
    places. In particular a gemeente that gives as much as or more than it receives never
    carries ``uitruil`` unless its group does."""
    u = verdeel_restopgave(c)
    invoer = _per_naam(c)
    krediet = c.gecrediteerd_regulier()
    netto = {g.naam: krediet[g.naam] - g.initieel("regulier") for g in c.gemeenten}
    groep = _groep_gedekt(c, krediet)
    for g in u.gemeenten:
        i = invoer[g.naam]
        zelf = netto[g.naam] > 0 and 0 < i.indicatief_regulier <= krediet[g.naam]
        verwacht = u.rest.regulier > 0 and (zelf or g.naam in groep)
        assert ("uitruil" in g.uitgesloten.regulier) == verwacht
        assert "uitruil" not in g.uitgesloten.amv
        if netto[g.naam] <= 0 and g.naam not in groep:
            assert "uitruil" not in g.uitgesloten.regulier
            event("gever of gelijk, niet uitgesloten om uitruil")
        if netto[g.naam] < 0 and krediet[g.naam] >= i.indicatief_regulier > 0:
            event("gever die haar aantal haalt")
