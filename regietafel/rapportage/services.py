"""Writes of the rapportage app: report text versions (appended) and the bonus schemes (R6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from regietafel.audit.services import momentopname, registreer, verschillen
from regietafel.core import klok, opmaak
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Cyclus, CyclusSoort
from regietafel.rapportage.models import BonusRegeling, Rapportsoort, RapportVersie, Spuk3Bedrag
from regietafel.rapportage.permissions import mag_bewerken
from regietafel.rapportage.queries import heeft_nieuwere_versie, versies_van
from regietafel.rapportage.teksten import secties
from regietafel.services import bewaar, maak, verwijder, wijzig


@transaction.atomic
def bewaar_versie(
    *,
    door: Any,
    soort: str,
    provincie: Provincie,
    versie_datum: dt.date,
    teksten: Mapping[str, str],
    adressering: str = "",
    peildatum: dt.date | None = None,
    cyclus: Cyclus | None = None,
    bron: str = "",
) -> RapportVersie:
    """Append a new version of a report's texts; earlier versions stay as they were."""
    if door is not None and not mag_bewerken(door, provincie):
        raise PermissionDenied(
            f"Alleen het secretariaat van {provincie.naam} mag de teksten van haar rapporten wijzigen."
        )
    if soort not in Rapportsoort.values:
        raise ValidationError(f"Onbekende rapportsoort {soort!r}.")
    bekend = {s.sleutel for s in secties(soort, brieven=True)}
    onbekend = sorted(set(teksten) - bekend)
    if onbekend:
        raise ValidationError(f"Onbekende onderdelen voor dit rapport: {', '.join(onbekend)}.")
    if soort == Rapportsoort.STAND_VAN_ZAKEN:
        if peildatum is None or cyclus is not None:
            raise ValidationError(
                "Een stand van zaken hoort bij een peildatum, niet bij een cyclus."
            )
        sleutel: dict[str, Any] = {"peildatum": peildatum}
    else:
        if cyclus is None or peildatum is not None:
            raise ValidationError(
                "Een provinciaal verslag hoort bij een cyclus, niet bij een peildatum."
            )
        if cyclus.soort != CyclusSoort.SPREIDINGSWET:
            raise ValidationError(
                "Een provinciaal verslag hoort bij een cyclus van de Spreidingswet."
            )
        sleutel = {"cyclus": cyclus}
    # Serialise new versions per provincie (PostgreSQL refuses FOR UPDATE with an aggregate);
    # the unique constraint on the volgnummer guards the rest.
    Provincie.objects.select_for_update().filter(pk=provincie.pk).first()
    vorige = RapportVersie.objects.filter(soort=soort, provincie=provincie, **sleutel).aggregate(
        m=Max("volgnummer")
    )["m"]
    versie = RapportVersie(
        soort=soort,
        provincie=provincie,
        volgnummer=(vorige or 0) + 1,
        versie_datum=versie_datum,
        adressering=adressering.strip(),
        teksten={k: str(v).strip() for k, v in teksten.items()},
        aangemaakt_door=door if getattr(door, "pk", None) else None,
        **sleutel,
    )
    versie.full_clean()
    versie.save()
    registreer(
        door=door,
        actie="aangemaakt",
        obj=versie,
        wijzigingen=verschillen(
            None, momentopname(versie, ["versie_datum", "adressering", "teksten"])
        ),
        bron=bron,
    )
    return versie


def _controleer_regeling(door: Any, cyclus: Cyclus, provincie: Provincie) -> None:
    if door is not None and not mag_bewerken(door, provincie):
        raise PermissionDenied(f"U mag de bonusregelingen van {provincie} niet vastleggen.")
    if cyclus.soort != CyclusSoort.SPREIDINGSWET:
        raise ValidationError(
            {"cyclus": "Bonusregelingen horen bij een cyclus van de Spreidingswet."}
        )


def _controleer_bedrag(door: Any, regeling: BonusRegeling, gemeente: Gemeente) -> None:
    _controleer_regeling(door, regeling.cyclus, regeling.provincie)
    if gemeente.provincie_id != regeling.provincie_id:
        raise ValidationError({"gemeente": f"{gemeente.naam} ligt niet in {regeling.provincie}."})


@transaction.atomic
def maak_bonusregeling(*, door: Any, via: str = "", **waarden: Any) -> BonusRegeling:
    """A new bonus scheme (the admin's form): the fields of ``BonusRegeling`` (its ``bron``
    among them); ``via``: where it was made (the history's source)."""
    regeling = BonusRegeling(**waarden)
    _controleer_regeling(door, regeling.cyclus, regeling.provincie)
    return maak(BonusRegeling, door=door, waarden=waarden, bron=via)


@transaction.atomic
def wijzig_bonusregeling(
    *, door: Any, regeling: BonusRegeling, via: str = "", **waarden: Any
) -> bool:
    """Change fields of a bonus scheme; its provincie (old and new) must be the user's."""
    _controleer_regeling(door, regeling.cyclus, regeling.provincie)
    nieuw = BonusRegeling(**{**momentopname_ids(regeling), **waarden})
    _controleer_regeling(door, nieuw.cyclus, nieuw.provincie)
    for bedrag in regeling.spuk3_bedragen.select_related("gemeente"):
        if bedrag.gemeente.provincie_id != nieuw.provincie_id:
            raise ValidationError(
                {"provincie": f"De SPUK 3-bedragen gelden gemeenten buiten {nieuw.provincie}."}
            )
    return wijzig(regeling, door=door, waarden=waarden, bron=via)


@transaction.atomic
def verwijder_bonusregeling(*, door: Any, regeling: BonusRegeling, bron: str = "") -> None:
    """Delete a bonus scheme with its SPUK 3 amounts (each with its own history entry)."""
    _controleer_regeling(door, regeling.cyclus, regeling.provincie)
    verwijder(regeling, door=door, bron=bron)


@transaction.atomic
def zet_spuk3_bedrag(
    *, door: Any, regeling: BonusRegeling, gemeente: Gemeente, bedrag: int, bron: str = ""
) -> tuple[Spuk3Bedrag, bool]:
    """The SPUK 3 amount of one gemeente of the scheme's provincie (create or change)."""
    _controleer_bedrag(door, regeling, gemeente)
    return bewaar(
        Spuk3Bedrag,
        door=door,
        sleutel={"regeling": regeling, "gemeente": gemeente},
        waarden={"bedrag": bedrag},
        bron=bron,
    )


@transaction.atomic
def wijzig_spuk3_bedrag(*, door: Any, spuk3: Spuk3Bedrag, bron: str = "", **waarden: Any) -> bool:
    """Change a SPUK 3 amount (its amount, or its gemeente within the scheme's provincie)."""
    _controleer_bedrag(door, spuk3.regeling, spuk3.gemeente)
    nieuw = Spuk3Bedrag(**{**momentopname_ids(spuk3), **waarden})
    _controleer_bedrag(door, nieuw.regeling, nieuw.gemeente)
    return wijzig(spuk3, door=door, waarden=waarden, bron=bron)


@transaction.atomic
def verwijder_spuk3_bedrag(*, door: Any, bedrag: Spuk3Bedrag, bron: str = "") -> None:
    _controleer_bedrag(door, bedrag.regeling, bedrag.gemeente)
    verwijder(bedrag, door=door, bron=bron)


def momentopname_ids(obj: Any) -> dict[str, Any]:
    """The stored fields of ``obj`` by attribute (``gemeente_id``), to build a changed copy."""
    return {
        f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key
    }


@transaction.atomic
def stel_vast(*, door: Any, versie: RapportVersie) -> RapportVersie:
    """Approve a version of a verslag's texts: its documents are no longer CONCEPT. A later
    version (a new edit) is CONCEPT again until it is approved in its turn."""
    if door is not None and not mag_bewerken(door, versie.provincie):
        raise PermissionDenied(
            f"Alleen het secretariaat van {versie.provincie.naam} stelt haar verslag vast."
        )
    vers = RapportVersie.objects.select_for_update().get(pk=versie.pk)
    if vers.vastgesteld_op is not None:
        raise ValidationError(
            f"Versie {vers.volgnummer} is al vastgesteld op "
            f"{opmaak.datum(klok.lokaal(vers.vastgesteld_op))}.",
            code="vastgesteld",
        )
    if heeft_nieuwere_versie(vers):
        raise ValidationError(
            f"Er is een nieuwere versie dan versie {vers.volgnummer}: stel die vast.",
            code="verouderd",
        )
    vers.vastgesteld_op = klok.nu()
    vers.vastgesteld_door = door if getattr(door, "pk", None) else None
    vers.save(update_fields=["vastgesteld_op", "vastgesteld_door"])
    registreer(
        door=door,
        actie="vastgesteld",
        obj=vers,
        wijzigingen={"vastgesteld_op": [None, vers.vastgesteld_op.isoformat()]},
    )
    return vers


@transaction.atomic
def zet_bonusregeling(
    *,
    door: Any,
    cyclus: Cyclus,
    provincie: Provincie,
    spuk1_per_plek: int,
    spuk2_per_plek: int,
    spuk3_provincie: int,
    spuk3_per_gemeente: Mapping[Gemeente, int],
    spuk3_budget: int | None = None,
    spuk3_drempel_procent: int = 75,
    spuk1_minimale_jaren: int = 5,
    bron: str = "",
    alleen_als_ontbreekt: bool = False,
) -> tuple[BonusRegeling, bool]:
    """Create or update the bonus schemes of a cyclus; returns (regeling, changed). With
    ``alleen_als_ontbreekt`` a regeling that exists stays as it is, with its SPUK 3 amounts
    (one a user removed is not brought back): only a missing regeling is added, whole."""
    _controleer_regeling(door, cyclus, provincie)
    vreemd = sorted(g.naam for g in spuk3_per_gemeente if g.provincie_id != provincie.pk)
    if vreemd:
        raise ValidationError(f"Gemeenten buiten {provincie}: {', '.join(vreemd)}.")
    regeling, veranderd = bewaar(
        BonusRegeling,
        door=door,
        sleutel={"cyclus": cyclus, "provincie": provincie},
        waarden={
            "spuk1_per_plek": spuk1_per_plek,
            "spuk1_minimale_jaren": spuk1_minimale_jaren,
            "spuk2_per_plek": spuk2_per_plek,
            "spuk3_drempel_procent": spuk3_drempel_procent,
            "spuk3_budget": spuk3_budget,
            "spuk3_provincie": spuk3_provincie,
            "bron": bron,
        },
        bron=bron,
        alleen_als_ontbreekt=alleen_als_ontbreekt,
    )
    if alleen_als_ontbreekt and not veranderd:
        return regeling, False
    for gemeente, bedrag in spuk3_per_gemeente.items():
        _, gewijzigd = bewaar(
            Spuk3Bedrag,
            door=door,
            sleutel={"regeling": regeling, "gemeente": gemeente},
            waarden={"bedrag": bedrag},
            bron=bron,
        )
        veranderd = veranderd or gewijzigd
    return regeling, veranderd


@transaction.atomic
def bewaar_eerste_versie(
    *,
    door: Any,
    soort: str,
    provincie: Provincie,
    peildatum: dt.date | None = None,
    cyclus: Cyclus | None = None,
    **velden: Any,
) -> tuple[RapportVersie, bool]:
    """The first version of a report's texts, unless one exists (for loading demo data twice)."""
    bestaand = versies_van(soort, provincie, peildatum=peildatum, cyclus=cyclus).first()
    if bestaand is not None:
        return bestaand, False
    versie = bewaar_versie(
        door=door, soort=soort, provincie=provincie, peildatum=peildatum, cyclus=cyclus, **velden
    )
    return versie, True
