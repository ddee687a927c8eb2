"""The peildatum select of the dashboard written in Python (a provincie has many peildata;
one option per template node cost more than the figures). The tables of the page are
``core.tabel.Tabel`` objects rendered by ``core/tabel.html`` (monitoring.views_tabellen).

    {% load stand_tabel %}
    {% peildatum_opties stand %}              the options of the peildatum select
"""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from regietafel.core import opmaak
from regietafel.monitoring.queries import StandVanZaken

register = template.Library()


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
