"""Reads for the reminders: who delivered for a peildatum, a provincie's deadline and rounds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from regietafel.accounts.models import Gebruiker
from regietafel.domain.aanlevertermijn import Ronde, laatst_verstreken, ronde, te_herinneren
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.herinneringen.models import Aanlevertermijn, AfwijkendeTermijn
from regietafel.monitoring.models import Inzending, InzendingStatus

AANGELEVERD = frozenset({InzendingStatus.INGEDIEND, InzendingStatus.GOEDGEKEURD})
NIET_AANGELEVERD = "niet aangeleverd"


def afwijkend(provincie_id: int) -> dict[dt.date, dt.date]:
    return dict(
        AfwijkendeTermijn.objects.filter(provincie_id=provincie_id).values_list(
            "peildatum", "uiterste_datum"
        )
    )


def status_per_gemeente(provincie_id: int, peildatum: dt.date) -> dict[int, str]:
    """Per gemeente of the provincie its delivery for ``peildatum``: goedgekeurd, ingediend
    (awaiting review), teruggestuurd (and not submitted again), or niet aangeleverd. One query."""
    gezien: dict[int, set[str]] = {}
    for gemeente_id, status in Inzending.objects.filter(
        gemeente__provincie_id=provincie_id, peildatum=peildatum
    ).values_list("gemeente_id", "status"):
        gezien.setdefault(gemeente_id, set()).add(status)
    uit = {}
    for gemeente_id in Gemeente.objects.filter(provincie_id=provincie_id).values_list(
        "pk", flat=True
    ):
        statussen = gezien.get(gemeente_id, set())
        for status in (
            InzendingStatus.GOEDGEKEURD,
            InzendingStatus.INGEDIEND,
            InzendingStatus.TERUGGESTUURD,
        ):
            if status in statussen:
                uit[gemeente_id] = str(status)
                break
        else:
            uit[gemeente_id] = NIET_AANGELEVERD
    return uit


def niet_aangeleverd(provincie_id: int, peildatum: dt.date) -> list[Gemeente]:
    """The gemeenten without a submission awaiting review or approved for ``peildatum``."""
    status = status_per_gemeente(provincie_id, peildatum)
    open_ids = [g for g, s in status.items() if s not in AANGELEVERD]
    return list(Gemeente.objects.filter(pk__in=open_ids).order_by("naam"))


@dataclass(frozen=True)
class Stand:
    """A provincie's deadline on a day, for its page."""

    termijn: Aanlevertermijn | None
    komend: tuple[Ronde, ...]
    """The coming rounds: this month's peildatum and the next two."""
    lopend: tuple[Ronde, ...]
    """Rounds in their reminder window today."""
    verstreken: Ronde | None
    afwijkend: tuple[AfwijkendeTermijn, ...]


def stand(provincie: Provincie, vandaag: dt.date) -> Stand:
    from regietafel.domain.maanden import eerste_van_maand, plus_maanden

    termijn = Aanlevertermijn.objects.filter(provincie=provincie).first()
    afwijkende = tuple(AfwijkendeTermijn.objects.filter(provincie=provincie).order_by("-peildatum"))
    if termijn is None:
        return Stand(None, (), (), None, afwijkende)
    regel = termijn.regel()
    eigen = {a.peildatum: a.uiterste_datum for a in afwijkende}
    deze = eerste_van_maand(vandaag)
    komend = tuple(ronde(plus_maanden(deze, i), regel, eigen) for i in range(3))
    return Stand(
        termijn,
        komend,
        te_herinneren(vandaag, regel, eigen),
        laatst_verstreken(vandaag, regel, eigen),
        afwijkende,
    )


def ontvangers(**filter_: Any) -> list[Gebruiker]:
    """The active users with an e-mail address matching ``filter_`` (one query)."""
    return list(
        Gebruiker.objects.filter(is_active=True, **filter_)
        .exclude(email="")
        .select_related("gemeente")
        .order_by("pk")
    )
