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
from regietafel.rapportage.teksten import secties
from regietafel.services import bewaar


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
    nieuwer = RapportVersie.objects.filter(
        soort=vers.soort,
        provincie=vers.provincie,
        cyclus=vers.cyclus,
        peildatum=vers.peildatum,
        volgnummer__gt=vers.volgnummer,
    ).exists()
    if nieuwer:
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
    if cyclus.soort != CyclusSoort.SPREIDINGSWET:
        raise ValidationError("Bonusregelingen horen bij een cyclus van de Spreidingswet.")
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
    bestaand = (
        RapportVersie.objects.filter(
            soort=soort, provincie=provincie, peildatum=peildatum, cyclus=cyclus
        )
        .order_by("volgnummer")
        .first()
    )
    if bestaand is not None:
        return bestaand, False
    versie = bewaar_versie(
        door=door, soort=soort, provincie=provincie, peildatum=peildatum, cyclus=cyclus, **velden
    )
    return versie, True
