"""Inline SVG under the Content-Security-Policy: no ``style-src 'unsafe-inline'``.

``{{ svg|csp_svg:request.csp_nonce }}`` gives each ``<style>`` element of a server-rendered
chart the request's nonce (django-csp) and turns ``style="…"`` attributes, which no nonce
can allow, into SVG presentation attributes (``style="opacity: 0"`` → ``opacity="0"``).
"""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_STYLE_ELEMENT = re.compile(r"<style\b")
_STYLE_ATTRIBUUT = re.compile(r'\sstyle="([^"]*)"')
_EIGENSCHAP = re.compile(r"^[a-z-]+$")


def _als_attributen(match: re.Match[str]) -> str:
    attributen = []
    for declaratie in match.group(1).split(";"):
        naam, _, waarde = declaratie.partition(":")
        naam, waarde = naam.strip(), waarde.strip()
        if _EIGENSCHAP.match(naam) and waarde:
            attributen.append(f' {naam}="{escape(waarde)}"')
    return "".join(attributen)


def zonder_stijlattributen(svg: str) -> str:
    """``style="…"`` attributes as SVG presentation attributes."""
    return _STYLE_ATTRIBUUT.sub(_als_attributen, str(svg))


@register.filter
def csp_svg(svg: str, nonce: str | None) -> SafeString:
    """The (trusted, server-rendered) SVG with nonced ``<style>`` and no style attributes."""
    svg = zonder_stijlattributen(svg)
    # django-csp's lazy nonce is falsy until read: read it (that also puts it in the header).
    nonce = str(nonce) if nonce is not None else ""
    if nonce:
        svg = _STYLE_ELEMENT.sub(f'<style nonce="{escape(nonce)}"', svg)
    return mark_safe(svg)  # our own pygal output, already safe
