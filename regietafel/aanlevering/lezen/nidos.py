"""Nidos's "Factsheet opvang": minderjarige statushouders per gemeente.

Columns: gemeente (or CBS code), gerealiseerd, taakstelling resterend (optional; checked:
max(0, totaal − gerealiseerd)), totaal taakstelling. A "gerealiseerd van taakstelling"
column (the percentage) and a provincie column are read past. A "totaal" row, if any, is
checked against the sum of the rows. The peildatum is not in the file: the caller gives it.
"""

from __future__ import annotations

from dataclasses import dataclass

from regietafel.aanlevering.lezen.bestand import Bestand, CelFout
from regietafel.aanlevering.lezen.cellen import geheel_getal, is_leeg
from regietafel.aanlevering.lezen.indeling import dubbel, zoek_gemeente, zoek_tabel
from regietafel.aanlevering.lezen.koppen import CBS_CODE, GEMEENTE, Kolom, kop_sleutel
from regietafel.aanlevering.lezen.register import GemeenteRegister, RegisterGemeente
from regietafel.aanlevering.lezen.tabel import open_werkboek
from regietafel.domain import notatie
from regietafel.domain.voortgang import resterend as r5_resterend

KOLOMMEN: tuple[Kolom, ...] = (
    GEMEENTE,
    CBS_CODE,
    Kolom(
        "voortgang",
        "gerealiseerd van taakstelling",
        r"gerealiseerd van (de )?taakstelling|voortgang|percentage",
        verplicht=False,
        negeren=True,
    ),
    Kolom("provincie", "provincie", r"provincie", verplicht=False, negeren=True),
    Kolom("gerealiseerd", "gerealiseerd", r"gerealiseerd|realisatie"),
    Kolom(
        "resterend",
        "taakstelling resterend",
        r"(taakstelling )?resterend( taakstelling)?",
        verplicht=False,
    ),
    Kolom("taakstelling", "totaal taakstelling", r"(totaal )?taakstelling( totaal)?"),
)
CIJFERS = ("gerealiseerd", "resterend", "taakstelling")


@dataclass(frozen=True)
class NidosRij:
    rij: int
    gemeente: RegisterGemeente
    gerealiseerd: int
    taakstelling: int


def lees_nidos(data: bytes, naam: str, register: GemeenteRegister) -> Bestand[NidosRij]:
    bestand: Bestand[NidosRij] = Bestand(naam)
    werkboek = open_werkboek(data, naam)
    if werkboek.fouten:
        bestand.fouten.extend(werkboek.fouten)
        return bestand
    tabel = zoek_tabel(werkboek, bestand, KOLOMMEN)
    if tabel is None or bestand.fouten:
        return bestand
    indeling = tabel.indeling
    gezien: dict[str, int] = {}
    totaal: tuple[int, dict[str, int | None]] | None = None
    for nummer, rij in tabel.rijen:
        if all(is_leeg(indeling.waarde(rij, k)) for k in indeling.kolommen):
            continue
        eerste = indeling.waarde(rij, "gemeente")
        is_totaal = isinstance(eerste, str) and kop_sleutel(eerste).startswith("totaal")
        gemeente = None if is_totaal else zoek_gemeente(bestand, register, indeling, nummer, rij)
        cijfers: dict[str, int | None] = {}
        for sleutel in CIJFERS:
            if sleutel not in indeling.kolommen:
                cijfers[sleutel] = None
                continue
            waarde = indeling.waarde(rij, sleutel)
            try:
                cijfers[sleutel] = (
                    None if sleutel == "resterend" and is_leeg(waarde) else geheel_getal(waarde)
                )
            except CelFout as exc:
                bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats(sleutel))
                cijfers[sleutel] = None
        gerealiseerd, taakstelling = cijfers["gerealiseerd"], cijfers["taakstelling"]
        if gerealiseerd is None or taakstelling is None:
            continue
        if is_totaal:
            totaal = (nummer, cijfers)
            break
        resterend, verwacht = cijfers["resterend"], r5_resterend(gerealiseerd, taakstelling)
        if resterend is not None and resterend != verwacht:
            bestand.fout(
                f"Taakstelling resterend is {notatie.getal(resterend)}; bij een taakstelling van "
                f"{notatie.getal(taakstelling)} en {notatie.getal(gerealiseerd)} gerealiseerd is dat "
                f"{notatie.getal(verwacht)}.",
                rij=nummer,
                kolom=indeling.plaats("resterend"),
            )
        if gemeente is None or dubbel(
            bestand, gezien, gemeente.cbs_code, gemeente.naam, nummer, indeling.plaats("gemeente")
        ):
            continue
        bestand.rijen.append(NidosRij(nummer, gemeente, gerealiseerd, taakstelling))
    if not bestand.rijen and not bestand.fouten:
        bestand.fout("De factsheet bevat geen enkele gemeente.")
    if totaal is not None and not bestand.fouten:
        nummer, cijfers = totaal
        sommen = {
            "gerealiseerd": sum(r.gerealiseerd for r in bestand.rijen),
            "taakstelling": sum(r.taakstelling for r in bestand.rijen),
            "resterend": sum(r5_resterend(r.gerealiseerd, r.taakstelling) for r in bestand.rijen),
        }
        for sleutel, som in sommen.items():
            opgegeven = cijfers[sleutel]
            if opgegeven is not None and opgegeven != som:
                bestand.fout(
                    f"Het totaal is {notatie.getal(opgegeven)}, de som van de rijen is "
                    f"{notatie.getal(som)}.",
                    rij=nummer,
                    kolom=indeling.plaats(sleutel),
                )
    return bestand
