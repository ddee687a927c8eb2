"""The reading half of every import: read the file, check it, compare every row with what is
stored, and say so in a ``Samenvatting`` (per gemeente new, changed old → new, or unchanged).

Nothing here writes: ``services.py`` calls these, then writes the new and changed rows through
the services of monitoring and opgaven in one transaction and logs the delivery.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db.models import Model

from regietafel.aanlevering import opslag
from regietafel.aanlevering.lezen import Bestand, CoaRij, Fout
from regietafel.aanlevering.lezen.tabel import MAX_BYTES
from regietafel.aanlevering.models import Aanlevering, AanleverSoort
from regietafel.aanlevering.permissions import aanlever_provincie_id
from regietafel.gemeenten.models import Gemeente
from regietafel.monitoring.models import VergunninghoudersStand
from regietafel.opgaven.models import Cyclus, CyclusSoort, Opgave, Soort, Stadium

NIEUW, GEWIJZIGD, ONGEWIJZIGD = "nieuw", "gewijzigd", "ongewijzigd"
Bron = Path | str | bytes

SOORT_NAMEN: dict[str, str] = {"oekraine": "Oekraïne", "regulier": "regulier", "amv": "AMV"}
COA_VELDEN = VergunninghoudersStand.STANDVELDEN


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

    def fout(self, tekst: str) -> None:
        """An error about the whole file (no sheet, row or column)."""
        self.fouten.append(Fout(self.bestandsnaam, None, None, None, tekst))

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


def lees_bron(bron: Bron, bestandsnaam: str | None) -> tuple[bytes, str, Fout | None]:
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


def begin(
    soort: str, bron: Bron, bestandsnaam: str | None, dry_run: bool
) -> tuple[bytes, Samenvatting]:
    """The file's bytes and an empty summary. A given ``bestandsnaam`` (the name of an
    upload, on the page or through the API) is kept without folders or control characters
    and must have an extension (which the readers check against the content): it lands in
    the delivery log and its exports."""
    if bestandsnaam is not None:
        bestandsnaam = opslag.bestandsnaam(bestandsnaam) or "upload"
    data, naam, fout = lees_bron(bron, bestandsnaam)
    samenvatting = Samenvatting(soort, naam, checksum(data), dry_run)
    if fout is not None:
        samenvatting.fouten.append(fout)
    elif bestandsnaam is not None and not opslag.extensie(bestandsnaam):
        # A name without an extension is refused here; the readers judge one (.xls, .pdf, …).
        samenvatting.fouten.append(Fout(bestandsnaam, None, None, None, opslag.GEEN_EXTENSIE))
    return data, samenvatting


def overnemen(samenvatting: Samenvatting, bestand: Bestand[Any]) -> bool:
    """Copy the reader's errors and notes; True when the file may be imported."""
    samenvatting.fouten.extend(bestand.fouten)
    samenvatting.notities.extend(bestand.notities)
    return not bestand.fouten


def buiten_provincie(door: Any, samenvatting: Samenvatting, gemeenten: Iterable[Gemeente]) -> bool:
    """A provincial user delivers for its own provincie only: a row of another provincie's
    gemeente is an error for the whole file (nothing is written). True when there is one."""
    eigen = aanlever_provincie_id(door)
    if eigen is None:
        return False
    vreemd = sorted({g.naam for g in gemeenten if g.provincie_id != eigen})
    if vreemd:
        samenvatting.fout(
            "Het bestand bevat gemeenten buiten uw provincie, waarvoor u niet mag "
            f"aanleveren: {', '.join(vreemd[:10])}{' …' if len(vreemd) > 10 else ''}."
        )
    return bool(vreemd)


def bronregel(wat: str, samenvatting: Samenvatting) -> str:
    naam = samenvatting.bestandsnaam
    naam = naam if len(naam) <= 120 else naam[:119] + "…"
    return f"{wat}; bestand {naam}; SHA-256 {samenvatting.checksum}"


def label(model: type[Model], veld: str) -> str:
    return str(getattr(model._meta.get_field(veld), "verbose_name", veld))


def vergelijk(
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


def coa_waarden(rij: CoaRij, jaar: int) -> dict[str, int]:
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


def halfjaar_cycli(jaar: int) -> dict[int, Cyclus]:
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


def vergelijk_opgaven(
    samenvatting: Samenvatting, jaar: int, rijen: list[tuple[Gemeente, dict[str, int]]]
) -> list[tuple[Cyclus, Gemeente, int]]:
    """The COA taakstelling per half year as vastgestelde opgave: what would change.

    Only for the half years that have a statushouders cyclus; the others get a note.
    """
    cycli = halfjaar_cycli(jaar)
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
            regel = vergelijk(
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
