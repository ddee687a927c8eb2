"""Writes of the reminders: a provincie's deadline (with ``door``, one transaction, a history
entry), and the daily run that plans the mail (``herinner``).

``herinner`` runs from the scheduler (Celery beat, every quarter of an hour from
``REGIETAFEL_HERINNERINGEN_VANAF_UUR``) or from cron (``regietafel herinneringen``). For every
provincie with an active deadline:

- every round in its reminder window (``domain.aanlevertermijn.te_herinneren``): each user of
  each gemeente that has not delivered (no submission awaiting review or approved) gets one
  reminder — key ``herinnering:<gemeente>:<peildatum>:<user>``;
- the newest round past its deadline: if gemeenten are late, each user of the secretariaat
  gets one summary a day — key ``samenvatting:<provincie>:<date>:<user>``.

A key that exists plans nothing (``berichten.plan``): running it again, on another server or
twice a minute, never sends twice. Messages are sent by the worker after the commit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from regietafel.accounts.models import Rol
from regietafel.audit.services import momentopname, registreer, verschillen
from regietafel.berichten.queries import uitgezet_per_gebruiker
from regietafel.berichten.services import plan
from regietafel.core import klok, opmaak
from regietafel.domain.aanlevertermijn import (
    Ronde,
    Termijnregel,
    Termijnsoort,
    laatst_verstreken,
    te_herinneren,
)
from regietafel.domain.feestdagen import Bevrijdingsdag
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.herinneringen import queries
from regietafel.herinneringen.berichten import HERINNERING, SAMENVATTING
from regietafel.herinneringen.models import Aanlevertermijn, AfwijkendeTermijn
from regietafel.herinneringen.permissions import mag_termijn_zetten

VELDEN = ("actief", "soort", "dag", "maanden_na_peildatum", "dagen_vooraf", "bevrijdingsdag")
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def datum_met_dag(datum: dt.date) -> str:
    """``donderdag 08-01-2026``."""
    return f"{WEEKDAGEN[datum.weekday()]} {opmaak.datum(datum)}"


def _mag(door: Any, provincie: Provincie) -> None:
    if door is not None and not mag_termijn_zetten(door, provincie.pk):
        raise PermissionDenied(f"U mag de aanlevertermijn van {provincie} niet zetten.")


@transaction.atomic
def zet_termijn(
    *,
    door: Any,
    provincie: Provincie,
    soort: str = Termijnsoort.WERKDAG,
    dag: int = 5,
    maanden_na_peildatum: int = 0,
    dagen_vooraf: int = 3,
    bevrijdingsdag: str = Bevrijdingsdag.LUSTRUM,
    actief: bool = True,
    alleen_als_ontbreekt: bool = False,
) -> tuple[Aanlevertermijn, bool]:
    """Set the provincie's rule; returns (termijn, changed). The secretariaat of the provincie
    (or a superuser; ``door=None``: the CLI and the demo)."""
    _mag(door, provincie)
    try:
        Termijnregel(
            Termijnsoort(soort),
            dag,
            maanden_na_peildatum,
            dagen_vooraf,
            Bevrijdingsdag(bevrijdingsdag),
        )
    except ValueError as exc:
        tekst = str(exc)
        raise ValidationError(tekst[:1].upper() + tekst[1:] + ".", code="termijn") from exc
    huidig = Aanlevertermijn.objects.select_for_update().filter(provincie=provincie).first()
    if huidig is not None and alleen_als_ontbreekt:
        return huidig, False
    waarden = {
        "actief": actief,
        "soort": str(Termijnsoort(soort)),
        "dag": dag,
        "maanden_na_peildatum": maanden_na_peildatum,
        "dagen_vooraf": dagen_vooraf,
        "bevrijdingsdag": str(Bevrijdingsdag(bevrijdingsdag)),
    }
    oud = momentopname(huidig, VELDEN) if huidig is not None else None
    termijn = huidig or Aanlevertermijn(provincie=provincie)
    for veld, waarde in waarden.items():
        setattr(termijn, veld, waarde)
    diff = verschillen(oud, momentopname(termijn, VELDEN))
    if not diff:
        return termijn, False
    termijn.save()
    registreer(
        door=door,
        actie="gewijzigd" if huidig else "aangemaakt",
        obj=termijn,
        wijzigingen=diff,
        bron="aanlevertermijn",
    )
    return termijn, True


@transaction.atomic
def zet_afwijkende_termijn(
    *,
    door: Any,
    provincie: Provincie,
    peildatum: dt.date,
    uiterste_datum: dt.date,
    toelichting: str = "",
) -> AfwijkendeTermijn:
    """A deadline for one peildatum instead of the rule's."""
    _mag(door, provincie)
    if peildatum.day != 1:
        raise ValidationError(
            f"De peildatum {opmaak.datum(peildatum)} is geen eerste dag van de maand.",
            code="peildatum",
        )
    if not peildatum <= uiterste_datum <= peildatum + dt.timedelta(days=92):
        raise ValidationError(
            f"De uiterste datum {opmaak.datum(uiterste_datum)} ligt niet tussen de peildatum en drie "
            "maanden erna.",
            code="uiterste_datum",
        )
    toelichting = toelichting.strip()[:200]
    huidig = (
        AfwijkendeTermijn.objects.select_for_update()
        .filter(provincie=provincie, peildatum=peildatum)
        .first()
    )
    velden = ("uiterste_datum", "toelichting")
    oud = momentopname(huidig, velden) if huidig else None
    termijn = huidig or AfwijkendeTermijn(provincie=provincie, peildatum=peildatum)
    termijn.uiterste_datum, termijn.toelichting = uiterste_datum, toelichting
    diff = verschillen(oud, momentopname(termijn, velden))
    if diff:
        termijn.save()
        registreer(
            door=door,
            actie="gewijzigd" if huidig else "aangemaakt",
            obj=termijn,
            wijzigingen=diff,
            bron="aanlevertermijn",
        )
    return termijn


@transaction.atomic
def verwijder_afwijkende_termijn(*, door: Any, termijn: AfwijkendeTermijn) -> None:
    _mag(door, termijn.provincie)
    registreer(
        door=door,
        actie="verwijderd",
        obj=termijn,
        wijzigingen={"uiterste_datum": [termijn.uiterste_datum.isoformat(), None]},
        bron="aanlevertermijn",
    )
    termijn.delete()


# --- the daily run ----------------------------------------------------------------------------


@dataclass
class Uitkomst:
    herinneringen: int = 0
    samenvattingen: int = 0
    rondes: list[str] = field(default_factory=list)
    """In Dutch, per provincie what was looked at: "Drenthe: herinneren voor 01-01-2026 …"."""


def _herinner_ronde(termijn: Aanlevertermijn, ronde: Ronde, vandaag: dt.date) -> int:
    provincie = termijn.provincie
    te_laat = queries.niet_aangeleverd(provincie.pk, ronde.peildatum)
    if not te_laat:
        return 0
    gebruikers = queries.ontvangers(rol=Rol.GEMEENTE, gemeente__in=te_laat)
    voorkeuren = uitgezet_per_gebruiker(gebruikers)
    pad = f"{reverse('inzendingen')}?peildatum={ronde.peildatum.isoformat()}"
    aantal = 0
    for gebruiker in gebruikers:
        gemeente = gebruiker.gemeente
        assert gemeente is not None
        onderwerp = (
            f"Herinnering: lever de cijfers van {gemeente.naam} per "
            f"{opmaak.datum(ronde.peildatum)} uiterlijk {opmaak.datum(ronde.uiterste_datum)} aan"
        )
        bericht = plan(
            door=None,
            soort=HERINNERING.naam,
            sleutel=f"herinnering:{gemeente.pk}:{ronde.peildatum.isoformat()}:{gebruiker.pk}",
            ontvanger=gebruiker,
            onderwerp=onderwerp,
            template="herinneringen/mail/herinnering",
            context={
                "onderwerp": onderwerp,
                "gemeente": gemeente,
                "ronde": ronde,
                "uiterlijk": datum_met_dag(ronde.uiterste_datum),
                "regel": termijn.regel().omschrijving(),
                "pad": pad,
                "vandaag": vandaag,
            },
            uit=voorkeuren.get(gebruiker.pk, set()),
        )
        aantal += bericht is not None
    return aantal


def _samenvatting(termijn: Aanlevertermijn, ronde: Ronde, vandaag: dt.date) -> int:
    provincie = termijn.provincie
    status = queries.status_per_gemeente(provincie.pk, ronde.peildatum)
    te_laat = [
        (g, status[g.pk])
        for g in Gemeente.objects.filter(provincie=provincie).order_by("naam")
        if status.get(g.pk) not in queries.AANGELEVERD
    ]
    if not te_laat:
        return 0
    te_beoordelen = sum(1 for s in status.values() if s == "ingediend")
    gebruikers = queries.ontvangers(rol=Rol.SECRETARIAAT, provincie=provincie)
    voorkeuren = uitgezet_per_gebruiker(gebruikers)
    onderwerp = (
        f"{len(te_laat)} {'gemeente is' if len(te_laat) == 1 else 'gemeenten zijn'} te laat met "
        f"de cijfers per {opmaak.datum(ronde.peildatum)} ({provincie.naam})"
    )
    aantal = 0
    for gebruiker in gebruikers:
        bericht = plan(
            door=None,
            soort=SAMENVATTING.naam,
            sleutel=f"samenvatting:{provincie.pk}:{vandaag.isoformat()}:{gebruiker.pk}",
            ontvanger=gebruiker,
            onderwerp=onderwerp,
            template="herinneringen/mail/samenvatting",
            context={
                "onderwerp": onderwerp,
                "provincie": provincie,
                "ronde": ronde,
                "uiterlijk": datum_met_dag(ronde.uiterste_datum),
                "te_laat": te_laat,
                "te_beoordelen": te_beoordelen,
                "totaal": len(status),
                "inzendingen_pad": reverse("inzendingen"),
                "termijn_pad": reverse("herinneringen:termijn"),
                "vandaag": vandaag,
            },
            uit=voorkeuren.get(gebruiker.pk, set()),
        )
        aantal += bericht is not None
    return aantal


def herinner(*, vandaag: dt.date | None = None) -> Uitkomst:
    """Plan today's reminders and summaries (see the module's text); idempotent."""
    vandaag = vandaag or klok.vandaag()
    uitkomst = Uitkomst()
    termijnen = Aanlevertermijn.objects.filter(actief=True).select_related("provincie")
    for termijn in termijnen.order_by("provincie__naam"):
        with transaction.atomic():
            regel = termijn.regel()
            eigen = queries.afwijkend(termijn.provincie_id)
            for ronde in te_herinneren(vandaag, regel, eigen):
                n = _herinner_ronde(termijn, ronde, vandaag)
                uitkomst.herinneringen += n
                uitkomst.rondes.append(
                    f"{termijn.provincie.naam}: herinneren voor peildatum "
                    f"{opmaak.datum(ronde.peildatum)} (uiterlijk {opmaak.datum(ronde.uiterste_datum)}), "
                    f"{n} nieuwe herinneringen"
                )
            verstreken = laatst_verstreken(vandaag, regel, eigen)
            if verstreken is not None:
                n = _samenvatting(termijn, verstreken, vandaag)
                uitkomst.samenvattingen += n
                if n:
                    uitkomst.rondes.append(
                        f"{termijn.provincie.naam}: {n} overzichten van wie te laat is voor "
                        f"peildatum {opmaak.datum(verstreken.peildatum)}"
                    )
    return uitkomst


__all__ = [
    "Uitkomst",
    "herinner",
    "verwijder_afwijkende_termijn",
    "zet_afwijkende_termijn",
    "zet_termijn",
]
