"""COA "Overzicht huisvesting vergunninghouders": the sample, corrections, and what is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from regietafel.aanlevering.export import statushouders
from regietafel.aanlevering.importeren import GEWIJZIGD, NIEUW
from regietafel.aanlevering.lezen import lees_coa
from regietafel.aanlevering.models import Aanlevering
from regietafel.aanlevering.services import importeer_coa
from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import VergunninghoudersStand
from regietafel.opgaven.models import Opgave, Soort, Stadium
from tests.aanlevering.bestanden import (
    SAMPLE_COA,
    SEED_000,
    coa_rij,
    coa_rijen,
    kolomsom,
    schrijf_coa,
)

pytestmark = pytest.mark.django_db
NOV = dt.date(2025, 11, 1)
DEC = dt.date(2025, 12, 1)


def _tellingen() -> tuple[int, int, int, int]:
    return (
        VergunninghoudersStand.objects.count(),
        Opgave.objects.count(),
        AuditRegel.objects.count(),
        Aanlevering.objects.count(),
    )


def _meldingen(samenvatting: Any) -> list[str]:
    return [str(f) for f in samenvatting.fouten]


def test_the_sample_is_what_the_demo_stored_so_nothing_changes(drenthe: Provincie) -> None:
    voor = _tellingen()
    s = importeer_coa(SAMPLE_COA, door=None)
    assert s.fouten == []
    assert s.peildata == [NOV]
    assert (s.nieuw, s.gewijzigd, s.ongewijzigd) == (0, 0, 12)
    assert s.opgaven and all(r.status == "ongewijzigd" for r in s.opgaven)
    assert not s.geschreven
    assert _tellingen() == voor


def test_the_sample_imports_into_an_empty_peildatum_and_exports_as_seed_000(
    drenthe: Provincie, gebruiker_secretariaat: Gebruiker
) -> None:
    VergunninghoudersStand.objects.filter(peildatum=NOV).delete()
    s = importeer_coa(SAMPLE_COA, door=gebruiker_secretariaat)
    assert (s.nieuw, s.gewijzigd, s.ongewijzigd) == (12, 0, 0)
    assert s.geschreven
    rijen = {r.gemeente: r.stand for r in statushouders("Drenthe", NOV).rijen}
    assert len(rijen) == 12
    for naam, cijfers in SEED_000.items():
        assert coa_rij(naam, cijfers)[1:16] == [
            rijen[naam].stand_1_jan,
            rijen[naam].taakstelling_h1,
            rijen[naam].realisatie_h1,
            rijen[naam].stand_1_jul,
            rijen[naam].taakstelling_h2,
            rijen[naam].correcties,
            rijen[naam].taakstelling_incl,
            *rijen[naam].realisatie_maanden,
            rijen[naam].realisatie_totaal,
            rijen[naam].achter_voor,
        ]
    stand = VergunninghoudersStand.objects.actueel().get(gemeente__naam="Assen", peildatum=NOV)
    assert stand.geregistreerd_door == gebruiker_secretariaat
    assert s.checksum in stand.bron and SAMPLE_COA.name in stand.bron


def test_a_new_month_imports_and_a_second_time_changes_nothing(
    drenthe: Provincie, tmp_path: Path
) -> None:
    cijfers = {naam: (*c[:9], c[9] + 1, 0) for naam, c in SEED_000.items()}  # november filled in
    pad = schrijf_coa(tmp_path / "coa-dec.xlsx", coa_rijen(cijfers), peildatum="01-12-2025")
    eerste = importeer_coa(pad, door=None)
    assert eerste.fouten == []
    assert (eerste.nieuw, eerste.peildata) == (12, [DEC])
    na_eerste = _tellingen()
    tweede = importeer_coa(pad, door=None)
    assert (tweede.nieuw, tweede.gewijzigd, tweede.ongewijzigd) == (0, 0, 12)
    assert not tweede.geschreven
    assert _tellingen() == na_eerste
    emmen = VergunninghoudersStand.objects.actueel().get(gemeente__naam="Emmen", peildatum=DEC)
    assert emmen.realisatie_nov == 1
    # November stays as it was: a new peildatum never overwrites an earlier one.
    assert (
        VergunninghoudersStand.objects.actueel()
        .get(gemeente__naam="Emmen", peildatum=NOV)
        .realisatie_nov
        == 0
    )


def _gecorrigeerd(naam: str, index: int, nieuw: int) -> dict[str, tuple[int, ...]]:
    cijfers = dict(SEED_000)
    rij = list(cijfers[naam])
    rij[index] = nieuw
    cijfers[naam] = tuple(rij)
    return cijfers


def test_a_corrected_file_supersedes_with_audit_old_to_new_and_checksum(
    drenthe: Provincie, tmp_path: Path, gebruiker_secretariaat: Gebruiker
) -> None:
    # Assen, realisatie oktober 2 -> 3 (index 8: jul, aug, sep, okt at 5..8)
    pad = schrijf_coa(tmp_path / "coa-correctie.xlsx", coa_rijen(_gecorrigeerd("Assen", 8, 3)))
    oud = VergunninghoudersStand.objects.actueel().get(gemeente__naam="Assen", peildatum=NOV)
    s = importeer_coa(pad, door=gebruiker_secretariaat)
    assert s.fouten == []
    assert (s.nieuw, s.gewijzigd, s.ongewijzigd) == (0, 1, 11)
    [regel] = [r for r in s.regels if r.status == GEWIJZIGD]
    assert regel.gemeente == "Assen"
    assert [(v.veld, v.oud, v.nieuw) for v in regel.veranderingen] == [("realisatie oktober", 2, 3)]
    oud.refresh_from_db()
    assert oud.vervangen_op is not None and oud.realisatie_okt == 2
    nieuw = VergunninghoudersStand.objects.actueel().get(gemeente__naam="Assen", peildatum=NOV)
    assert nieuw.realisatie_okt == 3
    vervangen = AuditRegel.objects.get(
        object_type="monitoring.vergunninghoudersstand", object_id=str(nieuw.pk)
    )
    assert vervangen.actie == "vervangen"
    assert vervangen.wijzigingen == {"realisatie_okt": [2, 3]}
    assert s.checksum in vervangen.bron
    aanlevering = Aanlevering.objects.get()
    assert (aanlevering.checksum, aanlevering.bestandsnaam) == (s.checksum, "coa-correctie.xlsx")
    assert aanlevering.door == gebruiker_secretariaat
    import_regel = AuditRegel.objects.get(
        object_type="aanlevering.aanlevering", object_id=str(aanlevering.pk)
    )
    assert import_regel.checksum == s.checksum
    assert import_regel.bron == "coa-correctie.xlsx"
    assert import_regel.wijzigingen == {"Assen, stand 01-11-2025: realisatie oktober": [2, 3]}
    assert statushouders("Drenthe", NOV).totaal.stand.realisatie_totaal == 299


def test_a_corrected_taakstelling_also_sets_the_opgave(drenthe: Provincie, tmp_path: Path) -> None:
    pad = schrijf_coa(tmp_path / "coa.xlsx", coa_rijen(_gecorrigeerd("Assen", 3, 52)))
    s = importeer_coa(pad, door=None)
    assert s.gewijzigd == 1
    [opgave] = [r for r in s.opgaven if r.status != "ongewijzigd"]
    assert (opgave.gemeente, opgave.veranderingen[0].oud, opgave.veranderingen[0].nieuw) == (
        "Assen",
        50,
        52,
    )
    assert (
        Opgave.objects.get(
            gemeente__naam="Assen",
            cyclus__code="statushouders-2025-2",
            soort=Soort.VERGUNNINGHOUDERS,
            stadium=Stadium.VASTGESTELD,
        ).aantal
        == 52
    )


def test_a_year_without_cycli_stores_the_figures_and_says_the_opgaven_were_skipped(
    drenthe: Provincie, tmp_path: Path
) -> None:
    pad = schrijf_coa(tmp_path / "coa-2026.xlsx", peildatum="01-02-2026", jaar=2026)
    opgaven = Opgave.objects.count()
    s = importeer_coa(pad, door=None)
    assert s.fouten == []
    assert s.nieuw == 12 and s.opgaven == []
    assert any("1e helft van 2026" in n for n in s.notities)
    assert any("2e helft van 2026" in n for n in s.notities)
    assert Opgave.objects.count() == opgaven
    assert (
        VergunninghoudersStand.objects.filter(peildatum=dt.date(2026, 2, 1), jaar=2026).count()
        == 12
    )


def test_dry_run_reports_the_same_and_writes_nothing(drenthe: Provincie, tmp_path: Path) -> None:
    pad = schrijf_coa(tmp_path / "coa.xlsx", coa_rijen(_gecorrigeerd("Emmen", 0, 60)))
    voor = _tellingen()
    proef = importeer_coa(pad, door=None, dry_run=True)
    assert _tellingen() == voor
    assert not proef.geschreven
    echt = importeer_coa(pad, door=None)
    assert [(r.gemeente, r.status, r.veranderingen) for r in proef.regels] == [
        (r.gemeente, r.status, r.veranderingen) for r in echt.regels
    ]
    assert echt.gewijzigd == 1 and echt.geschreven


def test_hoogveen_is_an_error_that_suggests_hoogeveen(drenthe: Provincie, tmp_path: Path) -> None:
    rijen = coa_rijen()
    rijen[6][0] = "HOOGVEEN"
    voor = _tellingen()
    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", rijen), door=None)
    assert _meldingen(s) == [
        "coa.xlsx, blad Overzicht, rij 13, kolom A (gemeente): „HOOGVEEN” staat niet in het "
        "register van gemeenten. Bedoelt u Hoogeveen?"
    ]
    assert _tellingen() == voor


def test_a_totaal_off_by_one_is_an_error(drenthe: Provincie, tmp_path: Path) -> None:
    rijen = coa_rijen()
    totaal = kolomsom(rijen)
    totaal[0] += 1
    voor = _tellingen()
    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", rijen, totaal=totaal), door=None)
    assert _meldingen(s) == [
        "coa.xlsx, blad Overzicht, rij 19, kolom B (stand op 1 januari): Het totaal is 322, "
        "de som van de rijen is 321."
    ]
    assert not s.geschreven and _tellingen() == voor


def test_an_r4_violation_names_row_and_column(drenthe: Provincie, tmp_path: Path) -> None:
    rijen = coa_rijen()
    rijen[5][4] = 88  # Emmen, stand op 1 juli: 59 + 91 − 63 = 87
    rijen[5][7] = 167  # and its taakstelling inclusief, consistent with the wrong stand
    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", rijen), door=None)
    meldingen = _meldingen(s)
    assert meldingen[0] == (
        "coa.xlsx, blad Overzicht, rij 12, kolom E (stand op 1 juli): Emmen: stand op 1 juli "
        "is 88, berekend 87 (stand op 1 januari 59 + taakstelling 1e helft 91 − realisatie "
        "1e helft 63)."
    )
    assert "rij 12, kolom H (taakstelling inclusief achter/voor)" in meldingen[1]
    assert len(meldingen) == 2


def test_midden_drenthe_without_hyphen_and_in_capitals_match(
    drenthe: Provincie, tmp_path: Path
) -> None:
    rijen = coa_rijen()
    rijen[8][0] = "Midden Drenthe"
    rijen[0][0] = "AA EN HUNZE"
    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", rijen), door=None)
    assert s.fouten == []
    assert s.ongewijzigd == 12
    assert {r.gemeente for r in s.regels} >= {"Midden-Drenthe", "Aa en Hunze"}


def test_peildatum_must_be_the_first_of_the_month(drenthe: Provincie, tmp_path: Path) -> None:
    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", peildatum="03-11-2025"), door=None)
    assert _meldingen(s) == [
        "coa.xlsx, blad Overzicht, rij 2, kolom A: De peildatum 03-11-2025 in cel A2 is geen "
        "eerste dag van de maand; het COA-overzicht geeft de stand op de eerste dag van de maand."
    ]


def test_peildatum_as_a_date_cell_next_to_the_label(drenthe: Provincie, tmp_path: Path) -> None:
    def datumcel(ws: Any) -> None:
        ws["A2"] = "Peildatum:"
        ws["B2"] = dt.datetime(2025, 11, 1)

    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", bewerk=datumcel), door=None)
    assert s.fouten == [] and s.peildata == [NOV]


def test_missing_peildatum_and_missing_column_are_named(drenthe: Provincie, tmp_path: Path) -> None:
    def zonder(ws: Any) -> None:
        ws["A2"] = None
        ws.delete_cols(7)  # Correcties

    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", bewerk=zonder), door=None)
    assert _meldingen(s) == [
        "coa.xlsx, blad Overzicht: De kolom „correcties” ontbreekt (kolomkoppen in rijen 5–6).",
        "coa.xlsx, blad Overzicht: Geen regel „Peildatum: dd-mm-jjjj” gevonden boven de "
        "kolomkoppen.",
    ]


def test_the_count_line_is_checked(drenthe: Provincie, tmp_path: Path) -> None:
    def elf(ws: Any) -> None:
        ws["A20"] = "Aantal gemeenten: 11"

    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", bewerk=elf), door=None)
    assert _meldingen(s) == [
        "coa.xlsx, blad Overzicht, rij 20, kolom A (gemeente): Het bestand noemt 11 gemeenten, "
        "in de rijen staan er 12."
    ]


def test_a_gemeente_outside_the_province_of_the_totaal_row(
    drenthe: Provincie, tmp_path: Path
) -> None:
    rijen = coa_rijen()
    rijen[11][0] = "Groningen"
    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", rijen), door=None)
    assert _meldingen(s) == [
        "coa.xlsx, blad Overzicht, rij 18, kolom A (gemeente): Groningen ligt in Groningen, "
        "niet in Drenthe (zie de totaalregel „totaal Drenthe” in rij 19)."
    ]


def test_a_gemeente_twice_is_an_error(drenthe: Provincie, tmp_path: Path) -> None:
    rijen = coa_rijen()
    rijen[1][0] = "Aa en Hunze"
    s = importeer_coa(schrijf_coa(tmp_path / "coa.xlsx", rijen), door=None)
    assert _meldingen(s) == [
        "coa.xlsx, blad Overzicht, rij 8, kolom A (gemeente): Aa en Hunze staat twee keer in "
        "het bestand (ook in rij 7)."
    ]


def test_header_in_one_row_with_line_breaks_and_cbs_codes(register: Any, tmp_path: Path) -> None:
    """Header variants: one row, line breaks, other case; the gemeente as a CBS code."""
    from openpyxl import Workbook

    from tests.aanlevering.bestanden import kopregels

    boven, onder = kopregels(2025)
    kop = [f"{a}\n{b}".upper() if b else a for a, b in zip(boven, onder, strict=True)]
    wb = Workbook()
    ws = wb.active
    ws.append(["Peildatum: 1-11-2025"])
    ws.append(kop)
    rijen = coa_rijen()
    rijen[1][0] = "GM0106"
    for rij in rijen:
        ws.append(rij)
    ws.append(["Totaal", *kolomsom(rijen)])
    wb.create_sheet("Toelichting")["A1"] = "Deze maandcijfers worden maandelijks verstuurd."
    wb.save(tmp_path / "coa.xlsx")
    bestand = lees_coa((tmp_path / "coa.xlsx").read_bytes(), "coa.xlsx", register)
    assert bestand.fouten == []
    assert len(bestand.rijen) == 12 and bestand.rijen[1].gemeente.naam == "Assen"
    assert bestand.notities == ["Blad Toelichting is niet gelezen."]


def test_the_same_layout_as_csv(register: Any, tmp_path: Path) -> None:
    import csv

    from tests.aanlevering.bestanden import kopregels

    rijen = coa_rijen()
    pad = tmp_path / "coa.csv"
    with pad.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Peildatum: 01-11-2025"])
        w.writerows(kopregels(2025))
        w.writerows(rijen)
        w.writerow(["totaal Drenthe", *kolomsom(rijen)])
    bestand = lees_coa(pad.read_bytes(), "coa.csv", register)
    assert bestand.fouten == []
    assert bestand.blad is None and len(bestand.rijen) == 12


def test_a_generated_file_with_other_numbers_imports(drenthe: Provincie, tmp_path: Path) -> None:
    cijfers = {
        naam: (c[0] + i, c[1] + 2 * i, c[2] + i, c[3] + i, -i % 3, *(m + i for m in c[5:9]), 0, 0)
        for i, (naam, c) in enumerate(SEED_000.items())
    }
    pad = schrijf_coa(tmp_path / "coa-2025-12.xlsx", coa_rijen(cijfers), peildatum="01-12-2025")
    s = importeer_coa(pad, door=None)
    assert s.fouten == [] and s.nieuw == 12
    export = {r.gemeente: r.stand for r in statushouders("Drenthe", DEC).rijen}
    for naam, c in cijfers.items():
        assert coa_rij(naam, c)[15] == export[naam].achter_voor
    assert all(r.status == NIEUW for r in s.regels)
    assert Gemeente.objects.filter(naam="Westerveld").exists()


def _landelijk(tmp_path: Path, aantal: int, verschuiving: int = 0) -> Path:
    """A COA overview of ``aantal`` gemeenten of the whole register (a national delivery):
    five of Drenthe (with stored opgaven, which change) and the rest new."""
    drenthe = list(
        Gemeente.objects.filter(provincie__naam="Drenthe")
        .order_by("cbs_code")
        .values_list("naam", flat=True)[:5]
    )
    anderen = Gemeente.objects.exclude(provincie__naam="Drenthe").order_by("cbs_code")
    namen = drenthe + list(anderen.values_list("naam", flat=True)[: aantal - 5])
    cijfers = {
        naam: (10 + i % 7, 20, 5 + verschuiving, 18, 0, 1, 2, 3, 0 + verschuiving, 1)
        for i, naam in enumerate(namen)
    }
    return schrijf_coa(
        tmp_path / f"coa-{aantal}-{verschuiving}.xlsx", coa_rijen(cijfers), provincie="Nederland"
    )


def test_the_query_count_of_a_coa_import_does_not_grow_with_rows(
    drenthe: Provincie, tmp_path: Path
) -> None:
    """Bulk reads and writes in the one transaction: 10 rows and 300 rows cost the same number
    of queries, new and superseding alike; the history keeps one entry per changed stand."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    tellingen: dict[tuple[int, int], int] = {}
    for aantal in (10, 300):
        with transaction.atomic():  # each size from the same stored state
            for verschuiving in (0, 1):  # new figures, then a correction of every row
                pad = _landelijk(tmp_path, aantal, verschuiving)
                voor = AuditRegel.objects.count()
                with CaptureQueriesContext(connection) as q:
                    s = importeer_coa(pad, door=None)
                assert not s.fouten, s.fouten
                assert s.geschreven and len(s.regels) == aantal
                veranderd = sum(1 for r in s.regels if r.status != "ongewijzigd")
                opgaven = sum(1 for r in s.opgaven if r.status != "ongewijzigd")
                # One entry per changed stand and per changed opgave, plus the delivery's own.
                assert AuditRegel.objects.count() - voor == veranderd + opgaven + 1
                tellingen[(verschuiving, aantal)] = len(q)
            if aantal == 300:
                _controleer_vervangen()
            transaction.set_rollback(True)
    assert tellingen[(0, 10)] == tellingen[(0, 300)], tellingen
    assert tellingen[(1, 10)] == tellingen[(1, 300)], tellingen


def _controleer_vervangen() -> None:
    stand = VergunninghoudersStand.objects.actueel().get(
        gemeente=Gemeente.objects.exclude(provincie__naam="Drenthe").order_by("cbs_code")[0],
        peildatum=dt.date(2025, 11, 1),
    )
    assert stand.realisatie_h1 == 6 and stand.geregistreerd_door is None
    vorige = VergunninghoudersStand.objects.filter(
        gemeente=stand.gemeente, peildatum=stand.peildatum
    )
    assert vorige.filter(vervangen_op__isnull=False).exists()  # superseded, never overwritten
    regel = AuditRegel.objects.filter(
        object_id=str(stand.pk), object_type="monitoring.vergunninghoudersstand"
    ).get()
    assert regel.actie == "vervangen" and regel.wijzigingen["realisatie_h1"] == [5, 6]
    assert (
        regel.gemeente_id == stand.gemeente_id and regel.provincie_id == stand.gemeente.provincie_id
    )
