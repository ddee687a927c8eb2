from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.core import klok
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import NidosStand, Realisatie, VergunninghoudersStand
from regietafel.opgaven.models import Cyclus, Opgave, Soort, Stadium

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_login(drenthe: Provincie) -> None:
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


def test_page_shows_the_seed_totals_in_dutch_format(lezer: Client) -> None:
    html = lezer.get("/").content.decode()
    for tekst in ("3.819", "3.814", "5.648", "4.978", "−670", "+5", "−150", "236%", "n.v.t."):
        assert tekst in html, tekst
    assert "tekort" in html  # a tekort is named in text, not only by colour
    assert '<option value="2025-11-01" selected>01-11-2025</option>' in html
    assert '<option value="2024-10-01">01-10-2024</option>' in html


def test_peildatum_picker_shows_the_puzzel_of_october_2024(lezer: Client) -> None:
    html = lezer.get("/?peildatum=2024-10-01").content.decode()
    assert "4.603" in html and "4.793" in html
    assert "Er is geen COA-overzicht opgeslagen tot deze peildatum." in html


def test_bad_peildatum_is_explained(lezer: Client) -> None:
    response = lezer.get("/?peildatum=gisteren")
    assert response.status_code == 200
    assert "is geen datum" in response.content.decode()


def test_a_peildatum_without_figures_is_shown_as_chosen(lezer: Client) -> None:
    """The select shows the peildatum the page shows, marked as having no figures, in its
    place among the others (newest first); not the first option."""
    html = lezer.get("/?peildatum=2026-03-01").content.decode()
    opties = re.findall(r"<option value=\"([0-9-]+)\"( selected)?>([^<]*)</option>", html)
    gekozen = [(waarde, tekst) for waarde, selected, tekst in opties if selected]
    assert gekozen == [("2026-03-01", "01-03-2026 (geen cijfers)")]
    waarden = [waarde for waarde, _, _ in opties]
    assert waarden == sorted(waarden, reverse=True) and len(set(waarden)) == len(waarden)
    assert "2025-11-01" in waarden
    assert "Voor 01-03-2026 zijn geen cijfers opgeslagen" in html
    # A peildatum with figures is not marked.
    html = lezer.get("/?peildatum=2025-11-01").content.decode()
    assert "(geen cijfers)" not in html
    assert '<option value="2025-11-01" selected>01-11-2025</option>' in html


def _vermenigvuldig(provincie: Provincie, gemeenten: int, maanden: int) -> None:
    """Add gemeenten with opgaven and months of figures (and superseded ones) to Drenthe."""
    cyclus = Cyclus.objects.get(code="spreidingswet-2024")
    nieuw = Gemeente.objects.bulk_create(
        Gemeente(cbs_code=f"GM9{i:03d}", naam=f"Testgemeente {i}", provincie=provincie)
        for i in range(gemeenten)
    )
    Opgave.objects.bulk_create(
        Opgave(
            cyclus=cyclus, gemeente=g, soort=Soort.REGULIER, stadium=Stadium.VASTGESTELD, aantal=10
        )
        for g in nieuw
    )
    nu = klok.nu()
    rijen: dict[type, list] = {Realisatie: [], VergunninghoudersStand: [], NidosStand: []}
    for g in Gemeente.objects.filter(provincie=provincie):
        for m in range(maanden):
            peildatum = dt.date(2019 + m // 12, m % 12 + 1, 1)
            for vervangen in (nu, None):
                basis = {
                    "gemeente": g,
                    "peildatum": peildatum,
                    "geregistreerd_op": nu,
                    "vervangen_op": vervangen,
                }
                rijen[Realisatie].append(Realisatie(**basis, soort=Soort.REGULIER, aantal=m))
                rijen[VergunninghoudersStand].append(
                    VergunninghoudersStand(
                        **basis,
                        jaar=peildatum.year,
                        stand_1_jan=1,
                        taakstelling_h1=2,
                        realisatie_h1=1,
                        taakstelling_h2=2,
                        realisatie_jul=1,
                    )
                )
                rijen[NidosStand].append(NidosStand(**basis, gerealiseerd=1, taakstelling=2))
    for model, objecten in rijen.items():
        model.objects.bulk_create(objecten)


def _andere_provincie(gemeenten: int, maanden: int) -> None:
    """Another provincie with gemeenten, locations and months of figures (none of it
    Drenthe's)."""
    groningen, _ = Provincie.objects.get_or_create(code="PV20", defaults={"naam": "Groningen"})
    nieuw = Gemeente.objects.bulk_create(
        Gemeente(cbs_code=f"GM8{i:03d}", naam=f"Groninger gemeente {i}", provincie=groningen)
        for i in range(gemeenten)
    )
    Realisatie.objects.bulk_create(
        Realisatie(
            gemeente=g,
            peildatum=dt.date(2027 + m // 12, m % 12 + 1, 1),
            geregistreerd_op=klok.nu(),
            soort=Soort.REGULIER,
            aantal=m,
        )
        for g in nieuw
        for m in range(maanden)
    )
    met_azc(nieuw, plaatsen=40)


def met_azc(gemeenten: Iterable[Gemeente], plaatsen: int) -> None:
    """A realised regular location ("azc <naam>") in each of ``gemeenten``."""
    from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType

    Locatie.objects.bulk_create(
        Locatie(
            gemeente=g,
            naam=f"azc {g.naam}",
            type=LocatieType.REGULIER,
            plaatsen_regulier=plaatsen,
            status=LocatieStatus.GEREALISEERD,
        )
        for g in gemeenten
    )


def test_query_count_does_not_grow_with_gemeenten_or_peildata(
    lezer: Client, drenthe: Provincie, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as klein:
        assert lezer.get("/?peildatum=2025-11-01").status_code == 200
    _vermenigvuldig(drenthe, gemeenten=30, maanden=36)
    with django_assert_num_queries(len(klein)):
        html = lezer.get("/?peildatum=2025-11-01").content.decode()
    assert "Testgemeente 29" in html


def test_controles_list_names_the_defects_of_seed_001s_bijlage_1(lezer: Client) -> None:
    """Bijlage 1 of the verslag printed "2691" (regular and AMV together) as the regular opgave
    and "141 ingevuld / 200 nog in te vullen" beside an AMV opgave of 229: the Controles op de
    bronnen of the Stand van zaken say so in plain Dutch, next to the 5.720 ≠ 5.722 drift."""
    html = lezer.get("/?peildatum=2025-11-01").content.decode()
    controles = html[html.index("Controles op de bronnen") :]
    assert "5.720" in controles and "5.722" in controles
    assert "de opgave 2.691 is regulier 2.462 en AMV 229 samen" in controles
    assert "141 ingevuld en 200 nog in te vullen is samen 341, niet de opgave van 229" in controles
    assert "Provinciaal verslag Drenthe 31-10-2024, Bijlage 1" in controles
    assert not re.search(r"\bR\d+\b", controles.split("</table>")[0])


def test_query_count_does_not_grow_with_provincies(
    lezer: Client, drenthe: Provincie, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    """Another provincie with 15 gemeenten, 30 months of figures and locations: Drenthe's
    dashboard runs the same queries and shows none of it."""
    paden = ("/?peildatum=2025-11-01", "/?peildatum=2026-03-01", "/")
    voor = {}
    for pad in paden:
        with CaptureQueriesContext(connection) as ctx:
            assert lezer.get(pad).status_code == 200
        voor[pad] = len(ctx)
    _andere_provincie(gemeenten=15, maanden=30)
    for pad in paden:
        with django_assert_num_queries(voor[pad]):
            html = lezer.get(pad).content.decode()
        assert "Groninger gemeente" not in html


def test_the_newest_peildatum_is_the_first_of_the_peildata(drenthe: Provincie) -> None:
    from regietafel.monitoring.queries import nieuwste_peildatum, peildata

    assert nieuwste_peildatum(drenthe) == peildata(drenthe)[0]
    for bekend_op in (dt.date(2024, 1, 1), dt.date(2025, 12, 31)):
        alle = peildata(drenthe, bekend_op)
        assert nieuwste_peildatum(drenthe, bekend_op) == (alle[0] if alle else None)
    leeg, _ = Provincie.objects.get_or_create(code="PV21", defaults={"naam": "Friesland"})
    assert nieuwste_peildatum(leeg) is None and peildata(leeg) == []
