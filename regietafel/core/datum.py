"""Dates a user gives (a query parameter, a form field), within the years the application knows.

A date is read as JJJJ-MM-DD; one before ``EERSTE`` or after ``LAATSTE`` is refused with a
Dutch message just like text that is no date. So no computation further on can overflow:
the month after 1-12-9999, midnight of 1-1-0001 in Europe/Amsterdam as a UTC moment, the
24 months of a projection.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from regietafel.core import opmaak

EERSTE = dt.date(1900, 1, 1)
LAATSTE = dt.date(2199, 12, 31)

BUITEN_BEREIK = f"Geef een datum tussen {opmaak.datum(EERSTE)} en {opmaak.datum(LAATSTE)}."


class OngeldigeDatum(ValueError):
    """The text is no date, or a date outside ``EERSTE``–``LAATSTE``; the message is Dutch."""


def kort(tekst: str, lengte: int = 40) -> str:
    """User text to quote in a message: at most ``lengte`` characters."""
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def binnen_bereik(datum: dt.date) -> bool:
    return EERSTE <= datum <= LAATSTE


def lees_datum(tekst: str, *, wat: str = "datum") -> dt.date:
    """``"2025-11-01"`` → 1-11-2025; ``OngeldigeDatum`` (Dutch, naming ``wat``) otherwise."""
    try:
        datum = dt.date.fromisoformat(tekst.strip())
    except ValueError:
        raise OngeldigeDatum(
            f"De {wat} ‘{kort(tekst)}’ is geen datum (verwacht JJJJ-MM-DD)."
        ) from None
    if not binnen_bereik(datum):
        raise OngeldigeDatum(f"De {wat} ‘{kort(tekst)}’ valt buiten het bereik. {BUITEN_BEREIK}")
    return datum


class Datumveld(forms.DateField):
    """A form's date field that refuses dates outside ``EERSTE``–``LAATSTE``."""

    default_validators = [
        MinValueValidator(EERSTE, message=BUITEN_BEREIK),
        MaxValueValidator(LAATSTE, message=BUITEN_BEREIK),
    ]
