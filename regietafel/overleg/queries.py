"""Reads for the pages and documents: each a constant number of SQL queries.

``Lijst`` is the actie- en besluitenlijst of one meeting, computed once and rendered three
times (the page, the PDF, the DOCX).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from regietafel.core import klok
from regietafel.domain.overleg import Lijststatus, instemming
from regietafel.gemeenten.models import Provincie
from regietafel.overleg import opslag
from regietafel.overleg.models import (
    Actie,
    ActieStatus,
    Agendapunt,
    Besluit,
    Bijlage,
    Brief,
    Overleg,
)


def overleggen(provincie: Provincie) -> QuerySet[Overleg]:
    return (
        Overleg.objects.filter(provincie=provincie)
        .select_related("vastgesteld_in")
        .order_by("-datum", "-id")
    )


def komend_en_voorbij(
    provincie: Provincie, vandaag: dt.date | None = None
) -> tuple[list[Overleg], list[Overleg]]:
    vandaag = vandaag or klok.vandaag()
    alle = list(overleggen(provincie))
    komend = sorted((o for o in alle if o.datum >= vandaag), key=lambda o: o.datum)
    return komend, [o for o in alle if o.datum < vandaag]


def overleg_volledig(provincie: Provincie, pk: int) -> Overleg:
    """One meeting of ``provincie`` with its items, attachments, decisions, letters (raises
    Overleg.DoesNotExist)."""
    return (
        Overleg.objects.filter(provincie=provincie)
        .select_related("vastgesteld_in", "provincie")
        .prefetch_related(
            Prefetch(
                "agendapunten",
                queryset=Agendapunt.objects.order_by("volgorde", "id").prefetch_related(
                    Prefetch("bijlagen", queryset=Bijlage.objects.order_by("id")),
                    Prefetch("besluiten", queryset=Besluit.objects.order_by("id")),
                    Prefetch("brieven", queryset=Brief.objects.order_by("ontvangen", "id")),
                ),
            ),
            "stelt_vast",
        )
        .get(pk=pk)
    )


def acties_van(overleg: Overleg) -> list[Actie]:
    """The actions the list of ``overleg`` shows: its own, then those carried over (open, or
    closed at this meeting) from earlier meetings."""
    return list(
        Actie.objects.filter(acties_bij(overleg))
        .select_related("agendapunt__overleg", "afgerond_in")
        .order_by("agendapunt__overleg__datum", "agendapunt__volgorde", "id")
    )


@dataclass(frozen=True)
class ActieRegel:
    actie: Actie
    meegenomen: bool
    """Agreed at an earlier meeting and still shown here (carried over)."""

    @property
    def status_tekst(self) -> str:
        if self.actie.status == ActieStatus.AFGEROND:
            return "Afgerond"
        return "Open"

    @property
    def tekst(self) -> str:
        """ "Omschrijving (deadline 1-3-2026) — afgerond", as the list prints it."""
        from regietafel.core import opmaak

        tekst = self.actie.omschrijving
        if self.actie.deadline:
            tekst += f" (deadline {opmaak.datum(self.actie.deadline)})"
        if self.actie.status == ActieStatus.AFGEROND:
            tekst += " — afgerond"
        return tekst


@dataclass(frozen=True)
class LijstPunt:
    punt: Agendapunt
    regels: tuple[str, ...]
    besluiten: tuple[str, ...]
    acties: tuple[ActieRegel, ...]
    ingestemd: Overleg | None = None
    """For the item that approves the previous list: that meeting."""

    @property
    def instemming(self) -> str:
        """ "Actie- en besluitenlijst 19 november 2025: Ingestemd." at the approving item."""
        return instemming(self.ingestemd.datum) if self.ingestemd is not None else ""


@dataclass(frozen=True)
class Lijst:
    overleg: Overleg
    punten: tuple[LijstPunt, ...]
    meegenomen: tuple[ActieRegel, ...]
    alle_acties: tuple[ActieRegel, ...] = field(default=())

    @property
    def status(self) -> Lijststatus:
        return self.overleg.lijststatus

    @property
    def concept(self) -> bool:
        return self.status.concept

    @property
    def status_tekst(self) -> str:
        return self.status.kort


def lijst(overleg: Overleg) -> Lijst:
    """The actie- en besluitenlijst of ``overleg`` (loaded with ``overleg_volledig``)."""
    acties = acties_van(overleg)
    per_punt: dict[int, list[ActieRegel]] = {}
    meegenomen: list[ActieRegel] = []
    alle: list[ActieRegel] = []
    for a in acties:
        regel = ActieRegel(a, meegenomen=a.agendapunt.overleg_id != overleg.pk)
        alle.append(regel)
        if regel.meegenomen:
            meegenomen.append(regel)
        else:
            per_punt.setdefault(a.agendapunt_id, []).append(regel)
    goedgekeurd = list(overleg.stelt_vast.all())
    punten = []
    for p in overleg.agendapunten.all():
        regels = tuple(r.strip(" •-\t") for r in p.aantekeningen.splitlines() if r.strip(" •-\t"))
        besluiten = tuple(b.tekst for b in p.besluiten.all())
        eigen = tuple(per_punt.get(p.pk, ()))
        ingestemd = goedgekeurd[0] if p.vaststelling_vorige_lijst and goedgekeurd else None
        if regels or besluiten or eigen or ingestemd:
            punten.append(LijstPunt(p, regels, besluiten, eigen, ingestemd))
    return Lijst(overleg, tuple(punten), tuple(meegenomen), tuple(alle))


def brieven(provincie: Provincie) -> QuerySet[Brief]:
    return (
        Brief.objects.filter(provincie=provincie)
        .prefetch_related(
            Prefetch(
                "agendapunten",
                queryset=Agendapunt.objects.select_related("overleg").order_by(
                    "overleg__datum", "volgorde"
                ),
            )
        )
        .order_by("-ontvangen", "-id")
    )


def alle_acties(provincie: Provincie, status: str = "") -> QuerySet[Actie]:
    qs = Actie.objects.filter(agendapunt__overleg__provincie=provincie).select_related(
        "agendapunt__overleg", "afgerond_in"
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("status", "deadline", "agendapunt__overleg__datum", "id")


def agendapunten_keuze(provincie: Provincie) -> QuerySet[Agendapunt]:
    return (
        Agendapunt.objects.filter(overleg__provincie=provincie)
        .select_related("overleg")
        .order_by("-overleg__datum", "volgorde")
    )


def vorig_overleg(overleg: Overleg) -> Overleg | None:
    """The meeting before ``overleg`` (same provincie and soort): its list is approved here."""
    return (
        Overleg.objects.filter(
            provincie_id=overleg.provincie_id, soort=overleg.soort, datum__lt=overleg.datum
        )
        .order_by("-datum", "-id")
        .first()
    )


def stand_titel(provincie: Provincie) -> str:
    from regietafel.core.opmaak import bijvoeglijk

    bijv = bijvoeglijk(provincie.naam) or provincie.naam
    return f"Stand van zaken {bijv} asiel-, Oekraïne- en huisvestingsopgaven"


def lees_bijlage(bijlage: Bijlage) -> bytes | None:
    if bijlage.verwijderd_op is not None:
        return None
    return opslag.lees(bijlage.checksum, bijlage.extensie)


def acties_bij(overleg: Overleg) -> Q:
    """The actions a meeting's list shows: agreed at this meeting or earlier (same provincie
    and soort), and open or closed at this meeting or later — one object, carried over."""
    return Q(
        agendapunt__overleg__provincie_id=overleg.provincie_id,
        agendapunt__overleg__soort=overleg.soort,
        agendapunt__overleg__datum__lte=overleg.datum,
    ) & (Q(afgerond_in__isnull=True) | Q(afgerond_in__datum__gte=overleg.datum))


def bewaartermijn_dagen() -> int:
    return int(getattr(settings, "REGIETAFEL_BEWAARTERMIJN_OVERLEG_DAGEN", 730))


@dataclass
class Opschoning:
    grens: dt.date
    aantekeningen: list[Agendapunt] = field(default_factory=list)
    bijlagen: list[Bijlage] = field(default_factory=list)
    brieven: list[Brief] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return len(self.aantekeningen) + len(self.bijlagen) + len(self.brieven)


def te_schonen(vandaag: dt.date | None = None, dagen: int | None = None) -> Opschoning:
    """What the retention term removes: personal notes of meetings, attachments marked as
    holding personal data, and letters' attachments, older than the term."""
    vandaag = vandaag or klok.vandaag()
    grens = vandaag - dt.timedelta(days=bewaartermijn_dagen() if dagen is None else dagen)
    return Opschoning(
        grens=grens,
        aantekeningen=list(
            Agendapunt.objects.filter(overleg__datum__lt=grens)
            .exclude(persoonlijke_aantekeningen="")
            .select_related("overleg")
        ),
        bijlagen=list(
            Bijlage.objects.filter(
                agendapunt__overleg__datum__lt=grens,
                persoonsgegevens=True,
                verwijderd_op__isnull=True,
            ).select_related("agendapunt__overleg")
        ),
        brieven=list(
            Brief.objects.filter(ontvangen__lt=grens, persoonsgegevens=True).filter(
                (Q(verwijderd_op__isnull=True) & ~Q(bestandsnaam="")) | ~Q(tekst="")
            )
        ),
    )
