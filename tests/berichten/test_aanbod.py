"""The second cycle's aanbod (regietafel.cyclus): an approved aanbod is confirmed by mail to
whoever handed it in, a returned one mails the secretariaat's remark; both essential (always
sent), after the commit, once per version."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail

from regietafel.berichten.models import Bericht
from regietafel.cyclus.services import dien_in, keur_goed, nieuwe_versie, stuur_terug, zet_regel
from regietafel.gemeenten.models import Gemeente, Provincie
from tests.cyclus.factories import cyclus_2026, gebruiker, indicatief_2026, opzet_2026

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingediend(drenthe: Provincie) -> Any:
    opzet_2026()
    indicatief_2026(drenthe)
    assen = gebruiker("gemeente-assen")
    versie = nieuwe_versie(
        door=assen, cyclus=cyclus_2026(), gemeente=Gemeente.objects.get(naam="Assen")
    )
    for naam, soort, plaatsen in (("Nieuw azc", "regulier", 1200), ("AMV-woning", "amv", 30)):
        zet_regel(
            door=assen,
            versie=versie,
            naam=naam,
            soort=soort,
            plaatsen=plaatsen,
            beschikbaar_van=None,
            beschikbaar_tot=None,
        )
    return dien_in(door=assen, versie=versie)


def test_an_approved_aanbod_is_confirmed_to_its_submitter(
    ingediend: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        keur_goed(door=gebruiker("secretariaat"), versie=ingediend)
    (bericht,) = mail.outbox
    assert bericht.to == ["gemeente-assen@demo.regietafel.example"]
    assert bericht.subject == (
        "Uw aanbod voor de Spreidingswet 2026 is goedgekeurd (Assen, versie 1)"
    )
    assert "Goedgekeurd: 2 regels, samen 1.230 plaatsen:" in bericht.body
    assert "- Nieuw azc: 1.200 plaatsen" in bericht.body
    assert f"http://127.0.0.1:8000/cyclus/aanbod/{ingediend.pk}/" in bericht.body
    assert "Zet hem uit op" not in bericht.body  # essential: no way to switch it off
    assert "<li>Nieuw azc: 1.200 plaatsen" in bericht.alternatives[0][0]
    assert Bericht.objects.get().sleutel == f"cyclus.aanbod_goedgekeurd:{ingediend.pk}"


def test_a_returned_aanbod_mails_the_remark_even_with_reminders_switched_off(
    ingediend: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from regietafel.berichten.services import zet_voorkeur

    assen = gebruiker("gemeente-assen")
    zet_voorkeur(door=assen, gebruiker=assen, aan=[])
    with django_capture_on_commit_callbacks(execute=True):
        stuur_terug(
            door=gebruiker("secretariaat"),
            versie=ingediend,
            opmerking="De AMV-woning mist een planning.",
        )
    (bericht,) = mail.outbox
    assert bericht.subject == (
        "Uw aanbod voor de Spreidingswet 2026 is teruggestuurd (Assen, versie 1)"
    )
    assert "De AMV-woning mist een planning." in bericht.body
    assert "http://127.0.0.1:8000/cyclus/2026/aanbod/" in bericht.body


def test_a_rolled_back_approval_sends_nothing(
    ingediend: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        keur_goed(door=gebruiker("secretariaat"), versie=ingediend)
        raise RuntimeError("later in the same transaction")
    assert mail.outbox == [] and not Bericht.objects.exists()
