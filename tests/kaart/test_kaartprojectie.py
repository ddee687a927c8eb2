"""The map of the Netherlands as a stored projection (kaart.kaartprojectie): the page as plain
data, the same page as computed for every soort, read without computing and without a model
instance, in a constant number of queries, for a national user in the cyclus in force; its
Excel download the computed workbook; stale after a write of a figure; not stored while a
provincie has no figures (its map would follow the date)."""

from __future__ import annotations

import io
import pickle
from typing import Any

import pytest
from django.db import models
from django.test import Client

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.kaart import kaartprojectie
from regietafel.kaart.queries import SOORTEN
from regietafel.monitoring import projectie
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.services import registreer_realisatie
from tests.kaart.test_views import azc_in
from tests.landelijk.test_projectie import _weigert
from tests.landelijk.test_queries_koud import koud
from tests.monitoring.test_projectie import zonder_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(drenthe: Provincie, settings: Any) -> Client:
    settings.REGIETAFEL_PROJECTIES = True
    gebruiker = Gebruiker.objects.create_user(
        "kaart-beheerder", password="x", rol=Rol.BEHEERDER, provincie=None
    )
    client = Client()
    client.force_login(gebruiker)
    return client


def _cijfers_in(provincies: Any, door: Gebruiker, *, per_provincie: int = 1) -> None:
    """Oekraïne figures for the first gemeenten of ``provincies`` (a figure per provincie makes
    the national map storable)."""
    peildatum = Realisatie.objects.actueel().latest("peildatum").peildatum
    for provincie in provincies:
        for gemeente in Gemeente.objects.filter(provincie=provincie).order_by("pk")[:per_provincie]:
            registreer_realisatie(
                gemeente=gemeente, soort="oekraine", peildatum=peildatum, aantal=10, door=door
            )


def _pagina(client: Client, pad: str) -> str:
    antwoord = client.get(pad)
    assert antwoord.status_code == 200
    # the map and tables were put in after the template: the length counts them
    assert int(antwoord["Content-Length"]) == len(antwoord.content)
    return zonder_tokens(antwoord.content.decode())


def test_stored_once_every_provincie_has_figures(
    beheerder: Client, gebruiker_secretariaat: Gebruiker, monkeypatch: pytest.MonkeyPatch
) -> None:
    projectie.bouw_alles(namen=["kaart-nederland"])
    assert kaartprojectie.lees("oekraine") is None  # eleven provincies without figures
    _cijfers_in(Provincie.objects.exclude(naam="Drenthe"), gebruiker_secretariaat)
    berekend = {s: _pagina(beheerder, f"/kaart/nederland/?soort={s}") for s in SOORTEN}
    projectie.bouw_alles(namen=["kaart-nederland"])
    assert all(kaartprojectie.lees(s) is not None for s in SOORTEN)

    monkeypatch.setattr(kaartprojectie, "kaart_gegevens", _weigert)
    for s, html in berekend.items():
        assert _pagina(beheerder, f"/kaart/nederland/?soort={s}") == html, s
    # Another cyclus, or a user who reads only its own provincie: computed.
    with pytest.raises(AssertionError, match="berekend"):
        beheerder.get("/kaart/nederland/?soort=regulier&cyclus=2026")
    lezer = Client()
    lezer.force_login(Gebruiker.objects.get(username="secretariaat"))
    with pytest.raises(AssertionError, match="berekend"):
        lezer.get("/kaart/nederland/")

    # A write of a figure: stale at once.
    monkeypatch.undo()
    registreer_realisatie(
        gemeente=Gemeente.objects.get(naam="Assen"),
        soort="oekraine",
        peildatum=Realisatie.objects.actueel().latest("peildatum").peildatum,
        aantal=1,
        door=gebruiker_secretariaat,
    )
    assert kaartprojectie.lees("oekraine") is None


class _GeenModellen(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, models.Model):
            raise AssertionError(f"een modelinstantie in de projectie: {obj!r}")
        return NotImplemented


def test_the_stored_page_is_plain_data(
    beheerder: Client, gebruiker_secretariaat: Gebruiker
) -> None:
    _cijfers_in(Provincie.objects.exclude(naam="Drenthe"), gebruiker_secretariaat)
    projectie.bouw_alles(namen=["kaart-nederland"])
    for soort in SOORTEN:
        pagina = kaartprojectie.lees(soort)
        assert isinstance(pagina, kaartprojectie.Pagina)
        _GeenModellen(io.BytesIO()).dump(pagina)
        # the tables are kept as markup and a header without rows
        assert pagina.tabel.kop.rijen == () and pagina.provincies.kop.rijen == ()
        assert pagina.tabel.html.count(b'<tr class="utrecht-table__row">') == 1 + 342
        assert pagina.svg.startswith(b"<svg ") and pagina.svg.endswith(b"</svg>")


def test_stored_page_queries_do_not_grow_with_the_figures(
    beheerder: Client, gebruiker_secretariaat: Gebruiker, django_assert_max_num_queries: Any
) -> None:
    """The stored page's queries: a constant, however many gemeenten have figures or
    locations (the computed page's: ``test_views.test_national_map_constant_queries``)."""
    _cijfers_in(Provincie.objects.exclude(naam="Drenthe"), gebruiker_secretariaat)
    projectie.bouw_alles(namen=["kaart-nederland"])
    pad = "/kaart/nederland/?soort=oekraine"
    weinig = koud(beheerder, pad)
    # the session, the user and one read of the projection
    assert weinig <= 4

    # figures and locations in every gemeente of every provincie
    _cijfers_in(Provincie.objects.all(), gebruiker_secretariaat, per_provincie=100)
    azc_in(Gemeente.objects.exclude(provincie__naam="Drenthe"))
    projectie.bouw_alles(namen=["kaart-nederland"])
    assert kaartprojectie.lees("oekraine") is not None
    with django_assert_max_num_queries(weinig):
        html = beheerder.get(pad).content.decode()
    assert html.count('<circle class="locatie"') == 330 + 9 + 1  # Drenthe: 9; the legend


def test_excel_of_the_stored_page_is_the_computed_workbook(
    beheerder: Client, gebruiker_secretariaat: Gebruiker, settings: Any
) -> None:
    from openpyxl import load_workbook

    def cellen(antwoord: Any) -> dict[str, list[tuple[Any, ...]]]:
        assert antwoord.status_code == 200
        boek = load_workbook(io.BytesIO(antwoord.content))
        return {b.title: list(b.iter_rows(values_only=True)) for b in boek.worksheets}

    _cijfers_in(Provincie.objects.exclude(naam="Drenthe"), gebruiker_secretariaat)
    projectie.bouw_alles(namen=["kaart-nederland"])
    assert kaartprojectie.lees("regulier") is not None
    for pad in (
        "/kaart/nederland/?soort=regulier&formaat=xlsx",
        "/kaart/nederland/?soort=regulier&formaat=xlsx&tabel=gemeenten",
    ):
        gelezen = cellen(beheerder.get(pad))
        settings.REGIETAFEL_PROJECTIES = False
        assert cellen(beheerder.get(pad)) == gelezen
        settings.REGIETAFEL_PROJECTIES = True
        # the header, every gemeente, then the total row
        assert gelezen["gemeenten"][1 + 342][0] == "Totaal"
    assert list(gelezen) == ["gemeenten"]  # ?tabel=gemeenten: that one table
    html = beheerder.get("/kaart/nederland/?soort=regulier").content.decode()
    # the stored page links both tables' downloads with the request's own query string
    assert "?soort=regulier&amp;formaat=xlsx&amp;tabel=gemeenten" in html
    assert "?soort=regulier&amp;formaat=xlsx&amp;tabel=provincies" in html
