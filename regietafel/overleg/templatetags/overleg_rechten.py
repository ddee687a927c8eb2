"""``{% load overleg_rechten %}{% if user|mag_overleg %}…{% endif %}``: the menu link to /overleg/."""

from __future__ import annotations

from typing import Any

from django import template

from regietafel.overleg.permissions import mag_lezen

register = template.Library()


@register.filter
def mag_overleg(gebruiker: Any) -> bool:
    """Whether the Overleg pages are for this user (everyone but an aanleverancier)."""
    return mag_lezen(gebruiker)
