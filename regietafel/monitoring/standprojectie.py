"""The Stand van zaken as a stored projection (``monitoring.projectie``): per provincie and
peildatum (and the dashboard's default), the stand and its three tables with their rows
already rendered, for the figures as they are now and the cyclus in force.

The job stores it for every provincie on every month with figures in any provincie (the
national overview asks every provincie on the same peildatum). The dashboard and the national
overview read it; a stand as known on an earlier day (``bekend_op``), another cyclus, a date
not stored, or a projection that is missing or stale is computed as before.

What is stored is the page (``monitoring.standpagina.StandPagina``): its data part rendered,
plain values, and the stand with its tables pickled inside for the workbook and the national
overview. The signals are stored apart (they depend on every app) as their rendered section;
the dashboard reads both in one query (``pagina``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from django.apps import apps as django_apps

from regietafel.core.signalen import verzamel
from regietafel.core.tabel import Tabel
from regietafel.domain.maanden import eerste_van_maand
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring import projectie, standpagina
from regietafel.monitoring.models import NidosStand, Realisatie
from regietafel.monitoring.models import VergunninghoudersStand as CoaRij
from regietafel.monitoring.queries import (
    StandVanZaken,
    bereken_standen,
    cijfers_van,
    stand_van_zaken,
    standen_van_zaken,
)
from regietafel.monitoring.views_tabellen import stand_tabellen

APPS = ("monitoring", "opgaven", "gemeenten")
"""Figures, opgaven and cycli, the register of gemeenten and provincies."""


def sleutel(provincie_id: int, peildatum: dt.date | None) -> str:
    """``"12:2025-11-01"``; ``"12:-"`` for the dashboard's default peildatum."""
    return f"{provincie_id}:{eerste_van_maand(peildatum).isoformat() if peildatum else '-'}"


def alle_peildata() -> list[dt.date]:
    """Every month with figures in any provincie, newest first (three queries)."""
    maanden: set[dt.date] = set()
    for model in (Realisatie, CoaRij, NidosStand):
        rijen = cijfers_van(model).order_by().values_list("peildatum", flat=True).distinct()
        maanden.update(eerste_van_maand(d) for d in rijen)
    return sorted(maanden, reverse=True)


def _opgeslagen(stand: StandVanZaken) -> standpagina.StandPagina:
    return standpagina.maak(stand, stand_tabellen(stand))


def bouw(b: projectie.Bouw) -> None:
    provincies = list(Provincie.objects.order_by("naam"))
    for peildatum in [None, *alle_peildata()]:
        nodig = [p for p in provincies if b.nodig(sleutel(p.pk, peildatum), p.pk)]
        if not nodig:
            continue
        for stand in bereken_standen(nodig, peildatum):
            if peildatum is None and not stand.peildata:
                continue  # without figures the default is this month: it depends on the clock
            b.bewaar(sleutel(stand.provincie.pk, peildatum), stand.provincie.pk, _opgeslagen(stand))


STAND = projectie.Soort(naam="stand", apps=APPS, bouw=bouw, comprimeer=False)


def _alle_apps() -> tuple[str, ...]:
    """Every app of ours: the signals come from any app (``core.signalen``)."""
    return tuple(
        sorted(c.label for c in django_apps.get_app_configs() if c.name.startswith("regietafel."))
    )


def signaal_sleutel(provincie_id: int, datum: dt.date | None) -> str:
    """``"12:2025-11-01"``; ``"12:-"``: the signals of the dashboard's default peildatum."""
    return f"{provincie_id}:{datum.isoformat() if datum else '-'}"


@dataclass(frozen=True)
class Signalen:
    """The dashboard's signals on ``datum`` as their rendered section."""

    datum: dt.date
    html: str
    omgeving: tuple[str, str]


def _signalen(provincie: Provincie, datum: dt.date) -> Signalen:
    return Signalen(
        datum, standpagina.signalen_html(verzamel(provincie, datum)), standpagina.omgeving()
    )


def bouw_signalen(b: projectie.Bouw) -> None:
    """The dashboard's signals (``core.signalen.verzamel``) per provincie on every month with
    figures: the date the dashboard asks them for is the stand's peildatum. Also under the
    default's key, for the peildatum of the stored default stand (built before these)."""
    data = alle_peildata()
    provincies = list(Provincie.objects.order_by("naam"))
    standaard = projectie.lees_veel(STAND, {sleutel(p.pk, None): p.pk for p in provincies})
    for provincie in provincies:
        gemaakt: dict[dt.date, Signalen] = {}
        for datum in data:
            if b.nodig(signaal_sleutel(provincie.pk, datum), provincie.pk):
                gemaakt[datum] = _signalen(provincie, datum)
                b.bewaar(signaal_sleutel(provincie.pk, datum), provincie.pk, gemaakt[datum])
        pagina = standaard.get(sleutel(provincie.pk, None))
        if pagina is not None and b.nodig(signaal_sleutel(provincie.pk, None), provincie.pk):
            signalen = gemaakt.get(pagina.peildatum) or _signalen(provincie, pagina.peildatum)
            b.bewaar(signaal_sleutel(provincie.pk, None), provincie.pk, signalen)


@functools.cache
def signalen_soort() -> projectie.Soort:
    """Registered in ``MonitoringConfig.ready()``, once every app is known; built after the
    stands (it reads the default's peildatum)."""
    return projectie.Soort(naam="signalen", apps=_alle_apps(), bouw=bouw_signalen, volgorde=1)


def signalen(provincie: Provincie, datum: dt.date) -> str:
    """The dashboard's signals section (``core.signalen.verzamel``), gathered now."""
    return _signalen(provincie, datum).html


def pagina(
    provincie: Provincie, peildatum: dt.date | None
) -> tuple[standpagina.StandPagina, str | None] | None:
    """The stored dashboard of the figures as known now under the cyclus in force, with its
    signals' section when that is stored too (else None: gather them), read in one query;
    None when the page is not stored, stale or made in another language or script prefix."""
    datum = eerste_van_maand(peildatum) if peildatum else None
    gevonden, signalen = projectie.lees_samen(
        [
            (STAND, sleutel(provincie.pk, peildatum), provincie.pk),
            (signalen_soort(), signaal_sleutel(provincie.pk, datum), provincie.pk),
        ]
    )
    omgeving = standpagina.omgeving()
    if gevonden is None or gevonden.omgeving != omgeving:
        return None
    if signalen is None or signalen.datum != gevonden.peildatum or signalen.omgeving != omgeving:
        return gevonden, None
    return gevonden, signalen.html


def stand_en_tabellen(
    provincie: Provincie,
    peildatum: dt.date | None = None,
    bekend_op: dt.date | None = None,
    cyclus: int | None = None,
    versie: str | None = None,
) -> tuple[StandVanZaken, list[Tabel]]:
    """The dashboard's stand and tables: stored when current, else computed
    (``queries.stand_van_zaken``, cached per data version)."""
    if bekend_op is None and cyclus is None:
        gevonden = projectie.lees(STAND, sleutel(provincie.pk, peildatum), provincie.pk)
        if gevonden is not None:
            return gevonden.stand_en_tabellen()  # type: ignore[no-any-return]
    stand = stand_van_zaken(provincie, peildatum, bekend_op, cyclus, versie)
    return stand, stand_tabellen(stand)


def standen(
    provincies: Sequence[Provincie],
    peildatum: dt.date | None = None,
    cyclus: int | None = None,
    versie: str | None = None,
) -> list[StandVanZaken]:
    """``queries.standen_van_zaken`` (the figures as known now): the stored stands that are
    current, the others computed together."""
    gevonden = (
        projectie.lees_veel(STAND, {sleutel(p.pk, peildatum): p.pk for p in provincies})
        if cyclus is None
        else {}
    )
    ontbrekend = [p for p in provincies if sleutel(p.pk, peildatum) not in gevonden]
    berekend = {
        s.provincie.pk: s
        for s in (
            standen_van_zaken(ontbrekend, peildatum, cyclus=cyclus, versie=versie)
            if ontbrekend
            else []
        )
    }
    return [
        gevonden[sleutel(p.pk, peildatum)].stand_en_tabellen()[0]
        if sleutel(p.pk, peildatum) in gevonden
        else berekend[p.pk]
        for p in provincies
    ]
