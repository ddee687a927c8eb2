"""Both cycles side by side: the whole second cycle — its set-up, the minister's indicative
numbers for all of Drenthe, the gemeenten's aanbod handed in and approved, a verslag
approved, a verdeelbesluit imported — changes nothing of the first cyclus: its verslag, the
Stand van zaken and their pages read exactly as before."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import time_machine
from django.test import Client

from regietafel.aanlevering.services import importeer_verdeelbesluit
from regietafel.cyclus.services import ElementInvoer
from regietafel.domain.aanbod import Element
from regietafel.gemeenten.models import Provincie
from regietafel.opgaven.models import Cyclus
from regietafel.rapportage import bouwen
from regietafel.rapportage.models import Rapportsoort
from regietafel.rapportage.queries import laatste_versie
from regietafel.rapportage.services import bewaar_versie, stel_vast
from regietafel.rapportage.verslag import verslag_document
from tests.cyclus.factories import aanbod, cyclus_2026, indicatief_2026, opzet_2026
from tests.cyclus.tekst import document_tekst, pagina_inhoud

pytestmark = pytest.mark.django_db

PAGINAS = (
    "/",
    "/?peildatum=2025-11-01",
    "/?peildatum=2024-10-01",
    "/trends/",
    "/trends/GM0106/",
    "/kaart/",
    "/toezicht/",
    "/rapportage/verslag/2024/",
    "/rapportage/stand-van-zaken/?peildatum=2025-11-01",
)


def _eerste_cyclus(provincie: Provincie, client: Client) -> dict[str, str]:
    eerste = Cyclus.objects.get(code="spreidingswet-2024")
    uit = {
        "verslag 2024": document_tekst(verslag_document(provincie, eerste)),
        "stand 01-11-2025": document_tekst(bouwen.stand_document(provincie, dt.date(2025, 11, 1))),
        "stand 01-10-2024": document_tekst(bouwen.stand_document(provincie, dt.date(2024, 10, 1))),
    }
    uit.update({url: pagina_inhoud(client, url) for url in PAGINAS})
    # The reports page lists the saved text versions of every report (a 2026 one is added);
    # the rest of it is the first cyclus' as before.
    for url in ("/rapportage/", "/rapportage/?cyclus=2024"):
        uit[url] = pagina_inhoud(client, url, tot='<section aria-labelledby="versies-kop">')
    return uit


def _tweede_cyclus(provincie: Provincie, tmp_path: Path) -> None:
    opzet_2026(illustratief=True)
    indicatief_2026(provincie)
    aanbod(
        "Assen",
        [
            {
                "naam": "azc Assen",
                "locatie": "azc Assen",
                "soort": "regulier",
                "plaatsen": 1000,
                "beschikbaar_van": dt.date(2017, 3, 1),
                "beschikbaar_tot": dt.date(2036, 4, 1),
            }
        ],
    )
    aanbod(
        "Emmen",
        [
            {
                "naam": "AMV Emmen",
                "soort": "amv",
                "plaatsen": 40,
                "elementen": {Element.TOEZEGGING: ElementInvoer("college")},
            }
        ],
    )
    versie = bewaar_versie(
        door=None,
        soort=Rapportsoort.VERSLAG,
        provincie=provincie,
        cyclus=cyclus_2026(),
        versie_datum=dt.date(2026, 12, 1),
        teksten={"conclusie": "Tweede cyclus."},
    )
    stel_vast(door=None, versie=versie)
    besluit = tmp_path / "besluit.csv"
    besluit.write_text("gemeente;amv;regulier;totaal\nAssen;0;1000;1000\nEmmen;40;413;453\n")
    s = importeer_verdeelbesluit(
        besluit,
        door=None,
        cyclus=cyclus_2026(),
        provincie=provincie,
        geldig_vanaf=dt.date(2027, 1, 1),
    )
    assert not s.fouten


@time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
def test_the_second_cycle_leaves_the_first_as_it_was(
    drenthe: Provincie, lezer: Client, tmp_path: Path
) -> None:
    voor = _eerste_cyclus(drenthe, lezer)
    assert "Het verslag van Drenthe in het kader van de Spreidingswet" in voor["verslag 2024"]
    assert "CONCEPT" not in voor["verslag 2024"] and "ILLUSTRATIEF" not in voor["verslag 2024"]
    _tweede_cyclus(drenthe, tmp_path)
    assert laatste_versie(Rapportsoort.VERSLAG, drenthe, cyclus=cyclus_2026()) is not None
    na = _eerste_cyclus(drenthe, lezer)
    # One change on /rapportage/, the intended one: the 2026 verslag, not offered while Drenthe
    # had no opgaven in that cyclus (named, with why), can be made now and is offered.
    optie = '<option value="2026">2026 — Spreidingswet 2027–2028 (tweede cyclus)</option>'
    for url in ("/rapportage/", "/rapportage/?cyclus=2024"):
        uitleg = re.search(
            r'<p class="utrecht-paragraph" id="cycli-zonder-opgaven">.*?</p>', voor[url]
        )
        assert uitleg is not None and "2026" in uitleg.group() and optie not in voor[url]
        assert optie in na[url] and "cycli-zonder-opgaven" not in na[url]
        voor[url] = re.sub(r"\s+", " ", voor[url].replace(uitleg.group(), ""))
        na[url] = re.sub(r"\s+", " ", na[url].replace(optie, ""))
    for sleutel in voor:
        assert na[sleutel] == voor[sleutel], f"{sleutel} is veranderd door de tweede cyclus"
