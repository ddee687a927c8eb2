"""A table as data: columns with a kind (getal, verschil, euro, procent, datum, tekst), rows,
an optional total row and footer rows.

Pages render it with ``core/tabel.html``, the reports print it (PDF, Word: ``core.woord``) and
``core.xlsx`` writes it to Excel with the same Dutch headers, number formats and totals as
formulas. Build a ``Tabel`` once per page and hand the same object to the template and the
exports: ``{% include "core/tabel.html" with tabel=t %}``.

Besides plain values a cell may hold a ``Link`` (a link on the page, its text elsewhere), a
``Noot`` (a value with a small note: on the page beside it, in Excel a comment), a ``Lijst``
(a list on the page, "; "-joined text elsewhere), ``Ontbreekt`` (a missing figure: "–" with
an explanation for screen readers, an empty cell in Excel; never 0), a ``Vlak`` (a text
with a legend swatch on the page, the map's class) or ``Html`` (markup that is already safe: a
small form or a rich document cell, rendered from a template with ``Html.sjabloon`` or built
with ``format_html``; its plain ``tekst`` elsewhere).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cached_property
from typing import Literal

from regietafel.core import opmaak
from regietafel.domain.notatie import decimaal, procent
from regietafel.domain.voortgang import voortgang_tekst

Kolomsoort = Literal["tekst", "getal", "verschil", "procent", "euro", "datum"]


@dataclass(frozen=True)
class Aandeel:
    """A progress cell: realisatie of taakstelling (R5), shown as "236%" or "n.v.t."."""

    teller: int
    noemer: int

    @property
    def tekst(self) -> str:
        return voortgang_tekst(self.teller, self.noemer)

    @property
    def waarde(self) -> float | None:
        return self.teller / self.noemer if self.noemer > 0 else None


@dataclass(frozen=True)
class Percentage:
    """An exact share shown with decimals ("81,24 %"): Excel gets the number with "0.00%"."""

    breuk: Fraction
    cijfers: int = 2

    @property
    def tekst(self) -> str:
        """As the verdeling pages print it: exact, half away from zero ("81,24 %")."""
        return procent(self.breuk, self.cijfers)

    @property
    def waarde(self) -> float:
        return float(self.breuk)


@dataclass(frozen=True)
class Decimaal:
    """An exact number shown with decimals ("1.239,62"): Excel gets it with "#,##0.00"."""

    breuk: Fraction
    cijfers: int = 2

    @property
    def tekst(self) -> str:
        return decimaal(self.breuk, self.cijfers)

    @property
    def waarde(self) -> float:
        return float(self.breuk)


Kaal = str | int | Aandeel | Percentage | Decimaal | dt.date | None
"""A value without page markup: what Excel and the documents get."""


@dataclass(frozen=True)
class Link:
    """A cell that links on the page ("Assen" → /gemeenten/assen/); text in the exports."""

    tekst: str
    url: str
    uitleg: str = ""
    """Words for screen readers only, inside the link ("Assen" + " 01-11-2025")."""


@dataclass(frozen=True)
class Noot:
    """A value with a note: "12 (11,62)" on the page as "12" and a small "(11,62)"; Excel gets
    the value with the note as a comment, the documents "12 (11,62)"."""

    waarde: Kaal
    noot: str
    scheiding: str = " "
    klasse: str = ""
    """A CSS class for the page's cell (e.g. "opgehoogd")."""


@dataclass(frozen=True)
class Lijst:
    """Several items in one cell: a list on the page, "a; b" in Excel and the documents."""

    items: tuple[str | Noot | Link, ...]
    """A Link item is a link on the page (its text elsewhere)."""
    klasse: str = ""
    leeg: str = "–"


@dataclass(frozen=True)
class Ontbreekt:
    """A missing figure: "–" on the page (the ``uitleg`` for screen readers), an empty cell in
    Excel, "–" in the documents. Never a 0."""

    uitleg: str = "niet aangeleverd"
    tekst: str = "–"


@dataclass(frozen=True)
class Vlak:
    """A text with a small legend swatch before it on the page: an SVG square whose CSS
    classes ``klasse`` fill it as the chart or map does (the map's class: "gemeente kl-1",
    drawn by kaart.css), so a row reads like the legend; the text alone elsewhere."""

    tekst: str
    klasse: str


@dataclass(frozen=True)
class Html:
    """Markup that is already escaped (a ``SafeString``): a small form in a cell (the Woo
    lakken, the actions' Afronden), form fields, a document's rich cell. The page shows the
    markup; Excel and the documents get ``tekst`` (say what the control holds, or "").

    Never ``mark_safe`` user text to make one: build it with ``format_html`` or render a
    template (``Html.sjabloon``), which escape every value."""

    markup: str
    tekst: str = ""
    klasse: str = ""
    """A CSS class for the page's cell."""

    def __post_init__(self) -> None:
        from django.utils.safestring import SafeData

        if not isinstance(self.markup, SafeData):
            raise TypeError("Html-cel: de opmaak moet al veilig zijn (format_html of sjabloon)")

    @classmethod
    def sjabloon(
        cls,
        template: str,
        context: dict[str, object],
        *,
        request: object = None,
        tekst: str = "",
        klasse: str = "",
    ) -> Html:
        """The cell rendered from a small template (autoescaped), e.g. a form: pass the
        ``request`` for its ``{% csrf_token %}``."""
        from django.template.loader import render_to_string
        from django.utils.safestring import mark_safe

        html = render_to_string(template, context, request=request)  # type: ignore[arg-type]
        # the template engine autoescapes every value: the result is safe markup
        return cls(mark_safe(html.strip()), tekst, klasse)

    @classmethod
    def opmaak(cls, formaat: str, *args: object, tekst: str = "", klasse: str = "") -> Html:
        """The cell from ``format_html(formaat, *args)``: every argument escaped."""
        from django.utils.html import format_html

        return cls(format_html(formaat, *args), tekst, klasse)


Waarde = Kaal | Link | Noot | Lijst | Ontbreekt | Vlak | Html


VLAK = (
    '<svg class="legenda-vlak legenda-vlak--klein" viewBox="0 0 24 16" aria-hidden="true" '
    'focusable="false"><rect class="{}" x="0.5" y="0.5" width="23" height="15"/></svg>'
)


@dataclass(frozen=True)
class CelWeergave:
    tekst: str
    numeriek: bool
    groepstart: bool
    tekort: bool
    url: str = ""
    noot: str = ""
    items: tuple[tuple[str, str, str], ...] = ()
    """A list cell: (text, note, url) per item."""
    uitleg: str = ""
    """A missing figure: the text for screen readers (the visible ``tekst`` is aria-hidden)."""
    klasse: str = ""
    lijst: bool = False
    vlak: str = ""
    """A legend swatch before the text: the CSS classes of its square (``Vlak``)."""
    linkuitleg: str = ""
    """A link's words for screen readers only."""
    markup: str = ""
    """Safe markup shown as it is (``Html``)."""

    @property
    def klassen(self) -> str:
        """The CSS classes of the page's cell (after ``utrecht-table__cell``)."""
        delen = [
            "utrecht-table__cell--numeric" if self.numeriek else "",
            "groep-start" if self.groepstart else "",
            self.klasse,
        ]
        return " ".join(d for d in delen if d)

    @property
    def html(self) -> str:
        """The cell's content on the page, every text escaped (plain string building: a
        national table has thousands of cells)."""
        from django.utils.html import escape

        if self.markup:
            return self.markup
        if self.lijst:
            items = "".join(
                "<li>"
                + (
                    f'<a class="utrecht-link" href="{escape(u)}">{escape(t)}</a>'
                    if u
                    else escape(t)
                )
                + (f' <span class="kolom-sub">{escape(n)}</span>' if n else "")
                + "</li>"
                for t, n, u in self.items
            )
            return f'<ul class="{escape(self.klasse or "tabel-lijst")}">{items}</ul>'
        if self.uitleg:
            return (
                f'<span aria-hidden="true">{escape(self.tekst)}</span>'
                f'<span class="visueel-verborgen">{escape(self.uitleg)}</span>'
            )
        inhoud: str = escape(self.tekst)
        if self.url:
            if self.linkuitleg:
                inhoud += f'<span class="visueel-verborgen"> {escape(self.linkuitleg)}</span>'
            inhoud = f'<a class="utrecht-link" href="{escape(self.url)}">{inhoud}</a>'
        if self.tekort:
            inhoud = (
                f'<span class="verschil verschil--tekort">{inhoud} '
                '<span class="verschil__label">tekort</span></span>'
            )
        if self.noot:
            inhoud = f'{inhoud} <span class="kolom-sub">{escape(self.noot)}</span>'
        if self.vlak:
            inhoud = f'<span class="klasse-label">{VLAK.format(escape(self.vlak))}{inhoud}</span>'
        return inhoud

    def td(self, *, kop: bool = False) -> str:
        """The whole cell: ``<th scope="row">`` for a row header, else ``<td>``."""
        if kop:
            klasse = f" {self.klasse}" if self.klasse else ""
            return f'<th scope="row" class="utrecht-table__header-cell{klasse}">{self.html}</th>'
        klassen = self.klassen
        return f'<td class="utrecht-table__cell{" " + klassen if klassen else ""}">{self.html}</td>'


def _rij_html(
    cellen: Sequence[CelWeergave], *, rijkop: bool, klasse: str = "", rij_id: str = ""
) -> str:
    from django.utils.html import escape

    tr = f"utrecht-table__row {escape(klasse)}" if klasse else "utrecht-table__row"
    attribuut = f' id="{escape(rij_id)}"' if rij_id else ""
    inhoud = "".join(c.td(kop=rijkop and i == 0) for i, c in enumerate(cellen))
    return f'<tr class="{tr}"{attribuut}>{inhoud}</tr>'


@dataclass(frozen=True)
class Kolom:
    kop: str
    soort: Kolomsoort = "getal"
    groep: str = ""
    sub: str = ""
    som: bool = False
    """The total row holds the sum of the column (a SUM formula in Excel)."""
    aandeel: tuple[int, int] | None = None
    """For a procent column: the total is column[teller] / column[noemer] of the total row."""
    breedte: int = 11
    rijsom: tuple[int, ...] = ()
    """The cell is the sum of these columns of the same row (a formula in Excel: =K3+L3)."""
    tekort: bool = True
    """A negative verschil is a tekort (marked "tekort" on the page); False for a mere
    difference such as "B − A"."""
    leeg: str = ""
    """The text of a missing value (None): "" or "–"; a procent column says "n.v.t."."""
    klasse: str = ""
    """A CSS class of the column's header and cells on the page (a document's layout: the
    width of "doorwie" in the actie- en besluitenlijst)."""

    @property
    def numeriek(self) -> bool:
        return self.soort in ("getal", "verschil", "procent", "euro")

    @property
    def volledige_kop(self) -> str:
        """One-line header for Excel: "Oekraïne-opgave – Opgave 25/26"."""
        delen = [d for d in (self.groep, self.kop) if d]
        kop = " – ".join(delen)
        return f"{kop} ({self.sub})" if self.sub else kop


def kaal(waarde: Waarde) -> Kaal:
    """The value without page markup (Excel's value): a link's text, a note's value."""
    if isinstance(waarde, Link | Vlak | Html):
        return waarde.tekst
    if isinstance(waarde, Noot):
        return waarde.waarde
    if isinstance(waarde, Lijst):
        return "; ".join(_item(i) for i in waarde.items) or waarde.leeg
    if isinstance(waarde, Ontbreekt):
        return None
    return waarde


def _item(item: str | Noot | Link) -> str:
    if isinstance(item, Link):
        return item.tekst
    return item if isinstance(item, str) else f"{item.waarde}{item.scheiding}{item.noot}"


def tekst(kolom: Kolom, waarde: Waarde) -> str:
    """A cell as the documents print it."""
    if isinstance(waarde, Noot):
        return f"{tekst(kolom, waarde.waarde)}{waarde.scheiding}{waarde.noot}"
    if isinstance(waarde, Ontbreekt):
        return waarde.tekst
    if isinstance(waarde, Link | Lijst | Vlak | Html):
        return str(kaal(waarde))
    if waarde is None:
        return "n.v.t." if kolom.soort == "procent" else kolom.leeg
    if isinstance(waarde, Aandeel | Percentage | Decimaal):
        return waarde.tekst
    if isinstance(waarde, dt.date):
        return opmaak.datum(waarde)
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        if kolom.soort == "verschil":
            return opmaak.verschil(waarde)
        if kolom.soort == "euro":
            return opmaak.euro(waarde)
        return opmaak.getal(waarde)
    return str(waarde)


@dataclass(frozen=True)
class Tabel:
    sleutel: str
    """Short name: the Excel sheet and the HTML id (≤ 31 characters)."""
    titel: str
    bijschrift: str
    kolommen: tuple[Kolom, ...]
    rijen: tuple[tuple[Waarde, ...], ...]
    totaal: tuple[Waarde, ...] | None = None
    voetregels: tuple[tuple[Waarde, ...], ...] = ()
    breed: bool = False
    """Landscape pages in the documents and Excel."""
    klein: bool = False
    """Compact: smaller cells on the page (``tabel-compact``) and in the documents."""
    rijkop: bool = True
    """The first column heads its row (``<th scope="row">``)."""
    scroll: bool = True
    """On the page inside a labelled, keyboard-scrollable region."""
    klasse: str = ""
    """Extra CSS classes of the page's table (e.g. "tabel-smal")."""
    anker: str = ""
    """The HTML id of the page's table (and ``<anker>-caption``); by default the caption's id
    is the slug of the sleutel and the table has no id."""
    leeg: str = ""
    """On the page, a table without rows says so in one row ("Nog niets vastgelegd.")."""
    rij_ids: tuple[str, ...] = ()
    """On the page, the HTML id of each body row (an anchor such as "punt-12"); empty: none."""
    rijklassen: tuple[str, ...] = ()
    """On the page, extra CSS classes of each body row (e.g. "overleg-sub"); empty: none."""

    def __post_init__(self) -> None:
        for naam, lijst in (("rij_ids", self.rij_ids), ("rijklassen", self.rijklassen)):
            if lijst and len(lijst) != len(self.rijen):
                raise ValueError(
                    f"tabel {self.sleutel}: {len(lijst)} {naam} voor {len(self.rijen)} rijen"
                )
        for rij in (*self.rijen, *self.voetregels, *((self.totaal,) if self.totaal else ())):
            if len(rij) != len(self.kolommen):
                raise ValueError(f"tabel {self.sleutel}: rij met {len(rij)} cellen: {rij!r}")
        if len(self.sleutel) > 31:
            raise ValueError(f"tabelsleutel te lang voor Excel: {self.sleutel}")

    @property
    def groepen(self) -> list[tuple[str, int]]:
        """Header groups (title, colspan), for a second header row; empty if none."""
        if not any(k.groep for k in self.kolommen):
            return []
        uit: list[tuple[str, int]] = []
        for k in self.kolommen:
            if uit and uit[-1][0] == k.groep and k.groep:
                uit[-1] = (k.groep, uit[-1][1] + 1)
            else:
                uit.append((k.groep, 1))
        return uit

    def tekstrijen(self) -> list[list[str]]:
        return [
            [tekst(k, w) for k, w in zip(self.kolommen, rij, strict=True)] for rij in self.rijen
        ]

    def tekstrij(self, rij: tuple[Waarde, ...]) -> list[str]:
        return [tekst(k, w) for k, w in zip(self.kolommen, rij, strict=True)]

    def met_links(self, links: Sequence[str]) -> Tabel:
        """The same table with the first cell of each row linking to ``links[i]`` (no link
        where it is "")."""
        if len(links) != len(self.rijen):
            raise ValueError(
                f"tabel {self.sleutel}: {len(links)} links voor {len(self.rijen)} rijen"
            )
        eerste = self.kolommen[0]
        rijen = tuple(
            (Link(tekst(eerste, rij[0]), url), *rij[1:]) if url else rij
            for rij, url in zip(self.rijen, links, strict=True)
        )
        return replace(self, rijen=rijen)

    @property
    def html_id(self) -> str:
        from django.utils.text import slugify

        return self.anker or slugify(self.sleutel) or "tabel"

    @property
    def groepkoppen(self) -> list[tuple[str, int, bool]]:
        """The header groups (title, colspan, opens a group) for the page's second header row."""
        starts, uit, kolom = self.groepstarts(), [], 0
        for groep, breedte in self.groepen:
            uit.append((groep, breedte, kolom in starts))
            kolom += breedte
        return uit

    @property
    def kopcellen(self) -> list[tuple[Kolom, bool]]:
        """(column, opens a group) for the page's header row."""
        starts = self.groepstarts()
        return [(k, i in starts) for i, k in enumerate(self.kolommen)]

    def weergave(self, rij: tuple[Waarde, ...]) -> list[CelWeergave]:
        starts = self.groepstarts()
        return [
            _cel(k, w, i in starts) for i, (k, w) in enumerate(zip(self.kolommen, rij, strict=True))
        ]

    @property
    def weergave_rijen(self) -> list[list[CelWeergave]]:
        return [self.weergave(r) for r in self.rijen]

    @property
    def weergave_totaal(self) -> list[CelWeergave]:
        return self.weergave(self.totaal) if self.totaal else []

    @property
    def weergave_voet(self) -> list[list[CelWeergave]]:
        return [self.weergave(r) for r in self.voetregels]

    @cached_property
    def html_rijen(self) -> str:
        """The body rows as the page shows them (``core/tabel.html``), escaped, marked safe;
        made once per table (a stored table, ``monitoring.projectie``, keeps them)."""
        from django.utils.html import escape
        from django.utils.safestring import mark_safe

        ids = self.rij_ids or ("",) * len(self.rijen)
        klassen = self.rijklassen or ("",) * len(self.rijen)
        rijen = "\n".join(
            _rij_html(r, rijkop=self.rijkop, klasse=k, rij_id=i)
            for r, k, i in zip(self.weergave_rijen, klassen, ids, strict=True)
        )
        if not rijen and self.leeg:
            rijen = (
                f'<tr class="utrecht-table__row leeg"><td class="utrecht-table__cell" '
                f'colspan="{len(self.kolommen)}">{escape(self.leeg)}</td></tr>'
            )
        return mark_safe(rijen)  # every text is escaped in CelWeergave.html

    @cached_property
    def html_voet(self) -> str:
        """The total row and the footer rows for the page's ``<tfoot>``."""
        from django.utils.safestring import mark_safe

        rijen = []
        if self.totaal:
            rijen.append(_rij_html(self.weergave_totaal, rijkop=self.rijkop, klasse="totaal"))
        rijen += [_rij_html(r, rijkop=self.rijkop) for r in self.weergave_voet]
        return mark_safe("\n".join(rijen))  # escaped in CelWeergave.html

    def gerenderd(self) -> Tabel:
        """The table with its rows and footer rendered now (a stored projection keeps them, so
        a page that reads it renders no cell)."""
        _ = self.html_rijen, self.html_voet
        return self

    @property
    def onbreekbaar(self) -> bool:
        """Short tables stay on one page with their caption."""
        return len(self.rijen) <= 15

    @property
    def kolombreedtes(self) -> list[str]:
        """Column widths in percent (the PDF uses a fixed table layout: fast and stable)."""
        totaal = sum(k.breedte for k in self.kolommen)
        return [f"{100 * k.breedte / totaal:.2f}%" for k in self.kolommen]

    def groepstarts(self) -> set[int]:
        """Indexes of columns that open a header group (for a border)."""
        starts, vorige = set(), None
        for i, k in enumerate(self.kolommen):
            if k.groep and k.groep != vorige:
                starts.add(i)
            vorige = k.groep
        return starts


def _cel(k: Kolom, w: Waarde, groepstart: bool) -> CelWeergave:
    cel = _cel_zonder_kolomklasse(k, w, groepstart)
    if k.klasse:
        return replace(cel, klasse=" ".join(d for d in (k.klasse, cel.klasse) if d))
    return cel


def _cel_zonder_kolomklasse(k: Kolom, w: Waarde, groepstart: bool) -> CelWeergave:
    basis = kaal(w)
    tekort = (
        k.tekort
        and isinstance(basis, int)
        and not isinstance(basis, bool)
        and k.soort == "verschil"
        and basis < 0
    )
    if isinstance(w, Noot):
        return CelWeergave(
            tekst(k, w.waarde), k.numeriek, groepstart, tekort, noot=w.noot, klasse=w.klasse
        )
    if isinstance(w, Link):
        return CelWeergave(w.tekst, k.numeriek, groepstart, tekort, url=w.url, linkuitleg=w.uitleg)
    if isinstance(w, Vlak):
        return CelWeergave(w.tekst, k.numeriek, groepstart, False, vlak=w.klasse)
    if isinstance(w, Lijst):
        items = tuple(
            (i, "", "")
            if isinstance(i, str)
            else (i.tekst, "", i.url)
            if isinstance(i, Link)
            else (str(i.waarde), i.noot, "")
            for i in w.items
        )
        return CelWeergave(
            w.leeg if not items else tekst(k, w),
            k.numeriek,
            groepstart,
            False,
            items=items,
            klasse=w.klasse,
            lijst=bool(items),
        )
    if isinstance(w, Ontbreekt):
        return CelWeergave(w.tekst, k.numeriek, groepstart, False, uitleg=w.uitleg)
    if isinstance(w, Html):
        return CelWeergave(w.tekst, k.numeriek, groepstart, False, markup=w.markup, klasse=w.klasse)
    return CelWeergave(tekst(k, w), k.numeriek, groepstart, tekort)
