"""Dashboard warnings of the location register (R7): contracts that end soon.

A warning ``REGIETAFEL_WAARSCHUWING_MAANDEN`` months (default 6) before a contract ends:
every location not yet ended whose end date falls in ``[datum, datum + N months)``. And, for
information, locations whose contract has passed its end date while the register still calls
them planned or realised (someone should extend or end them). One query.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse

from regietafel.core import opmaak
from regietafel.core.signalen import Signaal
from regietafel.domain.maanden import zelfde_dag_plus_maanden
from regietafel.gemeenten.models import Provincie
from regietafel.locaties.models import Locatie, LocatieStatus


def waarschuwing_maanden() -> int:
    return int(getattr(settings, "REGIETAFEL_WAARSCHUWING_MAANDEN", 6))


def signalen(provincie: Provincie, datum: dt.date) -> list[Signaal]:
    grens = zelfde_dag_plus_maanden(datum, waarschuwing_maanden())
    uit: list[Signaal] = []
    for loc in (
        Locatie.objects.filter(
            gemeente__provincie=provincie,
            beschikbaar_tot__isnull=False,
            beschikbaar_tot__lt=grens,
            onbepaalde_tijd=False,
        )
        .exclude(status=LocatieStatus.BEEINDIGD)
        .select_related("gemeente")
        .order_by("beschikbaar_tot", "gemeente__naam", "naam")
    ):
        tot = loc.beschikbaar_tot
        assert tot is not None
        url = reverse("locaties:detail", args=[loc.pk])
        if tot >= datum:
            uit.append(
                Signaal(
                    tekst=(
                        f"Het contract van locatie {loc.naam} ({loc.gemeente.naam}, "
                        f"{opmaak.getal(loc.capaciteit)} plaatsen) loopt af op {opmaak.datum(tot)}."
                    ),
                    url=url,
                    datum=tot,
                )
            )
        else:
            uit.append(
                Signaal(
                    tekst=(
                        f"Het contract van locatie {loc.naam} ({loc.gemeente.naam}, "
                        f"{opmaak.getal(loc.capaciteit)} plaatsen) is op {opmaak.datum(tot)} afgelopen, "
                        f"maar de locatie staat nog als {loc.get_status_display().lower()} "
                        f"in het register: verleng of beëindig het contract."
                    ),
                    ernst="informatie",
                    url=url,
                    datum=tot,
                )
            )
    return uit
