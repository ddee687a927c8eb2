"""R10: detection of personal data and the spans of redactions (no Django)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.adressen import Plaatsregister
from regietafel.domain.geboortedatums import MAANDEN
from regietafel.domain.persoonsgegevens import (
    IBAN_LENGTES,
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
    vind_geboortedatums,
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
    assert elfproef("111-222-333")
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


def test_ibans_in_any_case_and_spacing() -> None:
    tekst = (
        "Op nl44 rabo0123  456 789 of NL44-RABO-0123-4567-89, be68 5390 0754 7034, "
        "Nl91abna\n0417164300; niet NL91ABNA0417164300ABCD."
    )
    assert teksten(vind_ibans(tekst)) == [
        "nl44 rabo0123  456 789",
        "NL44-RABO-0123-4567-89",
        "be68 5390 0754 7034",
        "Nl91abna\n0417164300",
    ]
    assert iban_geldig("nl44 rabo0123  456 789")


def test_words_and_figures_are_no_iban() -> None:
    # read across words, "op 5138 plekken per 1 juli 2025" could pass mod 97 by chance
    for geen in (
        "op 5138 plekken per 1 juli 2025",
        "de 2024 aanvragen van 12 gemeenten",
        "xx12 3456 7890 1234 56",  # no such country
    ):
        assert vind_ibans(geen) == [], geen


@st.composite
def ibans(draw: st.DrawFn) -> str:
    """A valid IBAN of any registry country: a bank code of four letters and digits."""
    land = draw(st.sampled_from(sorted(IBAN_LENGTES)))
    lengte = IBAN_LENGTES[land]
    bank = draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4))
    rest = draw(st.text(alphabet="0123456789", min_size=lengte - 8, max_size=lengte - 8))
    bban = bank + rest
    getal = int("".join(str(int(c, 36)) for c in bban + land + "00"))
    return f"{land}{98 - getal % 97:02d}{bban}"


@given(ibans(), st.data())
def test_any_valid_iban_in_any_case_and_spacing_is_found(iban: str, data: st.DataObject) -> None:
    assert iban_geldig(iban)
    geschreven = iban[:2]
    for teken in iban[2:]:
        geschreven += data.draw(st.sampled_from(["", "", " ", "  ", "\u00a0", "-"]))
        geschreven += data.draw(st.sampled_from([teken.lower(), teken.upper()]))
    voor = data.draw(st.sampled_from(["Rekening ", "IBAN: ", "(", "op "]))
    na = data.draw(st.sampled_from([".", " t.n.v. K. de Boer", ")", ", graag", ""]))
    assert teksten(vind_ibans(voor + geschreven + na)) == [geschreven]
    fout = iban[:2] + f"{(int(iban[2:4]) + 1) % 100:02d}" + iban[4:]
    assert vind_ibans(f"Rekening {fout}.") == []


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


REGISTER = Plaatsregister.van(
    ["Assen", "Emmen", "Nieuw-Buinen", "Zuidlaren", "Gieten", "Aa en Hunze", "Bergen (NH.)",
     "'s-Hertogenbosch", "Molenstraat"],
    ["Noordeinde", "Het Want", "Westerbrink", "Molenstraat"],
)  # fmt: skip


def test_addresses_with_a_postcode_never_a_postbus_nor_an_office() -> None:
    tekst = (
        "Woont aan Hoofdstraat 12a, 9401 AB Assen. Kantoor: Westerbrink 1 | Postbus 122, "
        "9400 AC Assen; Provinciehuis Assen, Westerbrink 1 te Assen. Postbus 20301\n"
        "2500 EH Den Haag. Noordeinde 5, 9461 CD GIETEN en Tuinstraat 3-2\n9402AB Assen."
    )
    assert teksten(vind_adressen(tekst, REGISTER)) == [
        "Hoofdstraat 12a, 9401 AB Assen",
        "Noordeinde 5, 9461 CD GIETEN",
        "Tuinstraat 3-2\n9402AB Assen",
    ]
    # without a register only the postcode proves an address
    assert teksten(vind_adressen("Kerkstraat 12 Emmen; Hoofdstraat 12a, 9401 AB Assen")) == [
        "Hoofdstraat 12a, 9401 AB Assen"
    ]


def test_addresses_without_a_postcode_need_a_place_from_the_register() -> None:
    tekst = (
        "Ik woon aan de Kerkstraat 12 Emmen, mijn buurman aan de Hoofdweg 5 Nieuw-Buinen en "
        "zijn zoon in Dorpsstraat 7a Zuidlaren. Verder: Burgemeester van Weezelstraat 3 te "
        "Assen, Noordeinde 14 bis Gieten, Het Want 3, Zuidlaren, KERKSTRAAT 1 EMMEN, "
        "Molenstraat 2\nAssen en Schoolstraat 9 's-Hertogenbosch."
    )
    assert teksten(vind_adressen(tekst, REGISTER)) == [
        "Kerkstraat 12 Emmen",
        "Hoofdweg 5 Nieuw-Buinen",
        "Dorpsstraat 7a Zuidlaren",
        "Burgemeester van Weezelstraat 3 te Assen",
        "Noordeinde 14 bis Gieten",
        "Het Want 3, Zuidlaren",
        "KERKSTRAAT 1 EMMEN",
        "Molenstraat 2\nAssen",
        "Schoolstraat 9 's-Hertogenbosch",
    ]


def test_what_is_not_an_address() -> None:
    for geen in (
        "Kerkstraat 12 Amsterdam-Noordoost",  # not in this register
        "Kerkstraat 12.",
        "de gemeente Emmen 120 woningen",
        "Assen 12 Emmen 14 Aa en Hunze 3 Zuidlaren",  # a table of places and figures
        "In 2024 Emmen, Bijlage 2 Assen, Week 12 Emmen",
        "Emmen, 3 februari 2026",
        "Locatie: Provinciehuis Assen, Westerbrink 1 te Assen",
        "Bezoekadres Kerkstraat 12 Emmen",
        "Postbus 122 Assen",
        "Kerkstraat 12,5 Emmen",
        "Kerkstraat\t12\tEmmen",
    ):
        assert vind_adressen(geen, REGISTER) == [], geen


def test_place_register_ignores_case_and_province_tags() -> None:
    assert REGISTER.is_plaats("bergen") and REGISTER.is_plaats("Bergen (NH.)")
    assert REGISTER.is_plaats("NIEUW-BUINEN") and REGISTER.is_plaats("’s-Hertogenbosch")
    assert not REGISTER.is_plaats("Buinen")
    assert REGISTER.is_straat("het want") and not REGISTER.is_straat("Kerkstraat")


_STRATEN = st.sampled_from(["Kerkstraat", "Hoofdweg", "Dorpsstraat", "Oosterdiep", "Brink"])
_PLAATSEN = st.sampled_from(["Emmen", "Nieuw-Buinen", "Zuidlaren", "Aa en Hunze", "Assen"])


@given(
    _STRATEN,
    st.integers(1, 99999),
    st.sampled_from(["", "a", "A", " b", "-1", "-12", " bis", " hs"]),
    st.sampled_from([" ", ", ", " te ", "\n", ",\n"]),
    _PLAATSEN,
    st.sampled_from(["Ik woon aan de ", "Adres: ", "", "(", "Hij woont op de "]),
    st.sampled_from([".", ", en verder", "", ")", "\nVolgende regel."]),
)
def test_every_street_number_and_registered_place_is_found(
    straat: str, nummer: int, toevoeging: str, scheiding: str, plaats: str, voor: str, na: str
) -> None:
    adres = f"{straat} {nummer}{toevoeging}{scheiding}{plaats}"
    tekst = voor + adres + na
    assert teksten(vind_adressen(tekst, REGISTER)) == [adres]
    assert vind_adressen(tekst) == []  # no register, no postcode: nothing proves it


# --- dates of birth ------------------------------------------------------------------------


def test_dates_of_birth_by_each_rule() -> None:
    tekst = (
        "Karin de Boer, geboren op 14 maart 1987, woont in Emmen.\n"
        "Geboortedatum: 03-11-1979\n"
        "Geb. 1-2-1980; (* 05/06/75)\n"
        "Geboortedatum:\n1990-12-31\n"
        "De heer Mulder, die op 2 okt. 1960 in Assen geboren is.\n"
        "K. de Boer, 7-7-1977, BSN 111222333\n"
        "J. Bakker\t8-8-1988\tV-nummer 1234567890\n"
        "Naam\tGeboortedatum\tWoonplaats\n"
        "P. Smit\t09-09-1999\tAssen\n"
        "R. Smit\t10-10-2001\tEmmen\n"
    )
    assert teksten(vind_geboortedatums(tekst)) == [
        "14 maart 1987",
        "03-11-1979",
        "1-2-1980",
        "05/06/75",
        "1990-12-31",
        "2 okt. 1960",
        "7-7-1977",
        "8-8-1988",
        "09-09-1999",
        "10-10-2001",
    ]
    assert {v.soort for v in vind_geboortedatums(tekst)} == {"geboortedatum"}


def test_ordinary_dates_are_not_dates_of_birth() -> None:
    tekst = (
        "Emmen, 3 februari 2026\n"
        "In het overleg van 1 november 2025 is afgesproken dat de peildatum 01-11-2025 blijft.\n"
        "Geboren in Emmen. Het overleg van 5 februari 2026 is verplaatst.\n"
        "Peildatum\tRealisatie\n01-11-2025\t120\n"
        "Geboortedatum: 31-02-1987 (bestaat niet), kenmerk 2024001581.\n"
    )
    assert vind_geboortedatums(tekst) == []


_DATUMS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
_MAANDNAMEN = [n for n, _ in sorted(MAANDEN.items(), key=lambda kv: kv[1])]


def _schrijf_datum(datum: dt.date, vorm: int, maandnaam: str) -> str:
    return [
        f"{datum:%d-%m-%Y}",
        f"{datum.day}-{datum.month}-{datum.year}",
        f"{datum:%d/%m/%y}",
        f"{datum:%d.%m.%Y}",
        datum.isoformat(),
        f"{datum.day} {maandnaam} {datum.year}",
    ][vorm]


@given(
    _DATUMS,
    st.integers(0, 5),
    st.sampled_from(["geboren op ", "Geboortedatum: ", "geb. ", "(geb. ", "Geboren:\n", "° "]),
    st.data(),
)
def test_any_date_after_a_birth_word_is_found_and_none_without(
    datum: dt.date, vorm: int, woord: str, data: st.DataObject
) -> None:
    namen = [n for n, m in MAANDEN.items() if m == datum.month]
    naam = data.draw(st.sampled_from([*namen, *(n.capitalize() for n in namen)]))
    geschreven = _schrijf_datum(datum, vorm, naam)
    assert teksten(vind_geboortedatums(f"Karin de Boer, {woord}{geschreven}, Emmen.")) == [
        geschreven
    ]
    assert vind_geboortedatums(f"Het overleg van {geschreven} is verplaatst.") == []


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
