"""The agenda (layout of seed 002) and the actie- en besluitenlijst (layout of seed 004) as
data, then as PDF (WeasyPrint, one Django template each) and DOCX (``core.woord``, the one Word
writer).

Built once from the meeting (``agenda_van``, ``queries.lijst``) and printed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from django.template.loader import render_to_string

from regietafel.core import opmaak, weasy, woord
from regietafel.core.opmaak import datum_lang
from regietafel.core.tabel import Html, Kolom, Tabel
from regietafel.overleg.models import Agendapunt, BijlageSoort, Overleg
from regietafel.overleg.queries import Lijst

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _tijd(overleg: Overleg) -> str:
    if overleg.begintijd is None:
        return ""
    tekst = opmaak.tijd(overleg.begintijd)
    if overleg.eindtijd is not None:
        tekst += f" – {opmaak.tijd(overleg.eindtijd)}"
    tekst += " uur"
    if overleg.tijd_toelichting:
        tekst += f" ({overleg.tijd_toelichting})"
    return tekst


def _locatie(overleg: Overleg) -> str:
    if overleg.online and overleg.locatie:
        return f"{overleg.locatie} en online"
    if overleg.online:
        return "Online"
    return overleg.locatie


def titel_overleg(overleg: Overleg) -> str:
    return f"Overleg provinciale regietafel asiel {overleg.provincie.naam}"


# ------------------------------------------------------------------ agenda


@dataclass(frozen=True)
class AgendaRij:
    nummer: str
    """"5." for a main item; "" for a sub-item (its letter is in the title)."""
    titel: str
    toelichting: str
    doel: str
    bijlage: str
    sub: bool
    anker: str = ""
    """The id of an appended letter: the PDF prints its real page (P2.)."""


@dataclass(frozen=True)
class AgendaBrief:
    anker: str
    kop: str
    ontvangen: str
    alineas: tuple[str, ...]
    pagina: int
    """The page in the agenda pack when the agenda fills one page (the DOCX prints it)."""


@dataclass(frozen=True)
class Agenda:
    overleg: Overleg
    titel: str
    datum: str
    tijd: str
    locatie: str
    voorzitter: str
    rijen: tuple[AgendaRij, ...]
    voetnoot: str
    brieven: tuple[AgendaBrief, ...]


def agenda_van(overleg: Overleg) -> Agenda:
    """The agenda of ``overleg`` (loaded with ``queries.overleg_volledig``)."""
    punten: list[Agendapunt] = list(overleg.agendapunten.all())
    # A generated report attached to more than one item is one document: "Ja*" and a footnote.
    gedeeld: dict[str, str] = {}
    telling: dict[str, int] = {}
    for p in punten:
        for b in p.bijlagen.all():
            if b.soort == BijlageSoort.STAND_VAN_ZAKEN:
                telling[b.checksum] = telling.get(b.checksum, 0) + 1
                gedeeld[b.checksum] = b.titel.split(" (peildatum")[0]
    gedeeld = {k: v for k, v in gedeeld.items() if telling[k] > 1}
    voetnoot = ""
    if gedeeld:
        voetnoot = (
            "* dit betreft één document: " + ", ".join(f"'{t}'" for t in gedeeld.values()) + "."
        )
    rijen: list[AgendaRij] = []
    brieven: list[AgendaBrief] = []
    for p in punten:
        bijlage = ""
        eerste_anker = ""
        if any(b.checksum in gedeeld for b in p.bijlagen.all()):
            bijlage = "Ja*"
        elif p.vaststelling_vorige_lijst or list(p.bijlagen.all()):
            bijlage = "Ja"
        for brief in p.brieven.all():
            if brief.tekst:
                pagina = 2 + len(brieven)
                anker = f"brief-{p.pk}-{brief.pk}"
                brieven.append(
                    AgendaBrief(
                        anker=anker,
                        kop=f"Agendapunt {p.nummer}{p.letter} {brief.onderwerp[:1].lower()}{brief.onderwerp[1:]}",
                        ontvangen=f"(Ontvangen: {opmaak.datum(brief.ontvangen)})",
                        alineas=tuple(a.strip() for a in brief.tekst.split("\n\n") if a.strip()),
                        pagina=pagina,
                    )
                )
                if not bijlage:
                    bijlage, eerste_anker = f"P{pagina}.", anker
            elif brief.bestandsnaam and not bijlage:
                bijlage = "Ja"
        if not bijlage and (p.doel or p.letter):
            bijlage = "-"
        rijen.append(
            AgendaRij(
                nummer="" if p.letter else f"{p.nummer}.",
                titel=f"{p.letter}) {p.titel}" if p.letter else p.titel,
                toelichting=p.toelichting,
                doel=p.get_doel_display() if p.doel else "",
                bijlage=bijlage,
                sub=bool(p.letter),
                anker=eerste_anker,
            )
        )
    return Agenda(
        overleg=overleg,
        titel=titel_overleg(overleg),
        datum=datum_lang(overleg.datum),
        tijd=_tijd(overleg),
        locatie=_locatie(overleg),
        voorzitter=overleg.voorzitter,
        rijen=tuple(rijen),
        voetnoot=voetnoot,
        brieven=tuple(brieven),
    )


def _agendapunt_pdf(rij: AgendaRij) -> Html:
    """The title (bold for a main item) with its toelichting below, as seed 002 prints it."""
    from django.template.defaultfilters import linebreaksbr
    from django.utils.html import format_html

    titel = (
        format_html("{}", rij.titel) if rij.sub else format_html("<strong>{}</strong>", rij.titel)
    )
    toelichting = (
        format_html('<p class="toelichting">{}</p>', linebreaksbr(rij.toelichting, autoescape=True))
        if rij.toelichting
        else ""
    )
    tekst = f"{rij.titel}\n{rij.toelichting}" if rij.toelichting else rij.titel
    return Html(format_html("{}{}", titel, toelichting), tekst)


def _bijlage_pdf(rij: AgendaRij) -> Html | str:
    """The bijlage's page ("P3.", filled in by the PDF's CSS) where the letter is appended."""
    if not rij.anker:
        return rij.bijlage
    return Html.opmaak('<a class="p-ref" href="#{}"></a>', rij.anker, tekst=rij.bijlage)


def agenda_pdf_tabel(agenda: Agenda) -> Tabel:
    """The agenda's table in the PDF, in the layout of seed 002 (``overleg/_pdf.css``)."""
    return Tabel(
        sleutel="agenda",
        titel=f"Agenda {agenda.titel} {agenda.datum}",
        bijschrift="",
        kolommen=(
            Kolom("Nr.", "tekst", klasse="nummer"),
            Kolom("Agendapunten", "tekst", klasse="titel"),
            Kolom("Doel", "tekst", klasse="doel"),
            Kolom("Bijlage", "tekst", klasse="bijlage"),
        ),
        rijen=tuple(
            (rij.nummer, _agendapunt_pdf(rij), rij.doel, _bijlage_pdf(rij)) for rij in agenda.rijen
        ),
        rijkop=False,
        scroll=False,
        rijklassen=tuple("sub" if rij.sub else "" for rij in agenda.rijen),
    )


def agenda_pdf(agenda: Agenda) -> bytes:
    html = render_to_string(
        "overleg/agenda_pdf.html", {"agenda": agenda, "tabel": agenda_pdf_tabel(agenda)}
    )
    return weasy.pdf(html, pdf_tags=True)


# ------------------------------------------------------------------ the list


def lijst_titel(overleg: Overleg) -> str:
    return f"Actie- en besluitenlijst provinciale regietafel asiel {overleg.provincie.naam}"


def lijst_status(lijst: Lijst) -> str:
    return lijst.status.lang


def lijst_pdf_tabel(lijst: Lijst) -> Tabel:
    """The list's items in the PDF, in the layout of seed 004: per item its title, lines,
    besluiten and acties, and who does each actie."""
    from django.utils.html import format_html_join
    from django.utils.safestring import mark_safe

    def onderwerp(lp: Any) -> Html:
        delen = [
            lp.punt.titel,
            lp.instemming,
            *lp.regels,
            *(f"Besluit: {b}" for b in lp.besluiten),
            *(f"Actie: {a.tekst}" for a in lp.acties),
        ]
        tekst = "\n".join(d for d in delen if d)
        return Html.sjabloon("overleg/_lijst_punt_pdf.html", {"lp": lp}, tekst=tekst)

    def door_wie(lp: Any) -> Html:
        namen = [a.actie.door_wie for a in lp.acties]
        regel = mark_safe("<br>")  # a constant: every name is escaped by format_html_join
        return Html(format_html_join(regel, "{}", ((n,) for n in namen)), "; ".join(namen))

    return Tabel(
        sleutel="lijst",
        titel=lijst_titel(lijst.overleg),
        bijschrift="",
        kolommen=(
            Kolom("Agenda Onderwerp", "tekst"),
            Kolom("Door wie?", "tekst", klasse="doorwie"),
        ),
        rijen=tuple((onderwerp(lp), door_wie(lp)) for lp in lijst.punten),
        rijkop=False,
        scroll=False,
        klasse="lijst",
    )


def lijst_pdf(lijst: Lijst) -> bytes:
    html = render_to_string(
        "overleg/lijst_pdf.html",
        {
            "tabel": lijst_pdf_tabel(lijst),
            "meegenomen_tabel": replace(
                meegenomen_tabel(lijst), rijkop=False, scroll=False, klasse="lijst meegenomen"
            ),
            "lijst": lijst,
            "titel": lijst_titel(lijst.overleg),
            "datum": datum_lang(lijst.overleg.datum),
            "status": lijst_status(lijst),
        },
    )
    return weasy.pdf(html, pdf_tags=True)


def meegenomen_tabel(lijst: Lijst) -> Tabel:
    """The open actions of earlier meetings that the list carries over."""
    return Tabel(
        sleutel="meegenomen",
        titel="Open acties uit eerdere overleggen",
        bijschrift="",
        kolommen=(
            Kolom("Actie", "tekst", breedte=40),
            Kolom("Door wie?", "tekst", breedte=16, klasse="doorwie"),
            Kolom("Deadline", "datum"),
            Kolom("Status", "tekst"),
            Kolom("Afgesproken", "tekst"),
        ),
        rijen=tuple(
            (
                ar.actie.omschrijving,
                ar.actie.door_wie,
                ar.actie.deadline,
                ar.status_tekst,
                f"PRT {opmaak.datum(ar.actie.agendapunt.overleg.datum)}",
            )
            for ar in lijst.meegenomen
        ),
    )


# ------------------------------------------------------------------ DOCX


def _word(*, titel: str, auteur: str, trefwoorden: str = "") -> Any:
    """A Word document of the one Word writer (``core.woord``): Dutch, Arial, A4."""
    return woord.nieuw(titel=titel, auteur=auteur, trefwoorden=trefwoorden)


def _cursief_kop(cel: Any, tekst: str) -> None:
    cel.paragraphs[0].add_run(tekst).italic = True


def agenda_docx(agenda: Agenda) -> bytes:
    from docx.enum.text import WD_BREAK

    word = _word(
        titel=f"Agenda {agenda.titel} {agenda.datum}",
        auteur=f"Secretariaat PRT {agenda.overleg.provincie.naam}",
    )
    word.add_heading(agenda.titel, level=1)
    for label, waarde in (
        ("Datum", agenda.datum),
        ("Tijd", agenda.tijd),
        ("Locatie", agenda.locatie),
        ("Voorzitter", agenda.voorzitter),
    ):
        if waarde:
            p = word.add_paragraph()
            p.add_run(f"{label}: ").bold = True
            p.add_run(waarde)
    tabel = word.add_table(rows=1, cols=4)
    tabel.style = "Table Grid"
    kop = tabel.rows[0]
    woord.kopregel(kop)
    for cel, tekst in zip(kop.cells, ("", "Agendapunten", "Doel", "Bijlage"), strict=True):
        _cursief_kop(cel, tekst)
    for rij in agenda.rijen:
        cellen = tabel.add_row().cells
        cellen[0].text = rij.nummer
        titel = cellen[1].paragraphs[0]
        titel.add_run(rij.titel).bold = not rij.sub
        if rij.toelichting:
            cellen[1].add_paragraph(rij.toelichting)
        cellen[2].text = rij.doel
        cellen[3].text = rij.bijlage
    if agenda.voetnoot:
        word.add_paragraph(agenda.voetnoot)
    for brief in agenda.brieven:
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        word.add_heading(brief.kop, level=2)
        word.add_paragraph(brief.ontvangen)
        for alinea in brief.alineas:
            word.add_paragraph(alinea)
    return woord.opslaan(word)


def lijst_docx(lijst: Lijst) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    overleg = lijst.overleg
    status = lijst_status(lijst)
    word = _word(
        titel=f"{lijst_titel(overleg)} {datum_lang(overleg.datum)}",
        auteur=f"Secretariaat PRT {overleg.provincie.naam}",
        trefwoorden=status,
    )
    # The status on every page: CONCEPT in the header of a draft.
    koptekst = word.sections[0].header.paragraphs[0]
    koptekst.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = koptekst.add_run(status)
    run.bold = True
    if lijst.concept:
        run.font.size = Pt(16)
        run.font.color.rgb = RGBColor(0xA0, 0x00, 0x00)

    word.add_heading(lijst_titel(overleg), level=1)
    p = word.add_paragraph()
    p.add_run("Datum: ").bold = True
    p.add_run(datum_lang(overleg.datum))
    tabel = word.add_table(rows=1, cols=2)
    tabel.style = "Table Grid"
    woord.kopregel(tabel.rows[0])
    _cursief_kop(tabel.rows[0].cells[0], "Agenda Onderwerp")
    _cursief_kop(tabel.rows[0].cells[1], "Door wie?")
    for lp in lijst.punten:
        links, rechts = tabel.add_row().cells
        links.paragraphs[0].add_run(lp.punt.titel).bold = True
        if lp.instemming:
            links.add_paragraph().add_run(lp.instemming).italic = True
        for regel in lp.regels:
            links.add_paragraph(f"• {regel}")
        for besluit in lp.besluiten:
            b = links.add_paragraph()
            b.add_run("Besluit: ").bold = True
            b.add_run(besluit)
        eerste = True
        for ar in lp.acties:
            a = links.add_paragraph()
            a.add_run("Actie: ").bold = True
            a.add_run(ar.tekst)
            if eerste:
                rechts.paragraphs[0].text = ar.actie.door_wie
                eerste = False
            else:
                rechts.add_paragraph(ar.actie.door_wie)
    if lijst.meegenomen:
        word.add_heading("Acties uit eerdere overleggen", level=2)
        woord.tabel(word, meegenomen_tabel(lijst), grootte=10)
    slot = word.add_paragraph()
    slot.add_run(status).bold = True
    return woord.opslaan(word)
