"""The capacity page of a provincie as a stored projection (``monitoring.projectie``): from
its newest peildatum, the capacity, the page's two tables with their rows rendered and its
charts' keys, made by the projections job once per change of the figures, opgaven or
locations; the job also draws the charts into the file storage (``core.grafiek``).

The page reads it; a gemeente, another month, or a projection that is missing or stale is
computed as before. Not stored for a provincie without figures: its page starts at this month
(the clock).
"""

from __future__ import annotations

from typing import Any

from regietafel.core.grafiek import bewaar_alle
from regietafel.gemeenten.models import Provincie
from regietafel.locaties import queries
from regietafel.locaties.grafiek import MAP
from regietafel.monitoring import projectie
from regietafel.monitoring.queries import nieuwste_peildatum
from regietafel.monitoring.standprojectie import APPS as STAND_APPS

APPS = (*STAND_APPS, "locaties")
MAANDEN = 24
"""The months of the page's projection (``locaties.views``)."""


def sleutel(provincie_id: int) -> str:
    return f"{provincie_id}"


def bouw(b: projectie.Bouw) -> None:
    from regietafel.locaties.views import capaciteit_pagina

    for provincie in Provincie.objects.order_by("naam"):
        if not b.nodig(sleutel(provincie.pk), provincie.pk):
            continue
        van = nieuwste_peildatum(provincie)
        if van is None:
            continue
        c = queries.capaciteit(provincie, van, MAANDEN, None)
        tabel, aflopend, grafieken = capaciteit_pagina(c)
        for t in (tabel, aflopend):
            t.gerenderd()
        bewaar_alle(f"{MAP}-{provincie.pk}", grafieken)
        b.bewaar(sleutel(provincie.pk), provincie.pk, (c, (tabel, aflopend, grafieken)))


CAPACITEIT = projectie.Soort(naam="capaciteit", apps=APPS, bouw=bouw)


def lees(provincie: Provincie) -> Any | None:
    """The stored page of the provincie when it is current (one query); None: compute."""
    return projectie.lees(CAPACITEIT, sleutel(provincie.pk), provincie.pk)
