from __future__ import annotations

from typing import Any

from django import template

from regietafel.aanlevering.permissions import mag_aanleveren as _mag_aanleveren

register = template.Library()


@register.filter
def mag_aanleveren(gebruiker: Any) -> bool:
    """``{% if user|mag_aanleveren %}``: show the link to the upload page."""
    return _mag_aanleveren(gebruiker)
