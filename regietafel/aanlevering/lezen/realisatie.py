"""Realisation per gemeente and soort: one row per gemeente, soort and peildatum.

Columns: gemeente (or CBS code), soort (oekraine, regulier or amv; "Oekraïne" and "AMV"
will do), realisatie, peildatum (the first day of a month). Long files (all 342 gemeenten,
several months) are expected: the reader keeps one small record per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from regietafel.aanlevering.lezen.bestand import Bestand, CelFout
from regietafel.aanlevering.lezen.cellen import datum, geheel_getal, is_leeg, kort, tekst
from regietafel.aanlevering.lezen.indeling import dubbel, zoek_gemeente, zoek_tabel
from regietafel.aanlevering.lezen.koppen import CBS_CODE, GEMEENTE, Kolom, kop_sleutel
from regietafel.aanlevering.lezen.register import GemeenteRegister, RegisterGemeente
from regietafel.aanlevering.lezen.tabel import open_werkboek

KOLOMMEN: tuple[Kolom, ...] = (
    GEMEENTE,
    CBS_CODE,
    Kolom("soort", "soort", r"soort( opgave)?|opgave"),
    Kolom("realisatie", "realisatie", r"realisatie|aantal|gerealiseerd"),
    Kolom("peildatum", "peildatum", r"peildatum|datum"),
)
SOORTEN = {
    "oekraine": "oekraine",
    "oekraiene": "oekraine",
    "oekraiense ontheemden": "oekraine",
    "regulier": "regulier",
    "asielopvang regulier": "regulier",
    "reg": "regulier",
    "amv": "amv",
    "asielopvang amv": "amv",
}


@dataclass(frozen=True)
class RealisatieRij:
    rij: int
    gemeente: RegisterGemeente
    soort: str
    peildatum: dt.date
    aantal: int


def lees_realisatie(data: bytes, naam: str, register: GemeenteRegister) -> Bestand[RealisatieRij]:
    bestand: Bestand[RealisatieRij] = Bestand(naam)
    werkboek = open_werkboek(data, naam)
    if werkboek.fouten:
        bestand.fouten.extend(werkboek.fouten)
        return bestand
    tabel = zoek_tabel(werkboek, bestand, KOLOMMEN)
    if tabel is None or bestand.fouten:
        return bestand
    indeling = tabel.indeling
    gezien: dict[tuple[str, str, dt.date], int] = {}
    overgeslagen = 0
    for nummer, rij in tabel.rijen:
        if all(is_leeg(indeling.waarde(rij, k)) for k in indeling.kolommen):
            continue
        eerste = indeling.waarde(rij, "gemeente")
        if isinstance(eerste, str) and kop_sleutel(eerste).startswith("totaal"):
            overgeslagen += 1
            continue
        gemeente = zoek_gemeente(bestand, register, indeling, nummer, rij)
        soort = peildatum = aantal = None
        try:
            waarde = tekst(indeling.waarde(rij, "soort"), "oekraine, regulier of amv")
            soort = SOORTEN.get(kop_sleutel(waarde))
            if soort is None:
                raise CelFout(f"„{kort(waarde)}” is geen soort; verwacht oekraine, regulier of amv")
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats("soort"))
        try:
            aantal = geheel_getal(indeling.waarde(rij, "realisatie"))
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats("realisatie"))
        try:
            peildatum = datum(indeling.waarde(rij, "peildatum"))
            if peildatum.day != 1:
                raise CelFout(f"de peildatum {peildatum:%d-%m-%Y} is geen eerste dag van de maand")
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats("peildatum"))
        if gemeente is None or soort is None or peildatum is None or aantal is None:
            continue
        if dubbel(
            bestand,
            gezien,
            (gemeente.cbs_code, soort, peildatum),
            f"{gemeente.naam}, {soort}, {peildatum:%d-%m-%Y}",
            nummer,
            indeling.plaats("gemeente"),
        ):
            continue
        bestand.rijen.append(RealisatieRij(nummer, gemeente, soort, peildatum, aantal))
    if overgeslagen:
        bestand.notities.append(
            f"{overgeslagen} totaalregel(s) overgeslagen: totalen worden berekend."
        )
    if not bestand.rijen and not bestand.fouten:
        bestand.fout("Het bestand bevat geen enkele realisatie.")
    return bestand
