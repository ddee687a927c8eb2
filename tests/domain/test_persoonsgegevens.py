"""R10: detection of personal data and the spans of redactions (no Django)."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.persoonsgegevens import (
    Voorstel,
    alle_vindplaatsen,
    elfproef,
    gelakte_tekst,
    iban_geldig,
    is_ambtsdrager,
    is_waarschijnlijk_naam,
    lak,
    telefoon_geldig,
    vind_adressen,
    vind_bsns,
    vind_emailadressen,
    vind_ibans,
    vind_patronen,
    vind_telefoonnummers,
    voeg_samen,
    zoek_fragment,
)

AMBTSDRAGERS = ["Jetta Klijnsma", "M.H.M. Faber-Van de Klashorst"]


def teksten(voorstellen: list[Voorstel]) -> list[str]:
    return [v.tekst for v in voorstellen]


# --- elfproef and IBAN -----------------------------------------------------------------------


def test_elfproef_known_numbers() -> None:
    assert elfproef("111222333")
    assert elfproef("123456782")
    assert elfproef("1112.22.333")
    assert not elfproef("123456789")
    assert not elfproef("000000000")
    assert not elfproef("12345678")


def _weeg(cijfers: list[int]) -> int:
    return sum(c * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - cijfers[8]


@given(st.lists(st.integers(0, 9), min_size=9, max_size=9))
def test_elfproef_is_the_weighted_sum_modulo_11(cijfers: list[int]) -> None:
    getal = "".join(map(str, cijfers))
    som = _weeg(cijfers)
    assert elfproef(getal) == (som % 11 == 0 and som != 0)


@given(st.lists(st.integers(0, 9), min_size=8, max_size=8))
def test_every_valid_bsn_is_found_and_changing_one_digit_breaks_it(acht: list[int]) -> None:
    som = sum(c * w for c, w in zip(acht, range(9, 1, -1), strict=True))
    laatste = som % 11
    if laatste == 10 or som == laatste:  # no check digit, or a weighted sum of 0
        return
    bsn = "".join(map(str, [*acht, laatste]))
    assert elfproef(bsn)
    assert teksten(vind_bsns(f"BSN {bsn}.")) == [bsn]
    fout = bsn[:8] + str((laatste + 1) % 10)
    assert not elfproef(fout)
    assert vind_bsns(f"BSN {fout}.") == []


def test_iban_mod_97() -> None:
    assert iban_geldig("NL91ABNA0417164300")
    assert iban_geldig("NL91 ABNA 0417 1643 00")
    assert iban_geldig("BE68 5390 0754 7034")
    assert not iban_geldig("NL92ABNA0417164300")
    assert not iban_geldig("NL91ABNA041716430")  # too short for NL


@given(st.integers(0, 17), st.sampled_from("0123456789"))
def test_changing_one_digit_of_an_iban_breaks_the_check(plek: int, cijfer: str) -> None:
    iban = "NL91ABNA0417164300"
    i = 4 + plek % 14
    if not iban[i].isdigit() or iban[i] == cijfer:
        return
    assert not iban_geldig(iban[:i] + cijfer + iban[i + 1 :])


def test_ibans_in_text() -> None:
    tekst = (
        "Maak over op NL91 ABNA 0417 1643 00 of NL91ABNA0417164300 ABCD; niet NL92ABNA0417164300."
    )
    assert teksten(vind_ibans(tekst)) == ["NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"]


# --- phone numbers, e-mail, addresses ------------------------------------------------------


def test_dutch_phone_numbers() -> None:
    tekst = (
        "Bel 06-12345678, 06 1234 5678, 0612345678, +31 6 12345678, +31 (0)6 12345678, "
        "050-1234567, 050 123 45 67, 0592-365054, +31 592 365054 of (088) 715 7000."
    )
    assert teksten(vind_telefoonnummers(tekst)) == [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31 (0)6 12345678",
        "050-1234567",
        "050 123 45 67",
        "0592-365054",
        "+31 592 365054",
        "(088) 715 7000",
    ]


def test_dates_kenmerken_and_table_figures_are_not_phone_numbers() -> None:
    tekst = (
        "Ons kenmerk 2024001581, 1-3-2017 tot 24-12-2014, 502.051 inwoners, 0\t0\t0, 06 [REDACTED]"
    )
    assert vind_telefoonnummers(tekst) == []
    assert not telefoon_geldig("061234567")
    assert not telefoon_geldig("0012345678")


def test_email_addresses_also_with_a_withheld_local_part() -> None:
    tekst = 'Aan: "[redacted]@assen.nl" <j.de.vries@gemeente-assen.nl>; info@vng.nl.'
    assert teksten(vind_emailadressen(tekst)) == [
        "[redacted]@assen.nl",
        "j.de.vries@gemeente-assen.nl",
        "info@vng.nl",
    ]


def test_addresses_need_a_postcode_and_never_a_postbus() -> None:
    tekst = (
        "Woont aan Hoofdstraat 12a, 9401 AB Assen. Kantoor: Westerbrink 1 | Postbus 122, "
        "9400 AC Assen; Provinciehuis, Westerbrink 1 te Assen."
    )
    assert teksten(vind_adressen(tekst)) == ["Hoofdstraat 12a, 9401 AB Assen"]


# --- names -----------------------------------------------------------------------------------


def test_candidates_that_are_no_names() -> None:
    for geen in (
        "van de Koning",
        "te Assen",
        "Drenthe Provinciaal",
        "Rode Kruis",
        "J Art",
        "W van de Drentse",
        "Rijk",
        "Provinciehuis Assen",
    ):
        assert not is_waarschijnlijk_naam(geen, plaatsen=["Drenthe", "Assen"]), geen
    for naam in ("Raymond Wanders", "Yvonne Turenhout", "Bouwmeester", "J. de Vries"):
        assert is_waarschijnlijk_naam(naam, plaatsen=["Drenthe", "Assen"]), naam


def test_office_holders_also_with_a_typo_but_not_namesakes() -> None:
    assert is_ambtsdrager("Jetta Klijnsma", AMBTSDRAGERS)
    assert is_ambtsdrager("Jetta Klijsma", AMBTSDRAGERS)  # seed 001's e-mail header
    assert is_ambtsdrager("Klijsma", AMBTSDRAGERS)
    assert is_ambtsdrager("Marjolein Faber", AMBTSDRAGERS)
    assert is_ambtsdrager("M. Faber", AMBTSDRAGERS)
    assert not is_ambtsdrager("Piet Klijnsma", AMBTSDRAGERS)
    assert not is_ambtsdrager("Jan Faber", AMBTSDRAGERS)
    assert not is_ambtsdrager("Raymond Wanders", AMBTSDRAGERS)
    assert not is_ambtsdrager("Jetta Klijnsma", [])


def test_a_name_found_once_is_proposed_everywhere() -> None:
    tekst = "Bouwmeester belde. Mevrouw Bouwmeester en Bouwmeesters."
    alles = alle_vindplaatsen(tekst, [Voorstel(0, 11, "Bouwmeester", "naam")])
    assert sorted((v.start, v.end) for v in alles) == [(0, 11), (27, 38)]


# --- spans -----------------------------------------------------------------------------------


def test_merging_keeps_the_longest_part() -> None:
    samen = voeg_samen(
        [Voorstel(0, 10, "[redacted]", "naam"), Voorstel(0, 19, "[redacted]@assen.nl", "e-mail")]
    )
    assert samen == [Voorstel(0, 19, "[redacted]@assen.nl", "e-mail")]


def test_fragment_search_respects_words_and_line_breaks() -> None:
    tekst = "Jan de Vries\nbelde Jan. Janssen niet."
    assert zoek_fragment(tekst, "Jan") == [(0, 3), (19, 22)]
    assert zoek_fragment(tekst, "Vries belde") == [(7, 18)]
    assert zoek_fragment(tekst, "   ") == []


def test_patterns_on_seed_text() -> None:
    tekst = "+31 592 365054  \nwerkdagen\n+31 592 365555 | [redacted]@drenthe.nl  \n[www.provincie.drenthe.nl]"
    assert teksten(vind_patronen(tekst)) == [
        "+31 592 365054",
        "+31 592 365555",
        "[redacted]@drenthe.nl",
    ]


@st.composite
def tekst_met_lakken(draw: st.DrawFn) -> tuple[str, list[Voorstel]]:
    tekst = draw(st.text(alphabet="abc de\nXY@.", min_size=1, max_size=60))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(tekst) - 1), st.integers(1, 12), st.sampled_from("JEP")),
            max_size=8,
        )
    )
    lakken = []
    for start, lengte, grond in spans:
        end = min(len(tekst), start + lengte)
        lakken.append(Voorstel(start, end, tekst[start:end], "eigen", grond))
    return tekst, lakken


@given(tekst_met_lakken())
def test_merged_spans_never_overlap_and_cover_the_same_characters(
    geval: tuple[str, list[Voorstel]],
) -> None:
    tekst, lakken = geval
    samen = voeg_samen(lakken)
    for a, b in itertools.pairwise(samen):
        assert a.end <= b.start
    gedekt = {i for v in lakken for i in range(v.start, v.end)}
    assert {i for v in samen for i in range(v.start, v.end)} == gedekt
    for v in samen:
        assert tekst[v.start : v.end] == v.tekst


@given(tekst_met_lakken())
def test_applying_redactions_removes_exactly_the_spans(geval: tuple[str, list[Voorstel]]) -> None:
    tekst, lakken = geval
    segmenten = lak(tekst, lakken)
    samen = voeg_samen(lakken)
    # the plain segments are exactly the characters outside every span, in order
    gedekt = {i for v in lakken for i in range(v.start, v.end)}
    buiten = "".join(c for i, c in enumerate(tekst) if i not in gedekt)
    assert "".join(s.tekst for s in segmenten) == buiten
    assert [s.grond for s in segmenten if s.gelakt] == [v.grond for v in samen]
    assert all(s.tekst == "" for s in segmenten if s.gelakt)
    gepubliceerd = gelakte_tekst(tekst, lakken)
    assert len(re.findall(r"\[[JEP]\]", gepubliceerd)) >= len(samen)
