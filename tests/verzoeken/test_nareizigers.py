"""The nareismaatregel (R8, seed 002) in the app: placements, warnings, the count within
the statushouders taakstelling (R4, seed 000) and the HAR+ deadline from configuration."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente
from regietafel.locaties.models import Locatie
from regietafel.verzoeken import queries, services
from regietafel.verzoeken.models import Nareismaatregel
from regietafel.verzoeken.signalen import signalen

pytestmark = pytest.mark.django_db


def test_demo_placements_and_their_warnings(demo) -> None:  # type: ignore[no-untyped-def]
    n = queries.nareizigers(demo, dt.date(2026, 1, 20))
    rijen = {r.plaatsing.gemeente.naam: r for r in n.rijen}
    assert (rijen["Emmen"].dagen_vooraf, rijen["Assen"].dagen_vooraf) == (1, 4)
    assert [m.code for m in rijen["Emmen"].meldingen] == ["te_laat_geinformeerd"]
    assert rijen["Assen"].meldingen == ()
    assert rijen["Assen"].coa_betaalt_tot == dt.date(2026, 6, 22)
    assert rijen["Emmen"].coa_betaalt_tot == dt.date(2026, 7, 15)
    assert all("demo: verzonnen" in r.plaatsing.notities for r in n.rijen)


def test_count_within_the_taakstelling_of_the_half_year(demo) -> None:  # type: ignore[no-untyped-def]
    n = queries.nareizigers(demo, dt.date(2026, 1, 20))
    assert [(r.gemeente, r.halfjaar, r.nareizigers, r.taakstelling) for r in n.taakstelling] == [
        ("Emmen", "1e helft 2026", 3, None),
        # Seed 000: Assen's taakstelling for the second half of 2025 is 50.
        ("Assen", "2e helft 2025", 4, 50),
    ]


def test_dashboard_signals_on_a_date(demo) -> None:  # type: ignore[no-untyped-def]
    teksten = [s.tekst for s in signalen(demo, dt.date(2026, 6, 10))]
    assert (
        "Assen: 4 nareizigers: het COA betaalt het hotel tot 22-06-2026 (nog 12 dagen); "
        "regel huisvesting of HAR+." in teksten
    )
    assert "HAR+: gemeenten kunnen een aanvraag doen tot 01-07-2026 (nog 21 dagen)." in teksten
    assert not [t for t in signalen(demo, dt.date(2026, 7, 1)) if t.tekst.startswith("HAR+")]
    # Before the placements: no placement warnings, only the HAR+ information.
    vroeg = [s for s in signalen(demo, dt.date(2025, 11, 1)) if "verzoeken/nareizigers" in s.url]
    assert [(s.ernst, s.tekst[:5]) for s in vroeg] == [("informatie", "HAR+:")]


def test_har_plus_deadline_is_configuration(demo) -> None:  # type: ignore[no-untyped-def]
    Nareismaatregel.objects.update(har_plus_tot=dt.date(2026, 12, 31))
    teksten = [s.tekst for s in signalen(demo, dt.date(2026, 7, 1))]
    assert "HAR+: gemeenten kunnen een aanvraag doen tot 31-12-2026 (nog 183 dagen)." in teksten


def test_only_the_secretariaat_places(demo) -> None:  # type: ignore[no-untyped-def]
    assen = Gemeente.objects.get(naam="Assen")
    with pytest.raises(PermissionDenied):
        services.plaats_nareizigers(
            door=Gebruiker.objects.get(username="gemeente-assen"),
            gemeente=assen,
            geplaatst_op=dt.date(2026, 2, 1),
            hotel="Hotel",
            personen=2,
        )


def test_a_register_location_must_be_a_hotel_for_nareizigers(demo) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.plaats_nareizigers(
            door=None,
            gemeente=Gemeente.objects.get(naam="Assen"),
            geplaatst_op=dt.date(2026, 2, 1),
            locatie=Locatie.objects.get(naam="azc Assen"),
            personen=2,
        )
