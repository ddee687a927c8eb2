"""Importing the minister's numbers of a Spreidingswet cyclus, as every import here: read,
validate everything, then write in one transaction (or nothing at all).

- ``importeer_indicatief``: the indicative distribution per gemeente (the ``indicatief``
  opgaven). The provincial opgave per soort is the sum per provincie, unless the minister's
  number is stored already (then a different sum is reported, not written over).
- ``importeer_verdeelbesluit``: the verdeelbesluit of one provincie (the ``vastgesteld``
  opgaven, the legal task): a gemeente of the provincie that is not in the file gets 0 (no
  task); the provincial opgave is the sum, valid from ``geldig_vanaf``.

A provincial user (the secretariaat) imports for its own provincie only: a row of another
provincie's gemeente refuses the whole file. The CLI (``regietafel import indicatief|
verdeelbesluit``) and the cyclus pages call ``services.importeer_indicatief|verdeelbesluit``;
this module is their reading half (read, check, compare with what is stored: an ``Opgaveplan``),
and writes nothing. The service compares and writes in one transaction and logs the delivery
with its checksum.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied

from regietafel.aanlevering.importeren import (
    GEWIJZIGD,
    NIEUW,
    ONGEWIJZIGD,
    Bron,
    Regel,
    Samenvatting,
    Verandering,
    begin,
    bronregel,
    buiten_provincie,
    overnemen,
    vergelijk,
)
from regietafel.aanlevering.lezen import Fout
from regietafel.aanlevering.lezen.opgaven import OpgaveRij
from regietafel.aanlevering.lezen.opgaven import lees_indicatief as lees_indicatief_bestand
from regietafel.aanlevering.lezen.opgaven import lees_verdeelbesluit as lees_verdeelbesluit_bestand
from regietafel.aanlevering.models import AanleverSoort
from regietafel.aanlevering.permissions import mag_opgaven_importeren
from regietafel.aanlevering.queries import gemeente_register
from regietafel.core import klok, opmaak
from regietafel.domain import notatie
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Cyclus, CyclusSoort, Opgave, ProvincieOpgave, Soort, Stadium

SOM_BRON = "som van de indicatieve verdeling per gemeente"
"""The bron of a provincial opgave the import derived (so a later import may update it)."""
LABELS = {"regulier": "regulier", "amv": "AMV"}


def mag_importeren(door: Any) -> None:
    """The service checks the actor too (``door=None``: the system, the command line)."""
    if door is not None and not mag_opgaven_importeren(door):
        raise PermissionDenied(
            "De cijfers van de minister importeert een beheerder of het secretariaat van de provincie."
        )


def _spreidingswet(samenvatting: Samenvatting, cyclus: Cyclus) -> bool:
    if cyclus.soort != CyclusSoort.SPREIDINGSWET:
        samenvatting.fout(f"{cyclus} is geen cyclus van de Spreidingswet.")
        return False
    return True


def _opgaven(cyclus: Cyclus, gemeenten: list[Gemeente], stadium: str) -> dict[int, dict[str, int]]:
    """The stored opgaven of ``stadium`` per gemeente id: {"regulier": n, "amv": n}."""
    uit: dict[int, dict[str, int]] = defaultdict(dict)
    for g, soort, n in Opgave.objects.filter(
        cyclus=cyclus,
        gemeente__in=gemeenten,
        soort__in=[Soort.REGULIER, Soort.AMV],
        stadium=stadium,
    ).values_list("gemeente_id", "soort", "aantal"):
        uit[g][soort] = n
    return uit


def _provinciaal_regel(
    provincie: Provincie, soort: str, oud: int | None, nieuw: int, onderwerp: str
) -> Regel:
    status = NIEUW if oud is None else (ONGEWIJZIGD if oud == nieuw else GEWIJZIGD)
    return Regel(
        provincie.naam,
        provincie.code,
        onderwerp,
        status,
        ()
        if status == ONGEWIJZIGD
        else (Verandering(f"provinciale opgave {LABELS[soort]}", oud, nieuw),),
    )


@dataclass
class Opgaveplan:
    """A file of the minister's numbers, read and checked; ``vergelijk_*`` (in the writing
    transaction) fills in what it would change."""

    samenvatting: Samenvatting
    cyclus: Cyclus
    stadium: str
    bron: str = ""
    """The history's source: what, the file's name and its checksum."""
    peildatum: dt.date | None = None
    """The delivery's date in its log (the verdeelbesluit's geldig vanaf)."""
    geldig_vanaf: dt.date | None = None
    rijen: list[tuple[Gemeente, dict[str, int]]] = field(default_factory=list)
    """Per gemeente its numbers: {"regulier": n, "amv": n}."""
    gemeenten: list[tuple[Gemeente, dict[str, int]]] = field(default_factory=list)
    """The rows that are new or changed: to write."""
    provincies: list[tuple[Provincie, str, int, dt.date, str]] = field(default_factory=list)
    """The provincial opgaven to write: provincie, soort, aantal, geldig vanaf, bron."""


def _vergelijk_gemeenten(plan: Opgaveplan, onderwerp: str, labels: dict[str, str]) -> None:
    huidig = _opgaven(plan.cyclus, [g for g, _ in plan.rijen], plan.stadium)
    plan.samenvatting.regels = [
        vergelijk(g, onderwerp, waarden, huidig.get(g.pk) or None, labels)
        for g, waarden in plan.rijen
    ]
    plan.gemeenten = [
        (g, waarden)
        for (g, waarden), regel in zip(plan.rijen, plan.samenvatting.regels, strict=True)
        if regel.status != ONGEWIJZIGD
    ]


def _per_provincie(
    rijen: list[tuple[Gemeente, dict[str, int]]],
) -> list[tuple[Provincie, dict[str, int]]]:
    """The sum of the gemeenten's numbers per provincie, by the provincie's name."""
    per_provincie: dict[int, tuple[Provincie, dict[str, int]]] = {}
    for g, waarden in rijen:
        _, som = per_provincie.setdefault(g.provincie_id, (g.provincie, {"regulier": 0, "amv": 0}))
        for soort in ("regulier", "amv"):
            som[soort] += waarden[soort]
    return sorted(per_provincie.values(), key=lambda p: p[0].naam)


# ---------------------------------------------------------------- indicatieve verdeling


def lees_indicatief(
    bron: Bron,
    *,
    door: Any,
    cyclus: Cyclus,
    dry_run: bool = False,
    bestandsnaam: str | None = None,
    geldig_vanaf: dt.date | None = None,
) -> Opgaveplan:
    """Read and check the minister's indicative distribution of ``cyclus`` (errors in its
    ``samenvatting``). ``geldig_vanaf`` of a derived provincial opgave: the publication date
    of the cyclus' set-up, else today."""
    data, samenvatting = begin(AanleverSoort.INDICATIEF, bron, bestandsnaam, dry_run)
    plan = Opgaveplan(samenvatting, cyclus, Stadium.INDICATIEF)
    if samenvatting.fouten or not _spreidingswet(samenvatting, cyclus):
        return plan
    register, gemeenten = gemeente_register()
    bestand = lees_indicatief_bestand(data, samenvatting.bestandsnaam, register)
    if not overnemen(samenvatting, bestand):
        return plan
    plan.rijen = [
        (gemeenten[r.gemeente.cbs_code], {"regulier": r.regulier, "amv": r.amv})
        for r in bestand.rijen
    ]
    if buiten_provincie(door, samenvatting, (g for g, _ in plan.rijen)):
        return plan
    if geldig_vanaf is None:
        publicatie = getattr(getattr(cyclus, "opzet", None), "publicatie", None)
        geldig_vanaf = publicatie or klok.vandaag()
    plan.geldig_vanaf = geldig_vanaf
    plan.bron = bronregel(f"Indicatieve verdeling {cyclus.naam}", samenvatting)
    return plan


def vergelijk_indicatief(plan: Opgaveplan) -> None:
    """What the indicative distribution changes: per gemeente, and the provincial opgave per
    soort (the sum per provincie, unless the minister's own number is stored: then a
    different sum is a note, not a change)."""
    cyclus, samenvatting = plan.cyclus, plan.samenvatting
    _vergelijk_gemeenten(
        plan,
        f"indicatief {cyclus.naam}",
        {"regulier": "indicatief regulier", "amv": "indicatief AMV"},
    )
    per_provincie = _per_provincie(plan.rijen)
    opgeslagen: dict[tuple[int, str], ProvincieOpgave] = {}
    for po in ProvincieOpgave.objects.filter(
        cyclus=cyclus,
        provincie__in=[p for p, _ in per_provincie],
        soort__in=[Soort.REGULIER, Soort.AMV],
    ).order_by("geldig_vanaf", "pk"):
        opgeslagen.setdefault((po.provincie_id, po.soort), po)
    assert plan.geldig_vanaf is not None
    for provincie, som in per_provincie:
        for soort in ("regulier", "amv"):
            bestaand = opgeslagen.get((provincie.pk, soort))
            if bestaand is not None and not bestaand.bron.startswith(SOM_BRON):
                if bestaand.aantal != som[soort]:
                    samenvatting.notities.append(
                        f"{provincie.naam}: de indicatieve verdeling {LABELS[soort]} telt op "
                        f"tot {notatie.getal(som[soort])}, de opgeslagen provinciale opgave is "
                        f"{notatie.getal(bestaand.aantal)} (vanaf "
                        f"{opmaak.datum(bestaand.geldig_vanaf)}); die blijft staan."
                    )
                continue
            regel = _provinciaal_regel(
                provincie,
                soort,
                bestaand.aantal if bestaand else None,
                som[soort],
                f"provinciale opgave {cyclus.naam} (som van de gemeenten)",
            )
            samenvatting.opgaven.append(regel)
            if regel.status != ONGEWIJZIGD:
                vanaf = bestaand.geldig_vanaf if bestaand else plan.geldig_vanaf
                bron = f"{SOM_BRON}; {plan.bron}"[:300]
                plan.provincies.append((provincie, soort, som[soort], vanaf, bron))


# ---------------------------------------------------------------- verdeelbesluit


def lees_verdeelbesluit(
    bron: Bron,
    *,
    door: Any,
    cyclus: Cyclus,
    provincie: Provincie,
    geldig_vanaf: dt.date | None = None,
    dry_run: bool = False,
    bestandsnaam: str | None = None,
) -> Opgaveplan:
    """Read and check the verdeelbesluit of ``provincie`` in ``cyclus``: the legal opgave per
    gemeente from ``geldig_vanaf`` (default today); a gemeente of the provincie that is not
    in the file gets 0."""
    data, samenvatting = begin(AanleverSoort.VERDEELBESLUIT, bron, bestandsnaam, dry_run)
    plan = Opgaveplan(samenvatting, cyclus, Stadium.VASTGESTELD)
    if samenvatting.fouten or not _spreidingswet(samenvatting, cyclus):
        return plan
    register, gemeenten = gemeente_register()
    bestand = lees_verdeelbesluit_bestand(data, samenvatting.bestandsnaam, register)
    if not overnemen(samenvatting, bestand):
        return plan
    for r in bestand.rijen:
        if r.gemeente.provincie != provincie.naam:
            samenvatting.fouten.append(
                Fout(
                    samenvatting.bestandsnaam,
                    bestand.blad,
                    r.rij,
                    None,
                    f"{r.gemeente.naam} ligt in {r.gemeente.provincie}, niet in {provincie.naam}: "
                    "een verdeelbesluit geldt voor één provincie.",
                )
            )
    if samenvatting.fouten:
        return plan
    rijen: dict[int, OpgaveRij] = {gemeenten[r.gemeente.cbs_code].pk: r for r in bestand.rijen}
    alle = sorted(
        (g for g in gemeenten.values() if g.provincie_id == provincie.pk), key=lambda g: g.naam
    )
    if buiten_provincie(door, samenvatting, alle):
        return plan
    vanaf = geldig_vanaf or klok.vandaag()
    samenvatting.peildata = [vanaf]
    plan.peildatum = plan.geldig_vanaf = vanaf
    plan.bron = bronregel(
        f"Verdeelbesluit {provincie.naam} {cyclus.naam}, geldig vanaf {opmaak.datum(vanaf)}",
        samenvatting,
    )
    plan.rijen = [
        (g, {"regulier": rijen[g.pk].regulier, "amv": rijen[g.pk].amv})
        if g.pk in rijen
        else (g, {"regulier": 0, "amv": 0})
        for g in alle
    ]
    zonder = [g.naam for g in alle if g.pk not in rijen]
    if zonder:
        samenvatting.notities.append(
            f"{len(zonder)} gemeente(n) van {provincie.naam} staan niet in het besluit en krijgen "
            f"geen opgave (0): {', '.join(zonder)}."
        )
    return plan


def vergelijk_verdeelbesluit(plan: Opgaveplan, provincie: Provincie) -> None:
    """What the verdeelbesluit changes: per gemeente, and the provincial opgave from its date
    (the sum; written for both soorten)."""
    cyclus, vanaf = plan.cyclus, plan.geldig_vanaf
    assert vanaf is not None
    _vergelijk_gemeenten(
        plan,
        f"verdeelbesluit {cyclus.naam}",
        {"regulier": "vastgesteld regulier", "amv": "vastgesteld AMV"},
    )
    som = {s: sum(w[s] for _, w in plan.rijen) for s in ("regulier", "amv")}
    opgeslagen = {
        po.soort: po.aantal
        for po in ProvincieOpgave.objects.filter(
            cyclus=cyclus,
            provincie=provincie,
            geldig_vanaf=vanaf,
            soort__in=[Soort.REGULIER, Soort.AMV],
        )
    }
    for soort in ("regulier", "amv"):
        plan.samenvatting.opgaven.append(
            _provinciaal_regel(
                provincie,
                soort,
                opgeslagen.get(soort),
                som[soort],
                f"provinciale opgave vanaf {opmaak.datum(vanaf)} (verdeelbesluit)",
            )
        )
        plan.provincies.append((provincie, soort, som[soort], vanaf, plan.bron[:300]))
