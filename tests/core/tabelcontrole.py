"""The page's table and its Excel sheet hold the same cells: every header, every cell of
every row, the total and footer rows, the caption, and each note.

``tests/core/excelcontrole.py`` compares the numbers of a page with its workbook; this helper
compares everything a table shows, cell by cell, as text: the sheet's value printed the Dutch
way its number format says (``1.000``, ``+5``/``−5``, ``81,24 %``, ``01-11-2025``; totals by
evaluating the formulas) must be the page's cell text. What the page adds for the eye is
left out of the cell's text and checked on its own: a note (``<span class="kolom-sub">``) is
the Excel cell's comment, the "tekort" label belongs to the page, text for screen readers
only (``visueel-verborgen``) is not on screen; a missing figure ("–" that is aria-hidden) is
an empty cell. A list in a cell is the sheet's "a; b" text.

    pagina = lees_tabellen(html)
    n = vergelijk_cellen(pagina["Verdeling"], werkboek(xlsx)["Verdeling"])

Written for every page that shows a ``core.tabel.Tabel`` (``core/tabel.html``): the verdeling
pages and the Stand van zaken (against the report's workbook,
``tests/monitoring/test_stand_tabel_cellen.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from html.parser import HTMLParser
from typing import Any

from regietafel.domain import notatie
from tests.core.excelcontrole import datarijen, kopregel, waarde

OPMAAK = ("span", "a", "strong", "div", "ul", "li", "p", "em", "abbr")


@dataclass
class Item:
    tekst: str = ""
    noot: str = ""


@dataclass
class Cel:
    tekst: str = ""
    noot: str = ""
    kop: bool = False
    colspan: int = 1
    items: list[Item] = field(default_factory=list)
    url: str = ""

    @property
    def schoon(self) -> str:
        return " ".join(self.tekst.split())


@dataclass
class PaginaTabel:
    sleutel: str
    bijschrift: str = ""
    bijschrift_noot: str = ""
    koppen: list[list[Cel]] = field(default_factory=list)
    rijen: list[list[Cel]] = field(default_factory=list)
    """The body rows, then the total and footer rows."""


class _Lezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tabellen: dict[str, PaginaTabel] = {}
        self._tabel: PaginaTabel | None = None
        self._deel = ""
        self._rij: list[Cel] | None = None
        self._cel: Cel | None = None
        self._item: Item | None = None
        self._caption = False
        self._stapel: list[str] = []  # per open inline element: "", "verborgen", "noot"

    def _soort(self) -> str:
        if "verborgen" in self._stapel:
            return "verborgen"
        return "noot" if "noot" in self._stapel else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        klassen = a.get("class", "").split()
        if tag == "table" and "data-tabel" in a:
            self._tabel = PaginaTabel(a["data-tabel"])
            self.tabellen[a["data-tabel"]] = self._tabel
            return
        if self._tabel is None:
            return
        if tag in OPMAAK:
            if "visueel-verborgen" in klassen or a.get("aria-hidden") == "true":
                self._stapel.append("verborgen")
            elif "verschil__label" in klassen:
                self._stapel.append("verborgen")  # the "tekort" label: the page's marker
            elif "kolom-sub" in klassen:
                self._stapel.append("noot")
            else:
                self._stapel.append("")
        if tag == "caption":
            self._caption = True
        elif tag in ("thead", "tbody", "tfoot"):
            self._deel = tag
        elif tag == "tr":
            self._rij = []
        elif tag in ("td", "th") and self._rij is not None:
            self._cel = Cel(kop=tag == "th", colspan=int(a.get("colspan") or 1))
        elif tag == "li" and self._cel is not None:
            self._item = Item()
            self._cel.items.append(self._item)
        elif tag == "a" and self._cel is not None:
            self._cel.url = a.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if self._tabel is None:
            return
        if tag in OPMAAK and self._stapel:
            self._stapel.pop()
        if tag == "table":
            self._tabel = None
        elif tag == "caption":
            self._caption = False
        elif tag == "li":
            self._item = None
        elif tag in ("td", "th") and self._cel is not None and self._rij is not None:
            self._rij.append(self._cel)
            for _ in range(self._cel.colspan - 1):
                self._rij.append(Cel(colspan=0))  # covered by the cell before
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            (self._tabel.koppen if self._deel == "thead" else self._tabel.rijen).append(self._rij)
            self._rij = None

    def handle_data(self, data: str) -> None:
        if self._tabel is None:
            return
        soort = self._soort()
        if soort == "verborgen":
            return
        if self._caption:
            if soort == "noot":
                self._tabel.bijschrift_noot += data
            else:
                self._tabel.bijschrift += data
            return
        doel: Item | Cel | None = self._item or self._cel
        if doel is None:
            return
        if soort == "noot":
            doel.noot += data
        else:
            doel.tekst += data


def lees_tabellen(html: str) -> dict[str, PaginaTabel]:
    """Every table of the page with a ``data-tabel``, by its key."""
    lezer = _Lezer()
    lezer.feed(html)
    return lezer.tabellen


def _schoon(tekst: str) -> str:
    return " ".join(tekst.split())


def excel_tekst(ws: Any, cel: Any) -> str:
    """The sheet's cell as the page prints it (formulas evaluated)."""
    v = waarde(ws, cel)
    formaat = cel.number_format
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, dt.datetime):
        return notatie.moment(v) if "hh" in formaat else notatie.datum(v.date())
    if isinstance(v, dt.date):
        return notatie.datum(v)
    if isinstance(v, bool):
        return str(v)
    breuk = Fraction(v).limit_denominator(10**9)
    if formaat == "0.00%":
        return notatie.procent(breuk)
    if formaat == "0%":
        return notatie.heel_procent(breuk)
    if formaat == "#,##0.00":
        return notatie.decimaal(breuk)
    assert breuk.denominator == 1, f"{ws.title}!{cel.coordinate}: geen geheel getal ({v!r})"
    if formaat.startswith("+"):
        return notatie.verschil(int(v))
    if formaat.startswith('"€"'):
        return notatie.euro(int(v))
    return notatie.getal(int(v))


def _kop(koppen: list[list[Cel]], j: int) -> str:
    """The page's header of column ``j`` as Excel writes it: "Groep – Kop (sub)"."""
    kolom = koppen[-1][j]
    groep = ""
    if len(koppen) > 1:
        # The group cell that covers column j (a colspan is padded with colspan=0 cells).
        i = j
        while koppen[-2][i].colspan == 0:
            i -= 1
        groep = koppen[-2][i].schoon
    kop = " – ".join(d for d in (groep, kolom.schoon) if d)
    return f"{kop} ({_schoon(kolom.noot)})" if kolom.noot.strip() else kop


def vergelijk_cellen(tabel: PaginaTabel, ws: Any) -> int:
    """Assert that the page's table and the sheet hold the same cells; returns the number of
    cells compared."""
    kop = kopregel(ws)
    breedte = len(tabel.koppen[-1])
    excelkoppen = [ws.cell(row=kop, column=j + 1).value for j in range(breedte)]
    assert ws.cell(row=kop, column=breedte + 1).value is None, f"{ws.title}: Excel is breder"
    paginakoppen = [_kop(tabel.koppen, j) for j in range(breedte)]
    assert [k or "" for k in excelkoppen] == paginakoppen, ws.title
    assert datarijen(ws, kop) == len(tabel.rijen), (ws.title, datarijen(ws, kop), len(tabel.rijen))
    vergeleken = 0
    for i, rij in enumerate(tabel.rijen):
        assert len(rij) == breedte, (ws.title, i, len(rij), breedte)
        for j, cel in enumerate(rij):
            assert cel.colspan == 1, f"{ws.title}: rij {i + 1} heeft een cel over meer kolommen"
            xcel = ws.cell(row=kop + 1 + i, column=j + 1)
            plaats = f"blad {ws.title!r} {xcel.coordinate} (rij {i + 1}, kolom {paginakoppen[j]!r})"
            tekst = excel_tekst(ws, xcel)
            if cel.items:
                delen = tekst.split("; ")
                assert len(delen) == len(cel.items), f"{plaats}: {tekst!r} tegen {cel.items}"
                for deel, item in zip(delen, cel.items, strict=True):
                    assert deel.startswith(_schoon(item.tekst)), f"{plaats}: {deel!r} {item}"
                    assert deel.endswith(_schoon(item.noot)), f"{plaats}: {deel!r} {item}"
            else:
                assert tekst == cel.schoon, f"{plaats}: Excel {tekst!r}, pagina {cel.schoon!r}"
                opmerking = xcel.comment.text if xcel.comment else ""
                assert opmerking == _schoon(cel.noot), (
                    f"{plaats}: Excel-opmerking {opmerking!r}, noot op de pagina {cel.noot!r}"
                )
            vergeleken += 1
    onderschrift = ws.cell(row=kop + len(tabel.rijen) + 2, column=1).value
    verwacht = _schoon(tabel.bijschrift)
    if tabel.bijschrift_noot.strip():
        verwacht = f"{verwacht}. {_schoon(tabel.bijschrift_noot)}"
    assert onderschrift == verwacht, (ws.title, onderschrift, verwacht)
    return vergeleken
