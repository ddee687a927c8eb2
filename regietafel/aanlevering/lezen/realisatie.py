"""Realisation per gemeente and soort: one row per gemeente, soort and peildatum.

Columns: gemeente (or CBS code), soort (oekraine, regulier or amv; "Oekraïne" and "AMV"
will do), realisatie, peildatum (the first day of a month). Long files (all 342 gemeenten,
several months) are expected: the reader keeps one small record per row.

A "totaal …" row is checked, not stored: its realisatie must equal the sum of the rows it
covers — those of its soort and peildatum when it names them (blank: every soort or every
peildatum), and of its provincie for "totaal Drenthe". A totaal that differs refuses the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from regietafel.aanlevering.lezen.bestand import Bestand, CelFout
from regietafel.aanlevering.lezen.cellen import (
    datum,
    geheel_getal,
    is_leeg,
    kort,
    tekst,
)
from regietafel.aanlevering.lezen.indeling import dubbel, zoek_gemeente, zoek_tabel
from regietafel.aanlevering.lezen.koppen import CBS_CODE, GEMEENTE, Kolom, kop_sleutel
from regietafel.aanlevering.lezen.register import GemeenteRegister, RegisterGemeente
from regietafel.aanlevering.lezen.tabel import open_werkboek
from regietafel.core import opmaak

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

SOORT_NAMEN = {"oekraine": "Oekraïne", "regulier": "regulier", "amv": "AMV"}


@dataclass(frozen=True)
class _Totaal:
    rij: int
    provincie: str | None
    soort: str | None
    peildatum: dt.date | None
    aantal: int

    def dekt(self, r: RealisatieRij) -> bool:
        return (
            (self.provincie is None or r.gemeente.provincie == self.provincie)
            and (self.soort is None or r.soort == self.soort)
            and (self.peildatum is None or r.peildatum == self.peildatum)
        )

    def omschrijving(self) -> str:
        delen = [
            *((f"in {self.provincie}",) if self.provincie else ()),
            *((SOORT_NAMEN[self.soort],) if self.soort else ()),
            *((f"peildatum {opmaak.datum(self.peildatum)}",) if self.peildatum else ()),
        ]
        return f" ({', '.join(delen)})" if delen else ""


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
    totalen: list[_Totaal] = []
    for nummer, rij in tabel.rijen:
        if all(is_leeg(indeling.waarde(rij, k)) for k in indeling.kolommen):
            continue
        eerste = indeling.waarde(rij, "gemeente")
        is_totaal = isinstance(eerste, str) and kop_sleutel(eerste).startswith("totaal")
        gemeente = None if is_totaal else zoek_gemeente(bestand, register, indeling, nummer, rij)
        soort = peildatum = aantal = None
        try:
            waarde = indeling.waarde(rij, "soort")
            if not (is_totaal and is_leeg(waarde)):
                waarde = tekst(waarde, "oekraine, regulier of amv")
                soort = SOORTEN.get(kop_sleutel(waarde))
                if soort is None:
                    raise CelFout(
                        f"„{kort(waarde)}” is geen soort; verwacht oekraine, regulier of amv"
                    )
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats("soort"))
        try:
            waarde = indeling.waarde(rij, "realisatie")
            if not (is_totaal and is_leeg(waarde)):
                aantal = geheel_getal(waarde)
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats("realisatie"))
        try:
            waarde = indeling.waarde(rij, "peildatum")
            if not (is_totaal and is_leeg(waarde)):
                peildatum = datum(waarde)
                if peildatum.day != 1:
                    raise CelFout(
                        f"de peildatum {opmaak.datum(peildatum)} is geen eerste dag van de maand"
                    )
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats("peildatum"))
        if is_totaal:
            if aantal is not None:
                provincie = register.provincie(str(eerste).strip()[len("totaal") :])
                totalen.append(_Totaal(nummer, provincie, soort, peildatum, aantal))
            continue
        if gemeente is None or soort is None or peildatum is None or aantal is None:
            continue
        if dubbel(
            bestand,
            gezien,
            (gemeente.cbs_code, soort, peildatum),
            f"{gemeente.naam}, {soort}, {opmaak.datum(peildatum)}",
            nummer,
            indeling.plaats("gemeente"),
        ):
            continue
        bestand.rijen.append(RealisatieRij(nummer, gemeente, soort, peildatum, aantal))
    if not bestand.rijen and not bestand.fouten:
        bestand.fout("Het bestand bevat geen enkele realisatie.")
    if totalen and not bestand.fouten:
        _controleer_totalen(bestand, totalen, indeling.plaats("realisatie"))
    return bestand


def _controleer_totalen(
    bestand: Bestand[RealisatieRij], totalen: list[_Totaal], kolom: str
) -> None:
    """Every totaal row against the sum of the rows it covers; nothing is stored from it."""
    for t in totalen:
        som = sum(r.aantal for r in bestand.rijen if t.dekt(r))
        if som != t.aantal:
            bestand.fout(
                f"Het totaal is {opmaak.getal(t.aantal)}, de som van de rijen{t.omschrijving()} "
                f"is {opmaak.getal(som)}.",
                rij=t.rij,
                kolom=kolom,
            )
    if not bestand.fouten:
        bestand.notities.append(
            f"{len(totalen)} totaalregel(s) gecontroleerd: gelijk aan de som van de rijen "
            "(totalen worden berekend, niet opgeslagen)."
        )
