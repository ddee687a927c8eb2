"""The cells of a row of the map's gemeenten table, written in Python: the national table
has 342 rows of eight cells, and a template loop with its conditions per cell cost more
than the figures (``{% kaart_cellen rij kaartrij nederland achtervoegsel %}``)."""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from regietafel.core.tabel import CelWeergave
from regietafel.kaart.queries import KaartRij

register = template.Library()

KLASSE_VLAK = (
    '<svg class="legenda-vlak legenda-vlak--klein" viewBox="0 0 24 16" aria-hidden="true" '
    'focusable="false"><rect class="gemeente {}" x="0.5" y="0.5" width="23" height="15"/></svg>'
)


@register.simple_tag
def kaart_cellen(
    rij: Sequence[CelWeergave], kaartrij: KaartRij, nederland: bool, achtervoegsel: str = ""
) -> SafeString:
    """The gemeente as a row header (on a provincie's map a link to its trends), the figures,
    and the class with its legend swatch in the one but last column."""
    delen: list[str] = []
    laatste_klasse = len(rij) - 2
    for i, cel in enumerate(rij):
        tekst: str = escape(cel.tekst)
        if i == 0:
            if not nederland:
                url = reverse("trends-gemeente", args=[kaartrij.gemeente.cbs_code])
                tekst = f'<a class="utrecht-link" href="{escape(url + achtervoegsel)}">{tekst}</a>'
            delen.append(f'<th scope="row" class="utrecht-table__header-cell">{tekst}</th>')
        elif i == laatste_klasse:
            vlak = KLASSE_VLAK.format(escape(kaartrij.klasse.sleutel))
            delen.append(
                f'<td class="utrecht-table__cell"><span class="klasse-label">{vlak}{tekst}'
                "</span></td>"
            )
        else:
            numeriek = " utrecht-table__cell--numeric" if cel.numeriek else ""
            delen.append(f'<td class="utrecht-table__cell{numeriek}">{tekst}</td>')
    return mark_safe("".join(delen))  # every text escaped above
