"""Writes for the ministry's requests: the noodopvang reserve and the nareismaatregel.

Every function takes the acting user as ``door``, checks it (``permissions``), validates,
writes in one transaction and records an audit entry. ``door=None`` is the system itself
(the demo loader, a management command); views always pass ``request.user``.
The ``zet_…`` functions create or update by natural key; with ``alleen_als_ontbreekt`` (the
demo loaders) they only create a missing record and leave one that exists as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel.audit.services import momentopname, registreer, verschillen
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie, LocatieType
from regietafel.services import bewaar
from regietafel.verzoeken.models import (
    Activering,
    Gereedheid,
    Kandidaatlocatie,
    Nareismaatregel,
    NareizigersPlaatsing,
    NoodopvangVerzoek,
)
from regietafel.verzoeken.permissions import (
    mag_gereedheid_bijwerken,
    mag_maatregel_vastleggen,
    mag_schrijven,
)

VERZOEK_VELDEN = (
    "plaatsen",
    "periode_van",
    "periode_tot",
    "activeringstermijn_dagen",
    "bemensing",
    "notities",
)
KANDIDAAT_VELDEN = ("plaatsen", "gereedheid", "gereedheid_op", "notities")
PLAATSING_VELDEN = ("personen", "geinformeerd_op", "einddatum", "notities")


def _schrijver(door: Any, provincie_id: int) -> None:
    if door is None:
        return
    if not mag_schrijven(door, provincie_id):
        raise PermissionDenied("Alleen het secretariaat van de provincie mag dit wijzigen.")


def _wijzig(door: Any, obj: Any, waarden: dict[str, Any], bron: str = "") -> bool:
    """Set ``waarden`` on ``obj``; save and audit when something changed."""
    velden = list(waarden)
    oud = momentopname(obj, velden)
    for veld, waarde in waarden.items():
        setattr(obj, veld, waarde)
    diff = verschillen(oud, momentopname(obj, velden))
    if not diff:
        return False
    obj.full_clean()
    obj.save()
    registreer(door=door, actie="gewijzigd", obj=obj, wijzigingen=diff, bron=bron)
    return True


# --- Noodopvang reserve -----------------------------------------------------------------


def _controleer_verzoek(waarden: dict[str, Any]) -> None:
    if waarden["periode_tot"] < waarden["periode_van"]:
        raise ValidationError("De periode eindigt vóór zij begint.", code="periode")
    if waarden["plaatsen"] < 1:
        raise ValidationError("Vraag ten minste één plaats.", code="plaatsen")


@transaction.atomic
def zet_verzoek(
    *,
    door: Any,
    provincie: Provincie,
    ontvangen_op: dt.date,
    van_wie: str,
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
    **waarden: Any,
) -> tuple[NoodopvangVerzoek, bool]:
    """Create or update the request received on ``ontvangen_op`` from ``van_wie``."""
    _schrijver(door, provincie.pk)
    onbekend = set(waarden) - set(VERZOEK_VELDEN)
    if onbekend:
        raise TypeError(f"onbekende velden: {sorted(onbekend)}")
    _controleer_verzoek(waarden)
    return bewaar(
        NoodopvangVerzoek,
        door=door,
        sleutel={"provincie": provincie, "ontvangen_op": ontvangen_op, "van_wie": van_wie},
        waarden=waarden,
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


@transaction.atomic
def wijzig_verzoek(*, door: Any, verzoek: NoodopvangVerzoek, **waarden: Any) -> bool:
    _schrijver(door, verzoek.provincie_id)
    toegestaan = {"van_wie", "ontvangen_op", *VERZOEK_VELDEN}
    if set(waarden) - toegestaan:
        raise TypeError(f"onbekende velden: {sorted(set(waarden) - toegestaan)}")
    _controleer_verzoek(
        {
            "periode_van": waarden.get("periode_van", verzoek.periode_van),
            "periode_tot": waarden.get("periode_tot", verzoek.periode_tot),
            "plaatsen": waarden.get("plaatsen", verzoek.plaatsen),
        }
    )
    return _wijzig(door, verzoek, waarden)


def _controleer_kandidaat(
    verzoek: NoodopvangVerzoek, gemeente: Gemeente, naam: str, locatie: Locatie | None
) -> None:
    if gemeente.provincie_id != verzoek.provincie_id:
        raise ValidationError(
            f"{gemeente} ligt niet in de provincie van het verzoek.", code="provincie"
        )
    if not naam and locatie is None:
        raise ValidationError(
            "Geef een naam of kies een bestaande locatie.", code="naam_of_locatie"
        )
    if locatie is not None and locatie.gemeente_id != gemeente.pk:
        raise ValidationError(f"De locatie {locatie.naam} ligt niet in {gemeente}.", code="locatie")


@transaction.atomic
def zet_kandidaat(
    *,
    door: Any,
    verzoek: NoodopvangVerzoek,
    gemeente: Gemeente,
    naam: str = "",
    locatie: Locatie | None = None,
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
    **waarden: Any,
) -> tuple[Kandidaatlocatie, bool]:
    """Create or update a candidate location (by request, gemeente, name and location)."""
    _schrijver(door, verzoek.provincie_id)
    if set(waarden) - set(KANDIDAAT_VELDEN):
        raise TypeError(f"onbekende velden: {sorted(set(waarden) - set(KANDIDAAT_VELDEN))}")
    _controleer_kandidaat(verzoek, gemeente, naam, locatie)
    return bewaar(
        Kandidaatlocatie,
        door=door,
        sleutel={"verzoek": verzoek, "gemeente": gemeente, "naam": naam, "locatie": locatie},
        waarden=waarden,
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


@transaction.atomic
def wijzig_kandidaat(
    *,
    door: Any,
    kandidaat: Kandidaatlocatie,
    gemeente: Gemeente,
    naam: str,
    locatie: Locatie | None,
    **waarden: Any,
) -> bool:
    """The secretariaat edits every field of a candidate location."""
    _schrijver(door, kandidaat.verzoek.provincie_id)
    if set(waarden) - set(KANDIDAAT_VELDEN):
        raise TypeError(f"onbekende velden: {sorted(set(waarden) - set(KANDIDAAT_VELDEN))}")
    _controleer_kandidaat(kandidaat.verzoek, gemeente, naam, locatie)
    return _wijzig(
        door, kandidaat, {"gemeente": gemeente, "naam": naam, "locatie": locatie, **waarden}
    )


@transaction.atomic
def zet_gereedheid(
    *,
    door: Any,
    kandidaat: Kandidaatlocatie,
    gereedheid: str,
    gereedheid_op: dt.date,
    notities: str | None = None,
) -> bool:
    """Update the readiness of a candidate: the secretariaat, or the gemeente itself (only
    for its own gemeente). "Geactiveerd" follows from the activation log, not from here."""
    if door is not None and not mag_gereedheid_bijwerken(door, kandidaat.gemeente):
        raise PermissionDenied(
            f"U mag de gereedheid van locaties in {kandidaat.gemeente} niet wijzigen."
        )
    if gereedheid not in Gereedheid.values:
        raise ValidationError(f"Onbekende gereedheid: {gereedheid!r}.", code="gereedheid")
    if gereedheid == Gereedheid.GEACTIVEERD and kandidaat.gereedheid != Gereedheid.GEACTIVEERD:
        raise ValidationError(
            "Een locatie wordt geactiveerd met een regel in het activeringslogboek.",
            code="activeren",
        )
    if (
        kandidaat.gereedheid == Gereedheid.GEACTIVEERD
        and gereedheid != Gereedheid.GEACTIVEERD
        and kandidaat.activeringen.filter(beeindigd_op__isnull=True).exists()
    ):
        raise ValidationError(
            "Deze locatie is geactiveerd; beëindig eerst de activering.", code="actief"
        )
    waarden: dict[str, Any] = {"gereedheid": gereedheid, "gereedheid_op": gereedheid_op}
    if notities is not None:
        waarden["notities"] = notities
    return _wijzig(door, kandidaat, waarden)


@transaction.atomic
def activeer(
    *,
    door: Any,
    kandidaat: Kandidaatlocatie,
    geactiveerd_op: dt.date,
    plaatsen: int,
    door_wie: str,
    notities: str = "",
) -> tuple[Activering, bool]:
    """Log an activation (idempotent per candidate and day); the candidate becomes
    "geactiveerd" from that day."""
    _schrijver(door, kandidaat.verzoek.provincie_id)
    kandidaat = Kandidaatlocatie.objects.select_for_update().get(pk=kandidaat.pk)
    if kandidaat.gereedheid == Gereedheid.VERVALLEN:
        raise ValidationError(
            "Een vervallen locatie kan niet worden geactiveerd.", code="vervallen"
        )
    if plaatsen < 1 or plaatsen > kandidaat.plaatsen:
        raise ValidationError(
            f"Activeer 1 tot en met {kandidaat.plaatsen} plaatsen, niet {plaatsen}.",
            code="plaatsen",
        )
    activering, veranderd = bewaar(
        Activering,
        door=door,
        sleutel={"kandidaat": kandidaat, "geactiveerd_op": geactiveerd_op},
        waarden={"plaatsen": plaatsen, "door_wie": door_wie, "notities": notities},
    )
    if kandidaat.gereedheid != Gereedheid.GEACTIVEERD:
        _wijzig(
            door,
            kandidaat,
            {"gereedheid": Gereedheid.GEACTIVEERD, "gereedheid_op": geactiveerd_op},
        )
        veranderd = True
    return activering, veranderd


@transaction.atomic
def beeindig_activering(*, door: Any, activering: Activering, beeindigd_op: dt.date) -> bool:
    """End an activation; with no other running activation the location is "gereed" again."""
    kandidaat = activering.kandidaat
    _schrijver(door, kandidaat.verzoek.provincie_id)
    if beeindigd_op < activering.geactiveerd_op:
        raise ValidationError("De activering eindigt vóór zij begon.", code="einde")
    veranderd = _wijzig(door, activering, {"beeindigd_op": beeindigd_op})
    lopend = kandidaat.activeringen.filter(beeindigd_op__isnull=True).exists()
    if not lopend and kandidaat.gereedheid == Gereedheid.GEACTIVEERD:
        _wijzig(door, kandidaat, {"gereedheid": Gereedheid.GEREED, "gereedheid_op": beeindigd_op})
    return veranderd


# --- Nareismaatregel --------------------------------------------------------------------


@transaction.atomic
def zet_maatregel(
    *,
    door: Any,
    code: str,
    bron: str = "",
    via: str = "",
    alleen_als_ontbreekt: bool = False,
    **waarden: Any,
) -> tuple[Nareismaatregel, bool]:
    """The terms of the nareismaatregel (configuration as data). A superuser or the system
    only: the measure is national. ``bron``: the letter it comes from; ``via``: where the
    change was made (the history's source; default ``bron``)."""
    if door is not None and not mag_maatregel_vastleggen(door):
        raise PermissionDenied("Alleen een superuser legt de voorwaarden van de maatregel vast.")
    return bewaar(
        Nareismaatregel,
        door=door,
        sleutel={"code": code},
        waarden={**waarden, "bron": bron},
        bron=via or bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


def _controleer_plaatsing(hotel: str, locatie: Locatie | None, waarden: dict[str, Any]) -> None:
    if not hotel and locatie is None:
        raise ValidationError(
            "Geef de naam van het hotel of kies het uit het locatieregister.", code="hotel"
        )
    if locatie is not None and locatie.type != LocatieType.HOTEL_NAREIZIGERS:
        raise ValidationError(
            f"{locatie.naam} is geen hotel voor nareizigers in het locatieregister.", code="locatie"
        )
    if waarden.get("personen", 1) < 1:
        raise ValidationError("Een plaatsing heeft ten minste één persoon.", code="personen")
    einde, geplaatst = waarden.get("einddatum"), waarden.get("geplaatst_op")
    if einde is not None and geplaatst is not None and einde < geplaatst:
        raise ValidationError("De einddatum ligt vóór de plaatsing.", code="einddatum")


@transaction.atomic
def plaats_nareizigers(
    *,
    door: Any,
    gemeente: Gemeente,
    geplaatst_op: dt.date,
    hotel: str = "",
    locatie: Locatie | None = None,
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
    **waarden: Any,
) -> tuple[NareizigersPlaatsing, bool]:
    """Record a placement (create or update by gemeente, date and hotel)."""
    _schrijver(door, gemeente.provincie_id)
    if set(waarden) - set(PLAATSING_VELDEN):
        raise TypeError(f"onbekende velden: {sorted(set(waarden) - set(PLAATSING_VELDEN))}")
    _controleer_plaatsing(hotel, locatie, {**waarden, "geplaatst_op": geplaatst_op})
    return bewaar(
        NareizigersPlaatsing,
        door=door,
        sleutel={
            "gemeente": gemeente,
            "geplaatst_op": geplaatst_op,
            "hotel": hotel,
            "locatie": locatie,
        },
        waarden=waarden,
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )


@transaction.atomic
def wijzig_plaatsing(
    *,
    door: Any,
    plaatsing: NareizigersPlaatsing,
    gemeente: Gemeente,
    hotel: str,
    locatie: Locatie | None,
    geplaatst_op: dt.date,
    **waarden: Any,
) -> bool:
    _schrijver(door, plaatsing.gemeente.provincie_id)
    _schrijver(door, gemeente.provincie_id)
    if set(waarden) - set(PLAATSING_VELDEN):
        raise TypeError(f"onbekende velden: {sorted(set(waarden) - set(PLAATSING_VELDEN))}")
    _controleer_plaatsing(hotel, locatie, {**waarden, "geplaatst_op": geplaatst_op})
    return _wijzig(
        door,
        plaatsing,
        {
            "gemeente": gemeente,
            "hotel": hotel,
            "locatie": locatie,
            "geplaatst_op": geplaatst_op,
            **waarden,
        },
    )
