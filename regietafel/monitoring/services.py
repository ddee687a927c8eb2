"""Writes for realisation figures. A figure is never overwritten: a changed figure for the
same peildatum supersedes the stored one, which is kept with ``vervangen_op`` set."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regietafel.audit.services import momentopname, registreer, verschillen
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring.models import NidosStand, Peilrecord, Realisatie, VergunninghoudersStand

P = TypeVar("P", bound=Peilrecord)


def eerste_van_de_maand(peildatum: dt.date) -> None:
    if peildatum.day != 1:
        raise ValidationError(
            f"De peildatum {peildatum:%d-%m-%Y} is geen eerste dag van de maand.", code="peildatum"
        )


def _registreer(
    model: type[P],
    *,
    door: Any,
    sleutel: dict[str, Any],
    waarden: dict[str, Any],
    bron: str,
    toelichting: str = "",
) -> tuple[P, bool]:
    """Append a figure; supersede the current one for the same key when it differs."""
    huidig = model.objects.actueel().filter(**sleutel).first()
    velden = list(waarden)
    nu = timezone.now()
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
) -> tuple[Realisatie, bool]:
    eerste_van_de_maand(peildatum)
    return _registreer(
        Realisatie,
        door=door,
        sleutel={"gemeente": gemeente, "soort": soort, "peildatum": peildatum},
        waarden={"aantal": aantal},
        bron=bron,
        toelichting=toelichting,
    )


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
) -> tuple[VergunninghoudersStand, bool]:
    eerste_van_de_maand(peildatum)
    if len(realisatie_maanden) > 6:
        raise ValidationError("Meer dan zes maanden realisatie in één halfjaar.")
    maanden = dict(
        zip(
            VergunninghoudersStand.MAANDVELDEN,
            (*realisatie_maanden, 0, 0, 0, 0, 0, 0),
            strict=False,
        )
    )
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
    )


@transaction.atomic
def registreer_nidos(
    *,
    door: Any,
    gemeente: Gemeente,
    peildatum: dt.date,
    gerealiseerd: int,
    taakstelling: int,
    bron: str = "",
) -> tuple[NidosStand, bool]:
    return _registreer(
        NidosStand,
        door=door,
        sleutel={"gemeente": gemeente, "peildatum": peildatum},
        waarden={"gerealiseerd": gerealiseerd, "taakstelling": taakstelling},
        bron=bron,
    )
