"""A report as one object: headings, paragraphs, lists, tables and charts, in order.

The builders (``stand.py``, ``verslag.py``) compute a ``Document`` once from the query
objects; the HTML/PDF template, the Word builder and the Excel builder only walk it. A
table carries its totals as computed by the domain; Excel writes them as formulas.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from regietafel.core import opmaak
from regietafel.core.tabel import Aandeel, CelWeergave, Kolom, Kolomsoort, Tabel, Waarde, tekst
from regietafel.rapportage.grafieken import Grafiek

__all__ = ["Aandeel", "CelWeergave", "Kolom", "Kolomsoort", "Tabel", "Waarde", "tekst"]


@dataclass(frozen=True)
class Kop:
    blok: ClassVar[str] = "kop"
    tekst: str
    niveau: int = 2


@dataclass(frozen=True)
class Alinea:
    blok: ClassVar[str] = "alinea"
    tekst: str
    klein: bool = False


@dataclass(frozen=True)
class Opsomming:
    blok: ClassVar[str] = "opsomming"
    items: tuple[str, ...]
    genummerd: bool = False


@dataclass(frozen=True)
class Eigenschappen:
    blok: ClassVar[str] = "eigenschappen"
    """Label/value lines such as "Provincie: Drenthe" (Bijlage 1)."""

    regels: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TabelBlok:
    blok: ClassVar[str] = "tabel"
    tabel: Tabel


@dataclass(frozen=True)
class GrafiekBlok:
    blok: ClassVar[str] = "grafiek"
    grafiek: Grafiek


Blok = Kop | Alinea | Opsomming | Eigenschappen | TabelBlok | GrafiekBlok


@dataclass(frozen=True)
class Sectie:
    titel: str
    blokken: tuple[Blok, ...]
    sleutel: str = ""
    breed: bool = False
    """Landscape pages (wide tables)."""
    nieuwe_pagina: bool = False


@dataclass(frozen=True)
class Huisstijl:
    organisatie: str
    logo: bytes | None = None
    logo_type: str = ""
    """MIME type of the logo: image/png, image/jpeg, image/svg+xml, …"""


@dataclass(frozen=True)
class Document:
    soort: str
    titel: str
    provincie: str
    huisstijl: Huisstijl
    versie_datum: dt.date
    volgnummer: int | None
    aan: str
    kenmerk: str
    """Peildatum or cyclus, as the footer names it: "peildatum 1 november 2025"."""
    secties: tuple[Sectie, ...]
    bestandsbasis: str
    """ASCII file name without extension: stand-van-zaken-drenthe-2025-11-01."""
    kopregels: tuple[tuple[str, str], ...] = ()
    toelichting: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    """Label/value lines for the first Excel sheet."""
    concept: bool = False
    """Not yet approved: CONCEPT on every page (the footer, and a watermark in the PDF)."""
    illustratief: bool = False
    """Derived figures (a demo), not the minister's: said on every page."""

    @property
    def versie_tekst(self) -> str:
        """ "versie 2 van 14 november 2025", or "versie 14 november 2025" (no stored version)."""
        datum = opmaak.datum_lang(self.versie_datum)
        return f"versie {self.volgnummer} van {datum}" if self.volgnummer else f"versie {datum}"

    @property
    def voettekst(self) -> str:
        tekst = f"{self.titel} · {self.provincie} · {self.versie_tekst} · {self.kenmerk}"
        if self.illustratief:
            tekst += " · ILLUSTRATIEF (afgeleide cijfers)"
        if self.concept:
            tekst += " · CONCEPT"
        return tekst

    @property
    def tabellen(self) -> list[Tabel]:
        return [b.tabel for s in self.secties for b in s.blokken if isinstance(b, TabelBlok)]

    @property
    def grafieken(self) -> list[Grafiek]:
        return [b.grafiek for s in self.secties for b in s.blokken if isinstance(b, GrafiekBlok)]

    @property
    def logo_data_uri(self) -> str:
        if not self.huisstijl.logo:
            return ""
        data = base64.b64encode(self.huisstijl.logo).decode("ascii")
        return f"data:{self.huisstijl.logo_type};base64,{data}"

    def bestandsnaam(self, extensie: str) -> str:
        return f"{self.bestandsbasis}.{extensie}"
