"""core.inlas: large fragments put into a rendered page in place of their placeholders."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.template import Context, Template

from regietafel.core.inlas import inlassen, plek


def test_fragments_replace_their_placeholders_in_any_order() -> None:
    html = Template("<p>{{ a }}</p>{{ tekst }}<div>{{ b }}</div>").render(
        Context({"a": plek("a"), "b": plek("b"), "tekst": "<!--inlas:a-->"})
    )
    antwoord = inlassen(HttpResponse(html), {"b": "<svg>é</svg>".encode(), "a": b"<i>x</i>"})
    # escaped text never spells a placeholder
    assert antwoord.content.decode() == (
        "<p><i>x</i></p>&lt;!--inlas:a--&gt;<div><svg>é</svg></div>"
    )


@pytest.mark.parametrize("html", ["<p></p>", "<!--inlas:a--><!--inlas:a-->"])
def test_a_missing_or_repeated_placeholder_is_an_error(html: str) -> None:
    with pytest.raises(ValueError, match="inlas"):
        inlassen(HttpResponse(html), {"a": b"x"})
