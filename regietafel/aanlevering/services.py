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
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Model

from regietafel.aanlevering import opslag
from regietafel.aanlevering.lezen import (
    Bestand,
    CoaRij,
    Fout,
    NidosRij,
    RealisatieRij,
    lees_coa,
    lees_nidos,
    lees_realisatie,
)
from regietafel.aanlevering.lezen.tabel import MAX_BYTES
from regietafel.aanlevering.models import Aanlevering, AanleverSoort
from regietafel.aanlevering.permissions import aanlever_provincie_id
from regietafel.aanlevering.queries import gemeente_register
from regietafel.audit.services import registreer
from regietafel.core import opmaak
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring.models import NidosStand, Realisatie, VergunninghoudersStand
from regietafel.monitoring.services import (
    RealisatieInvoer,
    VergunninghoudersInvoer,
    registreer_nidos,
    registreer_realisaties,
    registreer_vergunninghouders_standen,
)
from regietafel.opgaven.models import Cyclus, CyclusSoort, Opgave, Soort, Stadium
from regietafel.opgaven.services import OpgaveInvoer, zet_opgaven

NIEUW, GEWIJZIGD, ONGEWIJZIGD = "nieuw", "gewijzigd", "ongewijzigd"
Bron = Path | str | bytes

SOORT_NAMEN: dict[str, str] = {"oekraine": "Oekraïne", "regulier": "regulier", "amv": "AMV"}
COA_VELDEN = (
    "jaar",
    "stand_1_jan",
    "taakstelling_h1",
    "realisatie_h1",
    "taakstelling_h2",
    "correcties",
    *VergunninghoudersStand.MAANDVELDEN,
)


@dataclass(frozen=True)
class Verandering:
    veld: str
    """Dutch label: "realisatie oktober"."""
    oud: int | None
    nieuw: int
    telling: bool = True
    """A count of persons or places (False for a year): printed as 1.000."""


@dataclass(frozen=True)
class Regel:
    """One stored record the file speaks about, and what would happen to it."""

    gemeente: str
    cbs_code: str
    onderwerp: str
    """What of the gemeente: "stand 01-11-2025", "asielopvang regulier, 01-11-2025",
    "opgave Statushouders 2e helft 2025"."""
    status: str
    veranderingen: tuple[Verandering, ...] = ()

    @property
    def omschrijving(self) -> str:
        return f"{self.gemeente}, {self.onderwerp}" if self.onderwerp else self.gemeente


@dataclass
class Samenvatting:
    soort: str
    bestandsnaam: str
    checksum: str
    dry_run: bool
    peildata: list[dt.date] = field(default_factory=list)
    regels: list[Regel] = field(default_factory=list)
    opgaven: list[Regel] = field(default_factory=list)
    """Opgaven the file sets as well (the COA taakstelling per half year)."""
    fouten: list[Fout] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)
    geschreven: bool = False
    aanlevering: Aanlevering | None = None

    @property
    def soort_label(self) -> str:
        return AanleverSoort(self.soort).label

    def aantal(self, status: str, *, opgaven: bool = False) -> int:
        return sum(1 for r in (self.opgaven if opgaven else self.regels) if r.status == status)

    @property
    def nieuw(self) -> int:
        return self.aantal(NIEUW)

    @property
    def gewijzigd(self) -> int:
        return self.aantal(GEWIJZIGD)

    @property
    def ongewijzigd(self) -> int:
        return self.aantal(ONGEWIJZIGD)

    @property
    def opgaven_veranderd(self) -> int:
        return sum(1 for r in self.opgaven if r.status != ONGEWIJZIGD)

    @property
    def veranderingen(self) -> list[Regel]:
        """The rows and opgaven that are new or changed, in file order."""
        return [r for r in (*self.regels, *self.opgaven) if r.status != ONGEWIJZIGD]

    @property
    def verandert_iets(self) -> bool:
        return bool(self.veranderingen)


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _lees_bron(bron: Bron, bestandsnaam: str | None) -> tuple[bytes, str, Fout | None]:
    if isinstance(bron, bytes):
        return bron, bestandsnaam or "upload", None
    pad = Path(bron)
    naam = bestandsnaam or pad.name
    try:
        if pad.stat().st_size > MAX_BYTES:
            return b"", naam, Fout(naam, None, None, None, "Het bestand is te groot.")
        return pad.read_bytes(), naam, None
    except FileNotFoundError:
        melding = f"Het bestand {pad} bestaat niet."
    except IsADirectoryError:
        melding = f"{pad} is een map, geen bestand."
    except PermissionError:
        melding = f"Het bestand {pad} kan niet worden gelezen: u heeft er geen leesrechten op."
    except OSError:
        melding = f"Het bestand {pad} kan niet worden gelezen (een fout van het bestandssysteem)."
    return b"", naam, Fout(naam, None, None, None, melding)


def _begin(
    soort: str, bron: Bron, bestandsnaam: str | None, dry_run: bool
) -> tuple[bytes, Samenvatting]:
    """The file's bytes and an empty summary. A given ``bestandsnaam`` (the name of an
    upload, on the page or through the API) is kept without folders or control characters
    and must have an extension (which the readers check against the content): it lands in
    the delivery log and its exports."""
    if bestandsnaam is not None:
        bestandsnaam = opslag.bestandsnaam(bestandsnaam) or "upload"
    data, naam, fout = _lees_bron(bron, bestandsnaam)
    samenvatting = Samenvatting(soort, naam, checksum(data), dry_run)
    if fout is not None:
        samenvatting.fouten.append(fout)
    elif bestandsnaam is not None and not opslag.extensie(bestandsnaam):
        # A name without an extension is refused here; the readers judge one (.xls, .pdf, …).
        samenvatting.fouten.append(Fout(bestandsnaam, None, None, None, opslag.GEEN_EXTENSIE))
    return data, samenvatting


def _overnemen(samenvatting: Samenvatting, bestand: Bestand[Any]) -> bool:
    """Copy the reader's errors and notes; True when the file may be imported."""
    samenvatting.fouten.extend(bestand.fouten)
    samenvatting.notities.extend(bestand.notities)
    return not bestand.fouten


def _buiten_provincie(door: Any, samenvatting: Samenvatting, gemeenten: Iterable[Gemeente]) -> bool:
    """A provincial user delivers for its own provincie only: a row of another provincie's
    gemeente is an error for the whole file (nothing is written). True when there is one."""
    eigen = aanlever_provincie_id(door)
    if eigen is None:
        return False
    vreemd = sorted({g.naam for g in gemeenten if g.provincie_id != eigen})
    if vreemd:
        samenvatting.fouten.append(
            Fout(
                samenvatting.bestandsnaam,
                None,
                None,
                None,
                "Het bestand bevat gemeenten buiten uw provincie, waarvoor u niet mag "
                f"aanleveren: {', '.join(vreemd[:10])}{' …' if len(vreemd) > 10 else ''}.",
            )
        )
    return bool(vreemd)


def _bronregel(wat: str, samenvatting: Samenvatting) -> str:
    naam = samenvatting.bestandsnaam
    naam = naam if len(naam) <= 120 else naam[:119] + "…"
    return f"{wat}; bestand {naam}; SHA-256 {samenvatting.checksum}"


def _label(model: type[Model], veld: str) -> str:
    return str(getattr(model._meta.get_field(veld), "verbose_name", veld))


def _vergelijk(
    gemeente: Gemeente,
    onderwerp: str,
    waarden: Mapping[str, int],
    huidig: Mapping[str, int] | None,
    labels: Mapping[str, str],
) -> Regel:
    if huidig is None:
        return Regel(
            gemeente.naam,
            gemeente.cbs_code,
            onderwerp,
            NIEUW,
            tuple(Verandering(labels[k], None, v, k != "jaar") for k, v in waarden.items()),
        )
    veranderingen = tuple(
        Verandering(labels[k], huidig.get(k), v, k != "jaar")
        for k, v in waarden.items()
        if huidig.get(k) != v
    )
    return Regel(
        gemeente.naam,
        gemeente.cbs_code,
        onderwerp,
        GEWIJZIGD if veranderingen else ONGEWIJZIGD,
        veranderingen,
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


def _coa_waarden(rij: CoaRij, jaar: int) -> dict[str, int]:
    invoer = rij.invoer
    return {
        "jaar": jaar,
        "stand_1_jan": invoer.stand_1_jan,
        "taakstelling_h1": invoer.taakstelling_h1,
        "realisatie_h1": invoer.realisatie_h1,
        "taakstelling_h2": invoer.taakstelling_h2,
        "correcties": invoer.correcties,
        **dict(zip(VergunninghoudersStand.MAANDVELDEN, invoer.realisatie_maanden, strict=True)),
    }


def _halfjaar_cycli(jaar: int) -> dict[int, Cyclus]:
    """The statushouders cycli of the two half years of ``jaar`` that exist: {1: …, 2: …}."""
    grenzen = {
        1: (dt.date(jaar, 1, 1), dt.date(jaar, 6, 30)),
        2: (dt.date(jaar, 7, 1), dt.date(jaar, 12, 31)),
    }
    cycli = Cyclus.objects.filter(
        soort=CyclusSoort.STATUSHOUDERS, begin__in=[b for b, _ in grenzen.values()]
    ).order_by("begin", "pk")
    gevonden: dict[int, Cyclus] = {}
    for cyclus in cycli:
        for helft, (begin, eind) in grenzen.items():
            if cyclus.begin == begin and cyclus.eind <= eind:
                gevonden.setdefault(helft, cyclus)
    return gevonden


def _vergelijk_opgaven(
    samenvatting: Samenvatting, jaar: int, rijen: list[tuple[Gemeente, dict[str, int]]]
) -> list[tuple[Cyclus, Gemeente, int]]:
    """The COA taakstelling per half year as vastgestelde opgave: what would change.

    Only for the half years that have a statushouders cyclus; the others get a note.
    """
    cycli = _halfjaar_cycli(jaar)
    for helft in (1, 2):
        if helft not in cycli:
            samenvatting.notities.append(
                f"Er is geen cyclus voor de statushouders in de {helft}e helft van {jaar}: "
                "de taakstelling van die helft is niet als opgave vastgelegd."
            )
    opgeslagen = {
        (o.cyclus_id, o.gemeente_id): o.aantal
        for o in Opgave.objects.filter(
            cyclus__in=list(cycli.values()),
            gemeente__in=[g for g, _ in rijen],
            soort=Soort.VERGUNNINGHOUDERS,
            stadium=Stadium.VASTGESTELD,
        )
    }
    te_zetten: list[tuple[Cyclus, Gemeente, int]] = []
    for helft, cyclus in cycli.items():
        veld = f"taakstelling_h{helft}"
        for g, waarden in rijen:
            oud = opgeslagen.get((cyclus.pk, g.pk))
            regel = _vergelijk(
                g,
                f"opgave {cyclus.naam}",
                {veld: waarden[veld]},
                None if oud is None else {veld: oud},
                {veld: "taakstelling"},
            )
            samenvatting.opgaven.append(regel)
            if regel.status != ONGEWIJZIGD:
                te_zetten.append((cyclus, g, waarden[veld]))
    return te_zetten


def importeer_coa(
    bron: Bron, *, door: Any, dry_run: bool = False, bestandsnaam: str | None = None
) -> Samenvatting:
    """Import COA's "Overzicht huisvesting vergunninghouders" (seed 000's layout)."""
    data, samenvatting = _begin(AanleverSoort.COA, bron, bestandsnaam, dry_run)
    if samenvatting.fouten:
        return samenvatting
    register, gemeenten = gemeente_register()
    bestand = lees_coa(data, samenvatting.bestandsnaam, register)
    if not _overnemen(samenvatting, bestand):
        return samenvatting
    assert bestand.peildatum is not None and bestand.jaar is not None
    peildatum, jaar = bestand.peildatum, bestand.jaar
    samenvatting.peildata = [peildatum]
    bron_tekst = _bronregel(
        f"COA, Overzicht huisvesting vergunninghouders, peildatum {opmaak.datum(peildatum)}",
        samenvatting,
    )
    labels = {k: _label(VergunninghoudersStand, k) for k in COA_VELDEN}
    rijen = [(gemeenten[r.gemeente.cbs_code], _coa_waarden(r, jaar), r) for r in bestand.rijen]
    if _buiten_provincie(door, samenvatting, (g for g, *_ in rijen)):
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
            _vergelijk(g, onderwerp, waarden, huidig.get(g.pk), labels) for g, waarden, _ in rijen
        ]

        te_zetten = _vergelijk_opgaven(samenvatting, jaar, [(g, w) for g, w, _ in rijen])
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
    data, samenvatting = _begin(AanleverSoort.NIDOS, bron, bestandsnaam, dry_run)
    if samenvatting.fouten:
        return samenvatting
    register, gemeenten = gemeente_register()
    bestand: Bestand[NidosRij] = lees_nidos(data, samenvatting.bestandsnaam, register)
    if not _overnemen(samenvatting, bestand):
        return samenvatting
    samenvatting.peildata = [peildatum]
    bron_tekst = _bronregel(
        f"Nidos, Factsheet opvang, update van {opmaak.datum(peildatum)}", samenvatting
    )
    labels = {k: _label(NidosStand, k) for k in ("gerealiseerd", "taakstelling")}
    rijen = [
        (
            gemeenten[r.gemeente.cbs_code],
            {"gerealiseerd": r.gerealiseerd, "taakstelling": r.taakstelling},
        )
        for r in bestand.rijen
    ]
    if _buiten_provincie(door, samenvatting, (g for g, _ in rijen)):
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
            _vergelijk(g, onderwerp, waarden, huidig.get(g.pk), labels) for g, waarden in rijen
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
    data, samenvatting = _begin(AanleverSoort.REALISATIE, bron, bestandsnaam, dry_run)
    if samenvatting.fouten:
        return samenvatting
    register, gemeenten = gemeente_register()
    bestand: Bestand[RealisatieRij] = lees_realisatie(data, samenvatting.bestandsnaam, register)
    if not _overnemen(samenvatting, bestand):
        return samenvatting
    peildata = sorted({r.peildatum for r in bestand.rijen})
    samenvatting.peildata = peildata
    bron_tekst = _bronregel("Realisatie per gemeente en soort", samenvatting)
    labels = {"aantal": _label(Realisatie, "aantal")}
    rijen = [(gemeenten[r.gemeente.cbs_code], r) for r in bestand.rijen]
    if _buiten_provincie(door, samenvatting, (g for g, _ in rijen)):
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
            _vergelijk(
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
