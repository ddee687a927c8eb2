"""Street addresses in running text, recognised with a register of place and street names.

An address is a street, a house number (with a letter or an addition: ``7a``, ``12-3``,
``12 bis``) and then either

* a postcode (``9401 AB``, optionally followed by the place): "Hoofdstraat 12a, 9401 AB Assen";
* or a place from the register (a gemeente or a woonplaats), after a space, a comma, a line
  break or " te ": "Kerkstraat 12 Emmen", "Hoofdweg 5 Nieuw-Buinen", "Dorpsstraat 7a Zuidlaren".

The street is the longest run of words before the number that the register knows as a street,
or a word ending in a street word (``-straat``, ``-weg``, ``-laan``, ``-diep``, …) with the
capitalised words and tussenvoegsels before it ("Burgemeester van Weezelstraat"). With a
postcode, any capitalised word will do ("Westerbrink 1, 9405 BJ Assen"): the postcode proves it.

Not an address: a Postbus or Antwoordnummer, a "street" that is itself a place ("Assen 12
Emmen" in a table), and an organisation's address — a line that names a provinciehuis,
gemeentehuis, stadhuis, ministerie, kantoor, bezoekadres or azc before it ("Provinciehuis
Assen, Westerbrink 1 te Assen"). These are not a person's and stay readable.

Names compare without regard to case, accents kept ("KERKSTRAAT 12 EMMEN" is found as well);
the text's place must start with a capital (or ``'s-``/``'t``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["STRAATWOORDEN", "Plaatsregister", "adres_spans", "sleutel"]


def sleutel(naam: str) -> str:
    """The comparison key of a place or street name: NFC, straight apostrophe, case-folded."""
    naam = unicodedata.normalize("NFC", naam).replace("\u2019", "'").replace("\u00a0", " ")
    return " ".join(naam.casefold().split())


@dataclass(frozen=True)
class Plaatsregister:
    """The place names (gemeenten and woonplaatsen) and street names that anchor an address.

    Build it with :meth:`van`; both sets hold :func:`sleutel` keys.
    """

    plaatsen: frozenset[str] = frozenset()
    straten: frozenset[str] = frozenset()

    @classmethod
    def van(cls, plaatsen: Iterable[str], straten: Iterable[str] = ()) -> Plaatsregister:
        """From names as written; "Bergen (NH.)" is known as "Bergen" too."""
        sleutels: set[str] = set()
        for plaats in plaatsen:
            if plaats.strip():
                sleutels.add(sleutel(plaats))
                sleutels.add(sleutel(re.sub(r"\s*\([^)]*\)\s*$", "", plaats)))
        return cls(frozenset(sleutels), frozenset(sleutel(s) for s in straten if s.strip()))

    def is_plaats(self, naam: str) -> bool:
        return sleutel(naam) in self.plaatsen

    def is_straat(self, naam: str) -> bool:
        return sleutel(naam) in self.straten


STRAATWOORDEN = (
    "straat",
    "weg",
    "laan",
    "plein",
    "dijk",
    "kade",
    "gracht",
    "singel",
    "hof",
    "pad",
    "dreef",
    "steeg",
    "park",
    "erf",
    "brink",
    "markt",
    "wal",
    "veld",
    "plantsoen",
    "baan",
    "boulevard",
    "allee",
    "hoek",
    "ring",
    "kamp",
    "es",
    "esch",
    "akker",
    "zoom",
    "horst",
    "diep",
    "dam",
    "oord",
    "hout",
    "vaart",
    "wijk",
    "haven",
    "kanaal",
    "wende",
    "tuin",
    "gaarde",
    "hove",
    "stede",
    "poort",
    "brug",
    "schans",
    "tocht",
    "wierde",
    "maat",
    "hoeve",
    "loop",
    "stoep",
    "pier",
    "kaai",
    "rondweg",
)
"""The last part of most Dutch street names (BAG openbare ruimten of type weg)."""


def _lijst(woorden: str) -> frozenset[str]:
    return frozenset(woorden.split())


_TUSSENWOORDEN = _lijst("van de der den het 't ter ten te aan op in bij la le du des")
_GEEN_STRAAT = _lijst(
    """in op aan bij naar van via te de het een en of tot uit voor met na om over sinds vanaf
    per tussen rond circa ca adres woonadres postadres bezoekadres correspondentieadres
    woont woonachtig wonende gevestigd verblijft ik wij we hij zij ze u mijn zijn haar ons
    onze uw heer mevrouw dhr mw mevr tel telefoon fax e-mail email mail website postbus
    antwoordnummer artikel art bijlage tabel agendapunt punt pagina blz hoofdstuk lid week
    versie kamer zaal fase stap nummer nr document figuur paragraaf ronde groep team regio
    jaar kwartaal maand dag totaal gemeente provincie cyclus peildatum januari februari
    maart april mei juni juli augustus september oktober november december maandag dinsdag
    woensdag donderdag vrijdag zaterdag zondag"""
)
"""Capitalised words that begin a sentence or label a figure, never a street ("In 2024 Emmen",
"Bijlage 2 Assen", "Week 12 Emmen")."""

_POSTBUS = re.compile(r"\b(?:postbus|antwoordnummer)\b", re.IGNORECASE)
_ORGANISATIE = re.compile(
    r"\b(?:provinciehuis|gemeentehuis|stadhuis|raadhuis|ministerie|kantoor|kantooradres"
    r"|hoofdkantoor|bezoekadres|azc)\b",
    re.IGNORECASE,
)

_HUISNUMMER = re.compile(
    r"(?<= )[1-9]\d{0,4}"
    r"(?:[ ]?[A-Za-z](?![\w\-]))?"
    r"(?:[ ]?-[ ]?[A-Za-z0-9]{1,4}(?![\w\-])|[ ](?:bis|hs|HS|I{1,3}|IV|rd|zw)(?![\w\-]))?"
    r"(?![\w\-/]|[.,]\d)"
)
_POSTCODE = re.compile(r",?[ \t]*(?:\r?\n[ \t]*)?[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?!\w)")
_SCHEIDING = re.compile(r",[ \t]*(?:\r?\n[ \t]*)?|[ \t]+te[ \t]+|[ \t]*\r?\n[ \t]*|[ \t]+")
_NA_POSTCODE = re.compile(r"[ \t]{1,3}|,[ \t]*")
_WOORD = re.compile(r"[^\W\d_][\w'\u2019\-.()]*")
_PLAATSWOORDEN = re.compile(
    r"(?:'[sStT][ \-])?[^\W\d_][\w'\u2019\-.()]*(?:[ ][\w'\u2019\-.()]+){0,5}"
)
_STRAATWOORD = re.compile(r"^(?:[\w'\u2019\-./]+)$")
_STRAATTEKENS = ',:;|()[]{}"<>'


def _plaats_na(tekst: str, positie: int, register: Plaatsregister) -> int | None:
    """The end of the longest register place that starts at ``positie`` (up to six words)."""
    m = _PLAATSWOORDEN.match(tekst, positie)
    if m is None:
        return None
    woorden = m.group().split(" ")
    eerste = woorden[0]
    if not (eerste[:1].isupper() or eerste[:2].lower() in ("'s", "'t")):
        return None
    for k in range(len(woorden), 0, -1):
        kandidaat = " ".join(woorden[:k])
        kaal = kandidaat.rstrip(".,;:!?)")
        if kaal.count("(") > kaal.count(")"):  # "Bergen (NH.)" keeps its bracket
            kaal = kandidaat.rstrip(".,;:!?")
        if kaal and register.is_plaats(kaal):
            return positie + len(kaal)
    return None


def _heeft_straatwoord(naam: str) -> bool:
    return naam.lower().rstrip(".").endswith(STRAATWOORDEN)


def _is_hoofdwoord(woord: str) -> bool:
    kaal = woord.rstrip(".")
    return bool(kaal) and kaal[:1].isupper() and kaal.lower() not in _GEEN_STRAAT


def _straat_voor(
    tekst: str, nummer: int, register: Plaatsregister, *, met_postcode: bool
) -> int | None:
    """The start of the street that ends just before the house number at ``nummer``."""
    regelbegin = tekst.rfind("\n", 0, nummer) + 1
    voor = tekst[regelbegin:nummer]
    if not voor.endswith(" ") or voor.endswith("  ") or len(voor) < 2:
        return None
    woorden: list[tuple[int, str]] = []  # (start, word), from the number backwards
    for m in reversed(list(re.finditer(r"\S+", voor))):
        woord, begin = m.group(), m.start()
        laatste_teken = max(woord.rfind(t) for t in _STRAATTEKENS)
        if laatste_teken >= 0:  # "(Kerkstraat": the word after the bracket, and no further
            woord, begin = woord[laatste_teken + 1 :], begin + laatste_teken + 1
        if len(woorden) == 6 or not woord or not _STRAATWOORD.match(woord):
            break
        woorden.append((regelbegin + begin, woord))
        if laatste_teken >= 0:
            break
    if not woorden:
        return None
    woorden.reverse()
    # 1. the longest run of words the street register knows
    for k in range(len(woorden), 0, -1):
        naam = " ".join(w for _, w in woorden[-k:])
        if register.is_straat(naam):
            if k == 1 and register.is_plaats(naam) and not _heeft_straatwoord(naam):
                return None  # "Assen 12 Emmen": a place, not a street
            return woorden[-k][0]
    # 2. a street word ("Kerkstraat"), or with a postcode any capitalised word
    laatste = woorden[-1][1].rstrip(".")
    if not _is_hoofdwoord(laatste):
        return None
    if not _heeft_straatwoord(laatste) and (not met_postcode or register.is_plaats(laatste)):
        return None  # without a street word only a postcode proves a street
    begin = len(woorden) - 1
    j = begin - 1
    while j >= 0 and len(woorden) - j <= 5:
        woord = woorden[j][1]
        if woord.lower() in _TUSSENWOORDEN:
            j -= 1
            continue
        if _is_hoofdwoord(woord):
            begin = j
            j -= 1
            continue
        break
    return woorden[begin][0]


def adres_spans(tekst: str, register: Plaatsregister) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the addresses in ``tekst`` (see the module's rules)."""
    spans: list[tuple[int, int]] = []
    for m in _HUISNUMMER.finditer(tekst):
        if spans and m.start() < spans[-1][1]:
            continue
        eind: int | None = None
        postcode = _POSTCODE.match(tekst, m.end())
        if postcode is not None:
            eind = postcode.end()
            na = _NA_POSTCODE.match(tekst, eind)
            if na is not None:
                plaats = _plaats_na(tekst, na.end(), register)
                if plaats is None:
                    woord = _WOORD.match(tekst, na.end())
                    if woord is not None and woord.group()[:1].isupper():
                        plaats = na.end() + len(woord.group().rstrip(".,;:)"))
                eind = plaats or eind
        else:
            scheiding = _SCHEIDING.match(tekst, m.end())
            if scheiding is not None:
                eind = _plaats_na(tekst, scheiding.end(), register)
        if eind is None:
            continue
        begin = _straat_voor(tekst, m.start(), register, met_postcode=postcode is not None)
        if begin is None:
            continue
        regel = tekst[tekst.rfind("\n", 0, begin) + 1 : begin]
        if _POSTBUS.search(tekst, begin, m.start()) or _ORGANISATIE.search(regel):
            continue
        spans.append((begin, eind))
    return spans
