from __future__ import annotations

from typing import Any

from django import template

from regietafel.core.menu import Link, links

register = template.Library()


@register.simple_tag(takes_context=True)
def hoofdmenu(context: dict[str, Any]) -> list[Link]:
    """``{% hoofdmenu as menu %}``: the menu entries for the user on this page."""
    request = context["request"]
    match = getattr(request, "resolver_match", None)
    return links(
        request.user,
        getattr(match, "app_name", "") or "",
        getattr(match, "url_name", "") or "",
    )
