"""Jobs (regietafel.taken): enqueued after commit, run by the worker code, a Dutch status on
the page for whoever may see them, documents reused for the same data version, the sweep."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import time_machine
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.services import registreer_realisatie
from regietafel.taken import services, soorten
from regietafel.taken.models import Taak, TaakStatus
from tests.taken.hulp import haal, inhoud

pytestmark = pytest.mark.django_db

PDF = "/rapportage/stand-van-zaken/pdf/?peildatum=2025-11-01"


def _proef(taak: Taak, voortgang: soorten.Voortgang) -> soorten.Resultaat:
    gedrag = taak.parameters.get("gedrag")
    voortgang(40, "halverwege")
    if gedrag == "fout":
        raise soorten.TaakFout("de proef mislukt met opzet.")
    if gedrag == "crash":
        raise RuntimeError("geheim intern detail")
    return soorten.Resultaat(
        bestand=b"proef\n", extensie="csv", bestandsnaam="proef.csv", melding="Proef klaar."
    )


@pytest.fixture(autouse=True)
def proefsoort() -> None:
    soorten.registreer(soorten.Taaksoort("proef", _proef))


def test_status_in_dutch() -> None:
    taak = Taak(soort="proef", omschrijving="x")
    assert taak.status_tekst == "in de wachtrij"
    taak.status, taak.voortgang = TaakStatus.BEZIG, 40
    assert taak.status_tekst == "bezig (40 %)"
    taak.status = TaakStatus.KLAAR
    assert taak.status_tekst == "klaar"
    taak.status, taak.reden = TaakStatus.MISLUKT, "de proef mislukt met opzet."
    assert taak.status_tekst == "mislukt: de proef mislukt met opzet."


def test_enqueued_only_after_commit(
    drenthe, gebruiker_secretariaat, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        taak = services.plaats(door=gebruiker_secretariaat, soort="proef", omschrijving="Proef")
    taak.refresh_from_db()
    assert taak.status == TaakStatus.WACHTRIJ and len(callbacks) == 1
    callbacks[0]()  # the commit: the (eager) worker runs it
    taak.refresh_from_db()
    assert taak.status == TaakStatus.KLAAR and taak.voortgang == 100 and taak.pogingen == 1
    assert taak.stap == "Proef klaar." and taak.bestandsnaam == "proef.csv"


def test_a_rolled_back_job_is_never_sent(
    drenthe, gebruiker_secretariaat, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.plaats(door=gebruiker_secretariaat, soort="proef", omschrijving="Weg")
        raise RuntimeError
    assert callbacks == [] and not Taak.objects.filter(omschrijving="Weg").exists()


def test_failures_are_dutch_and_hide_internals(
    drenthe, gebruiker_secretariaat, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        fout = services.plaats(
            door=gebruiker_secretariaat,
            soort="proef",
            omschrijving="F",
            parameters={"gedrag": "fout"},
        )
        crash = services.plaats(
            door=gebruiker_secretariaat,
            soort="proef",
            omschrijving="C",
            parameters={"gedrag": "crash"},
        )
    fout.refresh_from_db()
    crash.refresh_from_db()
    assert fout.status_tekst == "mislukt: de proef mislukt met opzet."
    assert crash.status == TaakStatus.MISLUKT
    assert crash.status_tekst.startswith("mislukt: er ging iets onverwachts mis")
    assert "geheim" not in crash.status_tekst


def test_a_redelivered_job_is_taken_over_then_given_up(
    drenthe, gebruiker_secretariaat, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        taak = services.plaats(door=gebruiker_secretariaat, soort="proef", omschrijving="Proef")
    # A worker took it on and was killed: the job stays bezig; the broker redelivers it.
    assert services.neem_aan(taak.pk) is not None
    services.voer_uit(taak.pk)
    taak.refresh_from_db()
    assert taak.status == TaakStatus.KLAAR and taak.pogingen == 2
    # A finished job redelivered once more is left alone.
    services.voer_uit(taak.pk)
    taak.refresh_from_db()
    assert taak.pogingen == 2
    # Killed on every attempt: after the last one it is mislukt, in Dutch.
    with django_capture_on_commit_callbacks(execute=False):
        steeds = services.plaats(door=gebruiker_secretariaat, soort="proef", omschrijving="S")
    for _ in range(services.max_pogingen()):
        assert services.neem_aan(steeds.pk) is not None
    services.voer_uit(steeds.pk)
    steeds.refresh_from_db()
    assert steeds.status == TaakStatus.MISLUKT and "3 keer begonnen" in steeds.reden


def test_sweep_marks_stuck_and_forgotten_jobs_and_removes_old_ones(
    drenthe, gebruiker_secretariaat, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    begin = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(begin, tick=False):
        with django_capture_on_commit_callbacks(execute=False):
            vast = services.plaats(door=gebruiker_secretariaat, soort="proef", omschrijving="V")
            vergeten = services.plaats(door=gebruiker_secretariaat, soort="proef", omschrijving="W")
        services.neem_aan(vast.pk)
        klaar = services.plaats(door=gebruiker_secretariaat, soort="proef", omschrijving="K")
        services.voer_uit(klaar.pk)
    assert services.ruim_op(begin + dt.timedelta(minutes=29)) == {
        "vastgelopen": 0,
        "niet_opgepakt": 0,
        "verwijderd": 0,
        "grafieken": 0,
    }
    uitkomst = services.ruim_op(begin + dt.timedelta(days=1))
    assert uitkomst == {"vastgelopen": 1, "niet_opgepakt": 1, "verwijderd": 0, "grafieken": 0}
    vast.refresh_from_db()
    vergeten.refresh_from_db()
    assert vast.status_tekst.startswith("mislukt: de taak gaf 30 minuten geen teken van leven")
    assert vergeten.status_tekst.startswith("mislukt: geen worker heeft de taak binnen 120 minuten")
    klaar.refresh_from_db()
    from regietafel.taken import opslag

    assert opslag.lees(klaar.bestand_checksum, "csv") == b"proef\n"
    assert services.ruim_op(begin + dt.timedelta(days=15))["verwijderd"] == 3
    assert opslag.lees(klaar.bestand_checksum, "csv") is None


def test_status_page_and_file_for_whoever_may_see_them(
    drenthe,
    gebruiker_secretariaat,
    secretariaat: Client,
    lezer: Client,
    django_capture_on_commit_callbacks,
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        taak = services.plaats(
            door=gebruiker_secretariaat, soort="proef", omschrijving="Mijn proef", terug_url="/"
        )
    html = secretariaat.get(f"/taken/{taak.pk}/").content.decode()
    assert "Mijn proef" in html and 'data-status="wachtrij"' in html and "in de wachtrij" in html
    assert f'hx-get="/taken/{taak.pk}/status/"' in html and "Status vernieuwen" in html
    callbacks[0]()
    deel = secretariaat.get(f"/taken/{taak.pk}/status/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in deel and 'data-status="klaar"' in deel and "hx-get" not in deel
    assert f'href="/taken/{taak.pk}/bestand/"' in deel
    bestand = secretariaat.get(f"/taken/{taak.pk}/bestand/")
    assert inhoud(bestand) == b"proef\n"
    assert bestand["Content-Disposition"] == 'attachment; filename="proef.csv"'
    # Not shared: another user of the same provincie sees nothing, not even that it exists.
    for pad in ("", "status/", "bestand/"):
        assert lezer.get(f"/taken/{taak.pk}/{pad}").status_code == 404
    assert lezer.get(f"/taken/{uuid.uuid4()}/").status_code == 404
    assert Client().get(f"/taken/{taak.pk}/").status_code == 302  # to the login page


def test_a_document_is_made_once_per_data_version(
    drenthe: Provincie, lezer: Client, secretariaat: Client, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        eerste = lezer.get(PDF)
    assert eerste.status_code == 303 and eerste["Location"].startswith("/taken/")
    # A second user asking meanwhile joins the same job.
    with django_capture_on_commit_callbacks(execute=False):
        tweede = secretariaat.get(PDF)
    assert tweede["Location"] == eerste["Location"]
    status = lezer.get(eerste["Location"]).content.decode()
    assert "Stand van zaken Drenthe, peildatum 01-11-2025 (PDF)" in status
    assert "in de wachtrij" in status
    for callback in callbacks:
        callback()
    taak = Taak.objects.get(soort="rapportage.stand_van_zaken")
    assert (
        taak.status == TaakStatus.KLAAR
        and taak.bestandsnaam == "stand-van-zaken-drenthe-2025-11-01.pdf"
    )
    # The other user of the provincie may see this shared document job, and gets the file.
    html = secretariaat.get(eerste["Location"]).content.decode()
    assert 'data-status="klaar"' in html and "Downloaden" in html
    direct = lezer.get(PDF)
    assert direct.status_code == 200 and inhoud(direct).startswith(b"%PDF")
    assert (
        direct["Content-Disposition"]
        == 'attachment; filename="stand-van-zaken-drenthe-2025-11-01.pdf"'
    )
    # A write makes a new data version: the next download makes a new document.
    assen = drenthe.gemeenten.get(naam="Assen")
    registreer_realisatie(
        door=Gebruiker.objects.get(username="secretariaat"),
        gemeente=assen,
        soort="regulier",
        peildatum=dt.date(2025, 11, 1),
        aantal=999,
    )
    with django_capture_on_commit_callbacks(execute=False):
        opnieuw = lezer.get(PDF)
    assert opnieuw.status_code == 303 and opnieuw["Location"] != eerste["Location"]


def test_documents_of_another_provincie_stay_hidden(
    drenthe: Provincie, lezer: Client, gemeente_assen: Client
) -> None:
    # A gemeente user reads its own provincie: the shared job is visible to it as well.
    eerste = haal(lezer, PDF)
    assert eerste.status_code == 200
    taak = Taak.objects.get(soort="rapportage.stand_van_zaken")
    assert gemeente_assen.get(f"/taken/{taak.pk}/").status_code == 200
    groningen = Provincie.objects.get(naam="Groningen")
    Taak.objects.filter(pk=taak.pk).update(provincie=groningen)
    assert gemeente_assen.get(f"/taken/{taak.pk}/").status_code == 404


def test_no_job_for_a_peildatum_without_figures(drenthe: Provincie, lezer: Client) -> None:
    assert lezer.get("/rapportage/stand-van-zaken/pdf/?peildatum=2019-01-01").status_code == 404
    assert not Taak.objects.exists()


def test_sweep_removes_stored_charts_not_written_for_the_set_days(settings) -> None:  # type: ignore[no-untyped-def]
    import os
    from pathlib import Path

    from regietafel.core import grafiek
    from regietafel.core.opslag import opslag

    settings.REGIETAFEL_GRAFIEK_BEWAAR_DAGEN = 30
    oud, nieuw = "a" * 64, "b" * 64
    grafiek.bewaar("proef-1", oud, "<svg/>")
    grafiek.bewaar("proef-1", nieuw, "<svg/>")
    # The files carry the storage's time: the sweep is asked a day after the new one was
    # written, and the old one is made 31 days older than that (whatever the test clock says).
    geschreven = Path(opslag().path(f"grafieken/proef-1/{nieuw}.svg")).stat().st_mtime
    lang_geleden = geschreven - 31 * 24 * 3600
    os.utime(opslag().path(f"grafieken/proef-1/{oud}.svg"), (lang_geleden, lang_geleden))
    nu = dt.datetime.fromtimestamp(geschreven, dt.UTC) + dt.timedelta(days=1)
    assert services.ruim_op(nu)["grafieken"] >= 1
    assert grafiek.bewaard("proef-1", oud) is None
    assert grafiek.bewaard("proef-1", nieuw) == b"<svg/>"
