"""The aanbod workflow through the services: a gemeente writes its own concept and hands it
in, the secretariaat approves or returns it, every version is kept; the set-up is a
beheerder's. Every write leaves a history entry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.cyclus.models import AanbodStatus, AanbodVersie, KansrijkElement
from regietafel.cyclus.services import (
    BIJLAGEN,
    Bijlage,
    ElementInvoer,
    dien_in,
    keur_goed,
    nieuwe_versie,
    stuur_terug,
    verwijder_regel,
    voeg_locatie_toe,
    zet_opzet,
    zet_regel,
)
from regietafel.domain.aanbod import Element
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie
from regietafel.opgaven.models import Opgave
from tests.cyclus.factories import aanbod, cyclus_2026, gebruiker, indicatief_2026, opzet_2026

pytestmark = pytest.mark.django_db


@pytest.fixture
def tweede(drenthe: Provincie) -> Provincie:
    opzet_2026()
    indicatief_2026(drenthe)
    return drenthe


def _assen() -> Gemeente:
    return Gemeente.objects.get(naam="Assen")


def _aanbod_opgave(gemeente: str) -> dict[str, int]:
    return dict(
        Opgave.objects.filter(
            cyclus=cyclus_2026(), gemeente__naam=gemeente, stadium="aanbod"
        ).values_list("soort", "aantal")
    )


def test_a_gemeente_hands_in_and_the_secretariaat_approves(tweede: Provincie) -> None:
    assen = gebruiker("gemeente-assen")
    versie = nieuwe_versie(door=assen, cyclus=cyclus_2026(), gemeente=_assen())
    assert (versie.volgnummer, versie.status) == (1, AanbodStatus.CONCEPT)
    regels = voeg_locatie_toe(
        door=assen, versie=versie, locatie=Locatie.objects.get(naam="azc Assen")
    )
    assert [(r.soort, r.plaatsen, r.beschikbaar_tot) for r in regels] == [
        ("regulier", 1000, dt.date(2026, 4, 1))
    ]
    # The contract ends before the next raming: the gemeente extends it in its offer.
    zet_regel(
        door=assen,
        versie=versie,
        regel=regels[0],
        naam="azc Assen",
        soort="regulier",
        plaatsen=800,
        beschikbaar_van=dt.date(2017, 3, 1),
        beschikbaar_tot=dt.date(2036, 4, 1),
        toelichting="verlengd tot 2036",
    )
    zet_regel(
        door=assen,
        versie=versie,
        naam="Nieuwe AMV-locatie",
        soort="amv",
        plaatsen=30,
        beschikbaar_van=dt.date(2027, 3, 1),
        beschikbaar_tot=None,
        elementen={Element.BESLUITVORMING: ElementInvoer("Raadsbesluit van 12-03-2026")},
    )
    versie = dien_in(door=assen, versie=versie)
    assert versie.status == AanbodStatus.INGEDIEND and versie.ingediend_door == assen
    with pytest.raises(ValidationError):
        zet_regel(
            door=assen,
            versie=versie,
            naam="te laat",
            soort="regulier",
            plaatsen=1,
            beschikbaar_van=None,
            beschikbaar_tot=None,
        )
    with pytest.raises(PermissionDenied):
        keur_goed(door=gebruiker("lezer"), versie=versie)
    with pytest.raises(PermissionDenied):
        keur_goed(door=assen, versie=versie)
    keur_goed(door=gebruiker("secretariaat"), versie=versie)
    assert _aanbod_opgave("Assen") == {"regulier": 800, "amv": 30}
    acties = set(
        AuditRegel.objects.filter(
            object_type="cyclus.aanbodversie", object_id=str(versie.pk)
        ).values_list("actie", flat=True)
    )
    assert acties == {"aangemaakt", "ingediend", "goedgekeurd"}


def test_only_the_own_gemeente_writes(tweede: Provincie) -> None:
    for naam in ("gemeente-emmen", "secretariaat", "lezer", "coa"):
        with pytest.raises(PermissionDenied):
            nieuwe_versie(door=gebruiker(naam), cyclus=cyclus_2026(), gemeente=_assen())
    versie = nieuwe_versie(
        door=gebruiker("gemeente-assen"), cyclus=cyclus_2026(), gemeente=_assen()
    )
    with pytest.raises(PermissionDenied):
        zet_regel(
            door=gebruiker("gemeente-emmen"),
            versie=versie,
            naam="x",
            soort="regulier",
            plaatsen=1,
            beschikbaar_van=None,
            beschikbaar_tot=None,
        )
    with pytest.raises(ValidationError):  # one open version at a time
        nieuwe_versie(door=gebruiker("gemeente-assen"), cyclus=cyclus_2026(), gemeente=_assen())


def test_returned_then_a_new_version_with_the_same_lines(
    tweede: Provincie, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    assen = gebruiker("gemeente-assen")
    versie = nieuwe_versie(door=assen, cyclus=cyclus_2026(), gemeente=_assen())
    zet_regel(
        door=assen,
        versie=versie,
        naam="Plan Kloosterveen",
        soort="regulier",
        plaatsen=200,
        beschikbaar_van=dt.date(2027, 9, 1),
        beschikbaar_tot=dt.date(2035, 1, 1),
        elementen={
            Element.VOOR_RAMING: ElementInvoer(
                "", Bijlage("planning.pdf", b"%PDF-1.4 planning"), False
            ),
            Element.TOEZEGGING: ElementInvoer("   "),
        },
    )
    element = KansrijkElement.objects.get(regel__versie=versie)
    assert (element.element, element.bestandsnaam) == ("voor_raming", "planning.pdf")
    assert BIJLAGEN.lees(element.checksum, "pdf") == b"%PDF-1.4 planning"
    dien_in(door=assen, versie=versie)
    with pytest.raises(ValidationError):
        stuur_terug(door=gebruiker("secretariaat"), versie=versie, opmerking="  ")
    stuur_terug(door=gebruiker("secretariaat"), versie=versie, opmerking="Graag de planning.")
    assert _aanbod_opgave("Assen") == {}
    tweede_versie = nieuwe_versie(door=assen, cyclus=cyclus_2026(), gemeente=_assen())
    assert tweede_versie.volgnummer == 2
    regel = tweede_versie.regels.get()
    assert regel.naam == "Plan Kloosterveen"
    assert regel.elementen.get().bestandsnaam == "planning.pdf"
    # Removing the attachment and giving no note removes the element.
    zet_regel(
        door=assen,
        versie=tweede_versie,
        regel=regel,
        naam=regel.naam,
        soort="regulier",
        plaatsen=200,
        beschikbaar_van=dt.date(2027, 9, 1),
        beschikbaar_tot=dt.date(2035, 1, 1),
        elementen={Element.VOOR_RAMING: ElementInvoer("", None, bijlage_houden=False)},
    )
    assert not regel.elementen.exists()
    # The first version is kept as it was.
    assert KansrijkElement.objects.filter(regel__versie=versie).count() == 1
    verwijder_regel(door=assen, regel=regel)
    with pytest.raises(ValidationError):  # an empty aanbod needs a word
        dien_in(door=assen, versie=tweede_versie, toelichting="")
    tweede_versie.toelichting = ""
    dien_in(door=assen, versie=tweede_versie, toelichting="Geen locatie mogelijk in 2027.")
    keur_goed(door=gebruiker("secretariaat"), versie=tweede_versie)
    assert _aanbod_opgave("Assen") == {"regulier": 0, "amv": 0}
    assert AanbodVersie.objects.filter(gemeente=_assen()).count() == 2


def test_a_line_with_a_bad_attachment_or_order_is_refused(tweede: Provincie) -> None:
    versie = nieuwe_versie(door=None, cyclus=cyclus_2026(), gemeente=_assen())
    with pytest.raises(ValidationError, match="exe"):
        zet_regel(
            door=None,
            versie=versie,
            naam="x",
            soort="regulier",
            plaatsen=1,
            beschikbaar_van=None,
            beschikbaar_tot=None,
            elementen={Element.TOEZEGGING: ElementInvoer("", Bijlage("a.exe", b"MZ"))},
        )
    with pytest.raises(ValidationError, match="vóór"):
        zet_regel(
            door=None,
            versie=versie,
            naam="x",
            soort="regulier",
            plaatsen=1,
            beschikbaar_van=dt.date(2028, 1, 1),
            beschikbaar_tot=dt.date(2027, 1, 1),
        )
    assert not versie.regels.exists()


def test_the_set_up_is_a_beheerders_and_changing_the_rules_judges_again(
    tweede: Provincie,
) -> None:
    aanbod(
        "Emmen",
        [
            {
                "naam": "azc Emmen",
                "locatie": "azc Emmen",
                "soort": "regulier",
                "plaatsen": 675,
                "beschikbaar_van": dt.date(2000, 5, 1),
                "beschikbaar_tot": dt.date(2031, 10, 19),
            },
            {
                "naam": "noodopvang",
                "soort": "bijzonder",
                "elementen": {Element.BESLUITVORMING: ElementInvoer("raadsbesluit")},
                "plaatsen": 100,
                "beschikbaar_tot": dt.date(2028, 6, 1),
            },
        ],
    )
    assert _aanbod_opgave("Emmen") == {"regulier": 675, "amv": 0}
    for naam in ("secretariaat", "gemeente-emmen", "lezer"):
        with pytest.raises(PermissionDenied):
            zet_opzet(door=gebruiker(naam), cyclus=cyclus_2026(), alleen_duurzaam=False)
    beheerder = Gebruiker.objects.create(username="beheerder-test", rol="beheerder")
    zet_opzet(door=beheerder, cyclus=cyclus_2026(), alleen_duurzaam=False)
    assert _aanbod_opgave("Emmen") == {"regulier": 775, "amv": 0}
    with pytest.raises(ValidationError):
        zet_opzet(
            door=beheerder,
            cyclus=cyclus_2026(),
            besluit_uiterlijk=dt.date(2028, 3, 1),
            volgende_raming=dt.date(2028, 2, 1),
        )
    zet_opzet(door=beheerder, cyclus=cyclus_2026(), deadline_verslag=dt.date(2026, 12, 4))
    assert cyclus_2026().deadline_verslag == dt.date(2026, 12, 4)
    assert AuditRegel.objects.filter(object_type="cyclus.cyclusopzet", door=beheerder).exists()
