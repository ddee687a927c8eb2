"""The write path of scenarios: create from the stored cyclus, copy, edit, delete — with audit."""

from __future__ import annotations

from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.audit.queries import historie
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Cyclus
from regietafel.verdeling.models import Scenario, ScenarioGemeente
from regietafel.verdeling.queries import casus_van, werkblad
from regietafel.verdeling.services import (
    kopieer_scenario,
    maak_scenario,
    verwijder_scenario,
    wijzig_scenario,
)
from tests.verdeling.factories import TABEL_1, drenthe_2024, herlaad

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretaris(drenthe: Provincie) -> Gebruiker:
    return Gebruiker.objects.get(username="secretariaat")


def _id(naam: str) -> int:
    return Gemeente.objects.get(naam=naam, provincie__naam="Drenthe").pk


def test_drenthe_2024_from_the_database_equals_tabel_1_of_the_verdeelbesluit(
    drenthe: Provincie,
) -> None:
    blad = werkblad(drenthe_2024())
    definitief = {r.naam: (r.definitief.regulier, r.definitief.amv) for r in blad.rijen}
    assert definitief == TABEL_1
    assert blad.totalen["definitief"].regulier == 3814
    assert blad.totalen["definitief"].amv == 341
    assert (blad.restopgave.regulier, blad.restopgave.amv) == (0, 0)
    assert (blad.onverdeeld.regulier, blad.onverdeeld.amv) == (0, 0)
    assert blad.percentage("regulier") is None and blad.percentage("amv") is None
    assert blad.sluitend
    assert all(r.extra.totaal == 0 and not r.uitsluitingen for r in blad.rijen)


def test_create_fills_everything_from_the_stored_opgaven(drenthe: Provincie) -> None:
    scenario = drenthe_2024()
    assert (scenario.opgave_regulier, scenario.opgave_amv) == (2462, 229)
    assert scenario.oekraine_totaal == 5722  # known on the verslag deadline, not 5138
    assen = scenario.gemeenten.get(gemeente__naam="Assen")
    assert (assen.indicatief_regulier, assen.indicatief_amv) == (329, 31)
    assert (assen.verslag_regulier, assen.verslag_amv) == (1000, 0)
    assert assen.inwoners == 69414
    assert assen.oekraine_plaatsen == 792  # the realisation of 1-10-2024
    assert (assen.kansrijk_regulier, assen.historisch_gemiddelde) == (0, 0)
    assert scenario.gemeenten.count() == 12
    assert "Capaciteitsraming 2024" in scenario.toelichting
    regel = historie(scenario).get()
    assert regel.actie == "aangemaakt"
    assert regel.door is not None and regel.door.username == "secretariaat"
    assert regel.wijzigingen["opgave_regulier"] == [None, 2462]


def test_create_refuses_a_cyclus_that_is_not_spreidingswet(secretaris: Gebruiker) -> None:
    with pytest.raises(ValidationError, match="geen cyclus van de Spreidingswet"):
        maak_scenario(
            door=secretaris,
            provincie=Provincie.objects.get(naam="Drenthe"),
            cyclus=Cyclus.objects.get(code="oekraine-2025"),
            naam="Fout",
        )
    with pytest.raises(ValidationError, match="naam"):
        maak_scenario(
            door=secretaris,
            provincie=Provincie.objects.get(naam="Drenthe"),
            cyclus=Cyclus.objects.get(code="spreidingswet-2024"),
            naam="  ",
        )
    assert not Scenario.objects.exists()


def test_copy_takes_every_row_uitruil_and_group(secretaris: Gebruiker) -> None:
    origineel = drenthe_2024()
    wijzig_scenario(
        door=secretaris,
        scenario=origineel,
        gemeenten={_id("Meppel"): {"kansrijk_regulier": 12}},
        uitruil=[(_id("Assen"), _id("Tynaarlo"), 40)],
        groepen=[("A", _id("Assen")), ("A", _id("Emmen"))],
    )
    kopie = herlaad(kopieer_scenario(door=secretaris, scenario=herlaad(origineel)))
    assert kopie.naam == "Kopie van Verslag Drenthe 2024"
    assert kopie.kopie_van_id == origineel.pk
    assert casus_van(kopie) == casus_van(herlaad(origineel))
    assert historie(kopie).get().actie == "gekopieerd"
    # the copy is independent of the original
    wijzig_scenario(
        door=secretaris, scenario=kopie, gemeenten={_id("Meppel"): {"verslag_regulier": 0}}
    )
    assert herlaad(origineel).gemeenten.get(gemeente__naam="Meppel").verslag_regulier == 192


def test_edit_recomputes_the_outcome_and_records_old_and_new(secretaris: Gebruiker) -> None:
    scenario = drenthe_2024()
    # A higher provincial opgave than the verslag covers leaves a restopgave to distribute.
    wijzigingen = wijzig_scenario(
        door=secretaris,
        scenario=scenario,
        velden={"opgave_regulier": 4000, "naam": "Meer opgave"},
        gemeenten={_id("Assen"): {"verslag_regulier": 1000, "kansrijk_regulier": 0}},
    )
    assert wijzigingen == {
        "opgave_regulier": [2462, 4000],
        "naam": ["Verslag Drenthe 2024", "Meer opgave"],
    }
    blad = werkblad(herlaad(scenario))
    assert blad.restopgave.regulier == 4000 - 3814
    assert sum(r.extra.regulier for r in blad.rijen) + blad.onverdeeld.regulier == 186
    regel = historie(scenario).first()
    assert regel is not None and regel.actie == "gewijzigd"
    assert regel.wijzigingen["opgave_regulier"] == [2462, 4000]
    # the gemeenten that offered at least their indicative total are excluded, with the reason
    assen = next(r for r in blad.rijen if r.naam == "Assen")
    assert [u.reden for u in assen.uitgesloten("regulier")] == ["aanbod_dekt_indicatief"]
    assert "1000" in assen.uitsluitingen[0].uitleg


def test_edit_without_changes_writes_nothing(secretaris: Gebruiker) -> None:
    scenario = drenthe_2024()
    voor = AuditRegel.objects.count()
    assert (
        wijzig_scenario(
            door=secretaris,
            scenario=scenario,
            velden={"opgave_regulier": 2462},
            gemeenten={_id("Assen"): {"verslag_regulier": 1000}},
            uitruil=[],
            groepen=[],
        )
        == {}
    )
    assert AuditRegel.objects.count() == voor


def test_edit_refuses_what_the_domain_refuses_and_writes_nothing(secretaris: Gebruiker) -> None:
    scenario = drenthe_2024()
    with pytest.raises(ValidationError, match="meer dan de 87"):
        wijzig_scenario(
            door=secretaris,
            scenario=scenario,
            gemeenten={_id("Meppel"): {"verslag_regulier": 0}},
            uitruil=[(_id("Aa en Hunze"), _id("Assen"), 88)],
        )
    scenario = herlaad(scenario)
    assert scenario.gemeenten.get(gemeente__naam="Meppel").verslag_regulier == 192
    assert not scenario.uitruil.exists()
    with pytest.raises(ValidationError, match="twee of meer"):
        wijzig_scenario(door=secretaris, scenario=scenario, groepen=[("A", _id("Assen"))])
    with pytest.raises(ValidationError, match="hoort niet bij"):
        wijzig_scenario(
            door=secretaris,
            scenario=scenario,
            gemeenten={Gemeente.objects.get(naam="Utrecht").pk: {"verslag_regulier": 1}},
        )
    with pytest.raises(ValidationError, match="indicatief_regulier"):
        wijzig_scenario(
            door=secretaris, scenario=scenario, gemeenten={_id("Assen"): {"indicatief_regulier": 1}}
        )
    assert historie(scenario).count() == 1


def test_uitruil_and_group_reach_the_domain(secretaris: Gebruiker) -> None:
    scenario = drenthe_2024()
    wijzig_scenario(
        door=secretaris,
        scenario=scenario,
        velden={"opgave_regulier": 3700},
        gemeenten={_id("Tynaarlo"): {"verslag_regulier": 0}},
        uitruil=[(_id("Assen"), _id("Tynaarlo"), 205)],
        groepen=[("Zuid", _id("Emmen")), ("Zuid", _id("Coevorden"))],
    )
    blad = werkblad(herlaad(scenario))
    tynaarlo = next(r for r in blad.rijen if r.naam == "Tynaarlo")
    assert [u.reden for u in tynaarlo.uitgesloten("regulier")] == ["uitruil"]
    assert tynaarlo.definitief.regulier == 0  # the decision keeps the places at Assen
    assert blad.groepen == {"Zuid": ["Coevorden", "Emmen"]}
    assert any("uitruilgroep" in s for s in blad.stappen)
    p = blad.percentage("regulier")
    assert isinstance(p, Fraction) and p > 0
    assert sum(r.extra.regulier for r in blad.rijen) == 3700 - (3814 - 250)
    assert blad.onverdeeld.regulier == 0


def test_delete_keeps_copies_and_the_audit_entry(secretaris: Gebruiker) -> None:
    origineel = drenthe_2024()
    kopie = kopieer_scenario(door=secretaris, scenario=origineel)
    pk = origineel.pk
    verwijder_scenario(door=secretaris, scenario=origineel)
    assert not Scenario.objects.filter(pk=pk).exists()
    assert not ScenarioGemeente.objects.filter(scenario_id=pk).exists()
    kopie.refresh_from_db()
    assert kopie.kopie_van is None
    regel = AuditRegel.objects.filter(object_type="verdeling.scenario", object_id=str(pk)).first()
    assert regel is not None and regel.actie == "verwijderd"


def test_line_breaks_from_a_browser_are_not_a_change(secretaris: Gebruiker) -> None:
    scenario = drenthe_2024()
    assert "\n" in scenario.toelichting
    crlf = scenario.toelichting.replace("\n", "\r\n")
    assert wijzig_scenario(door=secretaris, scenario=scenario, velden={"toelichting": crlf}) == {}


def test_the_services_check_the_actor_not_only_the_views(drenthe: Provincie) -> None:
    from django.core.exceptions import PermissionDenied

    scenario = drenthe_2024()
    voor = AuditRegel.objects.count()
    for naam in ("gemeente-assen", "lezer", "coa"):
        wie = Gebruiker.objects.get(username=naam)
        with pytest.raises(PermissionDenied):
            maak_scenario(door=wie, provincie=drenthe, cyclus=scenario.cyclus, naam="x")
        with pytest.raises(PermissionDenied):
            wijzig_scenario(door=wie, scenario=scenario, velden={"naam": "y"})
        with pytest.raises(PermissionDenied):
            kopieer_scenario(door=wie, scenario=scenario)
        with pytest.raises(PermissionDenied):
            verwijder_scenario(door=wie, scenario=scenario)
    assert AuditRegel.objects.count() == voor
    assert Scenario.objects.filter(pk=scenario.pk, naam=scenario.naam).exists()
