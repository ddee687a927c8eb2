"""The map as inline SVG markup, built on the server (no script, no tiles, no network).

Colours come from classes (``static/regietafel/kaart.css``), never from style attributes
(CSP). Each class also has its own texture (the legend and the tooltips name it), so the map
does not rely on colour alone; the table beside it is the accessible alternative.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from regietafel.core import opmaak
from regietafel.domain.laatst_bekend import Status
from regietafel.kaart.geometrie import Kaartgeometrie
from regietafel.kaart.klassen import GEEN_OPGAVE, NIET_AANGELEVERD
from regietafel.kaart.queries import KaartGegevens, KaartRij

PATRONEN = """<defs>
<pattern id="kaart-p-kl-0" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="p-kl-0" width="6" height="6"/><path class="p-lijn-donker" d="M0 0v6M0 0h6"/></pattern>
<pattern id="kaart-p-kl-1" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="p-kl-1" width="6" height="6"/><path class="p-lijn" d="M0 0v6"/></pattern>
<pattern id="kaart-p-kl-geen" width="5" height="5" patternUnits="userSpaceOnUse"><rect class="p-kl-geen" width="5" height="5"/><circle class="p-stip" cx="2.5" cy="2.5" r="0.9"/></pattern>
<pattern id="kaart-p-kl-ontbreekt" width="8" height="8" patternUnits="userSpaceOnUse"><rect class="p-kl-ontbreekt" width="8" height="8"/><path class="p-kruis" d="M0 0l8 8M8 0l-8 8"/></pattern>
</defs>"""


def _realisatie(rij: KaartRij) -> str:
    """ "181", "822 (stand 01-11-2025)" or "niet aangeleverd"."""
    if rij.realisatie is None:
        return Status.NIET_AANGELEVERD.label
    stand = f" ({rij.cijfer.tekst})" if rij.cijfer.ouder else ""
    return f"{opmaak.getal(rij.realisatie)}{stand}"


def tooltip(rij: KaartRij) -> str:
    naam = rij.gemeente.naam
    if rij.klasse is GEEN_OPGAVE:
        tekst = f"{naam}: geen opgave, realisatie {_realisatie(rij)}"
    elif rij.klasse is NIET_AANGELEVERD:
        tekst = f"{naam}: opgave {opmaak.getal(rij.opgave or 0)}, realisatie niet aangeleverd"
    else:
        tekst = (
            f"{naam}: opgave {opmaak.getal(rij.opgave or 0)}, realisatie {_realisatie(rij)}, "
            f"{rij.aandeel} gerealiseerd ({rij.klasse.label})"
        )
    if rij.locaties:
        tekst += f"; {len(rij.locaties)} locatie{'s' if len(rij.locaties) != 1 else ''}"
    return tekst


def locaties_tekst(rij: KaartRij) -> str:
    delen = [
        f"{loc.naam} ({loc.type}, {opmaak.getal(loc.plaatsen)} plaatsen{', gepland' if loc.gepland else ''})"
        for loc in rij.locaties
    ]
    return f"Locaties in {rij.gemeente.naam}: " + "; ".join(delen)


def straal(plaatsen: int, factor: float) -> float:
    """Marker radius: the area grows with the number of places."""
    return round(math.sqrt(plaatsen) * factor, 1)


def kaart_svg(
    gegevens: KaartGegevens,
    geometrie: Kaartgeometrie,
    *,
    titel: str,
    gemeente_url: Callable[[KaartRij], str | None],
    provincie_url: Callable[[str], str] | None = None,
    markerfactor: float = 0.9,
) -> str:
    """The SVG of the map.

    ``gemeente_url`` gives each gemeente's link (None: no link). With ``provincie_url`` (the
    national map) the gemeenten are grouped per provincie and each readable provincie is one
    link (``provincie_url(code)``), and the gemeenten of the geometry without a row (provincies
    whose figures the user may not read) are drawn plain, with only their name."""
    uit: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {geometrie.breedte} {geometrie.hoogte}" '
        f'class="kaart-svg" role="group" aria-labelledby="kaart-svg-titel">',
        f'<title id="kaart-svg-titel">{escape(titel)}</title>',
        PATRONEN,
        '<g class="gemeenten">',
    ]
    if provincie_url is None:
        uit.extend(_gemeente_pad(rij, geometrie, gemeente_url) for rij in gegevens.rijen)
    else:
        uit.extend(_per_provincie(gegevens, geometrie, provincie_url))
    uit.append("</g>")

    if geometrie.provincies:
        uit.append('<g class="provinciegrenzen" aria-hidden="true">')
        uit.extend(
            f'<path class="provinciegrens" d="{vorm.pad}"/>'
            for vorm in geometrie.provincies.values()
            if vorm.pad
        )
        uit.append("</g>")

    markers = [m for rij in gegevens.rijen if (m := _marker(rij, geometrie, markerfactor))]
    if markers:
        uit.append('<g class="locaties" aria-hidden="true">')
        uit.extend(markers)
        uit.append("</g>")
    uit.append("</svg>")
    return "".join(uit)


def _gemeente_pad(
    rij: KaartRij,
    geometrie: Kaartgeometrie,
    gemeente_url: Callable[[KaartRij], str | None] | None,
) -> str:
    """A gemeente's shape with its tooltip, a link when ``gemeente_url`` gives one."""
    vorm = geometrie.gemeenten.get(rij.gemeente.cbs_code)
    if vorm is None or not vorm.pad:
        return ""
    tekst = escape(tooltip(rij))
    element = (
        f'<path class="gemeente {rij.klasse.sleutel}" d="{vorm.pad}"><title>{tekst}</title></path>'
    )
    url = gemeente_url(rij) if gemeente_url else None
    if url:
        return f'<a href="{escape(url)}" aria-label="{tekst}">{element}</a>'
    return element


def _per_provincie(
    gegevens: KaartGegevens, geometrie: Kaartgeometrie, provincie_url: Callable[[str], str]
) -> list[str]:
    """The national map's gemeenten: one link per readable provincie, then the gemeenten of the
    other provincies with only their outline and name."""
    uit = []
    per_provincie: dict[int, list[KaartRij]] = {}
    for rij in gegevens.rijen:
        per_provincie.setdefault(rij.gemeente.provincie_id, []).append(rij)
    for stand in gegevens.provincies:
        inhoud = "".join(
            _gemeente_pad(rij, geometrie, None) for rij in per_provincie.get(stand.provincie.pk, [])
        )
        naam = escape(f"Provincie {stand.provincie.naam}: naar de kaart van de provincie")
        uit.append(
            f'<a href="{escape(provincie_url(stand.provincie.code))}" class="provincie-link" '
            f'aria-label="{naam}">{inhoud}</a>'
        )
    # Gemeenten of provincies whose figures the user may not read: only their outline and name.
    getoond = {rij.gemeente.cbs_code for rij in gegevens.rijen}
    overige = [v for code, v in geometrie.gemeenten.items() if code not in getoond and v.pad]
    if overige:
        uit.append('<g class="provincie-niet">')
        uit.extend(
            f'<path class="gemeente kl-niet" d="{v.pad}"><title>{escape(v.naam)}</title></path>'
            for v in overige
        )
        uit.append("</g>")
    return uit


def _marker(rij: KaartRij, geometrie: Kaartgeometrie, markerfactor: float) -> str:
    """The circles of a gemeente's locations in use and planned ("" without any)."""
    if not rij.locaties:
        return ""
    vorm = geometrie.gemeenten.get(rij.gemeente.cbs_code)
    if vorm is None or vorm.punt is None:
        return ""
    x, y = vorm.punt
    delen = []
    if rij.plaatsen_gepland:
        r = straal(rij.plaatsen + rij.plaatsen_gepland, markerfactor)
        delen.append(f'<circle class="locatie-gepland" cx="{x}" cy="{y}" r="{r}"/>')
    if rij.plaatsen:
        r = straal(rij.plaatsen, markerfactor)
        delen.append(f'<circle class="locatie" cx="{x}" cy="{y}" r="{r}"/>')
    if not delen:
        return ""
    return f'<g class="marker"><title>{escape(locaties_tekst(rij))}</title>{"".join(delen)}</g>'
