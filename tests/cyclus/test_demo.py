"""The demo's second cyclus: Drenthe's indicative numbers derived from 88.000 places by R2
(illustratief), an aanbod from the register's locations with two gemeenten still to hand in,
so the PUZZEL shows an incomplete province and the R3 preview; the other provincies in the
national demo; and loading again never writes over what a user wrote."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from regietafel.cyclus.models import AanbodStatus, AanbodVersie, CyclusOpzet
from regietafel.cyclus.queries import puzzel_van
from regietafel.demo import cyclus as demo_cyclus
from regietafel.demo import landelijk
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Opgave, ProvincieOpgave
from tests.cyclus.factories import aanbod, cyclus_2026

pytestmark = pytest.mark.django_db


def test_the_provincial_numbers_come_from_88000_places() -> None:
    opgaven = demo_cyclus.provinciale_opgaven()
    assert sum(r + a for r, a in opgaven.values()) == 88_000
    assert sum(a for _, a in opgaven.values()) == 7_461  # 8.140 / 96.000 of 88.000
    assert sum(opgaven["Drenthe"]) == 2_467


def test_demo_drenthe_shows_an_incomplete_puzzel_with_the_r3_preview(drenthe: Provincie) -> None:
    demo_cyclus.laad_drenthe()
    cyclus = cyclus_2026()
    opzet = CyclusOpzet.objects.get(cyclus=cyclus)
    assert opzet.illustratief and opzet.alleen_duurzaam and opzet.capaciteitsraming == 88_000
    regulier = ProvincieOpgave.objects.get(cyclus=cyclus, provincie=drenthe, soort="regulier")
    amv = ProvincieOpgave.objects.get(cyclus=cyclus, provincie=drenthe, soort="amv")
    assert regulier.aantal + amv.aantal == 2_467
    indicatief = Opgave.objects.filter(
        cyclus=cyclus, gemeente__provincie=drenthe, stadium="indicatief"
    )
    assert sum(o.aantal for o in indicatief if o.soort == "regulier") == regulier.aantal
    p = puzzel_van(drenthe, cyclus)
    assert p.illustratief and not p.puzzel.volledig
    redenen = {r.code: r for r in p.puzzel.redenen}
    assert redenen["niet_ingediend"].gemeenten == ("De Wolden", "Noordenveld")
    assert "regulier_niet_gedekt" in redenen and "amv_niet_gedekt" in redenen
    # R3 adds the kansrijk plans (that covers regulier) and spreads the AMV rest.
    assert p.aanvulling.restopgave.regulier == 0 and p.aanvulling.restopgave.amv > 0
    assert sum(g.extra.amv for g in p.aanvulling.gemeenten) == p.aanvulling.restopgave.amv
    assert p.aantal_ingediend == 10
    # The register's locations: azc Assen ends before the next raming, but its extension is
    # kansrijk; Emmen's new azc comes too late for the term, and is kansrijk too.
    assen, emmen = p.puzzel.gemeente("Assen"), p.puzzel.gemeente("Emmen")
    assert assen.aanbod.kansrijk.regulier == 1000 and assen.aanbod.telt.regulier == 0
    assert emmen.aanbod.telt.regulier == 675 and emmen.aanbod.kansrijk.regulier == 250
    assert any(
        r.code == "plan_zonder_element" and "Meppel" in r.gemeenten for r in p.puzzel.redenen
    )


def test_the_demo_shows_illustratief_on_its_pages(drenthe: Provincie, lezer: Client) -> None:
    demo_cyclus.laad_drenthe()
    for url in ("/cyclus/2026/", "/cyclus/2026/puzzel/", "/cyclus/2026/aanbod/"):
        assert "Illustratief." in lezer.get(url).content.decode(), url
    versie = AanbodVersie.objects.filter(cyclus=cyclus_2026(), gemeente__naam="Assen").get()
    assert "Illustratief." in lezer.get(f"/cyclus/aanbod/{versie.pk}/").content.decode()
    assert "ILLUSTRATIEF" in lezer.get("/rapportage/verslag/2026/").content.decode()


def test_loading_again_writes_over_nothing_a_user_wrote(drenthe: Provincie) -> None:
    # A gemeente hands in its own aanbod before the demo is loaded; the secretariaat corrects
    # an indicative number afterwards.
    demo_cyclus.opzet()
    eigen = aanbod(
        "De Wolden", [{"naam": "Eigen plan", "soort": "amv", "plaatsen": 12}], goedkeuren=False
    )
    demo_cyclus.laad_drenthe()
    assert AanbodVersie.objects.filter(gemeente__naam="De Wolden").get() == eigen
    assen = Opgave.objects.get(
        cyclus=cyclus_2026(), gemeente__naam="Assen", soort="regulier", stadium="indicatief"
    )
    assen.aantal = 999
    assen.save()
    voor = (
        list(Opgave.objects.order_by("pk").values_list("pk", "aantal")),
        list(AanbodVersie.objects.order_by("pk").values_list("pk", "status")),
        CyclusOpzet.objects.get().toelichting,
    )
    assert demo_cyclus.laad_drenthe().totaal == 0
    na = (
        list(Opgave.objects.order_by("pk").values_list("pk", "aantal")),
        list(AanbodVersie.objects.order_by("pk").values_list("pk", "status")),
        CyclusOpzet.objects.get().toelichting,
    )
    assert na == voor


def test_demo_landelijk_does_the_same_for_the_other_provincies(drenthe: Provincie) -> None:
    landelijk.laad(maanden=2, met_drenthe=False)
    r = demo_cyclus.laad_landelijk()
    groningen = Provincie.objects.get(naam="Groningen")
    aantal = Gemeente.objects.filter(provincie=groningen).count()
    versies = AanbodVersie.objects.filter(cyclus=cyclus_2026(), gemeente__provincie=groningen)
    assert versies.count() == aantal - 2
    assert set(versies.values_list("status", flat=True)) == {AanbodStatus.GOEDGEKEURD}
    assert r.wijzigingen["aanbod (gemeenten)"] == 330 - 2 * 11
    p = puzzel_van(groningen, cyclus_2026())
    assert p.illustratief and not p.puzzel.volledig
    assert len(next(x for x in p.puzzel.redenen if x.code == "niet_ingediend").gemeenten) == 2
    # What counts is the aanbod opgave, as for Drenthe's approvals.
    for s in p.puzzel.gemeenten:
        if s.ingediend:
            opgave = Opgave.objects.get(
                cyclus=cyclus_2026(),
                gemeente__cbs_code=s.cbs_code,
                soort="regulier",
                stadium="aanbod",
            )
            assert opgave.aantal == s.aanbod.telt.regulier
    assert demo_cyclus.laad_landelijk().totaal == 0
    assert dt.date(2026, 2, 27) == demo_cyclus.PUBLICATIE
