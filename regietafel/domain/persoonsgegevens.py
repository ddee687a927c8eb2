"""R10: personal data in a document, proposed for redaction under the Woo.

Pure detection of what a pattern and a check can prove — e-mail addresses, Dutch phone numbers,
IBANs in any case and spacing (ISO 13616 mod-97 check), BSNs (only when the elfproef holds),
street addresses with a postcode or a place from a register of place names
(``regietafel.domain.adressen``) and dates of birth (``regietafel.domain.geboortedatums``) —
plus the rules around the names a name finder (deduce, in ``regietafel.woo.namen``) proposes: which candidates are names at all, and which belong to public office holders acting
in office (the commissaris van de Koning, the minister), who are not redacted.

A redaction is a span ``[start, end)`` of the text with a ground letter (J = art. 5.1 lid 2
sub e Woo, "eerbiediging van de persoonlijke levenssfeer"). ``voeg_samen`` merges overlapping
spans; ``lak`` cuts the text into plain and redacted segments, so an export can replace each
redacted span by its letter and never print the text under it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from regietafel.domain.adressen import Plaatsregister, adres_spans
from regietafel.domain.geboortedatums import geboortedatum_spans

Soort = Literal["naam", "e-mail", "telefoon", "iban", "bsn", "adres", "geboortedatum", "eigen"]
SOORTEN: tuple[Soort, ...] = (
    "naam",
    "e-mail",
    "telefoon",
    "iban",
    "bsn",
    "adres",
    "geboortedatum",
    "eigen",
)

GROND_PRIVACY = "J"
"""Art. 5.1 lid 2 sub e Woo: eerbiediging van de persoonlijke levenssfeer."""
GROND_IDENTIFICATIENUMMER = "E"
"""Art. 5.1 lid 1 sub e Woo: identificatienummers (art. 46 UAVG) — the BSN, an absolute ground."""


@dataclass(frozen=True, order=True)
class Voorstel:
    """A proposed redaction: ``tekst == document[start:end]``."""

    start: int
    end: int
    tekst: str
    soort: Soort
    grond: str = GROND_PRIVACY

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"ongeldige lak [{self.start}, {self.end})")
        if len(self.tekst) != self.end - self.start:
            raise ValueError("de tekst van een lak moet even lang zijn als de lak")


# --- checks --------------------------------------------------------------------------------


def elfproef(bsn: str) -> bool:
    """The BSN eleven test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0)."""
    cijfers = re.sub(r"[ .\-]", "", bsn)
    if len(cijfers) != 9 or not cijfers.isdigit():
        return False
    som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True))
    som -= int(cijfers[8])
    return som % 11 == 0 and som != 0 and cijfers != "000000000"


IBAN_LENGTES: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip
"""IBAN length per country (the SWIFT IBAN registry); a country not listed has no IBAN."""


def iban_geldig(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to 10..35, mod 97 == 1.

    Any case and any spacing: "nl91 abna 0417 1643 00" is the same IBAN as "NL91ABNA0417164300".
    """
    code = re.sub(r"[\s\-]", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", code):
        return False
    if len(code) != IBAN_LENGTES.get(code[:2]):
        return False
    getal = "".join(str(int(c, 36)) for c in code[4:] + code[:4])
    return int(getal) % 97 == 1


def telefoon_geldig(nummer: str) -> bool:
    """A Dutch number: 10 digits nationally (0 + area or mobile), also written +31/0031."""
    n = nummer.replace("(0)", "")
    cijfers = re.sub(r"\D", "", n)
    if n.lstrip().startswith("+31"):
        cijfers = "0" + cijfers[2:]
    elif cijfers.startswith("0031"):
        cijfers = "0" + cijfers[4:]
    return len(cijfers) == 10 and cijfers[0] == "0" and cijfers[1] != "0"


# --- detection by pattern ------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.\-\]])(?:\[[A-Za-z]+\]|[\w.%+\-])(?:[\w.%+\-]|\[[A-Za-z]+\])*"
    r"@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*"
    r"\.[A-Za-z]{2,}"
)
_TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ \-]?(?:\(0\)[ \-]?)?\d|\(0\d{1,3}\)|0\d)(?:[ \-]?\d){7,9}(?![\d\-])"
)
_IBAN_BEGIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}(?=[ \t\u00a0\-]{0,3}\d)")
_IBAN_TEKEN = re.compile(r"(?:[ \t\u00a0]{1,3}|[ \t]*\r?\n[ \t]*|-)?([A-Za-z0-9])")
_BSN = re.compile(
    r"(?<![\d.\-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .\-]\d{3}[ .\-]\d{3})(?![\d\-]|\.\d)"
)


def _treffers(patroon: re.Pattern[str], tekst: str, soort: Soort, grond: str) -> list[Voorstel]:
    return [Voorstel(m.start(), m.end(), m.group(), soort, grond) for m in patroon.finditer(tekst)]


def vind_emailadressen(tekst: str) -> list[Voorstel]:
    """E-mail addresses, also with a local part already withheld (``[redacted]@assen.nl``)."""
    return _treffers(_EMAIL, tekst, "e-mail", GROND_PRIVACY)


def vind_telefoonnummers(tekst: str) -> list[Voorstel]:
    """06-12345678, 06 1234 5678, +31 6 12345678, +31 (0)592 365054, 050-1234567, (088) 715 7000."""
    return [
        v
        for v in _treffers(_TELEFOON, tekst, "telefoon", GROND_PRIVACY)
        if telefoon_geldig(v.tekst)
    ]


def _iban_vanaf(tekst: str, begin: int) -> int | None:
    """The end of the IBAN that starts at ``begin``, if one does.

    Characters are read one by one, each after an optional separator (up to three spaces, a
    line break or a hyphen), as many as the country's IBAN has; they must pass the mod-97
    check and end a word. Read across words, lower-case text could pass the check by chance
    ("op 5138 plekken per 1 juli 2025"), so the country must be in the registry and the part
    after the check digits may hold no run of five letters: a real IBAN's letters are a bank
    code of at most four.
    """
    lengte = IBAN_LENGTES.get(tekst[begin : begin + 2].upper())
    if lengte is None:
        return None
    tekens = [tekst[begin], tekst[begin + 1]]
    positie = begin + 2
    while len(tekens) < lengte:
        m = _IBAN_TEKEN.match(tekst, positie)
        if m is None:
            return None
        tekens.append(m.group(1))
        positie = m.end()
    if positie < len(tekst) and tekst[positie].isalnum():
        return None  # cuts a word: "NL91ABNA0417164300ABCD" is no IBAN
    code = "".join(tekens)
    if re.search(r"[A-Za-z]{5}", code[4:]) or not iban_geldig(code):
        return None
    return positie


def vind_ibans(tekst: str) -> list[Voorstel]:
    """IBANs that pass the mod-97 check, in any case and spacing ("nl44 rabo0123  456 789")."""
    uit = []
    positie = 0
    while (m := _IBAN_BEGIN.search(tekst, positie)) is not None:
        eind = _iban_vanaf(tekst, m.start())
        if eind is None:
            positie = m.start() + 1
            continue
        uit.append(Voorstel(m.start(), eind, tekst[m.start() : eind], "iban", GROND_PRIVACY))
        positie = eind
    return uit


def vind_bsns(tekst: str) -> list[Voorstel]:
    """Nine digits (also 1234.56.789 or 123 456 789) that pass the elfproef."""
    return [
        v for v in _treffers(_BSN, tekst, "bsn", GROND_IDENTIFICATIENUMMER) if elfproef(v.tekst)
    ]


def vind_adressen(tekst: str, register: Plaatsregister | None = None) -> list[Voorstel]:
    """Street + house number (+ addition) + postcode and/or a place from ``register``.

    "Hoofdstraat 12a, 9401 AB Assen", "Kerkstraat 12 Emmen", "Hoofdweg 5 Nieuw-Buinen". A
    Postbus and an organisation's address ("Provinciehuis Assen, Westerbrink 1 te Assen") are
    not proposed; the rules are in ``regietafel.domain.adressen``. Without a register only
    addresses with a postcode are found.
    """
    return [
        Voorstel(a, b, tekst[a:b], "adres", GROND_PRIVACY)
        for a, b in adres_spans(tekst, register or Plaatsregister())
    ]


def vind_geboortedatums(tekst: str) -> list[Voorstel]:
    """Dates of birth: a date after "geboren", "geb.", "geboortedatum" (and the other rules of
    ``regietafel.domain.geboortedatums``), not every date in the text."""
    return [
        Voorstel(a, b, tekst[a:b], "geboortedatum", GROND_PRIVACY)
        for a, b in geboortedatum_spans(tekst, is_bsn=elfproef)
    ]


def vind_patronen(tekst: str, register: Plaatsregister | None = None) -> list[Voorstel]:
    """Everything a pattern finds, merged: e-mail, phone, IBAN, BSN, address, date of birth."""
    return voeg_samen(
        [
            *vind_emailadressen(tekst),
            *vind_telefoonnummers(tekst),
            *vind_ibans(tekst),
            *vind_bsns(tekst),
            *vind_adressen(tekst, register),
            *vind_geboortedatums(tekst),
        ]
    )


# --- names -----------------------------------------------------------------------------------

TUSSENVOEGSELS = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "te",
        "ter",
        "ten",
        "op",
        "in",
        "la",
        "le",
        "du",
        "da",
        "dos",
        "del",
        "el",
        "von",
        "vd",
        "v.d.",
    ]
)
NIET_NAMEN = frozenset(
    [
        "art",
        "artikel",
        "lid",
        "sub",
        "provinciaal",
        "provinciale",
        "provinciehuis",
        "gemeentehuis",
        "gemeente",
        "provincie",
        "drentse",
        "groningse",
        "friese",
        "overijsselse",
        "rijk",
        "rode",
        "kruis",
        "koning",
        "koningin",
        "staat",
        "kroon",
        "minister",
        "ministerie",
        "commissaris",
        "burgemeester",
        "wethouder",
        "gedeputeerde",
        "college",
        "raad",
        "staten",
        "kabinet",
        "directeur",
        "secretaris",
        "voorzitter",
        "team",
        "bijlage",
        "agendapunt",
        "onderwerp",
        "geachte",
        "beste",
        "excellentie",
    ]
)
"""Words a name finder takes for a surname in these documents but that name no one: an article
("J Art. 5.1"), titles and institutions ("commissaris van de Koning", "Rode Kruis", "het Rijk"),
adjectives of places ("B en W van de Drentse gemeenten")."""


def _woorden(naam: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", naam.strip()) if w]


def _is_initiaal(woord: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.?)+", woord))


def kernwoorden(naam: str) -> list[str]:
    """The capitalised words of a name without tussenvoegsels and initials, in order."""
    return [
        w.strip(".,;:'\"")
        for w in _woorden(naam)
        if w.lower() not in TUSSENVOEGSELS and not _is_initiaal(w.strip(".,;:"))
    ]


def is_waarschijnlijk_naam(
    kandidaat: str, *, gewone_woorden: Container[str] = frozenset(), plaatsen: Iterable[str] = ()
) -> bool:
    """Whether a name finder's candidate is a person's name.

    Not a name: no capitalised word left after tussenvoegsels and initials ("te Assen"), or
    every such word is a place, an ordinary word (``gewone_woorden``, lower case) or in
    ``NIET_NAMEN`` ("van de Koning",
    "Drenthe Provinciaal", "Rode Kruis", "J Art").
    """
    kern = kernwoorden(kandidaat)
    if not kern or not any(w[:1].isupper() for w in kern):
        return False
    plaats = {p.lower() for p in plaatsen}
    plaatswoorden = {w for p in plaats for w in _woorden(p)}
    if kandidaat.strip().lower() in plaats:
        return False
    return not all(
        w.lower() in NIET_NAMEN or w.lower() in gewone_woorden or w.lower() in plaatswoorden
        for w in kern
    )


def _zonder_accenten(woord: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", woord.lower()) if not unicodedata.combining(c)
    )


def _afstand(a: str, b: str) -> int:
    """Levenshtein distance (small words only)."""
    vorige = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        huidige = [i]
        for j, cb in enumerate(b, start=1):
            huidige.append(min(vorige[j] + 1, huidige[j - 1] + 1, vorige[j - 1] + (ca != cb)))
        vorige = huidige
    return vorige[-1]


def _lijkt_op(a: str, b: str) -> bool:
    """Same word, allowing one typo in words of six letters or more ("Klijsma" ~ "Klijnsma")."""
    a, b = _zonder_accenten(a), _zonder_accenten(b)
    if a == b:
        return True
    return min(len(a), len(b)) >= 6 and _afstand(a, b) <= 1


def _delen(naam: str) -> tuple[str, list[str]]:
    """(first name or initials, surname words) of a name: "M.H.M. Faber-Van de Klashorst" is
    ("M.H.M.", ["Faber", "Klashorst"]); "Jetta Klijnsma" is ("Jetta", ["Klijnsma"])."""
    woorden = _woorden(naam)
    kern = kernwoorden(naam)
    if not woorden or not kern:
        return "", []
    eerste = woorden[0].strip(".,;:")
    if _is_initiaal(eerste):
        return woorden[0], kern
    if len(kern) >= 2 and kern[0] == eerste:
        return eerste, kern[1:]
    return "", kern


def is_ambtsdrager(naam: str, ambtsdragers: Iterable[str]) -> bool:
    """Whether ``naam`` names one of the public office holders in ``ambtsdragers``.

    A surname word must match, with one typo allowed in long names — the e-mail header of
    seed 001 spells the commissaris "Jetta Klijsma". When both give a first name it must match
    too; an initial matches a first name with that letter.
    """
    voornaam, achternaam = _delen(naam)
    if not achternaam:
        return False
    for drager in ambtsdragers:
        dvoornaam, dachternaam = _delen(drager)
        if not any(_lijkt_op(a, d) for a in achternaam for d in dachternaam):
            continue
        if not voornaam or not dvoornaam:
            return True
        if _is_initiaal(voornaam.strip(".")) or _is_initiaal(dvoornaam.strip(".")):
            if voornaam[:1].upper() == dvoornaam[:1].upper():
                return True
        elif _lijkt_op(voornaam, dvoornaam):
            return True
    return False


def alle_vindplaatsen(tekst: str, voorstellen: Sequence[Voorstel]) -> list[Voorstel]:
    """Every other occurrence of a proposed text as well (a name once found is found everywhere)."""
    uit = list(voorstellen)
    gezien = {(v.start, v.end) for v in voorstellen}
    for v in voorstellen:
        for start, end in zoek_fragment(tekst, v.tekst):
            if (start, end) not in gezien:
                gezien.add((start, end))
                uit.append(replace(v, start=start, end=end, tekst=tekst[start:end]))
    return uit


# --- spans -----------------------------------------------------------------------------------


def zoek_fragment(tekst: str, fragment: str) -> list[tuple[int, int]]:
    """The spans of every occurrence of ``fragment`` that does not cut a word in two.

    Whitespace in the fragment matches any run of whitespace (a snippet copied from the page
    may have lost a line break).
    """
    delen = [re.escape(d) for d in fragment.split()]
    if not delen:
        return []
    patroon = re.compile(
        ("(?<!\\w)" if fragment.strip()[:1].isalnum() else "")
        + r"\s+".join(delen)
        + ("(?!\\w)" if fragment.strip()[-1:].isalnum() else "")
    )
    return [(m.start(), m.end()) for m in patroon.finditer(tekst)]


def voeg_samen(voorstellen: Iterable[Voorstel]) -> list[Voorstel]:
    """Sorted, with overlapping spans merged into one.

    The merged span keeps the soort and grond of its longest part (an e-mail address over the
    name inside it); the text is the union, taken from the parts.
    """
    uit: list[Voorstel] = []
    langste: list[Voorstel] = []
    for v in sorted(voorstellen, key=lambda v: (v.start, -v.end)):
        if uit and v.start < uit[-1].end:
            laatste = uit[-1]
            if v.end > laatste.end:
                tekst = laatste.tekst + v.tekst[laatste.end - v.start :]
                if v.end - v.start > langste[-1].end - langste[-1].start:
                    langste[-1] = v
                uit[-1] = Voorstel(
                    laatste.start, v.end, tekst, langste[-1].soort, langste[-1].grond
                )
            continue
        uit.append(v)
        langste.append(v)
    return uit


@dataclass(frozen=True)
class Segment:
    """A piece of the published text: plain, or withheld with the letter of its ground."""

    tekst: str
    grond: str = ""

    @property
    def gelakt(self) -> bool:
        return bool(self.grond)


def lak(tekst: str, lakken: Iterable[Voorstel]) -> list[Segment]:
    """The text cut into plain segments and redactions; a redaction carries no text."""
    segmenten: list[Segment] = []
    positie = 0
    for v in voeg_samen(lakken):
        if v.end > len(tekst) or tekst[v.start : v.end] != v.tekst:
            raise ValueError(f"lak [{v.start}, {v.end}) past niet op de tekst")
        if v.start > positie:
            segmenten.append(Segment(tekst[positie : v.start]))
        segmenten.append(Segment("", v.grond))
        positie = v.end
    if positie < len(tekst):
        segmenten.append(Segment(tekst[positie:]))
    return segmenten


def gelakte_tekst(tekst: str, lakken: Iterable[Voorstel]) -> str:
    """The published text with every redaction replaced by ``[letter]``."""
    return "".join(s.tekst if not s.gelakt else f"[{s.grond}]" for s in lak(tekst, lakken))


def gronden_gebruikt(lakken: Iterable[Voorstel]) -> list[str]:
    """The letters of the grounds used, in alphabetical order (for the appendix)."""
    return sorted({v.grond for v in lakken})
