"""Word (DOCX) of a report, built with python-docx from the same ``Document`` as the PDF.

Editable: real headings, lists and tables (header rows repeat on every page), landscape
sections for wide tables, a footer with version, peildatum and page numbers (fields), Dutch
as the document language. Charts are embedded as SVG (vector, Word 2016 and later) with a
PNG of the same chart as the fallback that the format requires.
"""

from __future__ import annotations

import io
from typing import Any

from regietafel.rapportage import grafieken
from regietafel.rapportage.document import (
    Alinea,
    Document,
    Eigenschappen,
    GrafiekBlok,
    Kop,
    Opsomming,
    Sectie,
    Tabel,
    TabelBlok,
)

ACCENT = (0x00, 0x43, 0x6E)
SVG_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RASTER = {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff"}


def docx(document: Document) -> bytes:
    from docx import Document as Word

    word = Word()
    _stijlen(word)
    eigenschappen = word.core_properties
    eigenschappen.title = document.titel
    eigenschappen.subject = f"{document.provincie}, {document.kenmerk}"
    eigenschappen.author = document.huisstijl.organisatie
    eigenschappen.language = "nl-NL"
    eigenschappen.keywords = "regietafel; rapportage"
    eigenschappen.comments = document.voettekst

    _pagina(word.sections[0], breed=False)
    _voettekst(word.sections[0], document)
    _kop(word, document)
    breed = False
    for sectie in document.secties:
        if sectie.breed != breed or sectie.nieuwe_pagina:
            from docx.enum.section import WD_SECTION

            nieuw = word.add_section(WD_SECTION.NEW_PAGE)
            _pagina(nieuw, breed=sectie.breed)
            breed = sectie.breed
        _sectie(word, sectie, breed)
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()


def _stijlen(word: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    normaal = word.styles["Normal"]
    normaal.font.name = "Arial"
    normaal.font.size = Pt(10)
    rpr = normaal.element.get_or_add_rPr()
    taal = OxmlElement("w:lang")
    taal.set(qn("w:val"), "nl-NL")
    taal.set(qn("w:eastAsia"), "nl-NL")
    rpr.append(taal)
    for naam, grootte in (("Title", 20), ("Heading 1", 14), ("Heading 2", 11)):
        stijl = word.styles[naam]
        stijl.font.name = "Arial"
        stijl.font.size = Pt(grootte)
        stijl.font.color.rgb = RGBColor(*ACCENT)


def _pagina(sectie: Any, *, breed: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    sectie.orientation = WD_ORIENT.LANDSCAPE if breed else WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = (Mm(297), Mm(210)) if breed else (Mm(210), Mm(297))
    sectie.left_margin = sectie.right_margin = Mm(16 if not breed else 14)
    sectie.top_margin = Mm(18 if not breed else 14)
    sectie.bottom_margin = Mm(18)


def _veld(alinea: Any, instructie: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    veld = OxmlElement("w:fldSimple")
    veld.set(qn("w:instr"), instructie)
    run = OxmlElement("w:r")
    tekst = OxmlElement("w:t")
    tekst.text = "1"
    run.append(tekst)
    veld.append(run)
    alinea._p.append(veld)


def _voettekst(sectie: Any, document: Document) -> None:
    from docx.shared import Pt

    alinea = sectie.footer.paragraphs[0]
    run = alinea.add_run(f"{document.voettekst} · pagina ")
    run.font.size = Pt(8)
    _veld(alinea, "PAGE")
    alinea.add_run(" van ").font.size = Pt(8)
    _veld(alinea, "NUMPAGES")


def _kop(word: Any, document: Document) -> None:
    from docx.shared import Mm, Pt, RGBColor

    huisstijl = document.huisstijl
    kop = word.add_paragraph()
    if huisstijl.logo:
        if huisstijl.logo_type in RASTER:
            kop.add_run().add_picture(io.BytesIO(huisstijl.logo), height=Mm(14))
            kop.add_run("  ")
        elif huisstijl.logo_type == "image/svg+xml":
            _svg_afbeelding(
                word,
                kop.add_run(),
                huisstijl.logo,
                _leeg_png(),
                Mm(14),
                huisstijl.organisatie,
                hoogte=True,
            )
            kop.add_run("  ")
    naam = kop.add_run(huisstijl.organisatie)
    naam.bold = True
    naam.font.color.rgb = RGBColor(*ACCENT)
    word.add_heading(document.titel, level=0)
    for label, waarde in document.kopregels:
        regel = word.add_paragraph()
        regel.paragraph_format.space_after = Pt(0)
        regel.add_run(f"{label}: ").bold = True
        regel.add_run(waarde)


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
                regel = word.add_paragraph()
                regel.paragraph_format.space_after = Pt(0)
                regel.add_run(f"{label}: ").bold = True
                regel.add_run(waarde)
        elif isinstance(blok, TabelBlok):
            _tabel(word, blok.tabel)
        elif isinstance(blok, GrafiekBlok):
            g = blok.grafiek
            alinea = word.add_paragraph()
            breedte = Cm(15 if breed else 16)
            _svg_afbeelding(
                word, alinea.add_run(), g.svg.encode(), grafieken.png(g), breedte, g.beschrijving
            )
            onderschrift = word.add_paragraph(g.titel)
            for run in onderschrift.runs:
                run.font.size = Pt(8)


def _leeg_png() -> bytes:
    from PIL import Image

    uit = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(uit, format="PNG")
    return uit.getvalue()


def _svg_afbeelding(
    word: Any, run: Any, svg: bytes, png: bytes, maat: Any, beschrijving: str, hoogte: bool = False
) -> None:
    """A picture whose main image is the SVG (asvg:svgBlip) and whose fallback is the PNG."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    vorm = (
        run.add_picture(io.BytesIO(png), height=maat)
        if hoogte
        else run.add_picture(io.BytesIO(png), width=maat)
    )
    pakket = word.part.package
    deel = Part(pakket.next_partname("/word/media/grafiek%d.svg"), "image/svg+xml", svg, pakket)
    rid = word.part.relate_to(deel, RT.IMAGE)
    inline = vorm._inline
    inline.docPr.set("descr", beschrijving)
    blip = inline.xpath(".//a:blip")[0]
    blip.append(
        parse_xml(
            f'<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f'<a:ext uri="{SVG_EXT}"><asvg:svgBlip xmlns:asvg="{SVG_NS}" xmlns:r="{R_NS}" '
            f'r:embed="{rid}"/></a:ext></a:extLst>'
        )
    )


def _cel(cel: Any, tekst: str, *, rechts: bool, vet: bool = False, grootte: float = 8) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    alinea = cel.paragraphs[0]
    alinea.paragraph_format.space_after = Pt(0)
    if rechts:
        alinea.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = alinea.add_run(tekst)
    run.bold = vet
    run.font.size = Pt(grootte)


def _kopregel(rij: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = rij._tr.get_or_add_trPr()
    herhaal = OxmlElement("w:tblHeader")
    herhaal.set(qn("w:val"), "true")
    trpr.append(herhaal)


def _tabel(word: Any, tabel: Tabel) -> None:
    from docx.shared import Pt

    bijschrift = word.add_paragraph()
    bijschrift.paragraph_format.keep_with_next = True
    bijschrift.paragraph_format.space_after = Pt(2)
    bijschrift.add_run(tabel.titel).bold = True
    if tabel.bijschrift:
        bijschrift.add_run("\n" + tabel.bijschrift).font.size = Pt(8)
    grootte = 6.5 if tabel.klein else 8
    groepen = tabel.groepen
    koprijen = 2 if groepen else 1
    rijen = len(tabel.rijen) + koprijen + (1 if tabel.totaal else 0) + len(tabel.voetregels)
    t = word.add_table(rows=rijen, cols=len(tabel.kolommen))
    t.style = "Table Grid"
    rijen_xml = t.rows
    r = 0
    if groepen:
        cellen = rijen_xml[0].cells
        kolom = 0
        for groep, breedte in groepen:
            cel = cellen[kolom]
            if breedte > 1:
                cel = cel.merge(cellen[kolom + breedte - 1])
            if groep:
                _cel(cel, groep, rechts=False, vet=True, grootte=grootte)
            kolom += breedte
        _kopregel(rijen_xml[0])
        r = 1
    cellen = rijen_xml[r].cells
    for i, k in enumerate(tabel.kolommen):
        kop = f"{k.kop}\n{k.sub}" if k.sub else k.kop
        _cel(cellen[i], kop, rechts=k.numeriek, vet=True, grootte=grootte)
    _kopregel(rijen_xml[r])
    r += 1
    regels = [(rij, False) for rij in tabel.rijen]
    if tabel.totaal:
        regels.append((tabel.totaal, True))
    regels += [(rij, False) for rij in tabel.voetregels]
    for rij, vet in regels:
        cellen = rijen_xml[r].cells
        for i, tekst in enumerate(tabel.tekstrij(rij)):
            _cel(cellen[i], tekst, rechts=tabel.kolommen[i].numeriek, vet=vet, grootte=grootte)
        r += 1
    word.add_paragraph()
