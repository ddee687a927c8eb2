"""The trends page of a provincie and of its gemeenten as a stored projection (``monitoring.projectie``): its trends,
its tables with their rows already rendered and its charts' keys, for the figures as they are
now and the cyclus in force on each peildatum. The job also draws the charts into the file
storage (``core.grafiek``), so their URLs are served stored from the first view on.

The same for the page of each gemeente (its charts are drawn on their URL when first asked
for). The page reads it; another cyclus, every peildatum of the table per gemeente
(``?peildata=alle``), or a projection that is missing or stale is computed as before.
"""

from __future__ import annotations

from django.urls import reverse

from regietafel.core.grafiek import bewaar_alle
from regietafel.core.tabel import Tabel
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring import projectie
from regietafel.monitoring.grafiek import MAP, Paneel, panelen
from regietafel.monitoring.queries import Trends, bereken_trends
from regietafel.monitoring.standprojectie import APPS
from regietafel.monitoring.views_tabellen import trend_tabellen


def sleutel(provincie_id: int, gemeente: Gemeente | None = None) -> str:
    """``"12"`` for the provincie's page, ``"12:GM0106"`` for a gemeente's."""
    return f"{provincie_id}:{gemeente.cbs_code}" if gemeente else f"{provincie_id}"


def gemeente_url(cbs_code: str) -> str:
    """The link of a gemeente's name in the table per gemeente (the cyclus in force)."""
    return reverse("trends-gemeente", args=[cbs_code])


def pagina(t: Trends) -> tuple[Trends, list[Tabel], list[Paneel]]:
    """What the page shows by default, with the rows rendered and the charts' keys made."""
    tabellen = trend_tabellen(t, gemeente_url=gemeente_url)
    for tabel in tabellen:
        tabel.gerenderd()
    grafieken = panelen(t)
    for p in grafieken:
        _ = p.grafiek
    return t, tabellen, grafieken


def bouw(b: projectie.Bouw) -> None:
    """Per provincie its page (and its charts, drawn) and the page of each of its gemeenten
    (their charts are drawn when first asked for)."""
    for provincie in Provincie.objects.order_by("naam"):
        if not b.nodig(sleutel(provincie.pk), provincie.pk):
            continue
        t, tabellen, grafieken = pagina(bereken_trends(provincie))
        bewaar_alle(f"{MAP}-{provincie.pk}", grafieken)
        b.bewaar(sleutel(provincie.pk), provincie.pk, (t, tabellen, grafieken))
        for gemeente in t.gemeenten:
            b.bewaar(
                sleutel(provincie.pk, gemeente),
                provincie.pk,
                pagina(bereken_trends(provincie, gemeente)),
            )


TRENDS = projectie.Soort(naam="trends", apps=APPS, bouw=bouw)


def lees(
    provincie: Provincie, gemeente: Gemeente | None = None
) -> tuple[Trends, list[Tabel], list[Paneel]] | None:
    """The stored page of the provincie (or of one of its gemeenten) when it is current (one
    query); None: compute."""
    return projectie.lees(TRENDS, sleutel(provincie.pk, gemeente), provincie.pk)  # type: ignore[no-any-return]
