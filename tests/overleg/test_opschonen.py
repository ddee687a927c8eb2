"""`regietafel opschonen [--dry-run]`: personal notes and uploads older than the retention term
go, with audit entries; the meeting and its list stay."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from regietafel.audit.models import AuditRegel
from regietafel.core import klok
from regietafel.overleg import services
from regietafel.overleg.models import Agendapunt, Bijlage, Brief

pytestmark = pytest.mark.django_db


@pytest.fixture
def persoonlijk(demo, gebruiker_secretariaat):  # type: ignore[no-untyped-def]
    punt = demo["november"].agendapunten.get(nummer=6)
    services.bewaar_agendapunt(
        door=gebruiker_secretariaat,
        overleg=punt.overleg,
        punt=punt,
        waarden={"persoonlijke_aantekeningen": "J. de Vries (gemeente X) belt over de notitie."},
    )
    bijlage = services.voeg_bijlage_toe(
        door=gebruiker_secretariaat,
        punt=punt,
        bestandsnaam="presentielijst.txt",
        data=b"Presentielijst: J. de Vries, P. Jansen",
        persoonsgegevens=True,
    )
    openbaar = services.voeg_bijlage_toe(
        door=gebruiker_secretariaat,
        punt=punt,
        bestandsnaam="presentatie.txt",
        data=b"Cijfers huisvesting",
    )
    return punt, bijlage, openbaar


def _draai(*args: str) -> str:
    uit = io.StringIO()
    call_command("opschonen", *args, stdout=uit)
    return uit.getvalue()


def test_dry_run_lists_and_changes_nothing(persoonlijk, settings, media: Path) -> None:  # type: ignore[no-untyped-def]
    punt, bijlage, _ = persoonlijk
    settings.REGIETAFEL_BEWAARTERMIJN_OVERLEG_DAGEN = 30
    voor = AuditRegel.objects.count()
    uit = _draai("--dry-run")
    assert "Bewaartermijn 30 dagen" in uit
    assert "persoonlijke aantekeningen: PRT 19-11-2025, punt 6 Huisvesting statushouders" in uit
    assert "bijlage: presentielijst.txt" in uit
    assert "Proefdraai" in uit
    punt.refresh_from_db()
    assert punt.persoonlijke_aantekeningen
    assert (media / "overleg" / f"{bijlage.checksum}.txt").exists()
    assert AuditRegel.objects.count() == voor


def test_clean_up_removes_personal_data_older_than_the_term(
    persoonlijk, settings, media: Path
) -> None:  # type: ignore[no-untyped-def]
    punt, bijlage, openbaar = persoonlijk
    settings.REGIETAFEL_BEWAARTERMIJN_OVERLEG_DAGEN = 30
    uit = _draai()
    assert "opgeschoond" in uit
    punt.refresh_from_db()
    assert punt.persoonlijke_aantekeningen == ""
    assert punt.aantekeningen  # the list stays
    bijlage.refresh_from_db()
    assert bijlage.verwijderd_op == klok.vandaag()
    openbaar.refresh_from_db()
    assert openbaar.verwijderd_op is None
    noodopvang = Brief.objects.get(onderwerp="Verzoek tot noodopvang")
    assert noodopvang.tekst == "" and noodopvang.verwijderd_op == klok.vandaag()
    assert noodopvang.afzender and noodopvang.opvolging  # the register entry stays
    nareis = Brief.objects.get(onderwerp="Versnelling huisvesting nareizigers")
    assert nareis.tekst  # not marked as personal data
    regels = AuditRegel.objects.filter(actie="opgeschoond")
    assert {r.object_type for r in regels} == {
        "overleg.agendapunt",
        "overleg.bijlage",
        "overleg.brief",
    }
    assert all(r.bron == "bewaartermijn overleg (30 dagen)" for r in regels)
    # A second run finds nothing.
    assert "0 opgeschoond" in _draai()


def test_within_the_term_nothing_goes(persoonlijk, settings) -> None:  # type: ignore[no-untyped-def]
    settings.REGIETAFEL_BEWAARTERMIJN_OVERLEG_DAGEN = 100 * 365
    assert "0 opgeschoond" in _draai()
    assert Agendapunt.objects.exclude(persoonlijke_aantekeningen="").count() == 1
    assert Bijlage.objects.filter(verwijderd_op__isnull=False).count() == 0


def test_the_file_is_deleted_after_commit(
    persoonlijk, settings, media: Path, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    _, bijlage, openbaar = persoonlijk
    settings.REGIETAFEL_BEWAARTERMIJN_OVERLEG_DAGEN = 30
    with django_capture_on_commit_callbacks(execute=True):
        _draai()
    assert not (media / "overleg" / f"{bijlage.checksum}.txt").exists()
    assert (media / "overleg" / f"{openbaar.checksum}.txt").exists()
