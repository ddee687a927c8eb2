"""Importing deliveries: read, validate everything, then write in one transaction.

Each ``importeer_*`` reads the file (``lezen``), returns the errors if there are any
(and writes nothing), else compares every row with what is stored and returns that as a
``Samenvatting``: per gemeente new, changed (old → new) or unchanged. Without
``dry_run`` the new and changed rows are written through the monitoring (and opgaven)
services — which supersede a stored figure, never overwrite it — and the delivery is
logged with its SHA-256 checksum and an audit entry holding every old → new value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import transaction

from regietafel.aanlevering import cyclusimport
from regietafel.aanlevering.importeren import (
    COA_VELDEN,
    ONGEWIJZIGD,
    SOORT_NAMEN,
    Bron,
    Samenvatting,
    begin,
    bronregel,
    buiten_provincie,
    coa_waarden,
    label,
    overnemen,
    vergelijk,
    vergelijk_opgaven,
)
from regietafel.aanlevering.lezen import (
    Bestand,
    NidosRij,
    RealisatieRij,
    lees_coa,
    lees_nidos,
    lees_realisatie,
)
from regietafel.aanlevering.models import Aanlevering, AanleverSoort
from regietafel.aanlevering.permissions import aanlever_provincie_id
from regietafel.aanlevering.queries import gemeente_register
from regietafel.audit.services import registreer
from regietafel.core import opmaak
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.models import NidosStand, Realisatie, VergunninghoudersStand
from regietafel.monitoring.services import (
    RealisatieInvoer,
    VergunninghoudersInvoer,
    registreer_nidos,
    registreer_realisaties,
    registreer_vergunninghouders_standen,
)
from regietafel.opgaven.models import Cyclus, Soort, Stadium
from regietafel.opgaven.services import (
    OpgaveInvoer,
    zet_opgave,
    zet_opgaven,
    zet_provincie_opgave,
)


def _log(samenvatting: Samenvatting, *, door: Any, peildatum: dt.date | None) -> None:
    """The delivery record and its audit entry (old → new, checksum); nothing if nothing changed."""
    if not samenvatting.verandert_iets:
        return
    aanlevering = Aanlevering.objects.create(
        soort=samenvatting.soort,
        bestandsnaam=samenvatting.bestandsnaam[:200],
        provincie_id=aanlever_provincie_id(door),
        checksum=samenvatting.checksum,
        peildatum=peildatum,
        door=door if getattr(door, "pk", None) else None,
        nieuw=samenvatting.nieuw,
        gewijzigd=samenvatting.gewijzigd,
        ongewijzigd=samenvatting.ongewijzigd,
    )
    wijzigingen = {
        f"{r.omschrijving}: {v.veld}": [v.oud, v.nieuw]
        for r in samenvatting.veranderingen
        for v in r.veranderingen
    }
    registreer(
        door=door,
        actie="geïmporteerd",
        obj=aanlevering,
        wijzigingen=wijzigingen,
        bron=samenvatting.bestandsnaam,
        checksum=samenvatting.checksum,
    )
    samenvatting.aanlevering = aanlevering
    samenvatting.geschreven = True


# --- COA ------------------------------------------------------------------------------


def importeer_coa(
    bron: Bron, *, door: Any, dry_run: bool = False, bestandsnaam: str | None = None
) -> Samenvatting:
    """Import COA's "Overzicht huisvesting vergunninghouders" (seed 000's layout)."""
    data, samenvatting = begin(AanleverSoort.COA, bron, bestandsnaam, dry_run)
    if samenvatting.fouten:
        return samenvatting
    register, gemeenten = gemeente_register()
    bestand = lees_coa(data, samenvatting.bestandsnaam, register)
    if not overnemen(samenvatting, bestand):
        return samenvatting
    assert bestand.peildatum is not None and bestand.jaar is not None
    peildatum, jaar = bestand.peildatum, bestand.jaar
    samenvatting.peildata = [peildatum]
    bron_tekst = bronregel(
        f"COA, Overzicht huisvesting vergunninghouders, peildatum {opmaak.datum(peildatum)}",
        samenvatting,
    )
    labels = {k: label(VergunninghoudersStand, k) for k in COA_VELDEN}
    rijen = [(gemeenten[r.gemeente.cbs_code], coa_waarden(r, jaar), r) for r in bestand.rijen]
    if buiten_provincie(door, samenvatting, (g for g, *_ in rijen)):
        return samenvatting

    with transaction.atomic():
        huidig = {
            rij["gemeente_id"]: rij
            for rij in VergunninghoudersStand.objects.actueel()
            .filter(peildatum=peildatum, gemeente__in=[g for g, _, _ in rijen])
            .values("gemeente_id", *COA_VELDEN)
        }
        onderwerp = f"stand {opmaak.datum(peildatum)}"
        samenvatting.regels = [
            vergelijk(g, onderwerp, waarden, huidig.get(g.pk), labels) for g, waarden, _ in rijen
        ]

        te_zetten = vergelijk_opgaven(samenvatting, jaar, [(g, w) for g, w, _ in rijen])
        if dry_run:
            return samenvatting
        registreer_vergunninghouders_standen(
            door=door,
            rijen=(
                VergunninghoudersInvoer(
                    gemeente=g,
                    peildatum=peildatum,
                    jaar=jaar,
                    stand_1_jan=rij.invoer.stand_1_jan,
                    taakstelling_h1=rij.invoer.taakstelling_h1,
                    realisatie_h1=rij.invoer.realisatie_h1,
                    taakstelling_h2=rij.invoer.taakstelling_h2,
                    correcties=rij.invoer.correcties,
                    realisatie_maanden=rij.invoer.realisatie_maanden,
                )
                for (g, _, rij), regel in zip(rijen, samenvatting.regels, strict=True)
                if regel.status != ONGEWIJZIGD
            ),
            bron=bron_tekst,
            checksum=samenvatting.checksum,
        )
        zet_opgaven(
            door=door,
            rijen=(
                OpgaveInvoer(cyclus, g, Soort.VERGUNNINGHOUDERS, Stadium.VASTGESTELD, aantal)
                for cyclus, g, aantal in te_zetten
            ),
            bron=bron_tekst,
        )
        _log(samenvatting, door=door, peildatum=peildatum)
    return samenvatting


# --- Nidos ----------------------------------------------------------------------------


def importeer_nidos(
    bron: Bron,
    *,
    door: Any,
    peildatum: dt.date,
    dry_run: bool = False,
    bestandsnaam: str | None = None,
) -> Samenvatting:
    """Import Nidos's factsheet (gemeente, gerealiseerd, taakstelling) for ``peildatum``."""
    data, samenvatting = begin(AanleverSoort.NIDOS, bron, bestandsnaam, dry_run)
    if samenvatting.fouten:
        return samenvatting
    register, gemeenten = gemeente_register()
    bestand: Bestand[NidosRij] = lees_nidos(data, samenvatting.bestandsnaam, register)
    if not overnemen(samenvatting, bestand):
        return samenvatting
    samenvatting.peildata = [peildatum]
    bron_tekst = bronregel(
        f"Nidos, Factsheet opvang, update van {opmaak.datum(peildatum)}", samenvatting
    )
    labels = {k: label(NidosStand, k) for k in ("gerealiseerd", "taakstelling")}
    rijen = [
        (
            gemeenten[r.gemeente.cbs_code],
            {"gerealiseerd": r.gerealiseerd, "taakstelling": r.taakstelling},
        )
        for r in bestand.rijen
    ]
    if buiten_provincie(door, samenvatting, (g for g, _ in rijen)):
        return samenvatting
    with transaction.atomic():
        huidig = {
            rij["gemeente_id"]: rij
            for rij in NidosStand.objects.actueel()
            .filter(peildatum=peildatum, gemeente__in=[g for g, _ in rijen])
            .values("gemeente_id", "gerealiseerd", "taakstelling")
        }
        onderwerp = f"factsheet {opmaak.datum(peildatum)}"
        samenvatting.regels = [
            vergelijk(g, onderwerp, waarden, huidig.get(g.pk), labels) for g, waarden in rijen
        ]
        if dry_run:
            return samenvatting
        for (g, waarden), regel in zip(rijen, samenvatting.regels, strict=True):
            if regel.status != ONGEWIJZIGD:
                registreer_nidos(
                    door=door,
                    gemeente=g,
                    peildatum=peildatum,
                    gerealiseerd=waarden["gerealiseerd"],
                    taakstelling=waarden["taakstelling"],
                    bron=bron_tekst,
                )
        _log(samenvatting, door=door, peildatum=peildatum)
    return samenvatting


# --- Realisatie -----------------------------------------------------------------------


def importeer_realisatie(
    bron: Bron, *, door: Any, dry_run: bool = False, bestandsnaam: str | None = None
) -> Samenvatting:
    """Import realisation per gemeente, soort and peildatum."""
    data, samenvatting = begin(AanleverSoort.REALISATIE, bron, bestandsnaam, dry_run)
    if samenvatting.fouten:
        return samenvatting
    register, gemeenten = gemeente_register()
    bestand: Bestand[RealisatieRij] = lees_realisatie(data, samenvatting.bestandsnaam, register)
    if not overnemen(samenvatting, bestand):
        return samenvatting
    peildata = sorted({r.peildatum for r in bestand.rijen})
    samenvatting.peildata = peildata
    bron_tekst = bronregel("Realisatie per gemeente en soort", samenvatting)
    labels = {"aantal": label(Realisatie, "aantal")}
    rijen = [(gemeenten[r.gemeente.cbs_code], r) for r in bestand.rijen]
    if buiten_provincie(door, samenvatting, (g for g, _ in rijen)):
        return samenvatting
    with transaction.atomic():
        huidig = {
            (g, s, p): {"aantal": n}
            for g, s, p, n in Realisatie.objects.actueel()
            .filter(
                peildatum__in=peildata,
                soort__in={r.soort for r in bestand.rijen},
                gemeente__in={g.pk for g, _ in rijen},
            )
            .values_list("gemeente_id", "soort", "peildatum", "aantal")
        }
        samenvatting.regels = [
            vergelijk(
                g,
                f"{SOORT_NAMEN[r.soort]}, {opmaak.datum(r.peildatum)}",
                {"aantal": r.aantal},
                huidig.get((g.pk, r.soort, r.peildatum)),
                labels,
            )
            for g, r in rijen
        ]
        if dry_run:
            return samenvatting
        registreer_realisaties(
            door=door,
            rijen=(
                RealisatieInvoer(g, r.soort, r.peildatum, r.aantal)
                for (g, r), regel in zip(rijen, samenvatting.regels, strict=True)
                if regel.status != ONGEWIJZIGD
            ),
            bron=bron_tekst,
            checksum=samenvatting.checksum,
        )
        _log(samenvatting, door=door, peildatum=peildata[-1] if peildata else None)
    return samenvatting


# --- the minister's numbers of a Spreidingswet cyclus (read and compared in cyclusimport) ------


def importeer_indicatief(
    bron: Bron,
    *,
    door: Any,
    cyclus: Cyclus,
    dry_run: bool = False,
    bestandsnaam: str | None = None,
    geldig_vanaf: dt.date | None = None,
) -> Samenvatting:
    """Import the minister's indicative distribution of ``cyclus`` (the ``indicatief``
    opgaven, and the provincial opgave per soort as their sum unless the minister's is
    stored); ``geldig_vanaf`` of a derived provincial opgave: the publication date of the
    cyclus' set-up, else today."""
    cyclusimport.mag_importeren(door)
    plan = cyclusimport.lees_indicatief(
        bron,
        door=door,
        cyclus=cyclus,
        dry_run=dry_run,
        bestandsnaam=bestandsnaam,
        geldig_vanaf=geldig_vanaf,
    )
    return _schrijf_opgaven(plan, cyclusimport.vergelijk_indicatief, door=door)


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
    from ``geldig_vanaf`` (default today); a gemeente of the provincie not in the file gets 0."""
    cyclusimport.mag_importeren(door)
    plan = cyclusimport.lees_verdeelbesluit(
        bron,
        door=door,
        cyclus=cyclus,
        provincie=provincie,
        geldig_vanaf=geldig_vanaf,
        dry_run=dry_run,
        bestandsnaam=bestandsnaam,
    )
    return _schrijf_opgaven(
        plan, lambda p: cyclusimport.vergelijk_verdeelbesluit(p, provincie), door=door
    )


def _schrijf_opgaven(
    plan: cyclusimport.Opgaveplan,
    vergelijk: Callable[[cyclusimport.Opgaveplan], None],
    *,
    door: Any,
) -> Samenvatting:
    """Compare (``vergelijk``) and, unless a dry run, write the opgaven that change, the
    provincial opgaven and the delivery's log: all in one transaction, or nothing."""
    samenvatting = plan.samenvatting
    if samenvatting.fouten:
        return samenvatting
    with transaction.atomic():
        vergelijk(plan)
        if samenvatting.dry_run:
            return samenvatting
        for gemeente, waarden in plan.gemeenten:
            for soort in ("regulier", "amv"):
                zet_opgave(
                    door=door,
                    cyclus=plan.cyclus,
                    gemeente=gemeente,
                    soort=soort,
                    stadium=plan.stadium,
                    aantal=waarden[soort],
                    bron=plan.bron,
                )
        for provincie, soort, aantal, vanaf, bron in plan.provincies:
            zet_provincie_opgave(
                door=door,
                cyclus=plan.cyclus,
                provincie=provincie,
                soort=soort,
                aantal=aantal,
                geldig_vanaf=vanaf,
                bron=bron,
            )
        _log(samenvatting, door=door, peildatum=plan.peildatum)
    return samenvatting


IMPORTEURS = {
    AanleverSoort.COA: importeer_coa,
    AanleverSoort.REALISATIE: importeer_realisatie,
}


def importeer(
    soort: str,
    bron: Bron,
    *,
    door: Any,
    dry_run: bool = False,
    bestandsnaam: str | None = None,
    peildatum: dt.date | None = None,
) -> Samenvatting:
    """Dispatch on ``soort`` (coa, nidos, realisatie): the CLI and the upload page use this."""
    if soort == AanleverSoort.NIDOS:
        if peildatum is None:
            raise ValueError("Nidos heeft een peildatum nodig")
        return importeer_nidos(
            bron, door=door, peildatum=peildatum, dry_run=dry_run, bestandsnaam=bestandsnaam
        )
    return IMPORTEURS[AanleverSoort(soort)](
        bron, door=door, dry_run=dry_run, bestandsnaam=bestandsnaam
    )
