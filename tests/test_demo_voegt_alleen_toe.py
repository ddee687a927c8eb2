"""The demo never overwrites (issue 16.4): `demo drenthe`, `demo accounts` and `demo landelijk`
(what `make run` loads) only add what is missing. A figure, opgave, location, meeting, user …
that a user, an inzending or an import wrote stays as it is, and loading again writes no
history entry; a second load in a row writes nothing at all; a fresh database gets the whole
demo, as many rows as before this rule."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.demo import drenthe as bron
from regietafel.demo import overleg as overleg_demo
from regietafel.demo import verzoeken as verzoeken_demo
from regietafel.demo import woo as woo_demo
from regietafel.demo.services import laad_drenthe, maak_demo_accounts
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.locaties.models import Locatie, LocatieStatus
from regietafel.monitoring.models import NidosStand, Realisatie, VergunninghoudersStand
from regietafel.opgaven.models import Cyclus, Opgave, ProvincieOpgave, Soort, Stadium
from regietafel.rapportage.models import BonusRegeling, RapportVersie, Spuk3Bedrag
from tests.aanlevering.bestanden import (
    NIDOS_KOPPEN,
    REALISATIE_KOPPEN,
    SEED_000,
    coa_rijen,
    nidos_rijen,
    schrijf_coa,
    schrijf_tabel,
)

pytestmark = pytest.mark.django_db

NOV = dt.date(2025, 11, 1)
SCHRIJVEN = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture
def make_run(settings: Any, tmp_path: Path) -> Callable[[], str]:
    """What `make run` loads: `demo drenthe`, then `demo accounts` in demo mode."""
    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = tmp_path / "media"

    def laad() -> str:
        uit = io.StringIO()
        call_command("demo", "drenthe", stdout=uit)
        call_command("demo", "accounts", stdout=uit)
        return uit.getvalue()

    return laad


@pytest.fixture
def geladen(drenthe: Provincie, make_run: Callable[[], str]) -> Provincie:
    """The whole demo of `make run`, loaded once before the test changes anything."""
    make_run()
    return drenthe


def _gebruiker(naam: str) -> Gebruiker:
    return Gebruiker.objects.get(username=naam)


def _client(naam: str) -> Client:
    client = Client()
    client.force_login(_gebruiker(naam))
    return client


def _alle_rijen() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models(include_auto_created=True)
    }


class Historie:
    """The history written from now on."""

    def __init__(self) -> None:
        self.grens = AuditRegel.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def nieuw(self) -> list[AuditRegel]:
        return list(AuditRegel.objects.filter(pk__gt=self.grens).order_by("pk"))


def _schrijfopdrachten(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(SCHRIJVEN)
    ]


@pytest.fixture
def opnieuw(make_run: Callable[[], str]) -> Callable[[], list[AuditRegel]]:
    """Load the demo of `make run` again; returns the history entries that load wrote."""

    def laad() -> list[AuditRegel]:
        historie = Historie()
        make_run()
        return historie.nieuw()

    return laad


def _stand(gemeente: str, peildatum: dt.date = NOV) -> VergunninghoudersStand:
    return VergunninghoudersStand.objects.actueel().get(
        gemeente__naam=gemeente, peildatum=peildatum
    )


def _realisatie(gemeente: str, soort: str, peildatum: dt.date = NOV) -> Realisatie:
    return Realisatie.objects.actueel().get(
        gemeente__naam=gemeente, soort=soort, peildatum=peildatum
    )


def _coa_met_assen(okt: int, taakstelling_h2: int) -> list[list[Any]]:
    """Seed 000 with Assen's realisatie oktober and taakstelling 2e helft changed (and the
    columns COA derives from them)."""
    cijfers = dict(SEED_000)
    assen = list(cijfers["Assen"])
    assen[3], assen[8] = taakstelling_h2, okt
    cijfers["Assen"] = tuple(assen)
    return coa_rijen(cijfers)


def _vastgesteld_h2(gemeente: str) -> int:
    return Opgave.objects.get(
        cyclus__code="statushouders-2025-2",
        gemeente__naam=gemeente,
        soort=Soort.VERGUNNINGHOUDERS,
        stadium=Stadium.VASTGESTELD,
    ).aantal


# ------------------------------------------------------------------ the services' mode


def test_only_if_absent_keeps_a_current_figure_and_adds_a_missing_one(drenthe: Provincie) -> None:
    from regietafel.monitoring.services import registreer_realisatie
    from regietafel.opgaven.services import zet_opgave

    door, assen = _gebruiker("secretariaat"), Gemeente.objects.get(naam="Assen")
    eigen, _ = registreer_realisatie(
        door=door, gemeente=assen, soort=Soort.REGULIER, peildatum=NOV, aantal=1100
    )
    historie = Historie()
    figuur, nieuw = registreer_realisatie(
        door=None,
        gemeente=assen,
        soort=Soort.REGULIER,
        peildatum=NOV,
        aantal=1000,
        alleen_als_ontbreekt=True,
    )
    assert (figuur, nieuw, historie.nieuw()) == (eigen, False, [])
    dec = dt.date(2025, 12, 1)
    figuur, nieuw = registreer_realisatie(
        door=None,
        gemeente=assen,
        soort=Soort.REGULIER,
        peildatum=dec,
        aantal=1000,
        alleen_als_ontbreekt=True,
    )
    assert (figuur.aantal, nieuw, len(historie.nieuw())) == (1000, True, 1)
    # Without the mode a differing figure still supersedes the current one (corrections).
    figuur, nieuw = registreer_realisatie(
        door=door, gemeente=assen, soort=Soort.REGULIER, peildatum=NOV, aantal=1000
    )
    assert (figuur.aantal, nieuw, _realisatie("Assen", Soort.REGULIER).aantal) == (1000, True, 1000)

    oekraine = Cyclus.objects.get(code="oekraine-2025")
    velden: dict[str, Any] = {
        "cyclus": oekraine,
        "gemeente": assen,
        "soort": Soort.OEKRAINE,
        "stadium": Stadium.AMBITIE,
    }
    zet_opgave(door=door, aantal=800, **velden)
    historie = Historie()
    opgave, nieuw = zet_opgave(door=None, aantal=792, alleen_als_ontbreekt=True, **velden)
    assert (opgave.aantal, nieuw, historie.nieuw()) == (800, False, [])


# ------------------------------------------------------------------ loading twice, loading fresh


def test_a_second_load_in_a_row_writes_nothing_at_all(
    geladen: Provincie, make_run: Callable[[], str]
) -> None:
    voor, historie = _alle_rijen(), Historie()
    with CaptureQueriesContext(connection) as queries:
        uitvoer = make_run()
    assert _schrijfopdrachten(queries) == []
    assert historie.nieuw() == []
    assert _alle_rijen() == voor
    assert "Demo Drenthe: cijfers waren al geladen, niets gewijzigd." in uitvoer
    assert "Demo-accounts bestonden al." in uitvoer


def test_demo_landelijk_twice_in_a_row_writes_nothing_the_second_time(
    drenthe: Provincie,
) -> None:
    call_command("demo", "landelijk", "--maanden", "1", stdout=io.StringIO())
    voor, historie = _alle_rijen(), Historie()
    uit = io.StringIO()
    with CaptureQueriesContext(connection) as queries:
        call_command("demo", "landelijk", "--maanden", "1", stdout=uit)
    assert _schrijfopdrachten(queries) == []
    assert historie.nieuw() == []
    assert _alle_rijen() == voor
    assert "alles was al geladen" in uit.getvalue()


def _lege_database() -> None:
    """Every table emptied but those `migrate` fills (Django's register of models and rights,
    the Woo register of public office holders): a new database; rolled back with the test."""
    bewaren = {"django_content_type", "auth_permission", "django_migrations", "woo_ambtsdrager"}
    tabellen = [
        t
        for t in connection.introspection.django_table_names(only_existing=True)
        if t not in bewaren
    ]
    with connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), tabellen):
            cursor.execute(sql)


# The rows of `make run` on a new database, counted before the demo learned to only add
# (main at 375dc7a): the rule changes nothing for a fresh database.
VOLLEDIGE_DEMO = {
    "accounts.Gebruiker": 5,
    "accounts.Gebruiker_groups": 1,
    "audit.AuditRegel": 698,  # 696 at 375dc7a, + the demo's aanlevertermijn, + 1 since the
    # one-write-path merge (the demo's loaders write through the services, no row by hand)
    "audit.HistorieKop": 1,  # the head of the hash chain
    "audit.Wijzigingsversie": 26,  # per provincie and app its newest entry (monitoring.projectie)
    "auth.Group": 1,
    "gemeenten.Gemeente": 342,
    "gemeenten.Inwonertal": 12,
    "gemeenten.Provincie": 12,
    "herinneringen.Aanlevertermijn": 1,
    "locaties.Locatie": 15,
    "monitoring.NidosStand": 12,
    "monitoring.Realisatie": 68,
    "monitoring.VergunninghoudersStand": 12,
    "opgaven.BronInvulling": 2,
    "opgaven.Cyclus": 5,
    "opgaven.Opgave": 132,
    "opgaven.ProvincieOpgave": 4,
    "overleg.Actie": 5,
    "overleg.Agendapunt": 26,
    "overleg.Besluit": 4,
    "overleg.Bijlage": 3,
    "overleg.Brief": 2,
    "overleg.Brief_agendapunten": 2,
    "overleg.Overleg": 2,
    "rapportage.BonusRegeling": 1,
    "rapportage.RapportVersie": 2,
    "rapportage.Spuk3Bedrag": 12,
    "toezicht.Dossier": 1,
    "toezicht.Stap": 2,
    "verzoeken.Kandidaatlocatie": 3,
    "verzoeken.Nareismaatregel": 1,
    "verzoeken.NareizigersPlaatsing": 2,
    "verzoeken.NoodopvangVerzoek": 1,
    "woo.Lak": 110,
    "woo.WooBesluit": 1,
    "woo.WooDocument": 2,
}


def test_a_fresh_database_gets_the_whole_demo(db: Any, settings: Any, tmp_path: Path) -> None:
    """The loaders of `demo drenthe` and `demo accounts`, in the command's order."""
    settings.MEDIA_ROOT = tmp_path / "media"
    _lege_database()
    assert Gemeente.objects.count() == AuditRegel.objects.count() == 0
    laad_drenthe()
    verzoeken_demo.laad(None)
    overleg_demo.laad(None)
    woo_demo.laad(None)  # no secretariaat yet: nothing
    maak_demo_accounts()
    woo_demo.laad(None)
    rijen = {k: v for k, v in _alle_rijen().items() if k in VOLLEDIGE_DEMO or v}
    rijen.pop("auth.Permission")
    rijen.pop("contenttypes.ContentType")
    rijen.pop("woo.Ambtsdrager")  # data of a migration
    assert rijen.pop("auth.Group_permissions") > 0  # the secretariaat's rights in the admin
    assert rijen == VOLLEDIGE_DEMO


# ------------------------------------------------------------------ imports and inzendingen


def test_a_coa_import_through_the_page_survives_make_run(
    geladen: Provincie, tmp_path: Path, opnieuw: Callable[[], list[AuditRegel]]
) -> None:
    """Issue 16: the COA import changed Assen's realisatie oktober 2 → 12; the next `make run`
    set it back ("systeem · vervangen · realisatie oktober: 12 → 2")."""
    assert (_stand("Assen").realisatie_okt, _vastgesteld_h2("Assen")) == (2, 50)
    pad = schrijf_coa(tmp_path / "coa-correctie.xlsx", _coa_met_assen(okt=12, taakstelling_h2=55))
    coa = _client("coa")
    with pad.open("rb") as fh:
        voorbeeld = coa.post("/aanlevering/", {"soort": "coa", "bestand": fh})
    assert voorbeeld.status_code == 200
    gevonden = re.search(r'name="checksum" value="([0-9a-f]{64})"', voorbeeld.content.decode())
    assert gevonden is not None
    checksum = gevonden[1]
    assert coa.post("/aanlevering/bevestigen/", {"checksum": checksum}).status_code == 200
    assert (_stand("Assen").realisatie_okt, _vastgesteld_h2("Assen")) == (12, 55)

    assert opnieuw() == []
    assen = _stand("Assen")
    assert (assen.realisatie_okt, assen.geregistreerd_door) == (12, _gebruiker("coa"))
    assert _vastgesteld_h2("Assen") == 55
    assert not AuditRegel.objects.filter(actie="vervangen", door__isnull=True).exists()


def test_imports_through_the_cli_survive_make_run(
    geladen: Provincie, tmp_path: Path, opnieuw: Callable[[], list[AuditRegel]]
) -> None:
    """`regietafel import coa|nidos|realisatie` (the system, ``door=None``), then `make run`."""
    pad = schrijf_coa(tmp_path / "coa.xlsx", _coa_met_assen(okt=12, taakstelling_h2=55))
    call_command("import", "coa", str(pad), stdout=io.StringIO())
    nidos = dict(bron.NIDOS_2025_11)
    nidos["HOOGEVEEN"] = nidos.pop("HOOGVEEN")  # the factsheet's typo, which the import refuses
    nidos["EMMEN"] = (9, 21)
    pad = schrijf_tabel(tmp_path / "nidos.xlsx", NIDOS_KOPPEN, nidos_rijen(nidos))
    call_command("import", "nidos", str(pad), "--peildatum", "2025-11-03", stdout=io.StringIO())
    pad = schrijf_tabel(
        tmp_path / "realisatie.csv",
        REALISATIE_KOPPEN,
        [("Assen", "regulier", 1010, "01-11-2025"), ("Tynaarlo", "regulier", 160, "01-10-2024")],
    )
    call_command("import", "realisatie", str(pad), stdout=io.StringIO())
    emmen = NidosStand.objects.actueel().get(gemeente__naam="Emmen", peildatum=bron.NIDOS_PEILDATUM)
    assert emmen.gerealiseerd == 9

    assert opnieuw() == []
    assert (_stand("Assen").realisatie_okt, _vastgesteld_h2("Assen")) == (12, 55)
    emmen = NidosStand.objects.actueel().get(gemeente__naam="Emmen", peildatum=bron.NIDOS_PEILDATUM)
    assert emmen.gerealiseerd == 9
    assert _realisatie("Assen", Soort.REGULIER).aantal == 1010
    assert _realisatie("Tynaarlo", Soort.REGULIER, bron.PUZZEL_PEILDATUM).aantal == 160


def test_an_approved_inzending_survives_make_run(
    geladen: Provincie, opnieuw: Callable[[], list[AuditRegel]]
) -> None:
    from regietafel.monitoring.services import dien_in, keur_goed

    inzending = dien_in(
        door=_gebruiker("gemeente-assen"),
        gemeente=Gemeente.objects.get(naam="Assen"),
        peildatum=NOV,
        aantallen={Soort.OEKRAINE: 830, Soort.AMV: 5},
    )
    keur_goed(door=_gebruiker("secretariaat"), inzending=inzending)

    assert opnieuw() == []
    assert _realisatie("Assen", Soort.OEKRAINE).aantal == 830
    assert _realisatie("Assen", Soort.AMV).aantal == 5
    assert _realisatie("Assen", Soort.OEKRAINE).geregistreerd_door == _gebruiker("secretariaat")


# ------------------------------------------------------------------ what users change


def test_figures_opgaven_register_and_locations_a_user_changed_stay(
    geladen: Provincie, opnieuw: Callable[[], list[AuditRegel]]
) -> None:
    from regietafel.gemeenten.services import zet_inwonertal
    from regietafel.locaties.services import beeindig_locatie, wijzig_locatie
    from regietafel.monitoring.services import registreer_realisatie
    from regietafel.opgaven.models import BronInvulling
    from regietafel.opgaven.services import (
        zet_bron_invulling,
        zet_cyclus,
        zet_opgave,
        zet_provincie_opgave,
    )
    from regietafel.rapportage.services import bewaar_versie, zet_bonusregeling
    from regietafel.services import bewaar

    door = _gebruiker("secretariaat")
    assen, emmen = Gemeente.objects.get(naam="Assen"), Gemeente.objects.get(naam="Emmen")
    spreiding = Cyclus.objects.get(code="spreidingswet-2024")
    oekraine = Cyclus.objects.get(code="oekraine-2025")

    bewaar(Gemeente, door=door, sleutel={"cbs_code": "GM0114"}, waarden={"naam": "Emmen (Dr.)"})
    zet_cyclus(door=door, code="oekraine-2025", naam="Oekraïne 2025 en 2026")
    zet_provincie_opgave(
        door=door,
        cyclus=oekraine,
        provincie=geladen,
        soort=Soort.OEKRAINE,
        aantal=5200,
        geldig_vanaf=dt.date(2025, 7, 1),
        bron="Brief minister, correctie",
    )
    zet_inwonertal(door=door, gemeente=assen, jaar=2023, aantal=70_000, bron="CBS 03759ned")
    zet_bron_invulling(
        door=door,
        cyclus=spreiding,
        provincie=geladen,
        soort=Soort.AMV,
        opgave=229,
        ingevuld=142,
        nog_in_te_vullen=87,
        bron="Bijlage 1, nagelezen",
    )
    zet_opgave(
        door=door,
        cyclus=oekraine,
        gemeente=assen,
        soort=Soort.OEKRAINE,
        stadium=Stadium.AMBITIE,
        aantal=800,
        bron="PRT 19-11-2025",
    )
    zet_opgave(
        door=door,
        cyclus=spreiding,
        gemeente=assen,
        soort=Soort.REGULIER,
        stadium=Stadium.VASTGESTELD,
        aantal=990,
        bron="Gewijzigd verdeelbesluit",
    )
    registreer_realisatie(
        door=door, gemeente=emmen, soort=Soort.REGULIER, peildatum=NOV, aantal=700
    )
    registreer_realisatie(
        door=door,
        gemeente=assen,
        soort=Soort.OEKRAINE,
        peildatum=bron.PUZZEL_PEILDATUM,
        aantal=800,
    )
    azc_emmen = Locatie.objects.get(naam="azc Emmen")
    wijzig_locatie(door=door, locatie=azc_emmen, plaatsen_regulier=700)
    wijzig_locatie(door=door, locatie=Locatie.objects.get(naam="azc Assen"), naam="AZC Assen")
    wijzig_locatie(
        door=door, locatie=Locatie.objects.get(naam="azc Hoogeveen"), naam="azc Hoogeveen-Zuid"
    )
    beeindig_locatie(
        door=door,
        locatie=Locatie.objects.get(naam="Noodopvang Meppel"),
        einddatum=dt.date(2026, 3, 31),
        reden="Contract afgelopen",
    )
    zet_bonusregeling(
        door=door,
        cyclus=spreiding,
        provincie=geladen,
        spuk1_per_plek=2500,
        spuk2_per_plek=2000,
        spuk3_provincie=408_653,
        spuk3_per_gemeente={assen: 600_000},
        spuk3_budget=983_686,
    )
    Spuk3Bedrag.objects.filter(gemeente=emmen).delete()
    bewaar_versie(
        door=door,
        soort="stand_van_zaken",
        provincie=geladen,
        versie_datum=dt.date(2025, 11, 20),
        teksten={"oekraine": "Nieuwe tekst."},
        peildatum=bron.STAND_PEILDATUM,
    )
    voor = _alle_rijen()

    assert opnieuw() == []
    assert _alle_rijen() == voor
    assert Gemeente.objects.get(cbs_code="GM0114").naam == "Emmen (Dr.)"
    assert Cyclus.objects.get(code="oekraine-2025").naam == "Oekraïne 2025 en 2026"
    assert (
        ProvincieOpgave.objects.get(
            cyclus=oekraine, provincie=geladen, geldig_vanaf=dt.date(2025, 7, 1)
        ).aantal
        == 5200
    )
    assert Inwonertal.objects.get(gemeente=assen, jaar=2023).aantal == 70_000
    assert BronInvulling.objects.get(cyclus=spreiding, soort=Soort.AMV).ingevuld == 142
    assert (
        Opgave.objects.get(cyclus=oekraine, gemeente=assen, stadium=Stadium.AMBITIE).aantal == 800
    )
    assert (
        Opgave.objects.get(
            cyclus=spreiding, gemeente=assen, soort=Soort.REGULIER, stadium=Stadium.VASTGESTELD
        ).aantal
        == 990
    )
    assert _realisatie("Emmen (Dr.)", Soort.REGULIER).aantal == 700
    assert _realisatie("Assen", Soort.OEKRAINE, bron.PUZZEL_PEILDATUM).aantal == 800
    assert Locatie.objects.get(pk=azc_emmen.pk).plaatsen_regulier == 700
    assert Locatie.objects.filter(naam__iexact="azc Assen").count() == 1
    assert not Locatie.objects.filter(naam="azc Hoogeveen").exists()
    assert Locatie.objects.get(naam="Noodopvang Meppel").status == LocatieStatus.BEEINDIGD
    regeling = BonusRegeling.objects.get(cyclus=spreiding, provincie=geladen)
    assert regeling.spuk1_per_plek == 2500
    assert Spuk3Bedrag.objects.get(regeling=regeling, gemeente=assen).bedrag == 600_000
    assert not Spuk3Bedrag.objects.filter(gemeente=emmen).exists()
    assert (
        RapportVersie.objects.filter(soort="stand_van_zaken", provincie=geladen)
        .order_by("-volgnummer")
        .first()
        .teksten  # type: ignore[union-attr]
        == {"oekraine": "Nieuwe tekst."}
    )


def test_accounts_keep_their_password_role_and_provincie(
    geladen: Provincie, opnieuw: Callable[[], list[AuditRegel]]
) -> None:
    lezer = _gebruiker("lezer")
    lezer.set_password("een-eigen-wachtwoord")
    lezer.rol = "secretariaat"
    lezer.provincie = Provincie.objects.get(naam="Groningen")
    lezer.save()
    emmen = _gebruiker("gemeente-emmen")
    emmen.gemeente = Gemeente.objects.get(naam="Coevorden")
    emmen.is_active = False
    emmen.save()
    groep = Group.objects.get(name="Secretariaat PRT")
    weg = groep.permissions.get(codename="change_locatie")
    groep.permissions.remove(weg)
    aantal = groep.permissions.count()

    assert opnieuw() == []
    lezer = _gebruiker("lezer")
    assert lezer.check_password("een-eigen-wachtwoord")
    assert not lezer.check_password(bron.DEMO_WACHTWOORD)
    assert (lezer.rol, lezer.provincie.naam) == ("secretariaat", "Groningen")  # type: ignore[union-attr]
    emmen = _gebruiker("gemeente-emmen")
    assert (emmen.gemeente.naam, emmen.is_active) == ("Coevorden", False)  # type: ignore[union-attr]
    assert groep.permissions.count() == aantal
    assert not groep.permissions.filter(pk=weg.pk).exists()


def test_meetings_letters_requests_toezicht_and_woo_a_user_changed_stay(
    geladen: Provincie, opnieuw: Callable[[], list[AuditRegel]]
) -> None:
    from regietafel.overleg import services as overleg
    from regietafel.overleg.models import Actie, ActieStatus, Besluit, Brief, Overleg
    from regietafel.toezicht.models import Dossier, DossierStatus, StapStatus
    from regietafel.toezicht.services import wijzig_dossier, wijzig_stap
    from regietafel.verzoeken import services as verzoeken
    from regietafel.verzoeken.models import (
        Kandidaatlocatie,
        Nareismaatregel,
        NareizigersPlaatsing,
        NoodopvangVerzoek,
    )
    from regietafel.woo.models import WooDocument
    from regietafel.woo.services import zet_titel

    door = _gebruiker("secretariaat")
    nov = Overleg.objects.get(datum=overleg_demo.NOVEMBER)
    feb = Overleg.objects.get(datum=overleg_demo.FEBRUARI)
    overleg.bewaar_overleg(
        door=door, provincie=geladen, overleg=nov, waarden={"locatie": "Gedeputeerdenzaal"}
    )
    overleg.bewaar_overleg(
        door=door, provincie=geladen, overleg=feb, waarden={"datum": dt.date(2026, 2, 12)}
    )
    punt = nov.agendapunten.get(nummer=3)
    overleg.bewaar_agendapunt(
        door=door, overleg=nov, punt=punt, waarden={"aantekeningen": "Ingekort."}
    )
    overleg.verwijder_agendapunt(door=door, punt=nov.agendapunten.get(nummer=8))
    besluit = Besluit.objects.filter(agendapunt__overleg=nov).order_by("pk").first()
    assert besluit is not None
    overleg.verwijder_besluit(door=door, besluit=besluit)
    notitie = Actie.objects.get(omschrijving=overleg_demo.NOTITIE)
    overleg.bewaar_actie(
        door=door,
        punt=notitie.agendapunt,
        actie=notitie,
        waarden={"omschrijving": "Notitie huisvesting statushouders gedeeld."},
    )
    veiligelanders = Actie.objects.get(omschrijving=overleg_demo.VEILIGELANDERS)
    overleg.zet_actie_status(door=door, actie=veiligelanders, status=ActieStatus.OPEN)
    overleg.trek_instemming_in(door=door, overleg=nov)
    brief = Brief.objects.get(onderwerp="Verzoek tot noodopvang")
    overleg.bewaar_brief(
        door=door,
        provincie=geladen,
        brief=brief,
        waarden={"onderwerp": "Verzoek noodopvang 100 plaatsen", "opvolging": "Afgehandeld."},
    )

    verzoek = NoodopvangVerzoek.objects.get()
    verzoeken.wijzig_verzoek(door=door, verzoek=verzoek, plaatsen=120, van_wie="Ministerie A&M")
    sporthal = Kandidaatlocatie.objects.get(naam="Sporthal (demo)")
    verzoeken.wijzig_kandidaat(
        door=door,
        kandidaat=sporthal,
        gemeente=sporthal.gemeente,
        naam="Sporthal De Bonte Wever",
        locatie=None,
        plaatsen=35,
    )
    plaatsing = NareizigersPlaatsing.objects.get(gemeente__naam="Assen")
    verzoeken.wijzig_plaatsing(
        door=door,
        plaatsing=plaatsing,
        gemeente=plaatsing.gemeente,
        hotel="Hotel De Jonge",
        locatie=None,
        geplaatst_op=dt.date(2025, 12, 23),
        personen=5,
    )
    beheerder = Gebruiker.objects.create(username="beheer", rol="beheerder", is_superuser=True)
    verzoeken.zet_maatregel(door=beheerder, code="nareismaatregel-2025", max_maanden=7)
    dossier = Dossier.objects.get()
    wijzig_dossier(
        door=door,
        dossier=dossier,
        status=DossierStatus.GESLOTEN,
        onderwerp="Tekort opgelost",
        notities="Gesloten na het bestuurlijk gesprek.",
    )
    stap = dossier.stappen.order_by("datum").last()
    assert stap is not None
    wijzig_stap(
        door=door, stap=stap, soort=stap.soort, datum=stap.datum, status=StapStatus.AFGEROND
    )
    document = WooDocument.objects.get(nummer=1)
    zet_titel(door=door, document=document, titel="Aanbiedingsbrieven provinciaal verslag")
    voor = _alle_rijen()

    assert opnieuw() == []
    assert _alle_rijen() == voor
    nov.refresh_from_db()
    assert (nov.locatie, nov.vastgesteld_in) == ("Gedeputeerdenzaal", None)
    assert not Overleg.objects.filter(datum=overleg_demo.FEBRUARI).exists()
    assert Overleg.objects.get(pk=feb.pk).datum == dt.date(2026, 2, 12)
    assert nov.agendapunten.get(nummer=3).aantekeningen == "Ingekort."
    assert not nov.agendapunten.filter(nummer=8).exists()
    assert not Besluit.objects.filter(tekst=besluit.tekst).exists()
    assert not Actie.objects.filter(omschrijving=overleg_demo.NOTITIE).exists()
    assert Actie.objects.get(pk=veiligelanders.pk).status == ActieStatus.OPEN
    assert Brief.objects.get(pk=brief.pk).opvolging == "Afgehandeld."
    assert not Brief.objects.filter(onderwerp="Verzoek tot noodopvang").exists()
    verzoek.refresh_from_db()
    assert (verzoek.plaatsen, verzoek.van_wie) == (120, "Ministerie A&M")
    assert not Kandidaatlocatie.objects.filter(naam="Sporthal (demo)").exists()
    assert NareizigersPlaatsing.objects.get(pk=plaatsing.pk).personen == 5
    assert Nareismaatregel.objects.get().max_maanden == 7
    dossier.refresh_from_db()
    assert (dossier.status, dossier.onderwerp) == (DossierStatus.GESLOTEN, "Tekort opgelost")
    assert dossier.stappen.get(pk=stap.pk).status == StapStatus.AFGEROND
    assert WooDocument.objects.get(pk=document.pk).titel == "Aanbiedingsbrieven provinciaal verslag"


# ------------------------------------------------------------------ the national demo


def test_demo_landelijk_keeps_what_users_and_imports_wrote(
    drenthe: Provincie, tmp_path: Path
) -> None:
    from regietafel.monitoring.services import registreer_realisatie
    from regietafel.opgaven.services import zet_opgave

    call_command("demo", "landelijk", "--maanden", "1", stdout=io.StringIO())
    pad = schrijf_coa(tmp_path / "coa.xlsx", _coa_met_assen(okt=12, taakstelling_h2=55))
    call_command("import", "coa", str(pad), stdout=io.StringIO())
    door = _gebruiker("secretariaat")
    utrecht = Gemeente.objects.get(naam="Utrecht")
    laatste = Realisatie.objects.filter(gemeente=utrecht).latest("peildatum").peildatum
    registreer_realisatie(
        door=door, gemeente=utrecht, soort=Soort.REGULIER, peildatum=laatste, aantal=4321
    )
    zet_opgave(
        door=door,
        cyclus=Cyclus.objects.get(code="spreidingswet-2024"),
        gemeente=utrecht,
        soort=Soort.REGULIER,
        stadium=Stadium.VASTGESTELD,
        aantal=1234,
    )
    voor, historie = _alle_rijen(), Historie()

    call_command("demo", "landelijk", "--maanden", "1", stdout=io.StringIO())
    assert historie.nieuw() == []
    assert _alle_rijen() == voor
    assert (_stand("Assen").realisatie_okt, _vastgesteld_h2("Assen")) == (12, 55)
    assert _realisatie("Utrecht", Soort.REGULIER, laatste).aantal == 4321
    assert (
        Opgave.objects.get(
            cyclus__code="spreidingswet-2024",
            gemeente=utrecht,
            soort=Soort.REGULIER,
            stadium=Stadium.VASTGESTELD,
        ).aantal
        == 1234
    )
