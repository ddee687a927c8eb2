"""The demo meetings (seeds 002 and 004), the approval of a list and the carry-over of open
actions (one object, shown at each meeting until closed), and who may write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.audit.models import AuditRegel
from regietafel.demo.overleg import GS_BUURTHUIS, NOTITIE, VEILIGELANDERS, WOO_ZIENSWIJZE, laad
from regietafel.overleg import opslag, queries, services
from regietafel.overleg.models import (
    Actie,
    ActieStatus,
    Agendapunt,
    Besluit,
    Bijlage,
    BijlageSoort,
    Brief,
    Overleg,
    OverlegSoort,
)

pytestmark = pytest.mark.django_db


def _omschrijvingen(regels) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.actie.omschrijving for r in regels}


def test_demo_holds_the_seeds_meetings_and_is_idempotent(demo, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    feb, nov = demo["februari"], demo["november"]
    assert (feb.begintijd, feb.eindtijd) == (dt.time(12, 0), dt.time(13, 30))
    assert feb.locatie == "Provinciehuis Assen, Westerbrink 1 te Assen, kamer E0.67"
    # Seed 002: items 1–9 with 5a–5e, 6a–6b, 7a–7b.
    nummers = [f"{p.nummer}{p.letter}" for p in feb.agendapunten.order_by("volgorde")]
    assert nummers == [
        "1", "2", "3", "4", "5", "5a", "5b", "5c", "5d", "5e", "6", "6a", "6b", "7", "7a", "7b", "8", "9",
    ]  # fmt: skip
    doelen = dict(feb.agendapunten.values_list("letter", "doel").filter(nummer=5))
    assert doelen == {
        "": "",
        "a": "informatie",
        "b": "bespreking",
        "c": "bespreking",
        "d": "instemming",
        "e": "instemming",
    }
    assert nov.agendapunten.count() == 8
    assert Actie.objects.count() == 5
    assert Brief.objects.count() == 2
    # 19-11 is approved at 5-2; 5-2 is still a draft.
    assert nov.vastgesteld_in == feb
    assert feb.concept
    aantallen = (
        Overleg.objects.count(),
        Agendapunt.objects.count(),
        Actie.objects.count(),
        Besluit.objects.count(),
        Bijlage.objects.count(),
        Brief.objects.count(),
        AuditRegel.objects.count(),
    )
    laad(gebruiker_secretariaat)
    laad(None)  # the demo command: the system itself
    assert (
        Overleg.objects.count(),
        Agendapunt.objects.count(),
        Actie.objects.count(),
        Besluit.objects.count(),
        Bijlage.objects.count(),
        Brief.objects.count(),
        AuditRegel.objects.count(),
    ) == aantallen


def test_the_stand_van_zaken_is_one_stored_file_for_three_items(demo, media: Path) -> None:  # type: ignore[no-untyped-def]
    bijlagen = list(
        Bijlage.objects.filter(soort=BijlageSoort.STAND_VAN_ZAKEN).select_related("agendapunt")
    )
    assert sorted(f"{b.agendapunt.nummer}{b.agendapunt.letter}" for b in bijlagen) == [
        "5a",
        "6a",
        "7a",
    ]
    assert len({b.checksum for b in bijlagen}) == 1
    b = bijlagen[0]
    pad = media / "overleg" / f"{b.checksum}.pdf"
    assert pad.is_file()
    data = pad.read_bytes()
    assert opslag.checksum(data) == b.checksum and data.startswith(b"%PDF")
    assert b.peildatum == dt.date(2025, 11, 1)
    assert "Drentse" in b.titel and "peildatum 01-11-2025" in b.titel
    # Its text is searchable: the report is about the gemeenten of Drenthe.
    assert "Assen" in b.tekst
    # Stored: the file is read back as it was, whatever the figures do later.
    assert queries.lees_bijlage(b) == data


def test_open_actions_carry_over_as_one_object(demo, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    nov, feb = demo["november"], demo["februari"]
    lijst_nov = queries.lijst(queries.overleg_volledig(nov.provincie, nov.pk))
    assert _omschrijvingen(lijst_nov.alle_acties) == {
        VEILIGELANDERS,
        WOO_ZIENSWIJZE,
        GS_BUURTHUIS,
        NOTITIE,
    }
    assert lijst_nov.meegenomen == ()
    lijst_feb = queries.lijst(queries.overleg_volledig(feb.provincie, feb.pk))
    # At 5-2: the four of 19-11 (two closed there), plus its own noodopvang action.
    assert _omschrijvingen(lijst_feb.meegenomen) == {
        VEILIGELANDERS,
        WOO_ZIENSWIJZE,
        GS_BUURTHUIS,
        NOTITIE,
    }
    status = {r.actie.omschrijving: r.actie.status for r in lijst_feb.meegenomen}
    assert status[WOO_ZIENSWIJZE] == status[NOTITIE] == ActieStatus.OPEN
    assert status[VEILIGELANDERS] == status[GS_BUURTHUIS] == ActieStatus.AFGEROND
    eigen = [r for lp in lijst_feb.punten for r in lp.acties]
    assert len(eigen) == 1 and "noodopvang" in eigen[0].actie.omschrijving

    # A next meeting shows only what is still open, and it is the same row.
    maart = services.bewaar_overleg(
        door=gebruiker_secretariaat,
        provincie=feb.provincie,
        waarden={"soort": OverlegSoort.BESTUURLIJK, "datum": dt.date(2026, 3, 26)},
    )
    lijst_maart = queries.lijst(queries.overleg_volledig(maart.provincie, maart.pk))
    assert len(lijst_maart.meegenomen) == 3
    assert {r.actie.pk for r in lijst_maart.meegenomen} == set(
        Actie.objects.filter(status=ActieStatus.OPEN).values_list("pk", flat=True)
    )
    # Closed at the March meeting: still on March's list, no longer on later ones.
    woo = Actie.objects.get(omschrijving=WOO_ZIENSWIJZE)
    services.zet_actie_status(
        door=gebruiker_secretariaat, actie=woo, status=ActieStatus.AFGEROND, overleg=maart
    )
    assert woo.pk in {r.actie.pk for r in queries.lijst(maart).meegenomen}
    april = services.bewaar_overleg(
        door=gebruiker_secretariaat,
        provincie=feb.provincie,
        waarden={"soort": OverlegSoort.BESTUURLIJK, "datum": dt.date(2026, 4, 23)},
    )
    assert woo.pk not in {r.actie.pk for r in queries.lijst(april).meegenomen}
    assert Actie.objects.filter(omschrijving=WOO_ZIENSWIJZE).count() == 1
    assert AuditRegel.objects.filter(
        object_type="overleg.actie", object_id=str(woo.pk), actie="status gewijzigd"
    ).exists()


def test_a_list_is_approved_by_the_next_meeting_only_once(demo, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    nov, feb = demo["november"], demo["februari"]
    maart = services.bewaar_overleg(
        door=gebruiker_secretariaat,
        provincie=feb.provincie,
        waarden={"soort": OverlegSoort.BESTUURLIJK, "datum": dt.date(2026, 3, 26)},
    )
    assert services.stem_in(door=gebruiker_secretariaat, overleg=maart) == feb
    feb.refresh_from_db()
    assert feb.vastgesteld_in == maart and not feb.concept
    assert services.stem_in(door=gebruiker_secretariaat, overleg=feb) == nov  # idempotent
    with pytest.raises(ValidationError):
        services.stem_in(door=gebruiker_secretariaat, overleg=nov)  # nothing before 19-11
    regel = AuditRegel.objects.filter(object_type="overleg.overleg", actie="ingestemd").first()
    assert regel is not None and regel.object_id == str(feb.pk)


def test_only_the_secretariaat_of_the_provincie_writes(demo, groningen) -> None:  # type: ignore[no-untyped-def]
    feb = demo["februari"]
    punt = feb.agendapunten.get(nummer=5, letter="c")
    for naam in ("gemeente-assen", "lezer", "coa"):
        gebruiker = Gebruiker.objects.get(username=naam)
        with pytest.raises(PermissionDenied):
            services.bewaar_actie(
                door=gebruiker, punt=punt, waarden={"omschrijving": "x", "door_wie": "y"}
            )
        with pytest.raises(PermissionDenied):
            services.stem_in(door=gebruiker, overleg=feb)
    vreemd = Gebruiker.objects.create(
        username="sec-groningen", rol=Rol.SECRETARIAAT, provincie=groningen
    )
    with pytest.raises(PermissionDenied):
        services.bewaar_besluit(door=vreemd, punt=punt, tekst="Ingestemd")
    with pytest.raises(PermissionDenied):
        services.bewaar_brief(
            door=vreemd,
            provincie=groningen,
            waarden={
                "afzender": "A",
                "ontvangen": dt.date(2026, 1, 1),
                "onderwerp": "B",
                "soort": "brief",
            },
            agendapunten=[punt],
        )


def test_an_uploaded_attachment_is_stored_by_checksum_and_searchable(
    demo, gebruiker_secretariaat, media: Path
) -> None:  # type: ignore[no-untyped-def]
    punt = demo["februari"].agendapunten.get(nummer=5, letter="d")
    data = "Procesaanpak tweede cyclus: de gemeenten leveren hun aanbod vóór 1 juni 2026.".encode()
    b = services.voeg_bijlage_toe(
        door=gebruiker_secretariaat, punt=punt, bestandsnaam="procesaanpak.txt", data=data
    )
    assert (media / "overleg" / f"{b.checksum}.txt").read_bytes() == data
    assert "1 juni 2026" in b.tekst
    # The same file again: no second row.
    again = services.voeg_bijlage_toe(
        door=gebruiker_secretariaat, punt=punt, bestandsnaam="kopie.txt", data=data
    )
    assert again.pk == b.pk
    with pytest.raises(ValidationError):
        services.voeg_bijlage_toe(
            door=gebruiker_secretariaat, punt=punt, bestandsnaam="virus.exe", data=b"MZ"
        )
    regel = AuditRegel.objects.get(object_type="overleg.bijlage", object_id=str(b.pk))
    assert regel.checksum == b.checksum


def test_a_stand_van_zaken_without_figures_is_a_dutch_error(demo, gebruiker_secretariaat) -> None:  # type: ignore[no-untyped-def]
    punt = demo["februari"].agendapunten.get(nummer=5, letter="a")
    with pytest.raises(ValidationError) as fout:
        services.voeg_stand_van_zaken_toe(
            door=gebruiker_secretariaat, punt=punt, peildatum=dt.date(2019, 1, 1)
        )
    assert "geen cijfers" in str(fout.value)


def test_dashboard_warnings_for_overdue_actions_and_letters(
    demo, drenthe, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from regietafel.overleg.signalen import signalen

    with django_assert_max_num_queries(3):
        op_1_maart = signalen(drenthe, dt.date(2026, 3, 2))
    teksten = [s.tekst for s in op_1_maart]
    # 19-11: the gemeente's notitie (deadline 15-12-2025) is still open; 5-2: noodopvang (1-3-2026).
    assert (
        sum("over de deadline" in t and t.startswith("De actie uit het PRT") for t in teksten) == 2
    )
    assert any("Verzoek tot noodopvang" in t for t in teksten)  # follow-up deadline 1-3-2026
    assert any("05-02-2026 is nog CONCEPT" in t for t in teksten)
    voor = [s.tekst for s in signalen(drenthe, dt.date(2025, 12, 1))]
    assert not any("over de deadline" in t for t in voor)
