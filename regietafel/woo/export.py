"""The publication: a PDF in which redacted text is removed (not covered), and the inventory.

The document text is typeset anew by WeasyPrint from the segments of ``domain.persoonsgegevens.lak``:
a redaction becomes a black bar holding only the letter of its ground, so the PDF holds no
trace of the text under it (nothing to copy, search or uncover). The appendix *Toelichting
grondslagen* explains each letter used, in the words of the seeds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string

from regietafel.core import weasy
from regietafel.core.tabel import Kolom, Tabel
from regietafel.domain.persoonsgegevens import Segment, Voorstel, lak
from regietafel.woo import gronden

INLEIDING_GRONDSLAGEN = (
    "In dit document kunt u secties vinden die onleesbaar zijn gemaakt. Deze informatie is "
    "achterwege gelaten op basis van de Wet open overheid (Woo). De letter die hierbij is "
    "vermeld correspondeert met de bijbehorende grondslag in onderstaand overzicht."
)


@dataclass(frozen=True)
class Publicatie:
    """One document as published."""

    nummer: int
    titel: str
    datum: dt.date | None
    segmenten: tuple[Segment, ...]
    weigergrond: str = ""

    @classmethod
    def van(
        cls,
        *,
        nummer: int,
        titel: str,
        tekst: str,
        lakken: Sequence[Voorstel],
        datum: dt.date | None = None,
        weigergrond: str = "",
    ) -> Publicatie:
        segmenten = [] if weigergrond else lak(tekst, lakken)
        if segmenten and not segmenten[0].gelakt:  # no empty lines above the text
            segmenten[0] = Segment(segmenten[0].tekst.lstrip("\n"))
        if segmenten and not segmenten[-1].gelakt:
            segmenten[-1] = Segment(segmenten[-1].tekst.rstrip())
        return cls(nummer, titel, datum, tuple(segmenten), weigergrond)

    @property
    def letters(self) -> set[str]:
        if self.weigergrond:
            return {self.weigergrond}
        return {s.grond for s in self.segmenten if s.gelakt}


def besluit_woord(weigergrond: str, aantal_lakken: int) -> str:
    """The decision on a document in the inventory."""
    if weigergrond:
        return "niet openbaar"
    return "deels openbaar" if aantal_lakken else "openbaar"


def html(publicaties: Sequence[Publicatie], *, titel: str, kenmerk: str = "") -> str:
    letters: set[str] = set().union(*(p.letters for p in publicaties)) if publicaties else set()
    return render_to_string(
        "woo/publicatie.html",
        {
            "titel": titel,
            "kenmerk": kenmerk,
            "publicaties": publicaties,
            "gronden": gronden.gebruikt(letters),
            "inleiding": INLEIDING_GRONDSLAGEN,
        },
    )


def pdf(publicaties: Sequence[Publicatie], *, titel: str, kenmerk: str = "") -> bytes:
    return weasy.pdf(html(publicaties, titel=titel, kenmerk=kenmerk), pdf_tags=True)


@dataclass(frozen=True)
class InventarisRegel:
    nummer: int
    titel: str
    datum: dt.date | None
    weigergrond: str
    letters: tuple[str, ...]
    aantal_lakken: int
    status: str


def inventaris(regels: Sequence[InventarisRegel], *, titel: str) -> Tabel:
    """The inventory of a besluit: one row per document with decision, grounds and count."""
    return Tabel(
        sleutel="inventaris",
        titel=f"Inventarislijst {titel}",
        bijschrift="Per document het besluit, de gebruikte Woo-gronden en het aantal lakken.",
        kolommen=(
            Kolom("Documentnr.", "getal", breedte=8),
            Kolom("Titel", "tekst", breedte=40),
            Kolom("Datum", "datum", breedte=11),
            Kolom("Besluit", "tekst", breedte=14),
            Kolom("Gronden", "tekst", breedte=22),
            Kolom("Aantal lakken", "getal", som=True, breedte=10),
            Kolom("Status", "tekst", breedte=12),
        ),
        rijen=tuple(
            (
                r.nummer,
                r.titel,
                r.datum,
                besluit_woord(r.weigergrond, r.aantal_lakken),
                ", ".join(
                    f"{g.letter} ({g.artikel})"
                    for g in gronden.gebruikt(
                        [*r.letters, *([r.weigergrond] if r.weigergrond else [])]
                    )
                ),
                r.aantal_lakken,
                r.status,
            )
            for r in regels
        ),
        totaal=("Totaal", "", None, "", "", sum(r.aantal_lakken for r in regels), ""),
    )
