"""Check a page against its Excel downloads: every table has a link, the link gives a
workbook, and the workbook's figures are the page's, cell by cell (totals by evaluating the
formulas: a SUM must add up to what the page prints).

The page marks each table (or list) with ``data-tabel="<sleutel>"``; the Excel link carries
``tabel=<sleutel>``. Cells of the HTML table map one to one onto the columns of the sheet:
each numeric HTML cell (``utrecht-table__cell--numeric``) is compared with the sheet's cell
in the same column; an HTML cell without a number ("–", empty) must be empty in Excel.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlsplit

GETAL = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-+]?\d+(?:,\d+)?")


@dataclass
class Cel:
    tekst: str
    numeriek: bool
    kop: bool


@dataclass
class HtmlTabel:
    sleutel: str
    soort: str  # "table" or "ul"
    body: list[list[Cel]] = field(default_factory=list)
    voet: list[list[Cel]] = field(default_factory=list)
    items: int = 0


@dataclass
class Pagina:
    tabellen: dict[str, HtmlTabel]
    links: dict[str, str]
    """Excel link per table key ("" for the link to all tables of the page)."""


class _Lezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tabellen: dict[str, HtmlTabel] = {}
        self.links: dict[str, str] = {}
        self._tabel: HtmlTabel | None = None
        self._diepte = 0  # nested tables/lists inside a marked one
        self._deel: str | None = None
        self._rij: list[Cel] | None = None
        self._cel: Cel | None = None
        self._verborgen = 0  # depth inside .visueel-verborgen / aria-hidden
        self._stapel: list[bool] = []
        self._spans: dict[int, tuple[int, Cel]] = {}  # column -> (rows left, cell) (rowspan)

    # -- elements -------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("span", "a", "strong", "div", "ul", "li", "p"):
            verbergt = "visueel-verborgen" in a.get("class", "") or a.get("aria-hidden") == "true"
            self._stapel.append(verbergt)
            self._verborgen += verbergt
        if tag == "a" and "excel-link" in a.get("class", ""):
            query = parse_qs(urlsplit(a["href"]).query)
            self.links[query.get("tabel", [""])[0]] = a["href"]
        if "data-tabel" in a and self._tabel is None:
            self._tabel = HtmlTabel(a["data-tabel"], tag)
            self.tabellen[a["data-tabel"]] = self._tabel
            self._diepte = 0
            return
        if self._tabel is None:
            return
        if tag == self._tabel.soort:
            self._diepte += 1
        if self._tabel.soort == "ul":
            if tag == "li" and self._diepte == 0:
                self._tabel.items += 1
            return
        if tag in ("tbody", "tfoot", "thead"):
            self._deel = tag
        elif tag == "tr" and self._deel in ("tbody", "tfoot"):
            self._rij = []
        elif tag in ("td", "th") and self._rij is not None:
            self._vul_rowspans()
            self._cel = Cel(
                "", "utrecht-table__cell--numeric" in a.get("class", ""), kop=tag == "th"
            )
            self._colspan = int(a.get("colspan") or 1)
            self._rowspan = int(a.get("rowspan") or 1)

    def _vul_rowspans(self) -> None:
        assert self._rij is not None
        while len(self._rij) in self._spans:
            over, cel = self._spans[len(self._rij)]
            self._rij.append(cel)
            if over <= 1:
                del self._spans[len(self._rij) - 1]
            else:
                self._spans[len(self._rij) - 1] = (over - 1, cel)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("span", "a", "strong", "div", "ul", "li", "p") and self._stapel:
            self._verborgen -= self._stapel.pop()
        if self._tabel is None:
            return
        if tag == self._tabel.soort:
            if self._diepte == 0:
                self._tabel = None
                return
            self._diepte -= 1
        if self._tabel.soort == "ul":
            return
        if tag in ("td", "th") and self._cel is not None and self._rij is not None:
            start = len(self._rij)
            for i in range(self._colspan):
                cel = self._cel if i == 0 else Cel("", False, False)
                self._rij.append(cel)
                if self._rowspan > 1:
                    self._spans[start + i] = (
                        self._rowspan - 1,
                        Cel(cel.tekst, cel.numeriek, cel.kop),
                    )
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            self._vul_rowspans()
            (self._tabel.body if self._deel == "tbody" else self._tabel.voet).append(self._rij)
            self._rij = None
        elif tag in ("tbody", "tfoot", "thead"):
            self._deel = None

    def handle_data(self, data: str) -> None:
        if self._cel is not None and not self._verborgen:
            self._cel.tekst += data


def lees_pagina(html: str) -> Pagina:
    lezer = _Lezer()
    lezer.feed(html)
    # Rowspans are copied into the rows below: the copy keeps the first text (fine for
    # the label columns that use them).
    return Pagina(lezer.tabellen, lezer.links)


# -- numbers ---------------------------------------------------------------------------------


def getal_in(tekst: str) -> tuple[float, int] | None:
    """The first number in a Dutch text and its decimals: "−1.670" → (-1670, 0),
    "81,24 %" → (81.24, 2), "+5" → (5, 0); None if there is none."""
    tekst = tekst.replace("\u2212", "-").replace("\u00a0", " ")
    m = GETAL.search(tekst)
    if m is None:
        return None
    ruw = m.group().replace(".", "")
    geheel, _, deel = ruw.partition(",")
    return float(f"{geheel}.{deel}" if deel else geheel), len(deel)


def _cel(ws: Any, ref: str) -> Any:
    return waarde(ws, ws[ref])


def _bereik(ws: Any, bereik: str) -> list[Any]:
    return [waarde(ws, c) for rij in ws[bereik] for c in rij]


def waarde(ws: Any, cel: Any) -> Any:
    """The value of a cell, formulas evaluated (the few forms core.xlsx writes)."""
    v = cel.value
    if not (isinstance(v, str) and v.startswith("=")):
        return v
    formule = v[1:]
    if m := re.fullmatch(r"SUM\(([A-Z]+\d+:[A-Z]+\d+)\)", formule):
        return sum(x for x in _bereik(ws, m.group(1)) if isinstance(x, int | float))
    if re.fullmatch(r"[A-Z]+\d+(\+[A-Z]+\d+)+", formule):
        return sum(_cel(ws, ref) or 0 for ref in formule.split("+"))
    if m := re.fullmatch(r'IF\(([A-Z]+\d+)>0,([A-Z]+\d+)/([A-Z]+\d+),"n\.v\.t\."\)', formule):
        noemer = _cel(ws, m.group(1))
        return _cel(ws, m.group(2)) / noemer if noemer and noemer > 0 else "n.v.t."
    raise AssertionError(f"onbekende formule {v} in {cel.coordinate}")


def excel_getal(ws: Any, cel: Any, decimalen: int) -> float | None:
    v = waarde(ws, cel)
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    if "%" in cel.number_format:
        v = v * 100
    return round(v, decimalen)


def kopregel(ws: Any) -> int:
    """The header row: the one above the frozen pane."""
    m = re.fullmatch(r"[A-Z]+(\d+)", ws.freeze_panes or "")
    assert m, f"blad {ws.title}: geen bevroren koprij ({ws.freeze_panes!r})"
    return int(m.group(1)) - 1


def vergelijk(tabel: HtmlTabel, ws: Any) -> int:
    """Compare every numeric cell of the HTML table with the sheet; returns the number of
    figures compared (so a test can see that it compared something)."""
    kop = kopregel(ws)
    if tabel.soort == "ul":
        rijen = [r for r in ws.iter_rows(min_row=kop + 1) if r[0].value is not None]
        # The data rows, without the caption under the table.
        assert len(rijen) - 1 == tabel.items, (ws.title, len(rijen) - 1, tabel.items)
        return tabel.items
    vergeleken = 0
    rijen = [*tabel.body, *tabel.voet]
    assert datarijen(ws, kop) == len(rijen), (ws.title, datarijen(ws, kop), len(rijen))
    for i, rij in enumerate(rijen):
        excelrij = kop + 1 + i
        for j, cel in enumerate(rij):
            if not cel.numeriek:
                continue
            gevonden = getal_in(cel.tekst)
            xcel = ws.cell(row=excelrij, column=j + 1)
            plaats = f"blad {ws.title!r} {xcel.coordinate} (HTML rij {i + 1}, kolom {j + 1})"
            if gevonden is None:
                v = waarde(ws, xcel)
                assert not isinstance(v, int | float) or (i >= len(tabel.body) and v == 0), (
                    f"{plaats}: HTML zonder getal ({cel.tekst.strip()!r}), Excel {v!r}"
                )
                continue
            getal, decimalen = gevonden
            x = excel_getal(ws, xcel, decimalen)
            assert x == getal, f"{plaats}: HTML {cel.tekst.strip()!r}, Excel {xcel.value!r} → {x}"
            vergeleken += 1
    return vergeleken


def datarijen(ws: Any, kop: int) -> int:
    """Rows under the header up to the first empty one: rows, total, footer rows."""
    n = 0
    for rij in ws.iter_rows(min_row=kop + 1):
        if all(c.value in (None, "") for c in rij):
            break
        n += 1
    return n


def werkboek(inhoud: bytes) -> Any:
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(inhoud))
