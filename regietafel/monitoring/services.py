"""Writes for realisation figures. A figure is never overwritten: a changed figure for the
same peildatum supersedes the stored one, which is kept with ``vervangen_op`` set.

With ``alleen_als_ontbreekt`` (the demo loaders) a figure is only added where there is no
current one for its key (gemeente, soort and peildatum; gemeente and peildatum for the COA
and Nidos standen), whoever wrote that one: a user's, an inzending's or an import's figure
is never superseded by the demo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel.audit.services import (
    Beschrijving,
    momentopname,
    registreer,
    registreer_beschreven,
    registreer_reeks,
    verschillen,
)
from regietafel.core import klok, opmaak
from regietafel.core.invoegen import voeg_in
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring.berichten import mail_teruggestuurd
from regietafel.monitoring.models import (
    Inzending,
    InzendingRegel,
    InzendingStatus,
    NidosStand,
    Peilrecord,
    Projectie,
    Realisatie,
    VergunninghoudersStand,
)
from regietafel.monitoring.permissions import mag_beoordelen, mag_inzenden
from regietafel.opgaven.models import Soort

P = TypeVar("P", bound=Peilrecord)


def eerste_van_de_maand(peildatum: dt.date) -> None:
    if peildatum.day != 1:
        raise ValidationError(
            f"De peildatum {opmaak.datum(peildatum)} is geen eerste dag van de maand.",
            code="peildatum",
        )


def _registreer(
    model: type[P],
    *,
    door: Any,
    sleutel: dict[str, Any],
    waarden: dict[str, Any],
    bron: str,
    toelichting: str = "",
    alleen_als_ontbreekt: bool = False,
) -> tuple[P, bool]:
    """Append a figure; supersede the current one for the same key when it differs (unless
    ``alleen_als_ontbreekt``: then a current figure stays, whatever its value)."""
    huidig = model.objects.actueel().filter(**sleutel).first()
    if huidig is not None and alleen_als_ontbreekt:
        return huidig, False
    velden = list(waarden)
    nu = klok.nu()
    nieuw = model(
        **sleutel,
        **waarden,
        bron=bron,
        toelichting=toelichting,
        geregistreerd_op=nu,
        geregistreerd_door=door if getattr(door, "pk", None) else None,
    )
    nieuw.full_clean(validate_constraints=False)
    if huidig is not None:
        oud = momentopname(huidig, velden)
        diff = verschillen(oud, momentopname(nieuw, velden))
        if not diff:
            return huidig, False
        huidig.vervangen_op = nu
        huidig.save(update_fields=["vervangen_op"])
        nieuw.save()
        registreer(door=door, actie="vervangen", obj=nieuw, wijzigingen=diff, bron=bron)
        return nieuw, True
    nieuw.save()
    registreer(
        door=door,
        actie="aangemaakt",
        obj=nieuw,
        wijzigingen=verschillen(None, momentopname(nieuw, velden)),
        bron=bron,
    )
    return nieuw, True


def _reikwijdte(rij: Any) -> tuple[int | None, int | None]:
    """A figure's scope for its history entry, from the row's own gemeente (no query)."""
    return rij.gemeente.pk, rij.gemeente.provincie_id


@transaction.atomic
def registreer_realisatie(
    *,
    door: Any,
    gemeente: Gemeente,
    soort: str,
    peildatum: dt.date,
    aantal: int,
    bron: str = "",
    toelichting: str = "",
    alleen_als_ontbreekt: bool = False,
) -> tuple[Realisatie, bool]:
    eerste_van_de_maand(peildatum)
    return _registreer(
        Realisatie,
        door=door,
        sleutel={"gemeente": gemeente, "soort": soort, "peildatum": peildatum},
        waarden={"aantal": aantal},
        bron=bron,
        toelichting=toelichting,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


@dataclass(frozen=True)
class RealisatieInvoer:
    gemeente: Gemeente
    soort: str
    peildatum: dt.date
    aantal: int


@transaction.atomic
def registreer_realisaties(
    *, door: Any, rijen: Iterable[RealisatieInvoer], bron: str = "", checksum: str = ""
) -> int:
    """The bulk form of ``registreer_realisatie`` for imports: same rules, a constant number
    of queries per batch instead of a handful per row. Returns the number of figures written."""
    rijen = list(rijen)
    for rij in rijen:
        eerste_van_de_maand(rij.peildatum)
        if rij.aantal < 0:
            raise ValidationError(f"{rij.gemeente}: realisatie {rij.aantal} is negatief.")
    huidig = {
        (r.gemeente_id, r.soort, r.peildatum): r
        for r in Realisatie.objects.actueel().filter(
            peildatum__in={r.peildatum for r in rijen},
            soort__in={r.soort for r in rijen},
            gemeente__in={r.gemeente.pk for r in rijen},
        )
    }
    nu = klok.nu()
    door_id = door.pk if getattr(door, "pk", None) else None
    nieuw: list[RealisatieInvoer] = []
    oud_aantal: list[int | None] = []
    vervangen: list[int] = []
    for rij in rijen:
        oud = huidig.get((rij.gemeente.pk, rij.soort, rij.peildatum))
        if oud is not None and oud.aantal == rij.aantal:
            continue
        if oud is not None:
            vervangen.append(oud.pk)
        oud_aantal.append(oud.aantal if oud else None)
        nieuw.append(rij)
    _markeer_vervangen(Realisatie, vervangen, nu)
    # Rows as tuples, the fields every row shares given once (core.invoegen): building a
    # model instance per figure was a good part of a large import's time. The history entries
    # go through audit.services (each a link of the chain), described without an instance.
    sleutels = voeg_in(
        Realisatie,
        ("gemeente_id", "soort", "peildatum", "aantal"),
        ((r.gemeente.pk, r.soort, r.peildatum, r.aantal) for r in nieuw),
        vast={"bron": bron, "geregistreerd_op": nu, "geregistreerd_door_id": door_id},
    )
    registreer_beschreven(
        door=door,
        object_type=Realisatie._meta.label_lower,
        regels=(
            Beschrijving(
                actie="aangemaakt" if oud is None else "vervangen",
                object_id=str(pk),
                omschrijving=Realisatie.omschrijving(r.gemeente, r.soort, r.peildatum, r.aantal),
                wijzigingen={"aantal": [oud, r.aantal]},
                gemeente_id=r.gemeente.pk,
                provincie_id=r.gemeente.provincie_id,
            )
            for r, oud, pk in zip(nieuw, oud_aantal, sleutels, strict=True)
        ),
        bron=bron,
        checksum=checksum,
        moment=nu,
    )
    return len(nieuw)


def _maanden(realisatie_maanden: tuple[int, ...]) -> dict[str, int]:
    """A half year's realisation per month as the stand's month fields (missing months 0)."""
    if len(realisatie_maanden) > 6:
        raise ValidationError("Meer dan zes maanden realisatie in één halfjaar.")
    return dict(
        zip(
            VergunninghoudersStand.MAANDVELDEN,
            (*realisatie_maanden, 0, 0, 0, 0, 0, 0),
            strict=False,
        )
    )


def _markeer_vervangen(model: type[Peilrecord], pks: list[int], nu: dt.datetime) -> None:
    """Mark the superseded records, in batches of 5.000 ids."""
    for begin in range(0, len(pks), 5000):
        model.objects.filter(pk__in=pks[begin : begin + 5000]).update(vervangen_op=nu)


@transaction.atomic
def registreer_vergunninghouders(
    *,
    door: Any,
    gemeente: Gemeente,
    peildatum: dt.date,
    jaar: int,
    stand_1_jan: int,
    taakstelling_h1: int,
    realisatie_h1: int,
    taakstelling_h2: int,
    correcties: int,
    realisatie_maanden: tuple[int, ...],
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
) -> tuple[VergunninghoudersStand, bool]:
    eerste_van_de_maand(peildatum)
    maanden = _maanden(realisatie_maanden)
    return _registreer(
        VergunninghoudersStand,
        door=door,
        sleutel={"gemeente": gemeente, "peildatum": peildatum},
        waarden={
            "jaar": jaar,
            "stand_1_jan": stand_1_jan,
            "taakstelling_h1": taakstelling_h1,
            "realisatie_h1": realisatie_h1,
            "taakstelling_h2": taakstelling_h2,
            "correcties": correcties,
            **maanden,
        },
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


@dataclass(frozen=True)
class VergunninghoudersInvoer:
    """One row of COA's overview for ``registreer_vergunninghouders_standen``."""

    gemeente: Gemeente
    peildatum: dt.date
    jaar: int
    stand_1_jan: int
    taakstelling_h1: int
    realisatie_h1: int
    taakstelling_h2: int
    correcties: int
    realisatie_maanden: tuple[int, ...]


def _huidige_standen(
    rijen: list[VergunninghoudersInvoer],
) -> dict[tuple[int, dt.date], VergunninghoudersStand]:
    """The current stand per (gemeente id, peildatum) of the rows (one query)."""
    return {
        (s.gemeente_id, s.peildatum): s
        for s in VergunninghoudersStand.objects.actueel().filter(
            peildatum__in={r.peildatum for r in rijen},
            gemeente__in={r.gemeente.pk for r in rijen},
        )
    }


def _nieuwe_stand(
    rij: VergunninghoudersInvoer, *, bron: str, nu: dt.datetime, door_id: int | None
) -> VergunninghoudersStand:
    """One row as an unsaved, validated stand."""
    eerste_van_de_maand(rij.peildatum)
    stand = VergunninghoudersStand(
        gemeente=rij.gemeente,
        peildatum=rij.peildatum,
        jaar=rij.jaar,
        stand_1_jan=rij.stand_1_jan,
        taakstelling_h1=rij.taakstelling_h1,
        realisatie_h1=rij.realisatie_h1,
        taakstelling_h2=rij.taakstelling_h2,
        correcties=rij.correcties,
        **_maanden(rij.realisatie_maanden),
        bron=bron,
        geregistreerd_op=nu,
        geregistreerd_door_id=door_id,
    )
    # The foreign keys are the rows' own objects: no query per row to check them.
    stand.full_clean(
        exclude=["gemeente", "geregistreerd_door"],
        validate_unique=False,
        validate_constraints=False,
    )
    return stand


@transaction.atomic
def registreer_vergunninghouders_standen(
    *, door: Any, rijen: Iterable[VergunninghoudersInvoer], bron: str = "", checksum: str = ""
) -> int:
    """The bulk form of ``registreer_vergunninghouders`` for the COA import: the same rules
    (a changed stand supersedes the stored one, which is kept; one history entry per changed
    record with its old → new values), in a constant number of queries for any number of
    rows. Returns the number of stands written."""
    rijen = list(rijen)
    huidig = _huidige_standen(rijen)
    nu = klok.nu()
    door_id = door.pk if getattr(door, "pk", None) else None
    nieuw: list[VergunninghoudersStand] = []
    diffs: list[tuple[str, dict[str, list[Any]]]] = []
    vervangen: list[int] = []
    for rij in rijen:
        stand = _nieuwe_stand(rij, bron=bron, nu=nu, door_id=door_id)
        oud = huidig.get((rij.gemeente.pk, rij.peildatum))
        if oud is not None:
            diff = verschillen(
                momentopname(oud, VergunninghoudersStand.STANDVELDEN),
                momentopname(stand, VergunninghoudersStand.STANDVELDEN),
            )
            if not diff:
                continue
            vervangen.append(oud.pk)
            diffs.append(("vervangen", diff))
        else:
            diffs.append(
                (
                    "aangemaakt",
                    verschillen(None, momentopname(stand, VergunninghoudersStand.STANDVELDEN)),
                )
            )
        nieuw.append(stand)
    _markeer_vervangen(VergunninghoudersStand, vervangen, nu)
    VergunninghoudersStand.objects.bulk_create(nieuw, batch_size=5000)
    registreer_reeks(
        door=door,
        regels=((actie, s, diff) for s, (actie, diff) in zip(nieuw, diffs, strict=True)),
        bron=bron,
        checksum=checksum,
        reikwijdte_van=_reikwijdte,
    )
    return len(nieuw)


@transaction.atomic
def registreer_nidos(
    *,
    door: Any,
    gemeente: Gemeente,
    peildatum: dt.date,
    gerealiseerd: int,
    taakstelling: int,
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
) -> tuple[NidosStand, bool]:
    return _registreer(
        NidosStand,
        door=door,
        sleutel={"gemeente": gemeente, "peildatum": peildatum},
        waarden={"gerealiseerd": gerealiseerd, "taakstelling": taakstelling},
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


# --- Inzendingen: a gemeente's own figures, checked by the secretariaat -----------------

INZENDING_SOORTEN: tuple[str, ...] = (Soort.OEKRAINE, Soort.REGULIER, Soort.AMV)


@transaction.atomic
def dien_in(
    *,
    door: Any,
    gemeente: Gemeente,
    peildatum: dt.date,
    aantallen: Mapping[str, int],
    toelichting: str = "",
) -> Inzending:
    """A gemeente user submits its realisation per soort for a peildatum. Nothing reaches the
    figures until the secretariaat approves (``keur_goed``)."""
    if not mag_inzenden(door, gemeente):
        raise PermissionDenied(f"U mag geen cijfers inzenden voor {gemeente}.")
    eerste_van_de_maand(peildatum)
    if peildatum > klok.deze_maand():
        raise ValidationError(
            f"De peildatum {opmaak.datum(peildatum)} ligt in de toekomst.", code="peildatum"
        )
    onbekend = set(aantallen) - set(INZENDING_SOORTEN)
    if onbekend:
        raise ValidationError(f"Onbekende soort: {', '.join(sorted(onbekend))}.", code="soort")
    if not aantallen:
        raise ValidationError("Vul voor ten minste één soort een aantal in.", code="leeg")
    for soort, aantal in aantallen.items():
        if aantal < 0:
            raise ValidationError(f"{Soort(soort).label}: {aantal} is negatief.", code="negatief")
    open_ = (
        Inzending.objects.select_for_update()
        .filter(gemeente=gemeente, peildatum=peildatum, status=InzendingStatus.INGEDIEND)
        .exists()
    )
    if open_:
        raise ValidationError(
            f"Voor {opmaak.datum(peildatum)} ligt al een inzending ter beoordeling bij het "
            "secretariaat. Wacht op de beoordeling, of vraag het secretariaat haar terug te sturen.",
            code="open",
        )
    inzending = Inzending.objects.create(
        gemeente=gemeente,
        peildatum=peildatum,
        status=InzendingStatus.INGEDIEND,
        ingediend_door=door,
        ingediend_op=klok.nu(),
    )
    regels = InzendingRegel.objects.bulk_create(
        InzendingRegel(inzending=inzending, soort=soort, aantal=aantal, toelichting=toelichting)
        for soort, aantal in sorted(aantallen.items(), key=lambda s: INZENDING_SOORTEN.index(s[0]))
    )
    registreer(
        door=door,
        actie="ingediend",
        obj=inzending,
        wijzigingen={r.soort: [None, r.aantal] for r in regels},
        bron=f"Inzending gemeente {gemeente.naam}",
    )
    return inzending


def _te_beoordelen(door: Any, inzending: Inzending) -> Inzending:
    """The submission, locked and re-read; refuses a non-reviewer and a handled submission."""
    if not mag_beoordelen(door, inzending.gemeente):
        raise PermissionDenied("U mag inzendingen van deze gemeente niet beoordelen.")
    vers = Inzending.objects.select_for_update().select_related("gemeente").get(pk=inzending.pk)
    if not vers.open:
        raise ValidationError(
            f"Deze inzending is al beoordeeld ({vers.get_status_display().lower()}).",
            code="beoordeeld",
        )
    return vers


def inzending_bron(inzending: Inzending) -> str:
    return (
        f"Inzending gemeente {inzending.gemeente.naam} van {opmaak.datum(inzending.ingediend_op)}"
    )


@transaction.atomic
def keur_goed(*, door: Any, inzending: Inzending) -> Inzending:
    """Approve: each figure goes through ``registreer_realisatie`` (a changed figure
    supersedes the stored one, which is kept), registered as the approver's."""
    vers = _te_beoordelen(door, inzending)
    bron = inzending_bron(vers)
    for regel in vers.regels.all():
        registreer_realisatie(
            door=door,
            gemeente=vers.gemeente,
            soort=regel.soort,
            peildatum=vers.peildatum,
            aantal=regel.aantal,
            bron=bron,
            toelichting=regel.toelichting,
        )
    vers.status = InzendingStatus.GOEDGEKEURD
    vers.beoordeeld_door = door
    vers.beoordeeld_op = klok.nu()
    vers.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op"])
    registreer(
        door=door,
        actie="goedgekeurd",
        obj=vers,
        wijzigingen={"status": [InzendingStatus.INGEDIEND.value, vers.status]},
        bron=bron,
    )
    return vers


@transaction.atomic
def stuur_terug(*, door: Any, inzending: Inzending, opmerking: str) -> Inzending:
    """Return with a remark (required); the stored figures stay as they are."""
    opmerking = opmerking.strip()
    if not opmerking:
        raise ValidationError(
            "Schrijf bij het terugsturen op wat de gemeente moet verbeteren.", code="opmerking"
        )
    vers = _te_beoordelen(door, inzending)
    vers.status = InzendingStatus.TERUGGESTUURD
    vers.beoordeeld_door = door
    vers.beoordeeld_op = klok.nu()
    vers.opmerking = opmerking
    vers.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op", "opmerking"])
    mail_teruggestuurd(door, vers)
    registreer(
        door=door,
        actie="teruggestuurd",
        obj=vers,
        wijzigingen={
            "status": [InzendingStatus.INGEDIEND.value, vers.status],
            "opmerking": [None, opmerking],
        },
        bron=inzending_bron(vers),
    )
    return vers


def bewaar_projecties(rijen: Sequence[Projectie]) -> None:
    """Store projections (``monitoring.projectie``), replacing those of the same soort and
    sleutel. Operational state like a job: no history entry (it would move the data version
    the projection was made for), no ``door``: the job makes them."""
    Projectie.objects.bulk_create(
        rijen,
        update_conflicts=True,
        unique_fields=["soort", "sleutel"],
        update_fields=["code", "volgnummer", "provincie_id", "inhoud", "gemaakt_op"],
    )
