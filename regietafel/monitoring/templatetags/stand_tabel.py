"""The inner cells of the dashboard's tables, written in Python: a provincie of 56 gemeenten
had 57 ``{% include %}``s for the statushouders and a conditional loop per cell of the
Verdeling table, which cost more than computing the figures. The markup is the template's.

    {% load stand_tabel %}
    {% peildatum_opties stand %}              the options of the peildatum select
    {% verdeling_rij rij %}                   a gemeente's row: its name with the link to its
                                              trends, then 3 cells per soort (4 with a
                                              column "Stand per")
    {% statushouders_rij naam s totaal=True %}  a row of the COA table
    {% nidos_rij rij %}                       a row of the Nidos table
"""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from regietafel.core import opmaak
from regietafel.core.templatetags.opmaak import cijfer_html
from regietafel.domain.statushouders import VergunninghoudersStand
from regietafel.monitoring.queries import GemeenteRij, NidosRij, StandVanZaken

register = template.Library()

GETAL = '<td class="utrecht-table__cell utrecht-table__cell--numeric">'
GROEP = '<td class="utrecht-table__cell utrecht-table__cell--numeric groep-start">'


KOP = '<th scope="row" class="utrecht-table__header-cell">'
PLAATS = "GM-CODE"
"""Stands in for a gemeente's code in its trends URL, reversed once per page."""


@register.simple_tag
def peildatum_opties(stand: StandVanZaken) -> SafeString:
    """The peildatum select's options, newest first; the peildatum shown is selected, and
    marked "geen cijfers" when it has none (``StandVanZaken.peildatum_keuzes``)."""
    geen = escape(gettext("geen cijfers"))
    return mark_safe(  # dates only digits and dashes, the one text escaped
        "".join(
            f'<option value="{d.isoformat()}"{" selected" if d == stand.peildatum else ""}>'
            f"{opmaak.datum(d)}{'' if met_cijfers else f' ({geen})'}</option>"
            for d, met_cijfers in stand.peildatum_keuzes
        )
    )


@register.simple_tag(takes_context=True)
def verdeling_rij(context: template.Context, rij: GemeenteRij) -> SafeString:
    # One reverse per page, not one per gemeente.
    sjabloon = context.render_context.get("trends_url")
    if sjabloon is None:
        sjabloon = context.render_context["trends_url"] = reverse("trends-gemeente", args=[PLAATS])
    url = escape(sjabloon.replace(PLAATS, quote(rij.gemeente.cbs_code, safe="")))
    return mark_safe(  # the url and the name escaped, the cells as verdeling_cellen
        f'<tr class="utrecht-table__row">{KOP}<a class="utrecht-link" href="{url}">'
        f"{escape(rij.gemeente.naam)}</a></th>{verdeling_cellen(rij)}</tr>"
    )


@register.simple_tag
def nidos_rij(rij: NidosRij) -> SafeString:
    return mark_safe(  # the name escaped, the rest numbers and a percentage
        f'<tr class="utrecht-table__row">{KOP}{escape(rij.gemeente.naam)}</th>'
        f"{GETAL}{opmaak.getal(rij.gerealiseerd)}</td>{GETAL}{opmaak.getal(rij.resterend)}</td>"
        f"{GETAL}{opmaak.getal(rij.taakstelling)}</td>{GETAL}{escape(rij.voortgang)}</td></tr>"
    )


@register.simple_tag
def verdeling_cellen(rij: GemeenteRij) -> SafeString:
    geen_opgave = gettext("geen opgave")
    niet_aangeleverd = gettext("niet aangeleverd")
    delen: list[str] = []
    for cel, met_stand in rij.cellen_met_stand:
        if cel.leeg:
            delen.append(
                f'{GROEP}<span aria-hidden="true">–</span><span class="visueel-verborgen">'
                f"{escape(geen_opgave)}</span></td>"
                f'{GETAL}<span aria-hidden="true">–</span><span class="visueel-verborgen">'
                f"{escape(gettext('geen realisatie'))}</span></td>"
            )
            if met_stand:
                delen.append('<td class="utrecht-table__cell"></td>')
            delen.append(f"{GETAL}</td>")
            continue
        delen.append(f"{GROEP}{cijfer_html(cel.opgave, geen_opgave)}</td>")
        delen.append(f"{GETAL}{cijfer_html(cel.realisatie, niet_aangeleverd)}</td>")
        if met_stand:
            stand = ""
            if cel.cijfer.ouder and cel.realisatie_peildatum is not None:
                stand = opmaak.datum(cel.realisatie_peildatum)
            elif not cel.heeft_realisatie:
                stand = escape(niet_aangeleverd)
            delen.append(f'<td class="utrecht-table__cell stand-per">{stand}</td>')
        delen.append(
            f"{GETAL}{cijfer_html(cel.verschil, gettext('geen verschil'), teken=True)}</td>"
        )
    return mark_safe("".join(delen))  # every text escaped, numbers and dates only digits


@register.simple_tag
def statushouders_rij(naam: str, s: VergunninghoudersStand, totaal: bool = False) -> SafeString:
    getallen = [
        s.stand_1_jan,
        s.taakstelling_h1,
        s.realisatie_h1,
        s.stand_1_jul,
        s.taakstelling_h2,
        s.correcties,
        s.taakstelling_incl,
        *s.realisatie_maanden,
        s.realisatie_totaal,
        s.achter_voor,
    ]
    cellen = "".join(f"{GETAL}{opmaak.getal(n)}</td>" for n in getallen)
    achterstand = opmaak.getal(s.achterstand) if s.achterstand else ""
    voorsprong = opmaak.getal(s.voorsprong) if s.voorsprong else ""
    return mark_safe(  # the name escaped, the rest numbers
        f'<tr class="utrecht-table__row{" totaal" if totaal else ""}">'
        f'<th scope="row" class="utrecht-table__header-cell">{escape(naam)}</th>'
        f"{cellen}{GETAL}{achterstand}</td>{GETAL}{voorsprong}</td></tr>"
    )
