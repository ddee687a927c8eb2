"""The history in words an official understands (issue 16, point 7): field labels, values
formatted per kind (dates dd-mm-jjjj, counts 1.000, a year plain, a choice by its label, a
reference by the object's name, ja/nee, "–" for nothing), never a raw field name."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.audit.services import registreer
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.historie import queries
from regietafel.historie.templatetags.historie import historie_url
from regietafel.locaties.models import Locatie
from regietafel.monitoring.models import VergunninghoudersStand
from regietafel.monitoring.services import dien_in

pytestmark = pytest.mark.django_db


def _regel(obj: object, wijzigingen: dict[str, list[object]], door: Gebruiker) -> AuditRegel:
    return registreer(door=door, actie="gewijzigd", obj=obj, wijzigingen=wijzigingen)  # type: ignore[arg-type]


def test_a_year_stays_plain_and_a_count_gets_thousands_separators(
    secretariaat: Client, gebruiker_secretariaat: Gebruiker
) -> None:
    stand = VergunninghoudersStand.objects.filter(gemeente__naam="Assen").first()
    assert stand is not None
    _regel(stand, {"jaar": [2024, 2025], "stand_1_jan": [1250, -13]}, gebruiker_secretariaat)
    html = secretariaat.get(historie_url(stand)).content.decode()
    assert f"Jaar: – → {stand.jaar}" in html  # as the demo loaded it
    assert "Jaar: 2024 → 2025" in html
    assert "Stand op 1 januari: 1.250 → \u221213" in html
    assert "2.025" not in html and "2.024" not in html
    assert "jaar:" not in html and "stand_1_jan" not in html


def test_every_kind_of_value_in_words(
    drenthe: Provincie, gebruiker_secretariaat: Gebruiker
) -> None:
    locatie = Locatie.objects.filter(gemeente__naam="Assen").first()
    assert locatie is not None
    assen, emmen = Gemeente.objects.get(naam="Assen"), Gemeente.objects.get(naam="Emmen")
    regel = _regel(
        locatie,
        {
            "gemeente": [assen.pk, emmen.pk],  # a foreign key by id: the object's name
            "gemeente_id": [emmen.pk, None],
            "status": ["gepland", "gerealiseerd"],  # choices: their labels
            "type": [None, "noodopvang"],
            "onbepaalde_tijd": [False, True],
            "beschikbaar_tot": ["2026-03-31", None],
            "plaatsen_regulier": [1000, 1250],
            "bijzonderheden": ["", "nieuw"],
            "gewijzigd_op": [None, "2026-02-05T11:30:00+00:00"],
        },
        gebruiker_secretariaat,
    )
    namen = queries.namen_voor([regel])
    assert queries.wijzigingen_van(regel, namen) == [
        ("Gemeente", "Assen", "Emmen"),
        ("Gemeente", "Emmen", "–"),
        ("Status", "Gepland", "Gerealiseerd"),
        ("Type", "–", "Noodopvang (NO)"),
        ("Voor onbepaalde tijd", "nee", "ja"),
        ("Beschikbaar tot", "31-03-2026", "–"),
        ("Plaatsen regulier", "1.000", "1.250"),
        ("Bijzonderheden", "–", "nieuw"),
        ("Gewijzigd op", "–", "05-02-2026 12:30"),  # in the site's time zone
    ]


def test_many_to_many_ids_read_as_names_and_lists_and_texts_as_words(
    drenthe: Provincie, gebruiker_secretariaat: Gebruiker
) -> None:
    groep, _ = Group.objects.get_or_create(name="Secretariaten")
    regel = _regel(
        gebruiker_secretariaat,
        {"groups": [[], [groep.pk]], "samengevoegd_in_eigen_lak": ["a", "b"]},
        gebruiker_secretariaat,
    )
    (groepen, samengevoegd) = queries.wijzigingen_van(regel, queries.namen_voor([regel]))
    assert groepen[1:] == ("–", "Secretariaten")
    assert groepen[0][0].isupper() and "_" not in groepen[0]
    assert samengevoegd == ("Samengevoegd in eigen lak", "a", "b")


def test_the_keys_of_an_inzending_and_of_a_scenario_read_as_words(
    drenthe: Provincie, gebruiker_secretariaat: Gebruiker
) -> None:
    assen = Gemeente.objects.get(naam="Assen")
    inzending = dien_in(
        door=Gebruiker.objects.get(username="gemeente-assen"),
        gemeente=assen,
        peildatum=dt.date(2025, 11, 1),
        aantallen={"amv": 1004},
    )
    regel = AuditRegel.objects.filter(
        object_type="monitoring.inzending", object_id=str(inzending.pk)
    ).first()
    assert regel is not None
    assert queries.wijzigingen_van(regel) == [("Asielopvang AMV", "–", "1.004")]
    from tests.verdeling.factories import drenthe_2024

    scenario = drenthe_2024()
    regel = _regel(
        scenario,
        {"Assen.indicatief_regulier": [1000, 1100], "uitruil": [[], []]},
        gebruiker_secretariaat,
    )
    assert queries.wijzigingen_van(regel) == [
        ("Assen: Indicatief regulier", "1.000", "1.100"),
        ("Uitruilafspraken", "–", "–"),
    ]


def test_no_raw_field_name_anywhere_in_the_demo_history(drenthe: Provincie) -> None:
    """Every label of every change the demo recorded is words: capitalised, no underscore."""
    from regietafel.demo import overleg, verzoeken, woo

    verzoeken.laad(None)
    overleg.laad(None)
    woo.laad(None)
    regels = list(AuditRegel.objects.all())
    namen = queries.namen_voor(regels)
    labels = {v for r in regels for v, _, _ in queries.wijzigingen_van(r, namen)}
    assert len(labels) > 80
    for label in labels:
        assert "_" not in label and label[:1] == label[:1].upper(), label
    rijen = [rij for r in regels for rij in queries.wijzigingen_van(r, namen)]
    # No ISO date anywhere; every year plain (the demo records the years of its cycli,
    # inhabitants and COA ledgers).
    assert not [w for _, o, n in rijen for w in (o, n) if re.search(r"\b\d{4}-\d{2}-\d{2}\b", w)]
    jaren = [n for label, _, n in rijen if label.startswith("Jaar")]
    assert len(jaren) > 10
    assert all(re.fullmatch(r"20\d\d", j) for j in jaren), jaren


def test_the_wijzigingen_list_names_references_with_a_constant_number_of_queries(
    secretariaat: Client, gebruiker_secretariaat: Gebruiker, django_assert_max_num_queries
) -> None:
    locaties = list(Locatie.objects.filter(gemeente__provincie__naam="Drenthe")[:6])
    gemeenten = list(Gemeente.objects.filter(provincie__naam="Drenthe")[:6])
    _regel(locaties[0], {"gemeente": [gemeenten[0].pk, gemeenten[1].pk]}, gebruiker_secretariaat)
    with django_assert_max_num_queries(20) as eerst:
        html = secretariaat.get("/historie/").content.decode()
    assert f"Gemeente: {gemeenten[0].naam} → {gemeenten[1].naam}" in html
    for locatie, gemeente in zip(locaties[1:], gemeenten[1:], strict=True):
        _regel(locatie, {"gemeente": [gemeente.pk, gemeenten[0].pk]}, gebruiker_secretariaat)
    with django_assert_max_num_queries(len(eerst.captured_queries)):
        html = secretariaat.get("/historie/").content.decode()
    assert f"Gemeente: {gemeenten[5].naam} → {gemeenten[0].naam}" in html
