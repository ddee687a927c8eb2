"""A table as data: columns with a kind (getal, verschil, euro, procent, datum, tekst), rows,
an optional total row and footer rows.

Pages render it with ``core/tabel.html``, the reports print it (PDF, Word) and ``core.xlsx``
writes it to Excel with the same Dutch headers, number formats and totals as formulas.
Build a ``Tabel`` once per page and hand the same object to the template and the export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
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


Waarde = str | int | Aandeel | Percentage | Decimaal | dt.date | None


@dataclass(frozen=True)
class CelWeergave:
    tekst: str
    numeriek: bool
    groepstart: bool
    tekort: bool


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

    @property
    def numeriek(self) -> bool:
        return self.soort in ("getal", "verschil", "procent", "euro")

    @property
    def volledige_kop(self) -> str:
        """One-line header for Excel: "Oekraïne-opgave – Opgave 25/26"."""
        delen = [d for d in (self.groep, self.kop) if d]
        kop = " – ".join(delen)
        return f"{kop} ({self.sub})" if self.sub else kop


def tekst(kolom: Kolom, waarde: Waarde) -> str:
    """A cell as the documents print it."""
    if waarde is None:
        return "n.v.t." if kolom.soort == "procent" else ""
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
    klein: bool = False

    def __post_init__(self) -> None:
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

    def weergave(self, rij: tuple[Waarde, ...]) -> list[CelWeergave]:
        starts = self.groepstarts()
        return [
            CelWeergave(
                tekst(k, w),
                k.numeriek,
                i in starts,
                isinstance(w, int) and k.soort == "verschil" and w < 0,
            )
            for i, (k, w) in enumerate(zip(self.kolommen, rij, strict=True))
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
