"""Dates of birth in running text.

A date is written ``14-03-1987``, ``14/3/87``, ``14.03.1987``, ``1987-03-14``, ``14 maart 1987``
or ``14 mrt. 1987`` and must exist in the calendar. Most dates in a Woo document are not
personal data (the date of a letter, a meeting, a peildatum), so a date counts as a date of
birth only in one of four situations:

1. **after a birth word** — ``geboren``, ``geb.``, ``geboortedatum``, ``geboorte``, ``°``, ``*``
   or (English) ``born``, ``date of birth``, ``DOB`` — in the same sentence, with at most
   40 characters and no other date between them, or on the next line after a label
   ("Geboortedatum:\\n14-03-1987");
2. **before "geboren"** in the same sentence, at most 25 characters on ("die op 14 maart 1987
   geboren is");
3. **on a line that holds a personal identification number**: a BSN that passes the
   elfproef, or the word BSN, burgerservicenummer, V-nummer or vreemdelingennummer
   ("K. de Boer, 14-03-1987, BSN 111222333");
4. **in the column of a table headed by a birth word** (cells separated by tabs or ``|``,
   as a Word table or a Markdown table is read).

The rule errs towards withholding in a personal record and stays silent on the ordinary dates
of correspondence ("Assen, 1 november 2025", "het overleg van 5 februari 2026").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

__all__ = ["MAANDEN", "datum_spans", "geboortedatum_spans"]

MAANDEN = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "febr": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MAAND = "|".join(sorted(MAANDEN, key=len, reverse=True))
_DATUM = re.compile(
    r"(?<![\w\-/.])(?:"
    r"(?P<d>\d{1,2})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<j>\d{4}|\d{2})"
    rf"|(?P<d2>\d{{1,2}})(?:e)?[ \t\u00a0]+(?P<mnd>{_MAAND})\.?[ \t\u00a0]+(?P<j2>\d{{4}})"
    r"|(?P<j3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r")(?![\w\-/]|[.,]\d)",
    re.IGNORECASE,
)
_GEBOORTEWOORD = re.compile(
    r"\b(?:geboren|geboorte\w*|geb\.(?:\s?datum)?|geb\b|born|date\s+of\s+birth|d\.?o\.?b\b\.?)"
    r"|(?<![\w*°])[°*](?=[ \t\u00a0]?\d)",
    re.IGNORECASE,
)
_TUSSEN_VOOR = re.compile(r"[^\n.!?;]{0,40}|[ \t]*:?[ \t]*\r?\n[ \t]*")
_NA = re.compile(r"[^\n.!?;]{0,25}?\bgeboren\b", re.IGNORECASE)
_ID_WOORD = re.compile(
    r"\b(?:bsn|burgerservicenummer|v-?nummer|vreemdelingennummer)\b", re.IGNORECASE
)
_NEGEN_CIJFERS = re.compile(
    r"(?<![\d.\-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .\-]\d{3}[ .\-]\d{3})(?![\d\-]|\.\d)"
)


def _bestaat(jaar: int, maand: int, dag: int) -> bool:
    try:
        dt.date(jaar, maand, dag)
    except ValueError:
        return False
    return True


def datum_spans(tekst: str) -> list[tuple[int, int]]:
    """The spans of every calendar date in ``tekst`` (in the forms of the module docstring)."""
    uit = []
    for m in _DATUM.finditer(tekst):
        if m.group("d"):
            jaar = int(m.group("j"))
            jaar += 2000 if len(m.group("j")) == 2 else 0  # a leap year for "29-02-88"
            geldig = _bestaat(jaar, int(m.group("m")), int(m.group("d")))
        elif m.group("d2"):
            maand = MAANDEN[m.group("mnd").lower()]
            geldig = _bestaat(int(m.group("j2")), maand, int(m.group("d2")))
        else:
            geldig = _bestaat(int(m.group("j3")), int(m.group("m3")), int(m.group("d3")))
        if geldig:
            uit.append((m.start(), m.end()))
    return uit


def _cellen(regel: str, scheiding: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row, relative to the row."""
    spans, begin = [], 0
    for i, teken in enumerate(regel):
        if teken == scheiding:
            spans.append((begin, i))
            begin = i + 1
    spans.append((begin, len(regel)))
    return spans


def _in_tabelkolom(tekst: str, datums: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Dates in a column whose header cell holds a birth word (rule 4)."""
    uit: set[tuple[int, int]] = set()
    positie = 0
    kolommen: list[int] = []
    scheiding = ""
    for regel in tekst.split("\n"):
        begin = positie
        positie += len(regel) + 1
        teken = "\t" if "\t" in regel else "|" if regel.count("|") >= 2 else ""
        if not teken or (kolommen and teken != scheiding):
            kolommen, scheiding = [], ""
            if not teken:
                continue
        cellen = _cellen(regel, teken)
        if not kolommen:
            kolommen = [i for i, (a, b) in enumerate(cellen) if _GEBOORTEWOORD.search(regel[a:b])]
            scheiding = teken if kolommen else ""
            continue
        for i in kolommen:
            if i < len(cellen):
                a, b = cellen[i]
                uit.update(d for d in datums if begin + a <= d[0] and d[1] <= begin + b)
    return uit


def geboortedatum_spans(
    tekst: str, *, is_bsn: Callable[[str], bool] = lambda _: False
) -> list[tuple[int, int]]:
    """The spans of the dates of birth in ``tekst`` by the four rules of this module.

    ``is_bsn`` tells a nine-digit number that is a BSN (the elfproef, passed in by
    ``persoonsgegevens`` so that this module needs nothing else).
    """
    datums = datum_spans(tekst)
    gevonden: set[tuple[int, int]] = set()
    # 1. after a birth word
    for w in _GEBOORTEWOORD.finditer(tekst):
        volgende = next((d for d in datums if d[0] >= w.end()), None)
        if volgende is None:
            continue
        tussen = _TUSSEN_VOOR.fullmatch(tekst, w.end(), volgende[0])
        if tussen is not None:
            gevonden.add(volgende)
    # 2. before "geboren"
    for d in datums:
        if _NA.match(tekst, d[1]):
            gevonden.add(d)
    # 3. on a line with an identification number
    for d in datums:
        begin = tekst.rfind("\n", 0, d[0]) + 1
        eind = tekst.find("\n", d[1])
        regel = tekst[begin : eind if eind >= 0 else len(tekst)]
        if _ID_WOORD.search(regel) or any(
            is_bsn(n.group()) for n in _NEGEN_CIJFERS.finditer(regel)
        ):
            gevonden.add(d)
    # 4. in a table column headed by a birth word
    gevonden |= _in_tabelkolom(tekst, datums)
    return sorted(gevonden)
