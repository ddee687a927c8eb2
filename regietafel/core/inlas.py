"""Large fragments that are already markup (a stored projection's drawn map and rendered
tables) put into a rendered page after the template, once.

The template engine copies a value at every node it passes through (each ``{% if %}``,
``{% include %}`` and block joins its children into a new string): a fragment of 200 kB
inside a few includes is copied a dozen times per request. The template prints a short
placeholder instead (``plek("kaart")``) and the view puts the fragment's bytes in its place
in the finished response (``inlassen``): one copy. A placeholder is a comment that no
escaped text can spell (``<`` is always escaped), and each must occur exactly once.

    context = {"svg": plek("svg"), ...}
    antwoord = render(request, "kaart/kaart.html", context)
    return inlassen(antwoord, {"svg": svg.encode()})
"""

from __future__ import annotations

from collections.abc import Mapping

from django.http import HttpResponse
from django.utils.safestring import SafeString, mark_safe


def plek(naam: str) -> SafeString:
    """The placeholder of fragment ``naam`` in a template."""
    return mark_safe(f"<!--inlas:{naam}-->")  # a constant comment: no outside text


def inlassen(antwoord: HttpResponse, delen: Mapping[str, bytes]) -> HttpResponse:
    """The response with each placeholder replaced by its fragment (UTF-8 markup)."""
    inhoud = antwoord.content
    plaatsen = []
    for naam, deel in delen.items():
        teken = plek(naam).encode()
        if inhoud.count(teken) != 1:
            raise ValueError(f"inlas: {inhoud.count(teken)} plaatsen voor „{naam}”, niet 1")
        plaatsen.append((inhoud.index(teken), len(teken), deel))
    plaatsen.sort(key=lambda p: p[0])
    bron = memoryview(inhoud)
    stukken: list[bytes | memoryview] = []
    vanaf = 0
    for begin, lengte, deel in plaatsen:
        stukken += [bron[vanaf:begin], deel]
        vanaf = begin + lengte
    stukken.append(bron[vanaf:])
    antwoord.content = b"".join(stukken)
    return antwoord
