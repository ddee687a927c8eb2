"""The provinciaal verslag (seed 001) as PDF, Word and Excel: the PUZZEL, the computed bonus
amounts (R6) and a Bijlage 1 that cannot contradict itself."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from regietafel.gemeenten.models import Provincie
from regietafel.opgaven.controles import verslag_invulling
from regietafel.opgaven.models import Cyclus
from regietafel.rapportage.document import Alinea
from regietafel.rapportage.models import BonusRegeling
from regietafel.rapportage.queries import verslag
from regietafel.rapportage.services import verwijder_bonusregeling
from regietafel.rapportage.verslag import verslag_document
from tests.rapportage.conftest import (
    docx_tekst,
    genereer_bestanden,
    normaal,
    pdf_tekst,
    rij_getallen,
    xlsx_boek,
)

pytestmark = pytest.mark.django_db

# Seed 001, "de Drentse PUZZEL voor Nieuwkomers" (25-10-2024): inwoners, Oekraïne opgave,
# realisatie, ambitie, regulier opgave, realisatie, aanbod, AMV opgave, realisatie, aanbod.
PUZZEL = {
    "Aa en Hunze": (25724, 293, 403, 430, 143, 66, 87, 13, 0, 0),
    "Assen": (69414, 791, 792, 792, 329, 1645, 1000, 31, 0, 0),
    "Emmen": (108765, 1240, 996, 996, 453, 725, 675, 42, 0, 50),
    "Westerveld": (19860, 226, 125, 102, 109, 208, 240, 10, 50, 50),
    # The seed prints 5.722 as the Oekraïne total; its rows add up to 5.720 (R1).
    "Totaal": (502051, 5720, 4603, 5648, 2462, 4793, 3814, 229, 141, 341),
}


@pytest.fixture(scope="module")
def bestanden(demo_db: Callable[[], Provincie]) -> dict[str, bytes]:
    cyclus = Cyclus.objects.get(soort="spreidingswet", jaar=2024)
    return genereer_bestanden(lambda: verslag_document(demo_db(), cyclus), ("pdf", "docx", "xlsx"))


def _puzzel(tekst: str) -> str:
    return tekst[tekst.index("PUZZEL voor Nieuwkomers") : tekst.index("Conclusie")]


@pytest.mark.parametrize("formaat", ["pdf", "docx"])
def test_puzzel_table(bestanden: dict[str, bytes], formaat: str) -> None:
    tekst = pdf_tekst(bestanden["pdf"]) if formaat == "pdf" else docx_tekst(bestanden["docx"])
    deel = _puzzel(tekst)
    for naam, cijfers in PUZZEL.items():
        assert rij_getallen(deel, naam) == list(cijfers), naam


@pytest.mark.parametrize("formaat", ["pdf", "docx"])
def test_financial_paragraph_and_bijlage_2(bestanden: dict[str, bytes], formaat: str) -> None:
    tekst = normaal(
        pdf_tekst(bestanden["pdf"]) if formaat == "pdf" else docx_tekst(bestanden["docx"])
    )
    assert "voor twee jaar € 4.749.686 aanvragen" in tekst
    assert "Voor de provincie is het bedrag berekend op € 408.653" in tekst
    assert "Voor de gemeenten Assen, Coevorden en Hoogeveen is het financieel gunstiger" in tekst
    assert "Totaal kan € 3.084.000 aangevraagd worden (1.542 duurzame plekken" in tekst
    assert "€ 682.000 aangevraagd worden bij het aantal voorgenomen bedden (341 × € 2.000)" in tekst
    assert "Via SPUK 3 kan totaal € 983.686 verdeeld worden" in tekst
    bijlage2 = tekst[tekst.rindex("Bijlage 2 Aanspraak bonusregelingen") :]
    assert "Totaal 2.691 3.185 € 3.084.000 € 983.686 341 € 682.000 € 4.749.686" in bijlage2
    assert "SPUK 3 (€ 404.064) is gunstiger dan SPUK 1 (€ 360.000)" in bijlage2


@pytest.mark.parametrize("formaat", ["pdf", "docx"])
def test_bijlage_1_is_consistent(bestanden: dict[str, bytes], formaat: str) -> None:
    tekst = pdf_tekst(bestanden["pdf"]) if formaat == "pdf" else docx_tekst(bestanden["docx"])
    bijlage1 = tekst[tekst.rindex("Bijlage 1 Format provinciale verslag Drenthe") :]
    assert rij_getallen(bijlage1, "Asielopvang AMV") == [229, 341, 0]
    assert rij_getallen(bijlage1, "Asielopvang regulier (inclusief bijzondere opvangvormen)") == [
        2462,
        3814,
        0,
    ]
    assert rij_getallen(bijlage1, "Totaal") == [2691, 4155, 0]
    # the seed's contradiction ("141 ingevuld, nog in te vullen 200" beside 229) cannot occur
    # in the table; the note under it names it (below)
    tabel = bijlage1[: bijlage1.index("Opmerking bij de bron")]
    assert "200" not in " ".join(
        r for r in tabel.splitlines() if r.startswith(("Asielopvang", "Totaal"))
    )
    # the location list with its totals: 4.155 places = 3.185 regulier + 629 bijzonder + 341 AMV
    assert "Totaal 4.155 3.185 629 341" in normaal(bijlage1)
    assert "onbep. tijd" in bijlage1


@pytest.mark.parametrize("formaat", ["pdf", "docx"])
def test_bijlage_1_notes_the_sources_mixed_and_contradictory_figures(
    bestanden: dict[str, bytes], formaat: str
) -> None:
    """Seed 001's Bijlage 1 printed "2691" as the regular opgave (regular and AMV together) and
    "141 ingevuld / 200 nog in te vullen" beside an AMV opgave of 229: flagged under the table,
    in plain Dutch, not copied into it."""
    tekst = pdf_tekst(bestanden["pdf"]) if formaat == "pdf" else docx_tekst(bestanden["docx"])
    bijlage1 = tekst[tekst.rindex("Bijlage 1 Format provinciale verslag Drenthe") :]
    tabel_eind = bijlage1.index("Opmerking bij de bron")
    locaties = bijlage1.index("Overzicht gemeenten die te kennen hebben gegeven")
    assert tabel_eind < locaties  # under the Bijlage 1 table, before the location list
    noot = normaal(bijlage1[tabel_eind:locaties])
    assert "(Provinciaal verslag Drenthe 31-10-2024, Bijlage 1)" in noot
    assert "de opgave 2.691 is regulier 2.462 en AMV 229 samen" in noot
    assert "ingevuld 4.155 is regulier 3.814 en AMV 341 samen" in noot
    assert "141 ingevuld en 200 nog in te vullen is samen 341, niet de opgave van 229" in noot
    assert "Het aanbod van de gemeenten is samen 341 plekken, niet 141" in noot
    assert not re.search(r"\bR\d+\b", noot)
    # and the same findings in the Controles op de bronnen of the verslag
    controles = normaal(tekst[tekst.index("Controles op de bronnen") :])
    assert "Fout: Asielopvang AMV: de bron noemt een opgave van 229, 141 ingevuld en 200" in (
        controles
    )


def test_verslag_query_computes_bijlage_1_per_type(demo_db: Callable[[], Provincie]) -> None:
    v = verslag(demo_db(), Cyclus.objects.get(soort="spreidingswet", jaar=2024))
    regulier, amv = v.invulling.per_type
    assert (amv.opgave, amv.ingevuld, amv.nog_in_te_vullen) == (229, 341, 0)
    assert (regulier.opgave, regulier.ingevuld, regulier.nog_in_te_vullen) == (2462, 3814, 0)
    assert v.realisatie_peildatum is not None and v.realisatie_peildatum.isoformat() == "2024-10-01"
    assert v.inwoners_jaar == 2023
    assert v.bonus is not None and (v.bonus.spuk1, v.bonus.spuk2) == (3_084_000, 682_000)
    # Oekraïne 5.720 against 5.722, and seed 001's Bijlage 1 (regular, AMV) against the computed
    assert [b.code for b in v.bevindingen] == ["som_wijkt_af", "invulling_bron", "invulling_bron"]
    assert v.invulling == verslag_invulling(v.provincie, v.cyclus)  # one definition of Bijlage 1


def test_pdf_is_tagged_and_has_page_numbers(bestanden: dict[str, bytes]) -> None:
    import io

    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(bestanden["pdf"]))
    assert lezer.trailer["/Root"]["/Lang"] == "nl"
    assert lezer.metadata is not None and "Het verslag van Drenthe" in (lezer.metadata.title or "")
    laatste = normaal(lezer.pages[-1].extract_text())
    assert f"pagina {len(lezer.pages)} van {len(lezer.pages)}" in laatste
    assert "versie 1 van 31 oktober 2024 · cyclus 2024" in laatste


def test_xlsx_of_the_verslag(bestanden: dict[str, bytes]) -> None:
    boek = xlsx_boek(bestanden["xlsx"])
    assert boek.sheetnames == [
        "Toelichting",
        "PUZZEL",
        "Bijlage 1",
        "Locaties",
        "Bijlage 2",
        "Duurzame locaties",
    ]
    ws = boek["Bijlage 2"]
    assert ws.freeze_panes == "B2"
    rijen = {r[0]: r[1:] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    assert rijen["Totaal"][3] == "=SUM(E2:E13)"  # SPUK 1
    assert (
        sum(r[3] or 0 for n, r in rijen.items() if n != "Totaal" and r[0] is not None) == 3_084_000
    )
    assert sum(r[6] or 0 for n, r in rijen.items() if n != "Totaal" and r[0] is not None) == 682_000
    assert ws["E3"].number_format == '"€" #,##0'
    bijlage1 = {
        r[0]: r[1:] for r in boek["Bijlage 1"].iter_rows(min_row=2, values_only=True) if r[0]
    }
    assert bijlage1["Asielopvang AMV"] == (229, 341, 0)
    assert bijlage1["Totaal"] == ("=SUM(B2:B3)", "=SUM(C2:C3)", "=SUM(D2:D3)")


def test_without_bonus_schemes_the_amounts_are_not_computed(drenthe: Provincie) -> None:
    """The first cyclus without the provincie's bonus schemes: the verslag says so under the
    financial schemes and leaves Bijlage 2 out; the rest stays."""
    eerste = Cyclus.objects.get(soort="spreidingswet", jaar=2024)
    for regeling in BonusRegeling.objects.filter(cyclus=eerste, provincie=drenthe):
        verwijder_bonusregeling(door=None, regeling=regeling)
    document = verslag_document(drenthe, eerste)
    secties = {s.sleutel: s for s in document.secties}
    assert "bijlage-2" not in secties and "bijlage-1" in secties
    assert (
        Alinea(
            "Voor de cyclus 2024 zijn (nog) geen bedragen van de bonusregelingen vastgelegd; de "
            "aanspraken zijn daarom niet berekend."
        )
        in secties["financieel"].blokken
    )
    assert [t.sleutel for t in document.tabellen] == ["PUZZEL", "Bijlage 1", "Locaties"]
