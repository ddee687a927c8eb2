"""The Drenthe demo: every total of the seed tables, computed by the system from the rows."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.demo.services import laad_drenthe
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie
from regietafel.monitoring.queries import stand_van_zaken

pytestmark = pytest.mark.django_db


def _kolom(stand, soort):  # type: ignore[no-untyped-def]
    return next(k for k in stand.kolommen if k.soort == soort)


def test_register_holds_342_gemeenten_and_12_provincies(drenthe: Provincie) -> None:
    assert Provincie.objects.count() == 12
    assert Gemeente.objects.count() == 342
    assert drenthe.gemeenten.count() == 12
    assert Gemeente.objects.get(cbs_code="GM0106").naam == "Assen"


@pytest.mark.parametrize(
    ("soort", "opgave", "realisatie", "verschil"),
    [("oekraine", 5648, 4978, -670), ("regulier", 3814, 3819, 5), ("amv", 341, 191, -150)],
)
def test_stand_van_zaken_totals_per_1_november_2025(
    drenthe: Provincie, soort: str, opgave: int, realisatie: int, verschil: int
) -> None:
    stand = stand_van_zaken(drenthe, dt.date(2025, 11, 1))
    kolom = _kolom(stand, soort)
    assert (kolom.totaal.opgave, kolom.totaal.realisatie, kolom.totaal.verschil) == (
        opgave,
        realisatie,
        verschil,
    )
    assert kolom.realisatie_peildatum == dt.date(2025, 11, 1)


def test_statushouders_ledger_totals(drenthe: Provincie) -> None:
    stand = stand_van_zaken(drenthe, dt.date(2025, 11, 1))
    t = stand.statushouders_totaal
    assert (
        t.stand_1_jan,
        t.taakstelling_h1,
        t.realisatie_h1,
        t.stand_1_jul,
        t.taakstelling_h2,
        t.correcties,
        t.taakstelling_incl,
        t.realisatie_totaal,
        t.achter_voor,
    ) == (321, 423, 290, 454, 365, 0, 819, 298, 521)
    assert (t.achterstand, t.voorsprong) == (525, 4)
    assert (stand.statushouders_achterstand, stand.statushouders_voorsprong) == (11, 1)
    westerveld = next(r.stand for r in stand.statushouders if r.gemeente.naam == "Westerveld")
    assert westerveld.achter_voor == -4


def test_nidos_table(drenthe: Provincie) -> None:
    stand = stand_van_zaken(drenthe, dt.date(2025, 11, 1))
    rijen = {r.gemeente.naam: r for r in stand.nidos}
    assert len(rijen) == 12
    assert rijen["Assen"].voortgang == "236%"
    assert rijen["Westerveld"].voortgang == "n.v.t."
    assert rijen["Hoogeveen"].taakstelling == 11  # "HOOGVEEN" in the factsheet
    assert (stand.nidos_gerealiseerd, stand.nidos_taakstelling) == (73, 95)


def test_puzzel_2024_is_a_separate_peildatum(drenthe: Provincie) -> None:
    stand = stand_van_zaken(drenthe, dt.date(2024, 10, 1))
    assert stand.peildata == [dt.date(2025, 11, 1), dt.date(2024, 10, 1)]
    assert _kolom(stand, "oekraine").totaal.realisatie == 4603
    assert _kolom(stand, "regulier").totaal.realisatie == 4793
    assert _kolom(stand, "amv").totaal.realisatie == 141
    assert stand.statushouders == ()


def test_validation_report_names_the_source_defects(drenthe: Provincie) -> None:
    stand = stand_van_zaken(drenthe, dt.date(2025, 11, 1))
    meldingen = " | ".join(b.melding for b in stand.bevindingen)
    assert "5.720" in meldingen and "5.722" in meldingen
    assert "Westerveld" in meldingen and "n.v.t." in meldingen
    # seed 001's Bijlage 1, as stored from the source (opgaven.BronInvulling): regular and AMV
    assert "2.691" in meldingen and "141 ingevuld en 200 nog in te vullen" in meldingen
    assert [b.code for b in stand.bevindingen].count("invulling_bron") == 2
    assert {b.code for b in stand.bevindingen} == {
        "som_wijkt_af",
        "invulling_bron",
        "voortgang_zonder_taakstelling",
    }


def test_locations_of_bijlage_1(drenthe: Provincie) -> None:
    assert Locatie.objects.count() == 15
    assen = Locatie.objects.get(gemeente__naam="Assen")
    assert (assen.plaatsen_regulier, assen.beschikbaar_tot) == (1000, dt.date(2026, 4, 1))
    # Bijlage 1's "ingevulde plekken" (4155) is the sum of all places: 3814 regulier + 341 AMV.
    assert sum(loc.capaciteit for loc in Locatie.objects.all()) == 4155
    per_gemeente = {}
    for loc in Locatie.objects.select_related("gemeente"):
        per_gemeente[loc.gemeente.naam] = per_gemeente.get(loc.gemeente.naam, 0) + loc.capaciteit
    assert per_gemeente["Westerveld"] == 290
    assert per_gemeente["Tynaarlo"] == 278
    assert per_gemeente["Coevorden"] == 450


def _alle_rijen() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def test_loading_twice_duplicates_nothing(drenthe: Provincie, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What `make run` does, twice: the figures, the areas' demos (verzoeken, toezicht, overleg,
    Woo) and the accounts; the second time adds no row anywhere."""
    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", "drenthe", stdout=io.StringIO())
    call_command("demo", "accounts", stdout=io.StringIO())
    voor = _alle_rijen()
    assert voor["overleg.Overleg"] == 2 and voor["woo.WooBesluit"] == 1
    assert voor["verzoeken.NoodopvangVerzoek"] == 1
    assert laad_drenthe().totaal == 0
    call_command("demo", "drenthe", stdout=io.StringIO())
    call_command("demo", "accounts", stdout=io.StringIO())
    assert _alle_rijen() == voor


def test_every_write_is_audited(drenthe: Provincie) -> None:
    assert AuditRegel.objects.filter(object_type="monitoring.realisatie").count() == 68
    regel = AuditRegel.objects.filter(object_type="opgaven.opgave", actie="aangemaakt").first()
    assert regel is not None and "aantal" in regel.wijzigingen


def test_demo_accounts_have_roles(drenthe: Provincie) -> None:
    rollen = dict(Gebruiker.objects.values_list("username", "rol"))
    assert rollen == {
        "secretariaat": "secretariaat",
        "gemeente-assen": "gemeente",
        "gemeente-emmen": "gemeente",
        "coa": "aanleverancier",
        "lezer": "lezer",
    }
    assert Gebruiker.objects.get(username="gemeente-assen").gemeente.naam == "Assen"


def test_demo_accounts_only_in_demo_mode(drenthe: Provincie, settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="alleen in demomodus"):
        call_command("demo", "accounts")


def test_secretariaat_keeps_the_register_in_the_admin(secretariaat) -> None:  # type: ignore[no-untyped-def]
    assert secretariaat.get("/beheer/opgaven/opgave/").status_code == 200
    assert secretariaat.get("/beheer/monitoring/realisatie/").status_code == 200
    # history is read-only: no add, change or delete of realisation figures
    assert secretariaat.get("/beheer/monitoring/realisatie/add/").status_code == 403
    html = secretariaat.get("/beheer/").content.decode()
    assert "Opgaven" in html and "Realisatie" in html


def test_admin_change_is_audited(secretariaat, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    from regietafel.opgaven.models import Opgave

    opgave = Opgave.objects.get(gemeente__naam="Assen", soort="oekraine", stadium="ambitie")
    response = secretariaat.post(
        f"/beheer/opgaven/opgave/{opgave.pk}/change/",
        {
            "cyclus": opgave.cyclus_id,
            "gemeente": opgave.gemeente_id,
            "soort": "oekraine",
            "stadium": "ambitie",
            "aantal": 800,
            "bron": "PRT 19-11-2025",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    regel = AuditRegel.objects.filter(
        object_type="opgaven.opgave", object_id=str(opgave.pk)
    ).first()
    assert regel is not None and regel.door == gebruiker_secretariaat
    assert regel.wijzigingen["aantal"] == [792, 800]
