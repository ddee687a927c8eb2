"""``{% historie_link obj %}``: a link to the Historie page of any record.

    {% load historie %}
    {% historie_link scenario %}            → Historie (with "van <record>" for screen readers)
    {% historie_link scenario "Wijzigingen" %}
    {% historie_alinea scenario %}          → the link in its own <p> (or nothing)

The link appears only when the signed-in user may read that history
(``historie.permissions.mag_historie_van``, the rule the Historie page itself applies): never a
link that answers 404. ``historie_url(obj)`` gives the address in Python.
"""

from __future__ import annotations

from django import template
from django.db import models
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


def historie_url(obj: models.Model) -> str:
    """/historie/<app_label>/<model>/<pk>/ of a saved record."""
    meta = obj._meta
    return reverse(
        "historie:historie",
        kwargs={"app_label": meta.app_label, "model": meta.model_name, "pk": str(obj.pk)},
    )


@register.simple_tag(takes_context=True)
def historie_link(
    context: template.Context, obj: models.Model | None, tekst: str = "Historie"
) -> str:
    from regietafel.historie.permissions import mag_historie_van

    if obj is None or getattr(obj, "pk", None) is None:
        return ""
    request = context.get("request")
    gebruiker = getattr(request, "user", None) or context.get("user")
    if not mag_historie_van(gebruiker, obj):
        return ""
    return format_html(
        '<a class="utrecht-link historie-link" href="{}">{}<span class="visueel-verborgen">'
        " van {}</span></a>",
        historie_url(obj),
        tekst,
        str(obj),
    )


@register.simple_tag(takes_context=True)
def historie_alinea(
    context: template.Context, obj: models.Model | None, tekst: str = "Historie"
) -> str:
    """``historie_link`` in its own paragraph (nothing at all when there is no link)."""
    link = historie_link(context, obj, tekst)
    if not link:
        return ""
    return format_html('<p class="utrecht-paragraph historie-alinea">{}</p>', link)


register.filter("historie_url", historie_url)


@register.filter
def mag_wijzigingen(gebruiker: object) -> bool:
    """For the menu: ``{% if user|mag_wijzigingen %}`` (secretariaat and beheerder)."""
    from regietafel.historie.permissions import mag_wijzigingen_zien

    return mag_wijzigingen_zien(gebruiker)
