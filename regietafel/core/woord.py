"""Word (DOCX): the one writer of every Word file the product makes (python-docx).

A document starts with ``nieuw`` (Dutch language, Arial, A4, the document properties), gets
headings and paragraphs from python-docx itself, tables from ``tabel`` (a ``core.tabel.Tabel``:
the same object the page and Excel show; caption, header rows that repeat on every page,
numbers right-aligned, the total in bold), charts from ``svg_afbeelding``, and leaves through
``opslaan``. The reports (``rapportage.woord``), Tabel 1 of a verdeling scenario and the
agenda and actie- en besluitenlijst of an overleg are all written with it.

python-docx is imported inside the functions (ruff TID253).
"""

from __future__ import annotations

import io
from typing import Any

from regietafel.core.tabel import Tabel

ACCENT = (0x00, 0x43, 0x6E)
SVG_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def nieuw(
    *,
    titel: str,
    onderwerp: str = "",
    auteur: str = "regietafel",
    trefwoorden: str = "",
    opmerkingen: str = "",
    kleur_koppen: bool = False,
) -> Any:
    """An empty Word document: Dutch (nl-NL) as its language, Arial 10 pt, A4 portrait, and
    its properties (title, subject, author). ``kleur_koppen``: headings in the accent colour
    with the report's sizes."""
    from docx import Document

    word = Document()
    stijlen(word, kleur_koppen=kleur_koppen)
    pagina(word.sections[0], breed=False)
    eigenschappen = word.core_properties
    eigenschappen.title = titel
    eigenschappen.subject = onderwerp
    eigenschappen.author = auteur
    eigenschappen.language = "nl-NL"
    eigenschappen.keywords = trefwoorden
    eigenschappen.comments = opmerkingen
    return word


def opslaan(word: Any) -> bytes:
    """The document as bytes."""
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()


def stijlen(word: Any, *, kleur_koppen: bool = False) -> None:
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
        if kleur_koppen:
            stijl.font.size = Pt(grootte)
            stijl.font.color.rgb = RGBColor(*ACCENT)


def pagina(sectie: Any, *, breed: bool) -> None:
    """A4, portrait or (``breed``) landscape, with the product's margins."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    sectie.orientation = WD_ORIENT.LANDSCAPE if breed else WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = (Mm(297), Mm(210)) if breed else (Mm(210), Mm(297))
    sectie.left_margin = sectie.right_margin = Mm(16 if not breed else 14)
    sectie.top_margin = Mm(18 if not breed else 14)
    sectie.bottom_margin = Mm(18)


def veld(alinea: Any, instructie: str) -> None:
    """A field (PAGE, NUMPAGES) at the end of ``alinea``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:fldSimple")
    element.set(qn("w:instr"), instructie)
    run = OxmlElement("w:r")
    tekst = OxmlElement("w:t")
    tekst.text = "1"
    run.append(tekst)
    element.append(run)
    alinea._p.append(element)


def voettekst(sectie: Any, tekst: str) -> None:
    """ "<tekst> · pagina 1 van 3" in the footer, with fields."""
    from docx.shared import Pt

    alinea = sectie.footer.paragraphs[0]
    run = alinea.add_run(f"{tekst} · pagina ")
    run.font.size = Pt(8)
    veld(alinea, "PAGE")
    alinea.add_run(" van ").font.size = Pt(8)
    veld(alinea, "NUMPAGES")


def eigenschap(word: Any, label: str, waarde: str, *, ruimte: bool = True) -> Any:
    """A "Label: waarde" line, the label in bold."""
    from docx.shared import Pt

    regel = word.add_paragraph()
    if not ruimte:
        regel.paragraph_format.space_after = Pt(0)
    regel.add_run(f"{label}: ").bold = True
    regel.add_run(waarde)
    return regel


def kopregel(rij: Any) -> None:
    """The table row repeats at the top of every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = rij._tr.get_or_add_trPr()
    herhaal = OxmlElement("w:tblHeader")
    herhaal.set(qn("w:val"), "true")
    trpr.append(herhaal)


def cel(cel: Any, tekst: str, *, rechts: bool, vet: bool = False, grootte: float = 8) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    alinea = cel.paragraphs[0]
    alinea.paragraph_format.space_after = Pt(0)
    if rechts:
        alinea.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = alinea.add_run(tekst)
    run.bold = vet
    run.font.size = Pt(grootte)


def tabel(word: Any, tabel: Tabel, *, grootte: float | None = None) -> Any:
    """``tabel`` as a Word table under its caption (bold title, small bijschrift): group and
    column headers repeated on every page, the rows as the documents print them
    (``core.tabel.tekst``), the total in bold, then the footer rows. Returns the table."""
    from docx.shared import Pt

    bijschrift = word.add_paragraph()
    bijschrift.paragraph_format.keep_with_next = True
    bijschrift.paragraph_format.space_after = Pt(2)
    bijschrift.add_run(tabel.titel).bold = True
    if tabel.bijschrift:
        bijschrift.add_run("\n" + tabel.bijschrift).font.size = Pt(8)
    grootte = grootte or (6.5 if tabel.klein else 8)
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
            c = cellen[kolom]
            if breedte > 1:
                c = c.merge(cellen[kolom + breedte - 1])
            if groep:
                cel(c, groep, rechts=False, vet=True, grootte=grootte)
            kolom += breedte
        kopregel(rijen_xml[0])
        r = 1
    cellen = rijen_xml[r].cells
    for i, k in enumerate(tabel.kolommen):
        kop = f"{k.kop}\n{k.sub}" if k.sub else k.kop
        cel(cellen[i], kop, rechts=k.numeriek, vet=True, grootte=grootte)
    kopregel(rijen_xml[r])
    r += 1
    regels = [(rij, False) for rij in tabel.rijen]
    if tabel.totaal:
        regels.append((tabel.totaal, True))
    regels += [(rij, False) for rij in tabel.voetregels]
    for rij, vet in regels:
        cellen = rijen_xml[r].cells
        for i, tekst in enumerate(tabel.tekstrij(rij)):
            cel(cellen[i], tekst, rechts=tabel.kolommen[i].numeriek, vet=vet, grootte=grootte)
        r += 1
    return t


def leeg_png() -> bytes:
    from PIL import Image

    uit = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(uit, format="PNG")
    return uit.getvalue()


def svg_afbeelding(
    word: Any, run: Any, svg: bytes, png: bytes, maat: Any, beschrijving: str, hoogte: bool = False
) -> None:
    """A picture whose main image is the SVG (asvg:svgBlip, Word 2016 and later) and whose
    fallback is the PNG that the format requires; ``beschrijving`` is its alternative text."""
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
