"""Exports of a scenario: the workbench as XLSX, and the verdeelbesluit's Tabel 1 as DOCX and PDF.

All render the same ``Werkblad`` (computed once by the domain); Tabel 1 is one ``Tabel``
(``tabellen.tabel1``) that the PDF prints with the page's table template and ``core.woord``
writes to Word; the sheets are written by ``core.xlsx`` (Dutch headers, frozen header row,
number formats, totals as formulas). The tables of the pages are in ``tabellen``.
openpyxl and WeasyPrint are imported inside the functions that need them.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from regietafel.core import klok, opmaak, weasy, woord
from regietafel.core import xlsx as excel
from regietafel.core.tabel import Kolom, Tabel
from regietafel.domain.restopgave import TYPEN
from regietafel.verdeling.queries import REDEN_LABEL, Rij, Werkblad
from regietafel.verdeling.tabellen import TABEL1_TITEL, tabel1

XLSX_KOPPEN = (
    ("Gemeente", 28),
    ("Inwoners", 11),
    ("Indicatief regulier", 12),
    ("Indicatief amv", 12),
    ("Verslag regulier", 12),
    ("Verslag amv", 12),
    ("Kansrijk regulier", 12),
    ("Kansrijk amv", 12),
    ("Extra regulier", 12),
    ("Extra amv", 12),
    ("Definitief regulier", 12),
    ("Definitief amv", 12),
    ("Totaal", 11),
    ("Uitgesloten regulier", 40),
    ("Uitgesloten amv", 40),
)


def bestandsnaam(werkblad: Werkblad, soort: str, extensie: str) -> str:
    """An ASCII file name: ``scenario-7-tabel1.pdf``."""
    return f"scenario-{werkblad.scenario.pk}-{soort}.{extensie}"


def _redenen(rij: Rij, t: str) -> str:
    return "; ".join(REDEN_LABEL[u.reden] for u in rij.uitsluitingen if u.opvangtype == t)


def scenario_tabel(werkblad: Werkblad) -> Tabel:
    """The workbench per gemeente, as the export holds it (Totaal = definitief regulier + amv)."""
    (
        gemeente,
        inwoners,
        *getallen,
        totaal,
        uitgesloten_regulier,
        uitgesloten_amv,
    ) = XLSX_KOPPEN
    return Tabel(
        sleutel="Verdeling",
        titel=f"Verdeling scenario ‘{werkblad.scenario.naam}’",
        bijschrift=f"{werkblad.scenario.provincie.naam}, {werkblad.scenario.cyclus}.",
        kolommen=(
            Kolom(gemeente[0], "tekst", breedte=gemeente[1] - 2),
            Kolom(inwoners[0], som=True, breedte=inwoners[1] - 2),
            *(Kolom(kop, som=True, breedte=breedte - 2) for kop, breedte in getallen),
            Kolom(totaal[0], som=True, rijsom=(10, 11), breedte=totaal[1] - 2),
            Kolom(uitgesloten_regulier[0], "tekst", breedte=uitgesloten_regulier[1] - 2),
            Kolom(uitgesloten_amv[0], "tekst", breedte=uitgesloten_amv[1] - 2),
        ),
        rijen=tuple(
            (
                r.naam,
                r.inwoners,
                r.indicatief.regulier,
                r.indicatief.amv,
                r.verslag.regulier,
                r.verslag.amv,
                r.kansrijk.regulier,
                r.kansrijk.amv,
                r.extra.regulier,
                r.extra.amv,
                r.definitief.regulier,
                r.definitief.amv,
                r.definitief.totaal,
                _redenen(r, "regulier"),
                _redenen(r, "amv"),
            )
            for r in werkblad.rijen
        ),
        totaal=("Totaal", *([None] * (len(XLSX_KOPPEN) - 1))),
        breed=True,
    )


def stappen_tabel(werkblad: Werkblad) -> Tabel:
    return Tabel(
        sleutel="Stappen",
        titel="De stappen van de berekening",
        bijschrift="",
        kolommen=(Kolom("Nr.", breedte=4), Kolom("Stap", "tekst", breedte=138)),
        rijen=tuple(enumerate(werkblad.stappen, start=1)),
    )


def scenario_xlsx(werkblad: Werkblad) -> bytes:
    """The scenario's table with Dutch headers, number formats, a frozen header row and
    totals as formulas (core.xlsx); a sheet with the summary and one with the steps of R3."""
    from openpyxl.styles import Font

    titel = f"Verdeling {werkblad.scenario.naam}"
    wb = excel.nieuw_werkboek(titel=titel, onderwerp=str(werkblad.scenario.cyclus))
    verdeling = scenario_tabel(werkblad)
    ws: Any = wb.active
    ws.title = excel.bladnaam(verdeling)
    excel.blad(ws, verdeling, voettekst=titel)

    vet = Font(bold=True)
    s: Any = wb.create_sheet("Samenvatting")
    s.column_dimensions["A"].width = 36
    s.column_dimensions["B"].width = 16
    s.column_dimensions["C"].width = 16
    excel.regel(s, ("Scenario", werkblad.scenario.naam))
    excel.regel(s, ("Provincie", werkblad.scenario.provincie.naam))
    excel.regel(s, ("Cyclus", str(werkblad.scenario.cyclus)))
    excel.regel(s, ("Berekend op", opmaak.moment(klok.nu())))
    excel.regel(s, ())
    for cel in s[excel.regel(s, ("", "Regulier", "Amv"))]:
        cel.font = vet
    regels = (
        ("Provinciale opgave", werkblad.opgave.regulier, werkblad.opgave.amv),
        (
            "Aangeboden (verslag + kansrijk)",
            werkblad.totalen["aangeboden"].regulier,
            werkblad.totalen["aangeboden"].amv,
        ),
        ("Restopgave", werkblad.restopgave.regulier, werkblad.restopgave.amv),
        ("Onverdeeld", werkblad.onverdeeld.regulier, werkblad.onverdeeld.amv),
    )
    for regel in regels:
        for cel in s[excel.regel(s, regel)][1:]:
            cel.number_format = excel.FORMATEN["getal"]
    percentages = excel.regel(
        s,
        (
            "Percentage p",
            *(float(p) if (p := werkblad.percentage(t)) is not None else "n.v.t." for t in TYPEN),
        ),
    )
    for cel in s[percentages][1:]:
        cel.number_format = excel.PERCENTAGE_FORMAAT
    excel.afdruk(s, voettekst=titel, breed=False)

    excel.blad(wb.create_sheet("Stappen"), stappen_tabel(werkblad), voettekst=titel)
    return excel.opslaan(wb)


def _onderschrift(werkblad: Werkblad) -> str:
    return (
        f"Provincie {werkblad.scenario.provincie.naam} · {werkblad.scenario.cyclus} · "
        f"scenario ‘{werkblad.scenario.naam}’"
    )


def tabel1_docx(werkblad: Werkblad) -> bytes:
    """Tabel 1 of the verdeelbesluit as a Word document (``core.woord``)."""
    from docx.shared import Pt

    word = woord.nieuw(
        titel=f"{TABEL1_TITEL} — {werkblad.scenario.naam}",
        onderwerp=str(werkblad.scenario.cyclus),
    )
    word.add_heading(TABEL1_TITEL, level=1)
    word.add_paragraph(_onderschrift(werkblad))
    woord.tabel(word, tabel1(werkblad), grootte=10)
    if werkblad.niet_aangewezen:
        p = word.add_paragraph(
            "Zonder opvangplaatsen in deze verdeling (niet in de tabel): "
            + ", ".join(werkblad.niet_aangewezen)
            + "."
        )
        for run in p.runs:
            run.font.size = Pt(9)
    return woord.opslaan(word)


def tabel1_html(werkblad: Werkblad) -> str:
    """The PDF's HTML: Tabel 1 printed with the pages' table template (``core/tabel.html``)."""
    return render_to_string(
        "verdeling/tabel1_pdf.html",
        {"werkblad": werkblad, "titel": TABEL1_TITEL, "tabel": tabel1(werkblad)},
    )


def tabel1_pdf(werkblad: Werkblad) -> bytes:
    """Tabel 1 as PDF (WeasyPrint), with title metadata and lang nl."""
    # PDF/UA-1: tagged, with the document language and title in the catalog (accessible).
    return weasy.pdf(tabel1_html(werkblad), pdf_variant="pdf/ua-1")
