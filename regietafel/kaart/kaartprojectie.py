"""The map of the Netherlands as a stored projection (``monitoring.projectie``): per soort, for
a national user and the cyclus in force, the page as plain data (``Pagina``): the drawn map,
the two tables rendered, the legend and the few values the page prints, made by the
projections job once per change of the figures. A request reads it and renders the page
around these strings: no model instance and no table cell on its path.

Another cyclus, a user who may read only its own provincie, or a projection that is missing or
stale is computed as before (``nederland``), and shown through the same ``pagina``. Not stored
while a provincie has no figures at all: its map would then depend on today's date.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from regietafel.core.tabel import Tabel
from regietafel.kaart.geometrie import kaartgeometrie
from regietafel.kaart.klassen import KLASSEN
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


@dataclass(frozen=True)
class Legendaregel:
    sleutel: str
    """The class of the swatch (``kl-3``)."""
    label: str
    aantal: int | None
    """Gemeenten in the class; None: not counted (the provincies the user may not read)."""


def legenda(gegevens: KaartGegevens, *, met_niet: bool = False) -> tuple[Legendaregel, ...]:
    """Per class of the map its gemeenten; ``met_niet``: the provincies not to be read."""
    tel = gegevens.per_klasse()
    regels = [Legendaregel(k.sleutel, k.label, tel.get(k.sleutel, 0)) for k in KLASSEN]
    if met_niet:
        regels.append(Legendaregel("kl-niet", "provincie niet in te zien", None))
    return tuple(regels)


@dataclass(frozen=True)
class GekozenCyclus:
    jaar: int
    naam: str


@dataclass(frozen=True)
class Kop:
    """What the page prints of ``KaartGegevens``, without its rows and model instances."""

    titel: str
    melding: str
    te_kiezen: bool
    opties: tuple[tuple[str, str, bool], ...]
    gekozen: GekozenCyclus | None


@dataclass(frozen=True)
class GerenderdeTabel:
    kop: Tabel
    """The table without its rows: its sleutel and titel for the Excel link."""
    html: bytes
    """``core/tabel.html`` of the whole table, without its Excel link (that follows the
    request's query string), in UTF-8: the view puts it in the page (``core.inlas``)."""


def _gerenderd(tabel: Tabel) -> GerenderdeTabel:
    # Without the template file's last newline: the page's include adds it.
    html = render_to_string("core/tabel.html", {"tabel": tabel, "geen_excel": True}).strip()
    kop = replace(tabel, rijen=(), totaal=None, voetregels=(), rij_ids=(), rijklassen=())
    return GerenderdeTabel(kop, html.encode())


@dataclass(frozen=True)
class Pagina:
    """The national map as the page shows it: plain strings and values only; the large
    fragments as UTF-8 bytes, put into the rendered page in one copy (``core.inlas``)."""

    gegevens: Kop
    svg: bytes
    """The drawn map in UTF-8 (``svg.py``: escaped text and numbers)."""
    legenda: SafeString
    """``kaart/_legenda.html`` rendered."""
    tabel: GerenderdeTabel
    """The gemeenten."""
    provincies: GerenderdeTabel


def pagina(n: Nederland, *, met_niet: bool) -> Pagina:
    g = n.gegevens
    kop = Kop(
        titel=g.titel,
        melding=g.melding,
        te_kiezen=g.te_kiezen,
        opties=tuple(g.opties),
        gekozen=GekozenCyclus(g.gekozen.jaar, g.gekozen.naam) if g.gekozen else None,
    )
    return Pagina(
        gegevens=kop,
        svg=n.svg.encode(),
        # rendered by the template engine, which escapes every value
        legenda=mark_safe(
            render_to_string(
                "kaart/_legenda.html",
                {"legenda": legenda(g, met_niet=met_niet), "nederland": True},
            )
        ),
        tabel=_gerenderd(n.tabel),
        provincies=_gerenderd(n.provincies),
    )


def sleutel(soort: str) -> str:
    return f"nederland:{soort}"


def bouw(b: projectie.Bouw) -> None:
    for soort in SOORTEN:
        if not b.nodig(sleutel(soort), None):
            continue
        n = nederland(soort, None, None)
        if any(p.peildatum is None for p in n.gegevens.provincies):
            continue
        b.bewaar(sleutel(soort), None, pagina(n, met_niet=False))


KAART = projectie.Soort(naam="kaart-nederland", apps=APPS, bouw=bouw)


def lees(soort: str) -> Pagina | None:
    """The stored national page of ``soort`` when it is current (one query); None: compute."""
    return projectie.lees(KAART, sleutel(soort), None)  # type: ignore[no-any-return]
