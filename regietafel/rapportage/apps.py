from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "regietafel.rapportage"
    label = "rapportage"
    verbose_name = "Rapportages"

    def ready(self) -> None:
        from regietafel.core import rapporten
        from regietafel.core.menu import Menupunt, registreer

        registreer(
            Menupunt("Rapportages", "rapportage:lijst", ("rapportage",), volgorde=100),
        )
        rapporten.registreer_stand_van_zaken(
            rapporten.StandVanZakenMaker(
                document=_stand_document, pdf=_pdf, heeft_cijfers=_heeft_cijfers
            )
        )
        from regietafel.rapportage.taken import SOORTEN
        from regietafel.taken import soorten

        for soort in SOORTEN:
            soorten.registreer(soort)


# Imported when first asked for, not at start-up (the builders pull in the charts and PDF).


def _stand_document(provincie: Any, peildatum: dt.date) -> Any:
    from regietafel.rapportage.bouwen import stand_document

    return stand_document(provincie, peildatum)


def _pdf(document: Any) -> bytes:
    from regietafel.rapportage.uitvoer import genereer

    return genereer(document, "pdf")[0]


def _heeft_cijfers(provincie: Any, peildatum: dt.date) -> bool:
    from regietafel.monitoring.queries import peildata

    return peildatum in peildata(provincie)
