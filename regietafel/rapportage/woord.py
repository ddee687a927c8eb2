"""Word (DOCX) of a report, built from the same ``Document`` as the PDF with the one Word
writer, ``core.woord``.

Editable: real headings, lists and tables (header rows repeat on every page), landscape
sections for wide tables, a footer with version, peildatum and page numbers (fields), Dutch
as the document language. Charts are embedded as SVG (vector, Word 2016 and later) with a
PNG of the same chart as the fallback that the format requires.
"""

from __future__ import annotations

import io
from typing import Any

from regietafel.core import woord
from regietafel.rapportage import grafieken
from regietafel.rapportage.document import (
    Alinea,
    Document,
    Eigenschappen,
    GrafiekBlok,
    Kop,
    Opsomming,
    Sectie,
    TabelBlok,
)

RASTER = {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff"}


def docx(document: Document) -> bytes:
    word = woord.nieuw(
        titel=document.titel,
        onderwerp=f"{document.provincie}, {document.kenmerk}",
        auteur=document.huisstijl.organisatie,
        trefwoorden="regietafel; rapportage",
        opmerkingen=document.voettekst,
        kleur_koppen=True,
    )
    woord.voettekst(word.sections[0], document.voettekst)
    _kop(word, document)
    breed = False
    for sectie in document.secties:
        if sectie.breed != breed or sectie.nieuwe_pagina:
            from docx.enum.section import WD_SECTION

            nieuw = word.add_section(WD_SECTION.NEW_PAGE)
            woord.pagina(nieuw, breed=sectie.breed)
            breed = sectie.breed
        _sectie(word, sectie, breed)
    return woord.opslaan(word)


def _kop(word: Any, document: Document) -> None:
    from docx.shared import Mm, RGBColor

    huisstijl = document.huisstijl
    kop = word.add_paragraph()
    if huisstijl.logo:
        if huisstijl.logo_type in RASTER:
            kop.add_run().add_picture(io.BytesIO(huisstijl.logo), height=Mm(14))
            kop.add_run("  ")
        elif huisstijl.logo_type == "image/svg+xml":
            woord.svg_afbeelding(
                word,
                kop.add_run(),
                huisstijl.logo,
                woord.leeg_png(),
                Mm(14),
                huisstijl.organisatie,
                hoogte=True,
            )
            kop.add_run("  ")
    naam = kop.add_run(huisstijl.organisatie)
    naam.bold = True
    naam.font.color.rgb = RGBColor(*woord.ACCENT)
    word.add_heading(document.titel, level=0)
    for label, waarde in document.kopregels:
        woord.eigenschap(word, label, waarde, ruimte=False)


def _sectie(word: Any, sectie: Sectie, breed: bool) -> None:
    from docx.shared import Cm, Pt

    word.add_heading(sectie.titel, level=1)
    for blok in sectie.blokken:
        if isinstance(blok, Kop):
            word.add_heading(blok.tekst, level=2)
        elif isinstance(blok, Alinea):
            alinea = word.add_paragraph(blok.tekst)
            if blok.klein:
                for run in alinea.runs:
                    run.font.size = Pt(8)
        elif isinstance(blok, Opsomming):
            stijl = "List Number" if blok.genummerd else "List Bullet"
            for item in blok.items:
                word.add_paragraph(item, style=stijl)
        elif isinstance(blok, Eigenschappen):
            for label, waarde in blok.regels:
                woord.eigenschap(word, label, waarde, ruimte=False)
        elif isinstance(blok, TabelBlok):
            woord.tabel(word, blok.tabel)
            word.add_paragraph()
        elif isinstance(blok, GrafiekBlok):
            g = blok.grafiek
            alinea = word.add_paragraph()
            breedte = Cm(15 if breed else 16)
            woord.svg_afbeelding(
                word, alinea.add_run(), g.svg.encode(), grafieken.png(g), breedte, g.beschrijving
            )
            onderschrift = word.add_paragraph(g.titel)
            for run in onderschrift.runs:
                run.font.size = Pt(8)
