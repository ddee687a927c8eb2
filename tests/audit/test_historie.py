"""Historie per record: who changed what, when, old → new; exportable; read only by who may
read the record. Personas: secretariaat (Drenthe), gemeente-assen (owner), gemeente-emmen
(outsider for Assen's submissions), lezer, coa and a secretariaat of Groningen."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import Client

from regietafel.aanlevering.services import importeer_realisatie
from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.audit.services import registreer
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.historie.templatetags.historie import historie_url
from regietafel.locaties.models import Locatie
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.services import dien_in
from regietafel.opgaven.models import Cyclus, Opgave

pytestmark = pytest.mark.django_db
NOV = dt.date(2025, 11, 1)
DEC = dt.date(2025, 12, 1)


def _client(gebruiker: Gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def groningen_secretariaat(drenthe: Provincie) -> Client:
    groningen = Provincie.objects.get(naam="Groningen")
    return _client(
        Gebruiker.objects.create(
            username="sec-groningen", rol="secretariaat", provincie=groningen, is_staff=True
        )
    )


@pytest.fixture
def beheerder(drenthe: Provincie) -> Client:
    return _client(Gebruiker.objects.create(username="beheer", rol="beheerder"))


@pytest.fixture
def opgave_assen(drenthe: Provincie) -> Opgave:
    # Seed: the Nidos opgave of Assen (14 places, factsheet update of 03-11-2025).
    return Opgave.objects.get(
        gemeente__naam="Assen", aantal=14, bron__startswith="Nidos, Factsheet opvang"
    )


def test_the_history_of_a_record_shows_who_when_and_old_to_new(
    secretariaat: Client, opgave_assen: Opgave
) -> None:
    r = secretariaat.get(historie_url(opgave_assen))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Aantal: – → 14" in html
    assert "Nidos, Factsheet opvang, update van 03-11-2025" in html
    regel = AuditRegel.objects.get(object_type="opgaven.opgave", object_id=str(opgave_assen.pk))
    assert regel.moment.astimezone().strftime("%d-%m-%Y") in html
    # Its scope is recorded: the Wijzigingen list filters on it.
    assert (regel.gemeente.naam, regel.provincie.naam) == ("Assen", "Drenthe")


def test_newest_first_with_the_user_and_the_checksum_of_an_import(
    secretariaat: Client, gebruiker_secretariaat: Gebruiker, tmp_path: Path
) -> None:
    pad = tmp_path / "realisatie.csv"
    pad.write_text(
        "gemeente;soort;aantal;peildatum\nAssen;oekraine;830;01-12-2025\n", encoding="utf-8"
    )
    assert importeer_realisatie(pad, door=gebruiker_secretariaat).fouten == []
    pad.write_text(
        "gemeente;soort;aantal;peildatum\nAssen;oekraine;835;01-12-2025\n", encoding="utf-8"
    )
    assert importeer_realisatie(pad, door=gebruiker_secretariaat).fouten == []
    checksum = hashlib.sha256(pad.read_bytes()).hexdigest()
    nieuw = Realisatie.objects.actueel().get(
        gemeente__naam="Assen", soort="oekraine", peildatum=DEC
    )
    html = secretariaat.get(historie_url(nieuw)).content.decode()
    assert "Realisatie: 830 → 835" in html
    assert checksum in html
    assert "secretariaat" in html


def test_excel_and_csv_exports_hold_the_same_rows(
    secretariaat: Client, opgave_assen: Opgave
) -> None:
    from openpyxl import load_workbook

    url = historie_url(opgave_assen)
    r = secretariaat.get(url + "?formaat=xlsx")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    blad = load_workbook(io.BytesIO(r.content)).active
    assert [c.value for c in blad[1]][:6] == ["Moment", "Door", "Actie", "Veld", "Oud", "Nieuw"]
    rijen = [[c.value for c in rij] for rij in blad.iter_rows(min_row=2, max_row=3)]
    assert ["Aantal", "–", "14"] in [r[3:6] for r in rijen]
    r = secretariaat.get(url + "?formaat=csv")
    tekst = r.content.decode("utf-8-sig")
    rijen_csv = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen_csv[0][:4] == ["Moment", "Door", "Actie", "Veld"]
    assert ["Aantal", "–", "14"] in [r[3:6] for r in rijen_csv[1:]]


def test_a_formula_in_a_value_is_not_a_formula_in_the_export(
    secretariaat: Client, gebruiker_secretariaat: Gebruiker
) -> None:
    locatie = Locatie.objects.filter(gemeente__naam="Assen").first()
    assert locatie is not None
    registreer(
        door=gebruiker_secretariaat,
        actie="gewijzigd",
        obj=locatie,
        wijzigingen={
            "bijzonderheden": ["-2+3", '=HYPERLINK("http://x")'],
            "capaciteit": [-5, 10],
        },
    )
    tekst = secretariaat.get(historie_url(locatie) + "?formaat=csv").content.decode("utf-8-sig")
    rijen = {r[3]: r[4:6] for r in csv.reader(io.StringIO(tekst), delimiter=";")}
    assert rijen["Bijzonderheden"] == ["'-2+3", '\'=HYPERLINK("http://x")']
    # A number as the history prints it, with the real minus sign: no formula either.
    assert rijen["Capaciteit"] == ["\u22125", "10"]

    from openpyxl import load_workbook

    inhoud = secretariaat.get(historie_url(locatie) + "?formaat=xlsx").content
    cellen = [c for rij in load_workbook(io.BytesIO(inhoud)).active.iter_rows() for c in rij]
    assert not [c.coordinate for c in cellen if c.data_type == "f"]
    waarden = {c.value: c.data_type for c in cellen if c.value is not None}
    assert waarden["-2+3"] == "s" and waarden['=HYPERLINK("http://x")'] == "s"


def test_reading_follows_the_record(
    opgave_assen: Opgave,
    secretariaat: Client,
    gemeente_assen: Client,
    gemeente_emmen: Client,
    lezer: Client,
    coa: Client,
    groningen_secretariaat: Client,
    beheerder: Client,
) -> None:
    url = historie_url(opgave_assen)
    # Everyone of Drenthe reads Drenthe's opgaven (a gemeente reads its provincie) …
    for client in (secretariaat, gemeente_assen, gemeente_emmen, lezer, coa, beheerder):
        assert client.get(url).status_code == 200
    # … another provincie does not, not even by typing the id: 404, as if it did not exist.
    assert groningen_secretariaat.get(url).status_code == 404
    assert groningen_secretariaat.get(url + "?formaat=xlsx").status_code == 404
    # Anonymous: the login page.
    assert Client().get(url).status_code == 302


def test_a_submission_is_read_by_its_gemeente_and_the_secretariaat_only(
    drenthe: Provincie,
    secretariaat: Client,
    gemeente_assen: Client,
    gemeente_emmen: Client,
    lezer: Client,
    groningen_secretariaat: Client,
) -> None:
    inzending = dien_in(
        door=Gebruiker.objects.get(username="gemeente-assen"),
        gemeente=Gemeente.objects.get(naam="Assen"),
        peildatum=NOV,
        aantallen={"amv": 3},
    )
    url = historie_url(inzending)
    assert gemeente_assen.get(url).status_code == 200
    assert secretariaat.get(url).status_code == 200
    for client in (gemeente_emmen, lezer, groningen_secretariaat):
        assert client.get(url).status_code == 404


def test_user_accounts_are_read_by_the_user_itself_and_the_secretariaat(
    drenthe: Provincie,
    secretariaat: Client,
    gemeente_assen: Client,
    gemeente_emmen: Client,
    lezer: Client,
    groningen_secretariaat: Client,
    beheerder: Client,
) -> None:
    assen = Gebruiker.objects.get(username="gemeente-assen")
    url = historie_url(assen)
    for client in (gemeente_assen, secretariaat, beheerder):
        assert client.get(url).status_code == 200
    for client in (gemeente_emmen, lezer, groningen_secretariaat):
        assert client.get(url).status_code == 404


def test_national_records_and_unknown_or_deleted_ones(
    drenthe: Provincie, lezer: Client, secretariaat: Client, gebruiker_secretariaat: Gebruiker
) -> None:
    cyclus = Cyclus.objects.first()
    assert cyclus is not None
    assert lezer.get(historie_url(cyclus)).status_code == 200
    assert lezer.get("/historie/opgaven/cyclus/999999/").status_code == 404
    assert lezer.get("/historie/bestaat/niet/1/").status_code == 404
    assert lezer.get("/historie/opgaven/opgave/abc/").status_code == 404
    locatie = Locatie.objects.filter(gemeente__naam="Emmen").first()
    assert locatie is not None
    url = historie_url(locatie)
    registreer(door=gebruiker_secretariaat, actie="verwijderd", obj=locatie)
    locatie.delete()
    r = secretariaat.get(url)
    assert r.status_code == 200
    assert "Dit record is verwijderd." in r.content.decode()


def test_the_template_tag_prints_an_accessible_link(opgave_assen: Opgave) -> None:
    secretariaat = Gebruiker.objects.get(username="secretariaat")
    html = Template("{% load historie %}{% historie_link obj %}").render(
        Context({"obj": opgave_assen, "user": secretariaat})
    )
    assert f'href="/historie/opgaven/opgave/{opgave_assen.pk}/"' in html
    assert '>Historie<span class="visueel-verborgen"> van ' in html
    assert Template("{% load historie %}{% historie_link obj %}").render(Context({})) == ""
    # No user (or one who may not read the history): no link that would answer 404.
    assert (
        Template("{% load historie %}{% historie_link obj %}").render(
            Context({"obj": opgave_assen})
        )
        == ""
    )
