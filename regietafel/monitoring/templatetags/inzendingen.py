from __future__ import annotations

from typing import Any

from django import template

from regietafel.monitoring.permissions import mag_inzendingen_gebruiken

register = template.Library()


@register.filter
def mag_inzendingen(gebruiker: Any) -> bool:
    """``{% if user|mag_inzendingen %}``: show the link to the Inzendingen page."""
    return mag_inzendingen_gebruiken(gebruiker)
