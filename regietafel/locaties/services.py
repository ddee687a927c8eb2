"""Writes for locations (R7): create, edit and end — each validated, in one transaction, audited.

``door`` is the acting user; the role check is repeated here (not only in the view), so a
gemeente user can never write another gemeente's location, whatever the request says.
``door=None`` is the system itself (the demo loader), which is not checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel.audit.services import momentopname, registreer, verschillen
from regietafel.core import opmaak
from regietafel.gemeenten.models import Gemeente
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.locaties.permissions import mag_bewerken
from regietafel.services import bewaar

# The fields a user sets on a location (the gemeente is fixed once it exists).
VELDEN = (
    "naam",
    "type",
    "plaatsen_regulier",
    "plaatsen_amv",
    "plaatsen_oekraine",
    "plaatsen_bijzonder",
    "beschikbaar_van",
    "beschikbaar_tot",
    "onbepaalde_tijd",
    "status",
    "bijzonderheden",
)
PLAATSEN = ("plaatsen_regulier", "plaatsen_amv", "plaatsen_oekraine", "plaatsen_bijzonder")


@transaction.atomic
def zet_locatie(
    *,
    door: Any,
    gemeente: Gemeente,
    naam: str,
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
    **waarden: Any,
) -> tuple[Locatie, bool]:
    """Create or update by (gemeente, naam): the demo loader and imports. With
    ``alleen_als_ontbreekt`` a location of that gemeente with that name (in any case, as the
    register compares names) stays as it is, ended or changed; only a missing one is added."""
    if door is not None:
        _controleer_recht(door, gemeente)
    if alleen_als_ontbreekt:
        bestaand = Locatie.objects.filter(gemeente=gemeente, naam__iexact=naam).first()
        if bestaand is not None:
            return bestaand, False
    return bewaar(
        Locatie, door=door, sleutel={"gemeente": gemeente, "naam": naam}, waarden=waarden, bron=bron
    )


def _controleer_recht(door: Any, gemeente: Gemeente) -> None:
    if door is not None and not mag_bewerken(door, gemeente):
        raise PermissionDenied(f"U mag geen locaties van {gemeente.naam} vastleggen of wijzigen.")


def _valideer(gemeente: Gemeente, waarden: dict[str, Any], *, pk: int | None = None) -> None:
    fouten: dict[str, list[str]] = {}

    def fout(veld: str, tekst: str) -> None:
        fouten.setdefault(veld, []).append(tekst)

    naam = waarden.get("naam", "")
    if not naam:
        fout("naam", "Geef de locatie een naam.")
    elif (
        Locatie.objects.filter(gemeente=gemeente, naam__iexact=naam)
        .exclude(pk=pk if pk is not None else -1)
        .exists()
    ):
        fout("naam", f"{gemeente.naam} heeft al een locatie met de naam ‘{naam}’.")
    if waarden.get("type") not in LocatieType.values:
        fout("type", "Kies een type.")
    if waarden.get("status") not in LocatieStatus.values:
        fout("status", "Kies een status.")
    for veld in PLAATSEN:
        aantal = waarden.get(veld, 0)
        if not isinstance(aantal, int) or isinstance(aantal, bool) or aantal < 0:
            fout(veld, "Vul een aantal van 0 of meer in.")
    van, tot = waarden.get("beschikbaar_van"), waarden.get("beschikbaar_tot")
    if van is not None and tot is not None and tot < van:
        fout("beschikbaar_tot", "De einddatum ligt vóór de begindatum.")
    if waarden.get("onbepaalde_tijd") and tot is not None:
        fout("beschikbaar_tot", "Een contract voor onbepaalde tijd heeft geen einddatum.")
    if waarden.get("status") == LocatieStatus.BEEINDIGD and pk is None:
        fout("status", "Een nieuwe locatie is gepland of gerealiseerd.")
    if fouten:
        raise ValidationError(fouten)


def _schoon(waarden: dict[str, Any]) -> dict[str, Any]:
    uit = {veld: waarden[veld] for veld in VELDEN if veld in waarden}
    uit["naam"] = str(uit.get("naam", "")).strip()
    uit["bijzonderheden"] = str(uit.get("bijzonderheden", "") or "").strip()
    for veld in PLAATSEN:
        uit.setdefault(veld, 0)
    uit.setdefault("onbepaalde_tijd", False)
    uit.setdefault("beschikbaar_van", None)
    uit.setdefault("beschikbaar_tot", None)
    return uit


@transaction.atomic
def maak_locatie(*, door: Any, gemeente: Gemeente, bron: str = "", **waarden: Any) -> Locatie:
    """Register a new location in ``gemeente``."""
    _controleer_recht(door, gemeente)
    schoon = _schoon(waarden)
    _valideer(gemeente, schoon)
    locatie = Locatie(gemeente=gemeente, **schoon)
    locatie.full_clean()
    locatie.save()
    registreer(
        door=door,
        actie="aangemaakt",
        obj=locatie,
        wijzigingen=verschillen(None, momentopname(locatie, ["gemeente", *schoon])),
        bron=bron,
    )
    return locatie


@transaction.atomic
def wijzig_locatie(*, door: Any, locatie: Locatie, bron: str = "", **waarden: Any) -> bool:
    """Change a location's fields; returns whether anything changed."""
    locatie = Locatie.objects.select_for_update().select_related("gemeente").get(pk=locatie.pk)
    _controleer_recht(door, locatie.gemeente)
    if locatie.status == LocatieStatus.BEEINDIGD:
        raise ValidationError("Deze locatie is beëindigd en wordt niet meer gewijzigd.")
    huidig = momentopname(locatie, VELDEN)
    schoon = _schoon({**huidig, **waarden, **_datums(locatie, waarden)})
    _valideer(locatie.gemeente, schoon, pk=locatie.pk)
    if schoon["status"] == LocatieStatus.BEEINDIGD:
        raise ValidationError({"status": "Beëindig een locatie met ‘Beëindigen’ (met een reden)."})
    for veld, waarde in schoon.items():
        setattr(locatie, veld, waarde)
    diff = verschillen(huidig, momentopname(locatie, VELDEN))
    if not diff:
        return False
    locatie.full_clean()
    locatie.save()
    registreer(door=door, actie="gewijzigd", obj=locatie, wijzigingen=diff, bron=bron)
    return True


def _datums(locatie: Locatie, waarden: dict[str, Any]) -> dict[str, Any]:
    """The snapshot holds dates as text; keep the real dates of the fields not given."""
    return {
        veld: waarden.get(veld, getattr(locatie, veld))
        for veld in ("beschikbaar_van", "beschikbaar_tot")
    }


@transaction.atomic
def beeindig_locatie(
    *, door: Any, locatie: Locatie, einddatum: dt.date, reden: str, bron: str = ""
) -> Locatie:
    """End a location: status beëindigd, its end date and the reason (R7)."""
    locatie = Locatie.objects.select_for_update().select_related("gemeente").get(pk=locatie.pk)
    _controleer_recht(door, locatie.gemeente)
    reden = (reden or "").strip()
    fouten: dict[str, list[str]] = {}
    if locatie.status == LocatieStatus.BEEINDIGD:
        raise ValidationError("Deze locatie is al beëindigd.")
    if not isinstance(einddatum, dt.date):
        fouten["einddatum"] = ["Vul de einddatum in."]
    elif locatie.beschikbaar_van is not None and einddatum < locatie.beschikbaar_van:
        fouten["einddatum"] = [
            f"De einddatum ligt vóór de begindatum ({opmaak.datum(locatie.beschikbaar_van)})."
        ]
    if not reden:
        fouten["reden"] = ["Geef de reden van de beëindiging."]
    if fouten:
        raise ValidationError(fouten)
    velden = ["status", "beschikbaar_tot", "onbepaalde_tijd", "reden_beeindiging"]
    oud = momentopname(locatie, velden)
    locatie.status = LocatieStatus.BEEINDIGD
    locatie.beschikbaar_tot = einddatum
    locatie.onbepaalde_tijd = False
    locatie.reden_beeindiging = reden
    locatie.full_clean()
    locatie.save()
    registreer(
        door=door,
        actie="beëindigd",
        obj=locatie,
        wijzigingen=verschillen(oud, momentopname(locatie, velden)),
        bron=bron or f"reden: {reden}",
    )
    return locatie
