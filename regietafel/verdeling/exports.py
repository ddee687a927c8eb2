"""Exports of a scenario: the workbench as XLSX, and the verdeelbesluit's Tabel 1 as DOCX and PDF;
and the tables of the verdeling pages as ``Tabel`` objects for their Excel downloads.

All render the same ``Werkblad`` (computed once by the domain); the sheets are written by
``core.xlsx`` (Dutch headers, frozen header row, number formats, totals as formulas).
openpyxl, python-docx and WeasyPrint are imported inside the functions that need them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.template.loader import render_to_string

from regietafel.core import klok, opmaak
from regietafel.core import xlsx as excel
from regietafel.core.tabel import Decimaal, Kolom, Percentage, Tabel, Waarde
from regietafel.domain.restopgave import TYPEN, Opvangtype
from regietafel.verdeling.grafiek import Grafiek
from regietafel.verdeling.models import Scenario, ScenarioGemeente
from regietafel.verdeling.queries import (
    REDEN_LABEL,
    OekraineVerdeling,
    Rij,
    VergelijkRij,
    Werkblad,
)

TABEL1_TITEL = "Tabel 1: Verdeling asielopvangplaatsen over gemeenten"
TABEL1_KOPPEN = ("Gemeente", "Reguliere opvangplaatsen", "Amv-opvangplaatsen", "Totaal")

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


def tabel1_rijen(werkblad: Werkblad) -> list[tuple[str, int, int, int]]:
    """The rows of Tabel 1: the gemeenten with places in the decision."""
    return [
        (r.naam, r.definitief.regulier, r.definitief.amv, r.definitief.totaal)
        for r in werkblad.aangewezen
    ]


def tabel1_totaal(werkblad: Werkblad) -> tuple[int, int, int]:
    d = werkblad.totalen["definitief"]
    return d.regulier, d.amv, d.totaal


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


# --------------------------------------------------------------- page tables
# The tables of the verdeling pages, built from the object the page renders (a Werkblad,
# the Oekraïne verdeling, the comparison): the same figures in HTML and in the Excel
# download of the page (?formaat=xlsx, core.excelpagina). Columns follow the page's.


def _percentage(werkblad: Werkblad, t: Opvangtype) -> Waarde:
    p = werkblad.percentage(t)
    return Percentage(p) if p is not None else werkblad.percentage_tekst[TYPEN.index(t)]


def kengetallen_tabel(werkblad: Werkblad) -> Tabel:
    t = werkblad.totalen
    return Tabel(
        sleutel="Kengetallen",
        titel="Opgave, aanbod, restopgave en percentage per type",
        bijschrift="Percentage p: van het indicatieve aantal van de deelnemende gemeenten.",
        kolommen=(Kolom("", "tekst", breedte=36), Kolom("Regulier"), Kolom("Amv")),
        rijen=(
            ("Provinciale opgave", werkblad.opgave.regulier, werkblad.opgave.amv),
            ("Aangeboden (verslag + kansrijk)", t["aangeboden"].regulier, t["aangeboden"].amv),
            ("Restopgave", werkblad.restopgave.regulier, werkblad.restopgave.amv),
            (
                "Percentage p van het indicatieve aantal",
                _percentage(werkblad, "regulier"),
                _percentage(werkblad, "amv"),
            ),
            ("Onverdeeld", werkblad.onverdeeld.regulier, werkblad.onverdeeld.amv),
            ("Verdeeld (definitief)", t["definitief"].regulier, t["definitief"].amv),
        ),
    )


def _uitgesloten(rij: Rij) -> str:
    return "; ".join(f"{u.label} ({u.typen}): {u.uitleg}" for u in rij.redenen)


def verdeling_tabel(werkblad: Werkblad) -> Tabel:
    """The table "Verdeling per gemeente" of the scenario page (the definitief total a formula)."""
    kolommen = (
        Kolom("Gemeente", "tekst", breedte=18),
        Kolom("Regulier", groep="Indicatief", som=True),
        Kolom("Amv", groep="Indicatief", som=True),
        Kolom("Regulier", groep="Aangeboden", som=True),
        Kolom("Amv", groep="Aangeboden", som=True),
        Kolom("Regulier", groep="Extra", som=True),
        Kolom("Amv", groep="Extra", som=True),
        Kolom("Regulier", groep="Definitief", som=True),
        Kolom("Amv", groep="Definitief", som=True),
        Kolom("Totaal", groep="Definitief", som=True, rijsom=(7, 8)),
        Kolom("Uitgesloten van de restopgave", "tekst", breedte=60),
        Kolom("Extra regulier onafgerond", "tekst", breedte=12),
        Kolom("Extra amv onafgerond", "tekst", breedte=12),
    )
    t = werkblad.totalen
    return Tabel(
        sleutel="Verdeling",
        titel="Verdeling per gemeente",
        bijschrift=(
            "Indicatief, aangeboden (verslag + kansrijk), extra uit de restopgave en "
            "definitief per gemeente, met de redenen van uitsluiting."
        ),
        kolommen=kolommen,
        rijen=tuple(
            (
                r.naam,
                r.indicatief.regulier,
                r.indicatief.amv,
                r.aangeboden.regulier,
                r.aangeboden.amv,
                r.extra.regulier,
                r.extra.amv,
                r.definitief.regulier,
                r.definitief.amv,
                r.definitief.totaal,
                _uitgesloten(r),
                r.extra_onafgerond[0] if r.extra.regulier else "",
                r.extra_onafgerond[1] if r.extra.amv else "",
            )
            for r in werkblad.rijen
        ),
        totaal=(
            "Totaal",
            t["indicatief"].regulier,
            t["indicatief"].amv,
            t["aangeboden"].regulier,
            t["aangeboden"].amv,
            t["extra"].regulier,
            t["extra"].amv,
            t["definitief"].regulier,
            t["definitief"].amv,
            t["definitief"].totaal,
            None,
            None,
            None,
        ),
        breed=True,
    )


def grafiek_tabel(grafiek: Grafiek) -> Tabel:
    return Tabel(
        sleutel=f"Grafiek {grafiek.opvangtype}",
        titel=grafiek.titel,
        bijschrift="De cijfers van de grafiek.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Indicatief", som=True),
            Kolom("Aangeboden", som=True),
            Kolom("Toegewezen", som=True),
        ),
        rijen=tuple(grafiek.rijen),
    )


def invoer_tabel(rijen: Sequence[ScenarioGemeente]) -> Tabel:
    """The input per gemeente as stored (the page shows it, or the form's initial values)."""
    return Tabel(
        sleutel="Invoer",
        titel="Invoer per gemeente",
        bijschrift="Het indicatieve aantal en de inwoners komen uit de opgeslagen gegevens.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Inwoners"),
            Kolom("Indicatief regulier"),
            Kolom("Indicatief amv"),
            Kolom("Verslag regulier"),
            Kolom("Verslag amv"),
            Kolom("Kansrijk regulier"),
            Kolom("Kansrijk amv"),
            Kolom("Historisch gemiddelde"),
            Kolom("Oekraïne-plaatsen"),
        ),
        rijen=tuple(
            (
                r.gemeente.naam,
                r.inwoners,
                r.indicatief_regulier,
                r.indicatief_amv,
                r.verslag_regulier,
                r.verslag_amv,
                r.kansrijk_regulier,
                r.kansrijk_amv,
                r.historisch_gemiddelde,
                r.oekraine_plaatsen,
            )
            for r in rijen
        ),
    )


def scenario_tabellen(
    werkblad: Werkblad, grafieken: Sequence[Grafiek], rijen: Sequence[ScenarioGemeente]
) -> list[Tabel]:
    return [
        kengetallen_tabel(werkblad),
        verdeling_tabel(werkblad),
        *(grafiek_tabel(g) for g in grafieken),
        invoer_tabel(rijen),
    ]


def scenarios_tabel(scenarios: Sequence[Scenario]) -> Tabel:
    return Tabel(
        sleutel="Scenario's",
        titel="Opgeslagen scenario's",
        bijschrift="Laatst gewijzigd bovenaan.",
        kolommen=(
            Kolom("Scenario", "tekst", breedte=30),
            Kolom("Cyclus", "tekst", breedte=30),
            Kolom("Aangemaakt", "tekst", breedte=16),
            Kolom("Aangemaakt door", "tekst", breedte=16),
            Kolom("Gewijzigd", "tekst", breedte=16),
            Kolom("Kopie van", "tekst", breedte=30),
        ),
        rijen=tuple(
            (
                s.naam,
                str(s.cyclus),
                opmaak.moment(s.aangemaakt_op),
                s.aangemaakt_door.get_username() if s.aangemaakt_door else "",
                opmaak.moment(s.gewijzigd_op),
                s.kopie_van.naam if s.kopie_van else "",
            )
            for s in scenarios
        ),
    )


def vergelijk_tabellen(
    a: Scenario, b: Scenario, blad_a: Werkblad, blad_b: Werkblad, rijen: Sequence[VergelijkRij]
) -> list[Tabel]:
    """The two tables of the comparison page: the summary and the gemeenten side by side."""
    ga, gb = f"A: {a.naam}", f"B: {b.naam}"
    samenvatting = Tabel(
        sleutel="Samenvatting",
        titel="Opgave, restopgave, percentage en onverdeeld",
        bijschrift=f"A = {a.naam}, B = {b.naam}.",
        kolommen=(
            Kolom("", "tekst", breedte=22),
            Kolom("Regulier", groep=ga),
            Kolom("Amv", groep=ga),
            Kolom("Regulier", groep=gb),
            Kolom("Amv", groep=gb),
        ),
        rijen=(
            (
                "Provinciale opgave",
                blad_a.opgave.regulier,
                blad_a.opgave.amv,
                blad_b.opgave.regulier,
                blad_b.opgave.amv,
            ),
            (
                "Restopgave",
                blad_a.restopgave.regulier,
                blad_a.restopgave.amv,
                blad_b.restopgave.regulier,
                blad_b.restopgave.amv,
            ),
            (
                "Percentage p",
                _percentage(blad_a, "regulier"),
                _percentage(blad_a, "amv"),
                _percentage(blad_b, "regulier"),
                _percentage(blad_b, "amv"),
            ),
            (
                "Onverdeeld",
                blad_a.onverdeeld.regulier,
                blad_a.onverdeeld.amv,
                blad_b.onverdeeld.regulier,
                blad_b.onverdeeld.amv,
            ),
        ),
    )

    def definitief(r: Rij | None) -> tuple[Waarde, Waarde, Waarde]:
        return (
            (r.definitief.regulier, r.definitief.amv, r.definitief.totaal)
            if r
            else (None, None, None)
        )

    def redenen(r: Rij | None) -> str:
        return "; ".join(f"{u.label} ({u.typen})" for u in r.redenen) if r else ""

    da, db = blad_a.totalen["definitief"], blad_b.totalen["definitief"]
    per_gemeente = Tabel(
        sleutel="Per gemeente",
        titel="Definitieve verdeling per gemeente in A en B",
        bijschrift="Verschil B − A; een negatief verschil is minder in B. Leeg: niet in A of B.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Regulier", groep=ga, som=True),
            Kolom("Amv", groep=ga, som=True),
            Kolom("Totaal", groep=ga, som=True),
            Kolom("Regulier", groep=gb, som=True),
            Kolom("Amv", groep=gb, som=True),
            Kolom("Totaal", groep=gb, som=True),
            Kolom("Regulier", "verschil", groep="Verschil B − A"),
            Kolom("Amv", "verschil", groep="Verschil B − A"),
            Kolom("A", "tekst", groep="Uitgesloten", breedte=40),
            Kolom("B", "tekst", groep="Uitgesloten", breedte=40),
        ),
        rijen=tuple(
            (
                r.naam,
                *definitief(r.a),
                *definitief(r.b),
                r.verschil.regulier,
                r.verschil.amv,
                redenen(r.a),
                redenen(r.b),
            )
            for r in rijen
        ),
        totaal=("Totaal", da.regulier, da.amv, da.totaal, db.regulier, db.amv, db.totaal)
        + (None,) * 4,
        breed=True,
    )
    return [samenvatting, per_gemeente]


def oekraine_tabel(v: OekraineVerdeling) -> Tabel:
    jaren = ", ".join(str(j) for j in v.inwoners_jaren)
    return Tabel(
        sleutel="Oekraïne",
        titel=f"Verdeling van {opmaak.getal(v.totaal)} plaatsen naar inwoners (1 januari {jaren})",
        bijschrift=(
            "Naast de opgeslagen indicatieve verdeling; verschil = verdeling − opgeslagen. "
            "Quotum = provinciaal aantal × inwoners ÷ totaal inwoners; verdeling met de grootste "
            "overschotten."
        ),
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Inwoners", som=True),
            Kolom("Quotum", som=True),
            Kolom("Verdeling", som=True),
            Kolom("Per rij afgerond", som=True),
            Kolom(
                "Opgeslagen indicatief",
                som=True,
                sub=v.cyclus.kolomkop if v.cyclus else "",
                breedte=13,
            ),
            Kolom("Verschil", "verschil", som=True),
        ),
        rijen=tuple(
            (
                r.naam,
                r.inwoners,
                Decimaal(r.quotum),
                r.verdeeld,
                r.per_rij_afgerond,
                r.bron,
                r.verschil,
            )
            for r in v.rijen
        ),
        totaal=(
            "Totaal",
            v.totaal_inwoners,
            v.totaal,
            v.som_verdeeld,
            v.som_per_rij,
            v.som_bron,
            v.som_verschil,
        ),
    )


def tabel1_docx(werkblad: Werkblad) -> bytes:
    """Tabel 1 of the verdeelbesluit as a Word document."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = f"{TABEL1_TITEL} — {werkblad.scenario.naam}"
    doc.core_properties.language = "nl-NL"
    doc.core_properties.subject = str(werkblad.scenario.cyclus)
    doc.add_heading(TABEL1_TITEL, level=1)
    doc.add_paragraph(
        f"Provincie {werkblad.scenario.provincie.naam} · {werkblad.scenario.cyclus} · "
        f"scenario ‘{werkblad.scenario.naam}’"
    )
    rijen = tabel1_rijen(werkblad)
    tabel = doc.add_table(rows=1, cols=4)
    tabel.style = "Table Grid"
    for cel, kop in zip(tabel.rows[0].cells, TABEL1_KOPPEN, strict=True):
        cel.text = kop
        for run in cel.paragraphs[0].runs:
            run.font.bold = True
    for naam, *getallen in [*rijen, ("Totaal", *tabel1_totaal(werkblad))]:
        cellen = tabel.add_row().cells
        cellen[0].text = naam
        for cel, n in zip(cellen[1:], getallen, strict=True):
            cel.text = opmaak.getal(n)
            cel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if naam == "Totaal":
            for cel in cellen:
                for run in cel.paragraphs[0].runs:
                    run.font.bold = True
    for kolom, cel in enumerate(tabel.rows[0].cells):
        if kolom:
            cel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if werkblad.niet_aangewezen:
        p = doc.add_paragraph(
            "Zonder opvangplaatsen in deze verdeling (niet in de tabel): "
            + ", ".join(werkblad.niet_aangewezen)
            + "."
        )
        for run in p.runs:
            run.font.size = Pt(9)
    uit = io.BytesIO()
    doc.save(uit)
    return uit.getvalue()


def tabel1_html(werkblad: Werkblad) -> str:
    return render_to_string(
        "verdeling/tabel1_pdf.html",
        {
            "werkblad": werkblad,
            "titel": TABEL1_TITEL,
            "koppen": TABEL1_KOPPEN,
            "rijen": tabel1_rijen(werkblad),
            "totaal": tabel1_totaal(werkblad),
        },
    )


def tabel1_pdf(werkblad: Werkblad) -> bytes:
    """Tabel 1 as PDF (WeasyPrint), with title metadata and lang nl."""
    from weasyprint import HTML

    # PDF/UA-1: tagged, with the document language and title in the catalog (accessible).
    pdf = HTML(string=tabel1_html(werkblad)).write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None
    return bytes(pdf)
