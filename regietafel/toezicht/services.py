"""Writes for interbestuurlijk toezicht: dossiers, steps and documents.

Every function takes the acting user as ``door`` (None: the system, e.g. the demo), checks
it, validates, writes in one transaction and records an audit entry.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel.audit.services import momentopname, registreer, verschillen
from regietafel.core import klok, opmaak
from regietafel.gemeenten.models import Gemeente
from regietafel.services import bewaar
from regietafel.toezicht import opslag
from regietafel.toezicht.models import Document, Dossier, DossierStatus, Stap, StapSoort, StapStatus
from regietafel.toezicht.permissions import mag_schrijven

STAP_VELDEN = ("termijn", "status", "notities")


def _schrijver(door: Any, gemeente: Gemeente) -> None:
    if door is not None and not mag_schrijven(door, gemeente.provincie_id):
        raise PermissionDenied("Alleen het secretariaat van de provincie voert toezichtdossiers.")


def _wijzig(door: Any, obj: Any, waarden: dict[str, Any]) -> bool:
    velden = list(waarden)
    oud = momentopname(obj, velden)
    for veld, waarde in waarden.items():
        setattr(obj, veld, waarde)
    diff = verschillen(oud, momentopname(obj, velden))
    if not diff:
        return False
    obj.full_clean()
    obj.save()
    registreer(door=door, actie="gewijzigd", obj=obj, wijzigingen=diff)
    return True


@transaction.atomic
def open_dossier(
    *,
    door: Any,
    gemeente: Gemeente,
    geopend_op: dt.date,
    onderwerp: str,
    notities: str = "",
    alleen_als_ontbreekt: bool = False,
) -> tuple[Dossier, bool]:
    """Open a dossier for ``gemeente`` (or return its open one: idempotent per gemeente).

    With ``alleen_als_ontbreekt`` (the demo) a dossier of ``gemeente`` opened on
    ``geopend_op`` (open or closed, whatever its subject now), or any open one of the gemeente,
    is returned as it is: only a gemeente without either gets a new dossier."""
    _schrijver(door, gemeente)
    if not onderwerp.strip():
        raise ValidationError("Geef het onderwerp van het toezicht.", code="onderwerp")
    if alleen_als_ontbreekt:
        er_is = (
            Dossier.objects.filter(gemeente=gemeente, geopend_op=geopend_op).first()
            or Dossier.objects.filter(gemeente=gemeente, status=DossierStatus.OPEN).first()
        )
        if er_is is not None:
            return er_is, False
    bestaand = (
        Dossier.objects.select_for_update()
        .filter(gemeente=gemeente, status=DossierStatus.OPEN)
        .first()
    )
    if bestaand is not None:
        if bestaand.geopend_op != geopend_op or bestaand.onderwerp != onderwerp:
            raise ValidationError(
                f"Er is al een open toezichtdossier voor {gemeente} (geopend op "
                f"{opmaak.datum(bestaand.geopend_op)}).",
                code="open",
            )
        return bestaand, False
    return bewaar(
        Dossier,
        door=door,
        sleutel={"gemeente": gemeente, "geopend_op": geopend_op, "status": DossierStatus.OPEN},
        waarden={"onderwerp": onderwerp, "notities": notities},
    )


@transaction.atomic
def wijzig_dossier(
    *, door: Any, dossier: Dossier, status: str, onderwerp: str, notities: str
) -> bool:
    _schrijver(door, dossier.gemeente)
    if status not in DossierStatus.values:
        raise ValidationError(f"Onbekende status: {status!r}.", code="status")
    if (
        status == DossierStatus.OPEN
        and dossier.status != DossierStatus.OPEN
        and Dossier.objects.filter(gemeente=dossier.gemeente, status=DossierStatus.OPEN).exists()
    ):
        raise ValidationError(f"{dossier.gemeente} heeft al een open dossier.", code="open")
    return _wijzig(door, dossier, {"status": status, "onderwerp": onderwerp, "notities": notities})


def _controleer_stap(soort: str, datum: dt.date, waarden: dict[str, Any]) -> None:
    if soort not in StapSoort.values:
        raise ValidationError(f"Onbekende stap: {soort!r}.", code="soort")
    if waarden.get("status", StapStatus.LOPEND) not in StapStatus.values:
        raise ValidationError(f"Onbekende status: {waarden.get('status')!r}.", code="status")
    termijn = waarden.get("termijn")
    if termijn is not None and termijn < datum:
        raise ValidationError("De termijn ligt vóór de datum van de stap.", code="termijn")


@transaction.atomic
def zet_stap(
    *,
    door: Any,
    dossier: Dossier,
    soort: str,
    datum: dt.date,
    alleen_als_ontbreekt: bool = False,
    **waarden: Any,
) -> tuple[Stap, bool]:
    """Add a step (or update the one of the same kind on the same day)."""
    _schrijver(door, dossier.gemeente)
    if set(waarden) - set(STAP_VELDEN):
        raise TypeError(f"onbekende velden: {sorted(set(waarden) - set(STAP_VELDEN))}")
    _controleer_stap(soort, datum, waarden)
    return bewaar(
        Stap,
        door=door,
        sleutel={"dossier": dossier, "soort": soort, "datum": datum},
        waarden=waarden,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


@transaction.atomic
def wijzig_stap(*, door: Any, stap: Stap, soort: str, datum: dt.date, **waarden: Any) -> bool:
    _schrijver(door, stap.dossier.gemeente)
    if set(waarden) - set(STAP_VELDEN):
        raise TypeError(f"onbekende velden: {sorted(set(waarden) - set(STAP_VELDEN))}")
    _controleer_stap(soort, datum, waarden)
    return _wijzig(door, stap, {"soort": soort, "datum": datum, **waarden})


@transaction.atomic
def voeg_document_toe(*, door: Any, stap: Stap, bestandsnaam: str, data: bytes) -> Document:
    """Keep an uploaded file with a step: toezicht/<sha256>.<ext>."""
    _schrijver(door, stap.dossier.gemeente)
    naam = PurePath(bestandsnaam.replace("\\", "/")).name.strip()[:255]
    ext = opslag.extensie(naam)
    if ext not in opslag.EXTENSIES:
        raise ValidationError(
            f"Bestanden van het type .{ext or '?'} worden niet bewaard; toegestaan: "
            f"{', '.join(sorted(opslag.EXTENSIES))}.",
            code="extensie",
        )
    if not data:
        raise ValidationError("Het bestand is leeg.", code="leeg")
    if len(data) > opslag.MAX_GROOTTE:
        raise ValidationError("Het bestand is groter dan 20 MB.", code="grootte")
    som = opslag.bewaar(data, ext)
    document = Document.objects.create(
        stap=stap,
        naam=naam,
        checksum=som,
        extensie=ext,
        grootte=len(data),
        geupload_op=klok.nu(),
        geupload_door=door if getattr(door, "pk", None) else None,
    )
    registreer(
        door=door,
        actie="aangemaakt",
        obj=document,
        wijzigingen={"naam": [None, naam], "grootte": [None, len(data)]},
        checksum=som,
    )
    return document
