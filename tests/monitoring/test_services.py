"""History is appended, never edited: a correction supersedes, a new peildatum adds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.core import klok
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.services import registreer_realisatie

pytestmark = pytest.mark.django_db
NOV = dt.date(2025, 11, 1)


@pytest.fixture
def assen(drenthe: Provincie) -> Gemeente:
    return Gemeente.objects.get(naam="Assen")


def test_same_figure_twice_changes_nothing(assen: Gemeente) -> None:
    voor = Realisatie.objects.count()
    _, veranderd = registreer_realisatie(
        door=None, gemeente=assen, soort="oekraine", peildatum=NOV, aantal=822
    )
    assert not veranderd
    assert Realisatie.objects.count() == voor


def test_correction_supersedes_and_keeps_the_old_figure(
    assen: Gemeente, gebruiker_secretariaat: Gebruiker
) -> None:
    moment_voor = klok.nu()
    nieuw, veranderd = registreer_realisatie(
        door=gebruiker_secretariaat,
        gemeente=assen,
        soort="oekraine",
        peildatum=NOV,
        aantal=830,
        toelichting="correctie na telling",
    )
    assert veranderd
    rijen = Realisatie.objects.filter(gemeente=assen, soort="oekraine", peildatum=NOV).order_by(
        "geregistreerd_op"
    )
    assert [r.aantal for r in rijen] == [822, 830]
    assert rijen[0].vervangen_op is not None and rijen[1].vervangen_op is None
    assert (
        Realisatie.objects.actueel().get(gemeente=assen, soort="oekraine", peildatum=NOV).aantal
        == 830
    )
    # "the stand per 1-11-2025 as we knew it" before the correction
    bekend = Realisatie.objects.zoals_bekend_op(moment_voor).get(
        gemeente=assen, soort="oekraine", peildatum=NOV
    )
    assert bekend.aantal == 822
    regel = AuditRegel.objects.filter(
        object_type="monitoring.realisatie", object_id=str(nieuw.pk)
    ).get()
    assert regel.actie == "vervangen"
    assert regel.wijzigingen == {"aantal": [822, 830]}
    assert regel.door == gebruiker_secretariaat


def test_a_new_peildatum_never_overwrites_an_earlier_one(assen: Gemeente) -> None:
    registreer_realisatie(
        door=None, gemeente=assen, soort="oekraine", peildatum=dt.date(2025, 12, 1), aantal=900
    )
    assert (
        Realisatie.objects.actueel().get(gemeente=assen, soort="oekraine", peildatum=NOV).aantal
        == 822
    )


def test_peildatum_must_be_the_first_of_a_month(assen: Gemeente) -> None:
    with pytest.raises(ValidationError, match="geen eerste dag van de maand"):
        registreer_realisatie(
            door=None, gemeente=assen, soort="oekraine", peildatum=dt.date(2025, 11, 3), aantal=1
        )


def test_negative_realisatie_is_refused(assen: Gemeente) -> None:
    with pytest.raises(ValidationError):
        registreer_realisatie(door=None, gemeente=assen, soort="oekraine", peildatum=NOV, aantal=-1)


def test_bulk_registration_follows_the_same_rules(
    assen: Gemeente, gebruiker_secretariaat: Gebruiker
) -> None:
    from regietafel.monitoring.services import RealisatieInvoer, registreer_realisaties

    dec = dt.date(2025, 12, 1)
    rijen = [
        RealisatieInvoer(assen, "oekraine", NOV, 822),  # unchanged
        RealisatieInvoer(assen, "regulier", NOV, 1001),  # correction
        RealisatieInvoer(assen, "oekraine", dec, 840),  # new peildatum
    ]
    geschreven = registreer_realisaties(
        door=gebruiker_secretariaat, rijen=rijen, bron="test.xlsx", checksum="ab" * 32
    )
    assert geschreven == 2
    assert [
        r.aantal
        for r in Realisatie.objects.filter(
            gemeente=assen, soort="regulier", peildatum=NOV
        ).order_by("pk")
    ] == [1000, 1001]
    assert (
        Realisatie.objects.actueel().get(gemeente=assen, soort="regulier", peildatum=NOV).aantal
        == 1001
    )
    regels = AuditRegel.objects.filter(checksum="ab" * 32).order_by("actie")
    assert [(r.actie, r.wijzigingen) for r in regels] == [
        ("aangemaakt", {"aantal": [None, 840]}),
        ("vervangen", {"aantal": [1000, 1001]}),
    ]
    # Each entry names its figure as str() does, with the figure's scope, user and moment;
    # each figure holds what a model instance would (core.invoegen writes both as tuples).
    for regel in regels:
        cijfer = Realisatie.objects.get(pk=int(regel.object_id))
        assert regel.object_type == "monitoring.realisatie"
        assert regel.object_omschrijving == str(cijfer)
        assert cijfer.aantal == regel.wijzigingen["aantal"][1]
        assert (regel.gemeente_id, regel.provincie_id) == (assen.pk, assen.provincie_id)
        assert regel.door == gebruiker_secretariaat and regel.bron == "test.xlsx"
        assert regel.moment == cijfer.geregistreerd_op
        assert cijfer.geregistreerd_door == gebruiker_secretariaat
        assert (cijfer.bron, cijfer.toelichting, cijfer.vervangen_op) == ("test.xlsx", "", None)
    assert regels[0].object_omschrijving == "Assen Opvang Oekraïense ontheemden 01-12-2025: 840"
    assert registreer_realisaties(door=None, rijen=rijen, bron="test.xlsx") == 0


def test_bulk_registration_refuses_a_bad_peildatum(assen: Gemeente) -> None:
    from regietafel.monitoring.services import RealisatieInvoer, registreer_realisaties

    voor = Realisatie.objects.count()
    with pytest.raises(ValidationError):
        registreer_realisaties(
            door=None,
            rijen=[
                RealisatieInvoer(assen, "oekraine", dt.date(2026, 1, 1), 5),
                RealisatieInvoer(assen, "oekraine", dt.date(2026, 2, 2), 5),
            ],
        )
    assert Realisatie.objects.count() == voor
