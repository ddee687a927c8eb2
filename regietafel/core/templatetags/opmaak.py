"""Dutch notation in templates, the same functions as ``core.opmaak``:

    {% load opmaak %}
    {{ aantal|getal }}     1.000, −670 (a real minus sign); nothing for a missing figure
    {{ verschil|verschil }} +5, 0, −670
    {{ bedrag|euro }}      € 3.084.000
    {{ peildatum|datum }}  01-11-2025 (dd-mm-jjjj)
    {{ van|maand }}        11-2025 (mm-jjjj)
    {{ begin|tijd }}       14.00
    {{ moment|moment }}    01-11-2025 14:05, in the site's time zone
    {% cijfer w leeg_tekst=_("geen opgave") teken=True %}  a table cell's figure: "–" with
                           a text for a screen reader when missing, +5 / −670 tekort

A year or a code is not a number: ``{{ jaar|stringformat:"d" }}`` (``USE_THOUSAND_SEPARATOR``
would print 2.025). A date in words ("5 februari 2026", as a letter writes it) stays
``{{ d|date:"j F Y" }}``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from regietafel.core import opmaak

register = template.Library()


def _geheel(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)


@register.filter
def getal(value: Any) -> str:
    return opmaak.getal(_geheel(value))


@register.filter
def verschil(value: Any) -> str:
    """A difference with its sign: +5, 0, −670."""
    return opmaak.verschil(_geheel(value))


@register.filter
def euro(value: Any) -> str:
    n = _geheel(value)
    return "" if n is None else opmaak.euro(n)


@register.filter
def datum(value: dt.date | str | None) -> str:
    """dd-mm-jjjj; nothing for no date (use ``|default:"–"`` to show a dash)."""
    return opmaak.datum(value) if isinstance(value, dt.date) else ""


@register.filter
def maand(value: dt.date | str | None) -> str:
    """mm-jjjj; nothing for no date."""
    return opmaak.maand(value) if isinstance(value, dt.date) else ""


@register.filter
def tijd(value: dt.time | str | None) -> str:
    """uu.mm; nothing for no time."""
    return opmaak.tijd(value) if isinstance(value, dt.time) else ""


@register.filter
def moment(value: dt.datetime | str | None) -> str:
    """dd-mm-jjjj uu:mm in the site's time zone."""
    return opmaak.moment(value) if isinstance(value, dt.datetime) else ""


def cijfer_html(waarde: Any, leeg_tekst: str = "", teken: bool = False) -> str:
    if waarde is None:
        return (
            '<span aria-hidden="true">–</span><span class="visueel-verborgen">'
            f"{escape(leeg_tekst or gettext('geen cijfer'))}</span>"
        )
    # Numbers in Dutch notation are digits, dots and a minus sign: nothing to escape.
    n = _geheel(waarde)
    if not teken:
        return opmaak.getal(n)
    if n is not None and n < 0:
        return (
            f'<span class="verschil verschil--tekort">{opmaak.verschil(n)} '
            f'<span class="verschil__label">{escape(gettext("tekort"))}</span></span>'
        )
    return f'<span class="verschil">{opmaak.verschil(n)}</span>'


@register.simple_tag
def cijfer(waarde: Any, leeg_tekst: str = "", teken: bool = False) -> SafeString:
    """One table cell's figure, as a tag instead of an ``{% include %}`` per cell (a table of
    a provincie has thousands of cells):

    - None: a dash for the eye and ``leeg_tekst`` (default "geen cijfer") for a screen
      reader — a missing figure is never 0;
    - ``teken=True``: a verschil with its sign, a negative one marked "tekort";
    - else the number in Dutch notation (1.000).
    """
    return mark_safe(cijfer_html(waarde, leeg_tekst, teken))  # escaped in cijfer_html
