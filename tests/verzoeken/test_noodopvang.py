"""The noodopvang reserve (R8, seed 002): request, candidates, readiness, activation log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.demo.verzoeken import laad
from regietafel.gemeenten.models import Gemeente
from regietafel.verzoeken import queries, services
from regietafel.verzoeken.models import Gereedheid, Kandidaatlocatie, NoodopvangVerzoek
from regietafel.verzoeken.signalen import signalen

pytestmark = pytest.mark.django_db


def _verzoek() -> NoodopvangVerzoek:
    return NoodopvangVerzoek.objects.get(ontvangen_op=dt.date(2026, 1, 12))


def _kandidaat(gemeente: str) -> Kandidaatlocatie:
    return Kandidaatlocatie.objects.get(gemeente__naam=gemeente)


def test_demo_holds_the_request_of_12_january_2026(demo) -> None:  # type: ignore[no-untyped-def]
    v = _verzoek()
    assert (v.plaatsen, v.periode_van, v.periode_tot, v.activeringstermijn_dagen) == (
        100,
        dt.date(2026, 1, 1),
        dt.date(2026, 6, 30),
        3,
    )
    assert v.bemensing == "Rode Kruis"
    (r,) = queries.reserves(demo)
    assert (r.aangehouden, r.verkend, r.tekort, r.kandidaten) == (80, 30, 20, 3)
    assert all("demo: verzonnen" in k.notities for k in v.kandidaten.all())


def test_demo_is_idempotent(demo, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    regels = AuditRegel.objects.count()
    laad(gebruiker_secretariaat)
    assert AuditRegel.objects.count() == regels


def test_dashboard_shows_reserve_held_against_requested(demo) -> None:  # type: ignore[no-untyped-def]
    voor = [s for s in signalen(demo, dt.date(2025, 11, 1)) if "Noodopvangreserve" in s.tekst]
    assert [(s.ernst, s.tekst) for s in voor] == [
        (
            "informatie",
            "Noodopvangreserve: 80 van 100 plaatsen gereed, periode 01-01-2026 tot en met "
            "30-06-2026.",
        )
    ]
    (tijdens,) = [s for s in signalen(demo, dt.date(2026, 2, 1)) if "Noodopvang" in s.tekst]
    assert tijdens.ernst == "waarschuwing"
    assert tijdens.tekst.endswith("Er ontbreken 20 plaatsen.")
    assert not [s for s in signalen(demo, dt.date(2026, 7, 1)) if "Noodopvang" in s.tekst]


def test_enough_places_held_is_information_only(demo) -> None:  # type: ignore[no-untyped-def]
    services.zet_gereedheid(
        door=None,
        kandidaat=_kandidaat("Hoogeveen"),
        gereedheid=Gereedheid.GEREED,
        gereedheid_op=dt.date(2026, 2, 2),
    )
    (s,) = [s for s in signalen(demo, dt.date(2026, 2, 3)) if "Noodopvang" in s.tekst]
    assert s.ernst == "informatie"
    assert s.tekst.startswith("Noodopvangreserve: 110 van 100 plaatsen gereed")


def test_activation_log_and_end(demo, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    k = _kandidaat("Emmen")
    activering, _ = services.activeer(
        door=gebruiker_secretariaat,
        kandidaat=k,
        geactiveerd_op=dt.date(2026, 3, 2),
        plaatsen=35,
        door_wie="Ministerie van Asiel en Migratie",
    )
    k.refresh_from_db()
    assert k.gereedheid == Gereedheid.GEACTIVEERD
    (r,) = queries.reserves(demo)
    assert (r.gereed, r.geactiveerd, r.aangehouden) == (40, 40, 80)
    with pytest.raises(ValidationError):
        services.zet_gereedheid(
            door=gebruiker_secretariaat,
            kandidaat=k,
            gereedheid=Gereedheid.VERKEND,
            gereedheid_op=dt.date(2026, 3, 3),
        )
    services.beeindig_activering(
        door=gebruiker_secretariaat, activering=activering, beeindigd_op=dt.date(2026, 3, 20)
    )
    k.refresh_from_db()
    assert (k.gereedheid, k.gereedheid_op) == (Gereedheid.GEREED, dt.date(2026, 3, 20))
    assert [a.beeindigd_op for a in queries.activeringen(_verzoek())] == [dt.date(2026, 3, 20)]


def test_activation_cannot_exceed_the_candidate(demo, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.activeer(
            door=gebruiker_secretariaat,
            kandidaat=_kandidaat("Assen"),
            geactiveerd_op=dt.date(2026, 3, 2),
            plaatsen=41,
            door_wie="ministerie",
        )


def test_gemeente_updates_only_its_own_readiness(demo) -> None:  # type: ignore[no-untyped-def]
    assen = Gebruiker.objects.get(username="gemeente-assen")
    services.zet_gereedheid(
        door=assen,
        kandidaat=_kandidaat("Assen"),
        gereedheid=Gereedheid.VERVALLEN,
        gereedheid_op=dt.date(2026, 2, 10),
    )
    assert _kandidaat("Assen").gereedheid == Gereedheid.VERVALLEN
    with pytest.raises(PermissionDenied):
        services.zet_gereedheid(
            door=assen,
            kandidaat=_kandidaat("Emmen"),
            gereedheid=Gereedheid.VERVALLEN,
            gereedheid_op=dt.date(2026, 2, 10),
        )
    with pytest.raises(PermissionDenied):
        services.zet_kandidaat(
            door=assen,
            verzoek=_verzoek(),
            gemeente=Gemeente.objects.get(naam="Assen"),
            naam="Eigen idee",
            plaatsen=10,
            gereedheid=Gereedheid.VERKEND,
            gereedheid_op=dt.date(2026, 2, 10),
        )
    assert _kandidaat("Emmen").gereedheid == Gereedheid.GEREED


def test_candidate_must_lie_in_the_provincie_and_match_its_location(demo) -> None:  # type: ignore[no-untyped-def]
    from regietafel.locaties.models import Locatie

    with pytest.raises(ValidationError):
        services.zet_kandidaat(
            door=None,
            verzoek=_verzoek(),
            gemeente=Gemeente.objects.get(naam="Assen"),
            locatie=Locatie.objects.get(naam="azc Emmen"),
            plaatsen=10,
            gereedheid=Gereedheid.VERKEND,
            gereedheid_op=dt.date(2026, 2, 10),
        )
    with pytest.raises(ValidationError):
        services.zet_kandidaat(
            door=None,
            verzoek=_verzoek(),
            gemeente=Gemeente.objects.get(naam="Assen"),
            plaatsen=10,
            gereedheid=Gereedheid.VERKEND,
            gereedheid_op=dt.date(2026, 2, 10),
        )
