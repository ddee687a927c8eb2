"""The national overview as a stored projection (``monitoring.projectie``): the page's
overview, table and chart per peildatum (and the default), for the figures as they are now
and the cyclus in force. Built after the provincies' stands (``monitoring.standprojectie``),
which it reads; stale after a write in any provincie."""

from __future__ import annotations

import datetime as dt

from regietafel.monitoring import projectie
from regietafel.monitoring.standprojectie import APPS, alle_peildata


def sleutel(peildatum: dt.date | None) -> str:
    return peildatum.isoformat() if peildatum else "-"


def bouw(b: projectie.Bouw) -> None:
    from regietafel.landelijk.views import _pagina

    for peildatum in [None, *alle_peildata()]:
        if b.nodig(sleutel(peildatum), None):
            pagina = _pagina(peildatum)
            if pagina.o.peildatum is not None:  # without figures: this month (the clock)
                pagina.t.gerenderd()  # rendered once, kept with it
                b.bewaar(sleutel(peildatum), None, pagina)


OVERZICHT = projectie.Soort(naam="landelijk", apps=APPS, bouw=bouw, volgorde=10)
