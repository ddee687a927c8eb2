"""The dashboard's notice that a provincie's figures are synthetic (the national demo).
One query."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from regietafel.core.signalen import Signaal
from regietafel.gemeenten.models import Provincie
from regietafel.landelijk.queries import SYNTHETISCH
from regietafel.opgaven.models import ProvincieOpgave


def signalen(provincie: Provincie, datum: dt.date) -> list[Signaal]:
    if not ProvincieOpgave.objects.filter(
        provincie=provincie, bron__startswith=SYNTHETISCH
    ).exists():
        return []
    return [
        Signaal(
            tekst=(
                f"Synthetisch: de cijfers van {provincie.naam} komen uit de landelijke demo "
                "(regietafel demo landelijk). Het zijn geen echte cijfers."
            ),
            url=reverse("landelijk:overzicht"),
            datum=dt.date.min,  # first in the list
        )
    ]
