"""The editable sections of each report, their default texts and a tiny text format.

A text is plain: paragraphs are separated by a blank line, lines starting with "- " are
list items. ``blokken`` turns it into blocks that the HTML, Word and Excel renderers show
the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from regietafel.rapportage.models import Rapportsoort


@dataclass(frozen=True)
class Sectie:
    sleutel: str
    titel: str
    uitleg: str
    standaard: str = ""
    """Default text; ``{provincie}``, ``{jaar1}`` and ``{jaar2}`` are filled in."""


STAND_INLEIDING = (
    "In {provincie} pakken we de opgaven rond asiel en de opvang van Oekraïense ontheemden in "
    "samenhang aan. Alle gemeenten leveren daarin op een passende wijze hun bijdrage. De "
    "afspraken over de verdeling zijn vastgelegd in het verslag van de commissaris aan de "
    "minister van Asiel en Migratie, in het kader van de Spreidingswet. Deze notitie geeft "
    "inzicht in de voortgang van de uitvoering van de verschillende opgaven."
)
COA_TOELICHTING = (
    "Deze maandcijfers worden maandelijks verstuurd. Het is een gefixeerd overzicht en geeft de "
    "stand weer van de eerste dag van de maand. Deze cijfers hebben geen relatie tot eventueel "
    "andere overzichten die het COA op andere momenten op verzoek uitdraait. De cijfers geven de "
    "meest actuele stand van de realisatie weer op de desbetreffende peildatum. Zou u deze "
    "overzichten met elkaar vergelijken dan is het dus mogelijk dat u verschillen in de "
    "realisatie ontdekt."
)
VERSLAG_INLEIDING = (
    "Zoals aangegeven in artikel 4 lid 2 van de Wet 'gemeentelijke taak mogelijk maken "
    "asielopvangvoorzieningen' (Spreidingswet), brengt de commissaris van de Koning verslag uit "
    "over de verdeling van de asielopvangplaatsen in de provincie. Dit verslag bevat de "
    "resultaten van het overleg dat in de provincie {provincie} is gevoerd om de opgave voor "
    "{jaar1} en {jaar2} in te vullen. Naast de asielopvangopgave is hierin ook de "
    "(inspannings)opgave voor de Oekraïense ontheemden betrokken."
)

BRIEF_MINISTER = (
    "Excellentie,\n\n"
    "Hierbij bied ik u mijn verslag aan zoals de Wet gemeentelijke taak mogelijk maken "
    "asielopvangvoorzieningen (Spreidingswet) van mij vraagt. Ik doe dit in mijn rol als "
    "Rijksorgaan en na het overleg met de gemeenten aan de provinciale regietafel {provincie}. "
    "Het verslag beschrijft hoe de gemeenten de provinciale opgave voor {jaar1} en {jaar2} "
    "invullen."
)
BRIEF_COLLEGES = (
    "Geacht college,\n\n"
    "Op basis van de Spreidingswet brengt de commissaris van de Koning verslag uit aan de "
    "minister van Asiel en Migratie over de verdeling van de asielopvangplaatsen in de "
    "provincie. Bijgevoegd treft u het verslag aan. Het bevat de resultaten van het overleg aan "
    "de provinciale regietafel {provincie} om de asielopgave voor {jaar1} en {jaar2} in te "
    "vullen.\n\n"
    "Ik verzoek u vriendelijk dit verslag ter informatie door te zenden aan uw gemeenteraad."
)
BRIEVEN = (
    Sectie(
        "brief_minister",
        "Aanbiedingsbrief aan de minister",
        "De brief van de commissaris aan de minister; het getal van de invulling en het oordeel "
        "volgen berekend, daarna de ondertekening.",
        BRIEF_MINISTER,
    ),
    Sectie(
        "brief_colleges",
        "Aanbiedingsbrief aan de colleges",
        "De brief aan de colleges van burgemeester en wethouders; de volgende stap (het "
        "verdeelbesluit en zijn datum) volgt berekend.",
        BRIEF_COLLEGES,
    ),
)
"""The two letters of a verslag of a cyclus run as a workflow (``cyclus.CyclusOpzet``)."""

SECTIES: dict[str, tuple[Sectie, ...]] = {
    Rapportsoort.STAND_VAN_ZAKEN: (
        Sectie("inleiding", "Inleiding", "Opent de notitie.", STAND_INLEIDING),
        Sectie(
            "oekraine",
            "Toelichting opvangopgave ontheemden uit Oekraïne",
            "Aanvulling na de berekende zinnen over de Oekraïne-opgave (als opsommingsteken).",
        ),
        Sectie(
            "spreidingswet",
            "Toelichting opvangopgave in het kader van de Spreidingswet",
            "Aanvulling na de berekende zinnen over de asielopvang (als opsommingsteken).",
        ),
        Sectie(
            "statushouders",
            "Overzicht realisatie statushouders",
            "Toelichting onder de tabel van het COA.",
            COA_TOELICHTING,
        ),
        Sectie(
            "nidos",
            "Overzicht realisatie minderjarige statushouders",
            "Toelichting onder de tabel van Nidos.",
        ),
    ),
    Rapportsoort.VERSLAG: (
        Sectie("inleiding", "Inleiding", "Opent het verslag.", VERSLAG_INLEIDING),
        Sectie("huidige_situatie", "Huidige situatie", "De stand van de opvang nu."),
        Sectie(
            "verdeling",
            "Verdeling opvangopgaven",
            "Hoe de verdeling tot stand kwam; staat boven de PUZZEL-tabel.",
        ),
        Sectie("conclusie", "Conclusie", "Staat onder de PUZZEL-tabel."),
        Sectie(
            "financieel",
            "Financiële regelingen",
            "Aanvulling na de berekende bedragen van de bonusregelingen.",
        ),
        Sectie("verzoeken", "Verzoeken en adviezen", "Verzoeken aan de minister."),
    ),
}


def secties(soort: str, *, brieven: bool = False) -> tuple[Sectie, ...]:
    """The editable sections of a report; ``brieven``: with the two letters of a verslag."""
    if brieven and soort == Rapportsoort.VERSLAG:
        return (*BRIEVEN, *SECTIES[soort])
    return SECTIES[soort]


def standaardteksten(soort: str, **waarden: object) -> dict[str, str]:
    return {s.sleutel: s.standaard.format(**waarden) for s in SECTIES[soort]}


def standaardteksten_met_brieven(soort: str, **waarden: object) -> dict[str, str]:
    """The default texts of a verslag of a cyclus run as a workflow: the letters as well."""
    return {s.sleutel: s.standaard.format(**waarden) for s in secties(soort, brieven=True)}


@dataclass(frozen=True)
class Blok:
    soort: Literal["p", "ul"]
    regels: tuple[str, ...]


def blokken(tekst: str) -> tuple[Blok, ...]:
    """Paragraphs (blank line between them) and bullet lists (lines starting with "- ")."""
    resultaat: list[Blok] = []
    for alinea in tekst.replace("\r\n", "\n").split("\n\n"):
        regels = [r.strip() for r in alinea.split("\n") if r.strip()]
        if not regels:
            continue
        if all(r.startswith(("- ", "• ")) for r in regels):
            resultaat.append(Blok("ul", tuple(r[2:].strip() for r in regels)))
        else:
            resultaat.append(Blok("p", (" ".join(regels),)))
    return tuple(resultaat)


def opsomming(tekst: str) -> tuple[str, ...]:
    """A text as list items: every paragraph or bullet becomes one item."""
    items: list[str] = []
    for blok in blokken(tekst):
        items.extend(blok.regels)
    return tuple(items)
