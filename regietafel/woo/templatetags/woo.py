"""``{% load woo %}{% if user|mag_woo %}…``: the navigation link to Woo publication."""

from __future__ import annotations

from typing import Any

from django import template

from regietafel.woo import permissions

register = template.Library()


@register.filter
def mag_woo(gebruiker: Any) -> bool:
    return permissions.mag_woo(gebruiker)
