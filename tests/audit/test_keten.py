"""The tamper-evident history (issue 17, point 3): every entry seals its content and the
entry before it (audit.keten); ``regietafel historie controleren`` names the first entry that
does not fit. Each test tampers with raw SQL, as someone with access to the database would,
behind the application's back."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import threading
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from regietafel.accounts.models import Gebruiker
from regietafel.audit import gegevensversie, keten
from regietafel.audit.models import AuditRegel, HistorieKop
from regietafel.audit.services import registreer
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie
from regietafel.locaties.services import wijzig_locatie

pytestmark = pytest.mark.django_db


def _controleer() -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``regietafel historie controleren``."""
    uit, fout = io.StringIO(), io.StringIO()
    try:
        call_command("historie", "controleren", stdout=uit, stderr=fout)
        code = 0
    except SystemExit as e:
        code = int(e.code or 0)
    return code, uit.getvalue(), fout.getvalue()


def _sql(sql: str, *params: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.fixture
def schrijf(drenthe: Provincie) -> list[AuditRegel]:
    """Three fresh entries at the end of the chain (a location changed three times)."""
    locatie = Locatie.objects.filter(gemeente__naam="Assen").order_by("pk").first()
    assert locatie is not None
    voor = HistorieKop.objects.get().volgnummer
    for n in (1, 2, 3):
        wijzig_locatie(door=None, locatie=locatie, bijzonderheden=f"keten-test {n}")
    regels = list(AuditRegel.objects.filter(volgnummer__gt=voor).order_by("volgnummer"))
    assert [r.volgnummer for r in regels] == [voor + 1, voor + 2, voor + 3]
    return regels


def test_the_history_of_the_demo_is_a_chain(schrijf: list[AuditRegel]) -> None:
    kop = HistorieKop.objects.get()
    assert kop.volgnummer == AuditRegel.objects.count() == schrijf[-1].volgnummer
    assert kop.hash == schrijf[-1].hash
    eerste = AuditRegel.objects.get(volgnummer=1)
    assert eerste.vorige_hash == keten.BEGIN
    for vorige, regel in itertools.pairwise(schrijf):
        assert regel.vorige_hash == vorige.hash
        assert regel.hash == keten.bereken_hash(keten.waarden_van(regel), vorige.hash)
    code, uit, fout = _controleer()
    assert (code, fout) == (0, "")
    assert uit.startswith(f"Historie in orde: {kop.volgnummer:_} regels".replace("_", "."))
    assert kop.hash in uit


def test_an_entry_is_never_changed_through_the_application(schrijf: list[AuditRegel]) -> None:
    regel = schrijf[0]
    regel.bron = "anders"
    with pytest.raises(ValueError, match="niet gewijzigd"):
        regel.save()


@pytest.mark.parametrize(
    "kolom, waarde",
    [
        ("bron", "een andere bron"),
        ("wijzigingen", '{"bijzonderheden": ["", "vervalst"]}'),
        ("actie", "verwijderd"),
        ("door_id", "GEBRUIKER"),
        ("moment", "2020-01-01 00:00:00"),
        ("gemeente_id", None),
    ],
)
def test_an_edited_entry_is_caught(schrijf: list[AuditRegel], kolom: str, waarde: Any) -> None:
    doel = schrijf[1]
    if waarde == "GEBRUIKER":  # the entries were written by the system (no user)
        waarde = Gebruiker.objects.get(username="lezer").pk
    _sql(f"UPDATE audit_auditregel SET {kolom} = %s WHERE id = %s", waarde, doel.pk)
    code, uit, fout = _controleer()
    assert code == 1 and uit == ""
    assert fout.startswith(f"Historie gebroken bij regel {doel.volgnummer}: ")
    assert f"De inhoud van regel {doel.volgnummer} past niet bij haar hash" in fout
    assert f"id {doel.pk}," in fout


def test_an_edit_with_a_recomputed_hash_is_caught_at_the_next_entry(
    schrijf: list[AuditRegel],
) -> None:
    """Whoever knows the recipe and rewrites one entry's hash breaks the next link."""
    doel, volgende = schrijf[0], schrijf[1]
    doel.bron = "vervalst"
    nieuwe_hash = keten.bereken_hash(keten.waarden_van(doel), doel.vorige_hash)
    _sql(
        "UPDATE audit_auditregel SET bron = %s, hash = %s WHERE id = %s",
        "vervalst",
        nieuwe_hash,
        doel.pk,
    )
    code, _, fout = _controleer()
    assert code == 1
    assert fout.startswith(f"Historie gebroken bij regel {volgende.volgnummer}: ")
    assert "verwijst niet naar regel" in fout


def test_a_deleted_entry_is_caught(schrijf: list[AuditRegel]) -> None:
    weg, volgende = schrijf[1], schrijf[2]
    _sql("DELETE FROM audit_auditregel WHERE id = %s", weg.pk)
    code, _, fout = _controleer()
    assert code == 1
    assert fout.startswith(f"Historie gebroken bij regel {volgende.volgnummer}: ")
    assert f"Regel {weg.volgnummer} ontbreekt" in fout


def test_a_deleted_and_renumbered_entry_is_caught(schrijf: list[AuditRegel]) -> None:
    """Closing the gap (renumbering the rest) changes their content: caught all the same."""
    weg, volgende = schrijf[1], schrijf[2]
    _sql("DELETE FROM audit_auditregel WHERE id = %s", weg.pk)
    _sql("UPDATE audit_auditregel SET volgnummer = %s WHERE id = %s", weg.volgnummer, volgende.pk)
    code, _, fout = _controleer()
    assert code == 1
    assert fout.startswith(f"Historie gebroken bij regel {weg.volgnummer}: ")


def test_a_deleted_newest_entry_is_caught(schrijf: list[AuditRegel]) -> None:
    laatste = schrijf[-1]
    _sql("DELETE FROM audit_auditregel WHERE id = %s", laatste.pk)
    code, _, fout = _controleer()
    assert code == 1
    assert fout.startswith(f"Historie gebroken bij regel {laatste.volgnummer}: ")
    assert "ontbreken" in fout


def _ingevoegd(regel: AuditRegel, volgnummer: int, vorige_hash: str) -> dict[str, Any]:
    waarden = keten.waarden_van(regel)
    waarden.update(volgnummer=volgnummer, bron="ingevoegd", door_id=None)
    waarden["hash"] = keten.bereken_hash(waarden, vorige_hash)
    waarden["vorige_hash"] = vorige_hash
    return waarden


def _voeg_in(waarden: dict[str, Any]) -> None:
    import json

    _sql(
        "INSERT INTO audit_auditregel (moment, door_id, actie, object_type, object_id, "
        "object_omschrijving, wijzigingen, bron, checksum, provincie_id, gemeente_id, "
        "volgnummer, vorige_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
        "%s, %s, %s)",
        waarden["moment"],
        waarden["door_id"],
        waarden["actie"],
        waarden["object_type"],
        waarden["object_id"],
        waarden["object_omschrijving"],
        json.dumps(waarden["wijzigingen"]),
        waarden["bron"],
        waarden["checksum"],
        waarden["provincie_id"],
        waarden["gemeente_id"],
        waarden["volgnummer"],
        waarden["vorige_hash"],
        waarden["hash"],
    )


def test_an_entry_inserted_at_the_end_is_caught(schrijf: list[AuditRegel]) -> None:
    """Even one with a correct link and hash: the head does not know it."""
    laatste = schrijf[-1]
    _voeg_in(_ingevoegd(laatste, laatste.volgnummer + 1, laatste.hash))
    code, _, fout = _controleer()
    assert code == 1
    assert fout.startswith(f"Historie gebroken bij regel {laatste.volgnummer + 1}: ")
    assert "toegevoegd buiten de historie om" in fout


def test_an_entry_inserted_in_the_middle_is_caught(schrijf: list[AuditRegel]) -> None:
    """Its number is taken (unique), so it needs a free one: the numbers after it move, and
    their content with them."""
    eerste, tweede, _ = schrijf
    for regel in reversed(schrijf[1:]):
        _sql(
            "UPDATE audit_auditregel SET volgnummer = %s WHERE id = %s",
            regel.volgnummer + 1,
            regel.pk,
        )
    _voeg_in(_ingevoegd(eerste, tweede.volgnummer, eerste.hash))
    code, _, fout = _controleer()
    assert code == 1
    assert fout.startswith(f"Historie gebroken bij regel {tweede.volgnummer + 1}: ")


def test_a_missing_head_is_caught_and_made_again_by_the_next_write(
    schrijf: list[AuditRegel],
) -> None:
    _sql("DELETE FROM audit_historiekop")
    code, _, fout = _controleer()
    assert code == 1 and "De kop van de historie ontbreekt" in fout
    locatie = Locatie.objects.get(pk=schrijf[0].object_id)
    wijzig_locatie(door=None, locatie=locatie, bijzonderheden="na de kop")
    assert HistorieKop.objects.get().volgnummer == schrijf[-1].volgnummer + 1
    assert _controleer()[0] == 0


def test_the_bulk_form_chains_every_entry(drenthe: Provincie) -> None:
    from regietafel.audit.services import registreer_reeks

    gemeenten = list(Gemeente.objects.filter(provincie=drenthe)[:3])
    voor = HistorieKop.objects.get().volgnummer
    with transaction.atomic():
        registreer_reeks(
            door=None, regels=[("test", g, {"x": [None, 1]}) for g in gemeenten], bron="reeks"
        )
    regels = list(AuditRegel.objects.filter(volgnummer__gt=voor).order_by("volgnummer"))
    assert [r.object_id for r in regels] == [str(g.pk) for g in gemeenten]
    assert all(r.provincie_id == drenthe.pk for r in regels)
    assert _controleer()[0] == 0


# --- the data version ------------------------------------------------------------------


def test_the_data_version_never_goes_back(schrijf: list[AuditRegel]) -> None:
    """Keyed on the head, not on the newest entry: deleting or editing that entry leaves the
    version; a rolled-back write leaves the version it found; every write makes a new one."""
    locatie = Locatie.objects.get(pk=schrijf[0].object_id)
    voor = gegevensversie.data_versie()
    wijzig_locatie(door=None, locatie=locatie, bijzonderheden="versie 1")
    na = gegevensversie.data_versie()
    assert na != voor
    _sql("DELETE FROM audit_auditregel WHERE volgnummer = %s", HistorieKop.objects.get().volgnummer)
    assert gegevensversie.data_versie() == na  # not back to ``voor``
    with transaction.atomic():
        wijzig_locatie(door=None, locatie=locatie, bijzonderheden="teruggedraaid")
        teruggedraaid = gegevensversie.data_versie()
        transaction.set_rollback(True)
    assert gegevensversie.data_versie() == na
    wijzig_locatie(door=None, locatie=locatie, bijzonderheden="versie 2")
    assert gegevensversie.data_versie() not in (voor, na, teruggedraaid)
    moment = gegevensversie.versie_en_moment()[1]
    assert moment == AuditRegel.objects.order_by("-volgnummer").first().moment  # type: ignore[union-attr]


def test_a_job_knows_the_moment_of_its_data_version(drenthe: Provincie) -> None:
    """A job's status page says "gemaakt voor de gegevens zoals ze waren op …": the moment of
    the entry that ended its data version (the head), not a number parsed from the version."""
    from regietafel.taken.models import Taak

    regel = registreer(door=None, actie="test", obj=Gemeente.objects.get(naam="Assen"))
    taak = Taak(soort="x", omschrijving="x", data_versie=gegevensversie.data_versie())
    assert taak.versie_moment == regel.moment
    registreer(door=None, actie="test", obj=Gemeente.objects.get(naam="Emmen"))
    assert Taak(data_versie=taak.data_versie).versie_moment == regel.moment  # still that one
    for onleesbaar in ("leeg", "", "1e309.abc", "-1.abc", "99999999999.abc"):
        assert Taak(data_versie=onleesbaar).versie_moment is None, onleesbaar


def test_a_write_without_a_transaction_still_gets_one(drenthe: Provincie) -> None:
    gemeente = Gemeente.objects.get(naam="Assen")
    regel = registreer(door=None, actie="test", obj=gemeente)
    assert regel.volgnummer == HistorieKop.objects.get().volgnummer
    assert regel.hash == HistorieKop.objects.get().hash


# --- the existing entries -----------------------------------------------------------------


def test_the_migration_chains_existing_entries_in_the_order_they_were_written() -> None:
    """The data migration's function on a historical state: entries without a link get one,
    in id order, and the head follows."""
    import importlib

    from django.apps import apps as echte_apps

    migratie = importlib.import_module("regietafel.audit.migrations.0004_historie_als_keten")
    _sql("UPDATE audit_auditregel SET hash = '', vorige_hash = ''")
    _sql("DELETE FROM audit_historiekop")
    migratie.keten_bestaande_regels(echte_apps, None)
    assert _controleer()[0] == 0
    ids = list(AuditRegel.objects.order_by("volgnummer").values_list("id", flat=True))
    assert ids == sorted(ids)


# --- concurrent writers ----------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_do_not_fork_the_chain(drenthe: Provincie) -> None:
    """Two transactions append at once: the head's row lock makes one wait for the other, so
    every entry has its own number and links to the one before."""
    assert connection.vendor == "postgresql", "runs in the PostgreSQL pass of `make test`"
    gemeenten = list(Gemeente.objects.filter(provincie=drenthe)[:2])
    start = threading.Barrier(2)
    fouten: list[BaseException] = []

    def schrijver(gemeente: Gemeente) -> None:
        from django.db import connections

        try:
            start.wait()
            for n in range(10):
                with transaction.atomic():
                    registreer(door=None, actie=f"gelijktijdig {n}", obj=gemeente)
                    registreer(door=None, actie=f"gelijktijdig {n}b", obj=gemeente)
        except BaseException as e:  # pragma: no cover - reported below
            fouten.append(e)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=schrijver, args=(g,)) for g in gemeenten]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert not fouten
    assert AuditRegel.objects.filter(actie__startswith="gelijktijdig").count() == 40
    assert _controleer()[0] == 0


def test_dates_in_the_canonical_text_are_utc() -> None:
    waarden = dict.fromkeys(keten.VELDEN, "")
    waarden["wijzigingen"] = {"a": (1, 2)}
    zomer = dt.datetime(2025, 7, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    waarden["moment"] = zomer
    utc = dict(waarden, moment=zomer.astimezone(dt.UTC))
    assert keten.canoniek(waarden, keten.BEGIN) == keten.canoniek(utc, keten.BEGIN)
    assert '"moment":"2025-07-01T10:00:00.000000"' in keten.canoniek(waarden, keten.BEGIN)
    assert '"wijzigingen":{"a":[1,2]}' in keten.canoniek(waarden, keten.BEGIN)
