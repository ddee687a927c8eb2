"""A detector for the English messages of DRF, django-filter and Django's forms: none of them
may reach an API client (the API answers in Dutch)."""

from __future__ import annotations

import inspect
import re
from functools import cache

from django import forms
from django.utils import translation
from rest_framework import exceptions, fields, serializers

# Messages DRF writes inline, not from a class attribute.
LOS = [
    "Invalid token.",
    "Invalid token header.",
    "User inactive or deleted.",
    "CSRF Failed",
    "JSON parse error",
    "Multipart form parse error",
    "Invalid page.",
    "Expected available in",
    "No filename could be determined.",
    "Surrogate characters are not allowed",
    "Null characters are not allowed.",
]


def _sjablonen() -> list[str]:
    teksten: list[str] = list(LOS)
    klassen: list[type] = [serializers.Serializer, serializers.ListSerializer]
    klassen += [k for k in vars(fields).values() if inspect.isclass(k)]
    klassen += [k for k in vars(forms.fields).values() if inspect.isclass(k)]
    with translation.override("en"):
        for klasse in klassen:
            for basis in inspect.getmro(klasse):
                for tekst in getattr(basis, "default_error_messages", {}).values():
                    teksten.append(str(tekst))
        for klasse in vars(exceptions).values():
            if inspect.isclass(klasse) and issubclass(klasse, exceptions.APIException):
                teksten.append(str(klasse.default_detail))
    return sorted(set(teksten))


@cache
def _patronen() -> list[re.Pattern[str]]:
    uit = []
    for sjabloon in _sjablonen():
        deel = re.escape(sjabloon)
        deel = re.sub(r"\\\{[^}]*\\\}|%\\\([a-z_]+\\\)[sd]", ".*", deel)
        if len(deel.replace(".*", "")) >= 8:  # a template of words, not only placeholders
            uit.append(re.compile(deel))
    return uit


def engels(tekst: str) -> str | None:
    """The English message template ``tekst`` contains, or None."""
    for patroon in _patronen():
        if patroon.search(tekst):
            return patroon.pattern
    return None
