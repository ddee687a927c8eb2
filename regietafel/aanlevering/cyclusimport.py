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
verdeelbesluit``) and the cyclus pages call these; both log the delivery with its checksum.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from regietafel.aanlevering.lezen import Fout
from regietafel.aanlevering.lezen.opgaven import OpgaveRij, lees_indicatief, lees_verdeelbesluit
from regietafel.aanlevering.models import AanleverSoort
from regietafel.aanlevering.permissions import mag_opgaven_importeren
from regietafel.aanlevering.queries import gemeente_register
from regietafel.aanlevering.services import (
    GEWIJZIGD,
    NIEUW,
    ONGEWIJZIGD,
    Bron,
    Regel,
    Samenvatting,
    Verandering,
    _begin,
    _bronregel,
    _buiten_provincie,
    _log,
    _overnemen,
    _vergelijk,
)
from regietafel.core import klok, opmaak
from regietafel.domain import notatie
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Cyclus, CyclusSoort, Opgave, ProvincieOpgave, Soort, Stadium
from regietafel.opgaven.services import zet_opgave, zet_provincie_opgave

SOM_BRON = "som van de indicatieve verdeling per gemeente"
"""The bron of a provincial opgave the import derived (so a later import may update it)."""
LABELS = {"regulier": "regulier", "amv": "AMV"}


def _mag(door: Any) -> None:
    """The service checks the actor too (``door=None``: the system, the command line)."""
    if door is not None and not mag_opgaven_importeren(door):
        raise PermissionDenied(
            "De cijfers van de minister importeert een beheerder of het secretariaat van de provincie."
        )


def _spreidingswet(samenvatting: Samenvatting, cyclus: Cyclus) -> bool:
    if cyclus.soort != CyclusSoort.SPREIDINGSWET:
        samenvatting.fouten.append(
            Fout(
                samenvatting.bestandsnaam,
                None,
                None,
                None,
                f"{cyclus} is geen cyclus van de Spreidingswet.",
            )
        )
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


# ---------------------------------------------------------------- indicatieve verdeling


def importeer_indicatief(
    bron: Bron,
    *,
    door: Any,
    cyclus: Cyclus,
    dry_run: bool = False,
    bestandsnaam: str | None = None,
    geldig_vanaf: dt.date | None = None,
) -> Samenvatting:
    """Import the minister's indicative distribution of ``cyclus``. ``geldig_vanaf`` of a
    derived provincial opgave: the publication date of the cyclus' set-up, else today."""
    _mag(door)
    data, samenvatting = _begin(AanleverSoort.INDICATIEF, bron, bestandsnaam, dry_run)
    if samenvatting.fouten or not _spreidingswet(samenvatting, cyclus):
        return samenvatting
    register, gemeenten = gemeente_register()
    bestand = lees_indicatief(data, samenvatting.bestandsnaam, register)
    if not _overnemen(samenvatting, bestand):
        return samenvatting
    rijen = [(gemeenten[r.gemeente.cbs_code], r) for r in bestand.rijen]
    if _buiten_provincie(door, samenvatting, (g for g, _ in rijen)):
        return samenvatting
    if geldig_vanaf is None:
        publicatie = getattr(getattr(cyclus, "opzet", None), "publicatie", None)
        geldig_vanaf = publicatie or klok.vandaag()
    bron_tekst = _bronregel(f"Indicatieve verdeling {cyclus.naam}", samenvatting)
    labels = {"regulier": "indicatief regulier", "amv": "indicatief AMV"}
    with transaction.atomic():
        huidig = _opgaven(cyclus, [g for g, _ in rijen], Stadium.INDICATIEF)
        samenvatting.regels = [
            _vergelijk(
                g,
                f"indicatief {cyclus.naam}",
                {"regulier": r.regulier, "amv": r.amv},
                huidig.get(g.pk) or None,
                labels,
            )
            for g, r in rijen
        ]
        # The provincial opgave per soort: the sum per provincie, unless the minister's is stored.
        per_provincie: dict[int, tuple[Provincie, dict[str, int]]] = {}
        for g, r in rijen:
            _, som = per_provincie.setdefault(
                g.provincie_id, (g.provincie, {"regulier": 0, "amv": 0})
            )
            som["regulier"] += r.regulier
            som["amv"] += r.amv
        opgeslagen: dict[tuple[int, str], ProvincieOpgave] = {}
        for po in ProvincieOpgave.objects.filter(
            cyclus=cyclus,
            provincie_id__in=list(per_provincie),
            soort__in=[Soort.REGULIER, Soort.AMV],
        ).order_by("geldig_vanaf", "pk"):
            opgeslagen.setdefault((po.provincie_id, po.soort), po)
        te_zetten: list[tuple[Provincie, str, int, dt.date]] = []
        for provincie_id, (provincie, som) in sorted(
            per_provincie.items(), key=lambda p: p[1][0].naam
        ):
            for soort in ("regulier", "amv"):
                bestaand = opgeslagen.get((provincie_id, soort))
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
                    te_zetten.append(
                        (
                            provincie,
                            soort,
                            som[soort],
                            bestaand.geldig_vanaf if bestaand else geldig_vanaf,
                        )
                    )
        if dry_run:
            return samenvatting
        for (g, r), regel in zip(rijen, samenvatting.regels, strict=True):
            if regel.status == ONGEWIJZIGD:
                continue
            for soort, aantal in (("regulier", r.regulier), ("amv", r.amv)):
                zet_opgave(
                    door=door,
                    cyclus=cyclus,
                    gemeente=g,
                    soort=soort,
                    stadium=Stadium.INDICATIEF,
                    aantal=aantal,
                    bron=bron_tekst,
                )
        for provincie, soort, aantal, vanaf in te_zetten:
            zet_provincie_opgave(
                door=door,
                cyclus=cyclus,
                provincie=provincie,
                soort=soort,
                aantal=aantal,
                geldig_vanaf=vanaf,
                bron=f"{SOM_BRON}; {bron_tekst}"[:300],
            )
        _log(samenvatting, door=door, peildatum=None)
    return samenvatting


# ---------------------------------------------------------------- verdeelbesluit


def importeer_verdeelbesluit(
    bron: Bron,
    *,
    door: Any,
    cyclus: Cyclus,
    provincie: Provincie,
    geldig_vanaf: dt.date | None = None,
    dry_run: bool = False,
    bestandsnaam: str | None = None,
) -> Samenvatting:
    """Import the verdeelbesluit of ``provincie`` in ``cyclus``: the legal opgave per gemeente
    from ``geldig_vanaf`` (default today)."""
    _mag(door)
    data, samenvatting = _begin(AanleverSoort.VERDEELBESLUIT, bron, bestandsnaam, dry_run)
    if samenvatting.fouten or not _spreidingswet(samenvatting, cyclus):
        return samenvatting
    register, gemeenten = gemeente_register()
    bestand = lees_verdeelbesluit(data, samenvatting.bestandsnaam, register)
    if not _overnemen(samenvatting, bestand):
        return samenvatting
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
        return samenvatting
    rijen: dict[int, OpgaveRij] = {gemeenten[r.gemeente.cbs_code].pk: r for r in bestand.rijen}
    alle = sorted(
        (g for g in gemeenten.values() if g.provincie_id == provincie.pk), key=lambda g: g.naam
    )
    if _buiten_provincie(door, samenvatting, alle):
        return samenvatting
    vanaf = geldig_vanaf or klok.vandaag()
    samenvatting.peildata = [vanaf]
    bron_tekst = _bronregel(
        f"Verdeelbesluit {provincie.naam} {cyclus.naam}, geldig vanaf {opmaak.datum(vanaf)}",
        samenvatting,
    )
    labels = {"regulier": "vastgesteld regulier", "amv": "vastgesteld AMV"}
    zonder = [g.naam for g in alle if g.pk not in rijen]
    if zonder:
        samenvatting.notities.append(
            f"{len(zonder)} gemeente(n) van {provincie.naam} staan niet in het besluit en krijgen "
            f"geen opgave (0): {', '.join(zonder)}."
        )
    with transaction.atomic():
        huidig = _opgaven(cyclus, alle, Stadium.VASTGESTELD)
        waarden = {
            g.pk: {"regulier": rijen[g.pk].regulier, "amv": rijen[g.pk].amv}
            if g.pk in rijen
            else {"regulier": 0, "amv": 0}
            for g in alle
        }
        samenvatting.regels = [
            _vergelijk(
                g, f"verdeelbesluit {cyclus.naam}", waarden[g.pk], huidig.get(g.pk) or None, labels
            )
            for g in alle
        ]
        som = {s: sum(w[s] for w in waarden.values()) for s in ("regulier", "amv")}
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
            samenvatting.opgaven.append(
                _provinciaal_regel(
                    provincie,
                    soort,
                    opgeslagen.get(soort),
                    som[soort],
                    f"provinciale opgave vanaf {opmaak.datum(vanaf)} (verdeelbesluit)",
                )
            )
        if dry_run:
            return samenvatting
        for g, regel in zip(alle, samenvatting.regels, strict=True):
            if regel.status == ONGEWIJZIGD:
                continue
            for soort in ("regulier", "amv"):
                zet_opgave(
                    door=door,
                    cyclus=cyclus,
                    gemeente=g,
                    soort=soort,
                    stadium=Stadium.VASTGESTELD,
                    aantal=waarden[g.pk][soort],
                    bron=bron_tekst,
                )
        for soort in ("regulier", "amv"):
            zet_provincie_opgave(
                door=door,
                cyclus=cyclus,
                provincie=provincie,
                soort=soort,
                aantal=som[soort],
                geldig_vanaf=vanaf,
                bron=bron_tekst[:300],
            )
        _log(samenvatting, door=door, peildatum=vanaf)
    return samenvatting
