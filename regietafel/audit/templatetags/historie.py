"""``{% historie_link obj %}``: a link to the Historie page of any record.

    {% load historie %}
    {% historie_link scenario %}            → Historie (with "van <record>" for screen readers)
    {% historie_link scenario "Wijzigingen" %}

``historie_url(obj)`` gives the address in Python.
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
        "audit:historie",
        kwargs={"app_label": meta.app_label, "model": meta.model_name, "pk": str(obj.pk)},
    )


@register.simple_tag
def historie_link(obj: models.Model | None, tekst: str = "Historie") -> str:
    if obj is None or getattr(obj, "pk", None) is None:
        return ""
    return format_html(
        '<a class="utrecht-link historie-link" href="{}">{}<span class="visueel-verborgen">'
        " van {}</span></a>",
        historie_url(obj),
        tekst,
        str(obj),
    )


register.filter("historie_url", historie_url)


@register.filter
def mag_wijzigingen(gebruiker: object) -> bool:
    """For the menu: ``{% if user|mag_wijzigingen %}`` (secretariaat and beheerder)."""
    from regietafel.audit.permissions import mag_wijzigingen_zien

    return mag_wijzigingen_zien(gebruiker)
