"""Dashboard signal of toezicht: steps past their termijn.

The dashboard is seen by every user of the provincie, gemeenten included, and IBT is
sensitive: the signal gives only the number of steps and links to the toezicht page, which
checks who may see which dossier. One query.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Min
from django.urls import reverse

from regietafel.core.signalen import Signaal
from regietafel.gemeenten.models import Provincie
from regietafel.toezicht.models import OPEN_STAPSTATUS, Stap


def signalen(provincie: Provincie, datum: dt.date) -> list[Signaal]:
    te_laat = Stap.objects.filter(
        dossier__gemeente__provincie=provincie,
        termijn__lt=datum,
        status__in=OPEN_STAPSTATUS,
    ).aggregate(n=Count("pk"), eerste=Min("termijn"))
    n = te_laat["n"]
    if not n:
        return []
    return [
        Signaal(
            tekst=f"Interbestuurlijk toezicht: {n} {'stap is' if n == 1 else 'stappen zijn'} "
            "over de termijn.",
            ernst="waarschuwing",
            url=reverse("toezicht:overzicht"),
            datum=te_laat["eerste"],
        )
    ]
