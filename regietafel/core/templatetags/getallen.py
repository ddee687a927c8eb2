"""Dutch number formatting for templates: 1.000, −670 (a real minus sign), +5."""

from __future__ import annotations

from django import template

register = template.Library()

MIN = "\u2212"


def getal_nl(n: int) -> str:
    teken = MIN if n < 0 else ""
    return teken + f"{abs(n):,}".replace(",", ".")


@register.filter
def getal(value: int | None) -> str:
    if value is None or value == "":
        return ""
    return getal_nl(int(value))


@register.filter
def verschil(value: int | None) -> str:
    """A difference with its sign: +5, 0, −670."""
    if value is None or value == "":
        return ""
    n = int(value)
    return ("+" if n > 0 else "") + getal_nl(n)
