"""The map of the Netherlands as a stored projection (``monitoring.projectie``): per soort, for
a national user and the cyclus in force, its figures, the drawn map and its two tables with
their rows rendered, made by the projections job once per change of the figures.

Another cyclus, a user who may read only its own provincie, or a projection that is missing or
stale is computed as before (``nederland``). Not stored while a provincie has no figures at
all: its map would then depend on today's date.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from regietafel.core.tabel import Tabel
from regietafel.kaart.geometrie import kaartgeometrie
from regietafel.kaart.queries import SOORTEN, KaartGegevens, kaart_gegevens
from regietafel.kaart.svg import kaart_svg
from regietafel.kaart.tabellen import gemeente_tabel, provincie_tabel
from regietafel.monitoring import projectie
from regietafel.monitoring.standprojectie import APPS as STAND_APPS

APPS = (*STAND_APPS, "locaties")
"""The figures and opgaven, and the reception locations on the map."""
NEDERLAND_BREEDTE = 800


@dataclass(frozen=True)
class Nederland:
    """The national map's figures, drawn map and tables."""

    gegevens: KaartGegevens
    svg: str
    tabel: Tabel
    provincies: Tabel


def nederland(soort: str, leesbaar: Collection[int] | None, jaar: int | None) -> Nederland:
    """The national map of ``soort`` for the provincies ``leesbaar`` (None: every one)."""
    gegevens = kaart_gegevens(soort, leesbaar, cyclus=jaar)
    geometrie = kaartgeometrie(None, breedte=NEDERLAND_BREEDTE, provincie_codes=None)

    def provincie_url(code: str) -> str:
        # A national user chooses the provincie; any other user's /kaart/ is its own provincie.
        params = {"provincie": code, "soort": soort} if leesbaar is None else {"soort": soort}
        if gegevens.gekozen is not None:
            params["cyclus"] = str(gegevens.gekozen.jaar)
        return f"{reverse('kaart:provincie')}?{urlencode(params)}"

    svg = kaart_svg(
        gegevens,
        geometrie,
        titel=f"Kaart van Nederland: {gegevens.titel}, realisatie als deel van de opgave per gemeente",
        gemeente_url=lambda r: None,
        provincie_url=provincie_url,
        markerfactor=0.25,
    )
    tabel = gemeente_tabel(gegevens, "Nederland", met_provincie=True)
    provincies = provincie_tabel(gegevens).met_links(
        [provincie_url(s.provincie.code) for s in gegevens.provincies]
    )
    return Nederland(gegevens, svg, tabel, provincies)


def sleutel(soort: str) -> str:
    return f"nederland:{soort}"


def bouw(b: projectie.Bouw) -> None:
    for soort in SOORTEN:
        if not b.nodig(sleutel(soort), None):
            continue
        n = nederland(soort, None, None)
        if any(p.peildatum is None for p in n.gegevens.provincies):
            continue
        for tabel in (n.tabel, n.provincies):
            tabel.gerenderd()
        b.bewaar(sleutel(soort), None, n)


KAART = projectie.Soort(naam="kaart-nederland", apps=APPS, bouw=bouw)


def lees(soort: str) -> Nederland | None:
    """The stored national map of ``soort`` when it is current (one query); None: compute."""
    return projectie.lees(KAART, sleutel(soort), None)  # type: ignore[no-any-return]
