"""The inner cells of the dashboard's tables, written in Python: a provincie of 56 gemeenten
had 57 ``{% include %}``s for the statushouders and a conditional loop per cell of the
Verdeling table, which cost more than computing the figures. The markup is the template's.

    {% load stand_tabel %}
    {% verdeling_cellen rij %}                the cells of a gemeente's row (3 per soort,
                                              4 with a column "Stand per")
    {% statushouders_rij naam s totaal=True %}  a row of the COA table
"""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from regietafel.core import opmaak
from regietafel.core.templatetags.opmaak import cijfer_html
from regietafel.domain.statushouders import VergunninghoudersStand
from regietafel.monitoring.queries import GemeenteRij

register = template.Library()

GETAL = '<td class="utrecht-table__cell utrecht-table__cell--numeric">'
GROEP = '<td class="utrecht-table__cell utrecht-table__cell--numeric groep-start">'


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
