"""COA's monthly "Overzicht huisvesting vergunninghouders" (seed 000; domain.md R4).

Layout: a line "Peildatum: dd-mm-jjjj", a header over one or two rows, one row per
gemeente, a "totaal …" row and a line "Aantal gemeenten: n". The derived columns
(stand op 1 juli, taakstelling inclusief, realisatie tot 1 januari, achter/voor,
achterstand, voorsprong) are checked against R4 on every row, the totaal row against the
sum of the rows; they are not stored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from regietafel.aanlevering.lezen.bestand import Bestand, CelFout, kolomletter
from regietafel.aanlevering.lezen.cellen import datum, geheel_getal, is_leeg, kort
from regietafel.aanlevering.lezen.indeling import Tabel, dubbel, zoek_gemeente, zoek_tabel
from regietafel.aanlevering.lezen.koppen import CBS_CODE, GEMEENTE, Kolom, kop_sleutel
from regietafel.aanlevering.lezen.register import GemeenteRegister, RegisterGemeente
from regietafel.aanlevering.lezen.tabel import open_werkboek
from regietafel.core import opmaak
from regietafel.domain import notatie
from regietafel.domain.maanden import plus_maanden
from regietafel.domain.statushouders import (
    GETALLEN,
    VergunninghoudersInvoer,
    VergunninghoudersStand,
    controleer_stand,
    stand_vergunninghouders,
    totaal_vergunninghouders,
)

_T1JAN = r"(tot )?(op )?(per )?1 jan(uari)?"
MAANDEN = ("jul", "aug", "sep", "okt", "nov", "dec")
_MAAND_PATRONEN = {
    "jul": r"jul(i)?",
    "aug": r"aug(ustus)?",
    "sep": r"sep(t|tember)?",
    "okt": r"okt(ober)?",
    "nov": r"nov(ember)?",
    "dec": r"dec(ember)?",
}
_MAAND_LABEL = dict(
    zip(MAANDEN, ("juli", "augustus", "september", "oktober", "november", "december"), strict=True)
)

KOLOMMEN: tuple[Kolom, ...] = (
    GEMEENTE,
    CBS_CODE,
    Kolom("stand_1_jan", "stand op 1 januari", r"stand (op |per )?1 jan(uari)?"),
    Kolom(
        "taakstelling_h1",
        "taakstelling 1e helft",
        r"taakstelling (1e|1ste|eerste) (helft|halfjaar)",
    ),
    Kolom("realisatie_h1", "realisatie 1e helft", r"realisatie (1e|1ste|eerste) (helft|halfjaar)"),
    Kolom("stand_1_jul", "stand op 1 juli", r"stand (op |per )?1 jul(i)?"),
    Kolom(
        "taakstelling_h2", "taakstelling 2e helft", r"taakstelling (2e|2de|tweede) (helft|halfjaar)"
    ),
    Kolom("correcties", "correcties", r"correctie(s)?"),
    Kolom(
        "taakstelling_incl",
        "taakstelling inclusief achter/voor",
        r"taakstelling (incl|inclusief) achter ?voor",
    ),
    *(
        Kolom(f"realisatie_{m}", f"realisatie {_MAAND_LABEL[m]}", rf"(realisatie|real) {p}")
        for m, p in _MAAND_PATRONEN.items()
    ),
    Kolom("realisatie_totaal", "realisatie tot 1 januari", rf"(realisatie|real) ({_T1JAN}|totaal)"),
    Kolom("achter_voor", "achter/voor tot 1 januari", rf"achter ?voor( {_T1JAN})?"),
    Kolom("achterstand", "achterstand tot 1 januari", rf"achterstand( {_T1JAN})?"),
    Kolom("voorsprong", "voorsprong tot 1 januari", rf"voorsprong( {_T1JAN})?"),
)
MAANDKOLOMMEN = tuple(f"realisatie_{m}" for m in MAANDEN)
INVOER = ("stand_1_jan", "taakstelling_h1", "realisatie_h1", "taakstelling_h2", "correcties")
AFGELEID = (
    "stand_1_jul",
    "taakstelling_incl",
    "realisatie_totaal",
    "achter_voor",
    "achterstand",
    "voorsprong",
)
NEGATIEF_TOEGESTAAN = {
    "stand_1_jan",
    "correcties",
    "stand_1_jul",
    "taakstelling_incl",
    "achter_voor",
    "voorsprong",
}
LEEG_IS_NUL = {"achterstand", "voorsprong", *MAANDKOLOMMEN}

_PEILDATUM = re.compile(r"\s*peildatum\s*:?\s*(.*)", re.IGNORECASE | re.DOTALL)
_AANTAL = re.compile(r"\s*aantal gemeenten\s*:?\s*(\d+)?\s*", re.IGNORECASE)
_JAAR = re.compile(r"\b(19|20)\d{2}\b")


@dataclass(frozen=True)
class CoaRij:
    rij: int
    gemeente: RegisterGemeente
    invoer: VergunninghoudersInvoer
    stand: VergunninghoudersStand


def _uitleg(veld: str, s: VergunninghoudersStand) -> str:
    """How R4 arrives at the figure, in the words of the table."""
    g = notatie.getal
    return {
        "stand_1_jul": f"stand op 1 januari {g(s.stand_1_jan)} + taakstelling 1e helft "
        f"{g(s.taakstelling_h1)} − realisatie 1e helft {g(s.realisatie_h1)}",
        "taakstelling_incl": f"stand op 1 juli {g(s.stand_1_jul)} + taakstelling 2e helft "
        f"{g(s.taakstelling_h2)} + correcties {g(s.correcties)}",
        "realisatie_totaal": "de som van de realisatie juli tot en met december",
        "achter_voor": f"taakstelling inclusief {g(s.taakstelling_incl)} − realisatie "
        f"{g(s.realisatie_totaal)}",
        "achterstand": f"achter/voor {g(s.achter_voor)} als dat positief is",
        "voorsprong": f"achter/voor {g(s.achter_voor)} als dat negatief is",
    }.get(veld, "")


def lees_coa(data: bytes, naam: str, register: GemeenteRegister) -> Bestand[CoaRij]:
    bestand: Bestand[CoaRij] = Bestand(naam)
    werkboek = open_werkboek(data, naam)
    if werkboek.fouten:
        bestand.fouten.extend(werkboek.fouten)
        return bestand
    tabel = zoek_tabel(werkboek, bestand, KOLOMMEN, meerregelig=True)
    if tabel is None:
        return bestand
    _lees_peildatum(bestand, tabel)
    if bestand.fouten:
        return bestand
    _lees_jaar(bestand, tabel)
    _lees_rijen(bestand, tabel, register)
    return bestand


def _lees_peildatum(bestand: Bestand[CoaRij], tabel: Tabel) -> None:
    for nummer, rij in tabel.boven:
        for k, waarde in enumerate(rij):
            if not isinstance(waarde, str) or not (m := _PEILDATUM.fullmatch(waarde)):
                continue
            rest = m[1].strip()
            cel_index = k
            if not rest:
                cel_index = next((j for j in range(k + 1, len(rij)) if not is_leeg(rij[j])), k)
                rest = rij[cel_index] if cel_index != k else ""
            cel = f"{kolomletter(cel_index)}{nummer}"
            try:
                peildatum = datum(rest)
            except CelFout as exc:
                bestand.fout(
                    f"De peildatum in cel {cel} is niet te lezen: {exc}.",
                    rij=nummer,
                    kolom=kolomletter(cel_index),
                )
                return
            if peildatum.day != 1:
                bestand.fout(
                    f"De peildatum {opmaak.datum(peildatum)} in cel {cel} is geen eerste dag van de "
                    "maand; het COA-overzicht geeft de stand op de eerste dag van de maand.",
                    rij=nummer,
                    kolom=kolomletter(cel_index),
                )
                return
            bestand.peildatum = peildatum
            return
    bestand.fout("Geen regel „Peildatum: dd-mm-jjjj” gevonden boven de kolomkoppen.")


def _lees_jaar(bestand: Bestand[CoaRij], tabel: Tabel) -> None:
    """The calendar year of the ledger: from the headers, else from the peildatum."""
    assert bestand.peildatum is not None
    jaar = None
    for sleutel in ("stand_1_jan", "taakstelling_h1", "realisatie_h1", "taakstelling_h2"):
        if m := _JAAR.search(tabel.koppen[tabel.indeling.kolommen[sleutel]]):
            jaar = int(m[0])
            break
    if jaar is None:
        p = bestand.peildatum
        jaar = plus_maanden(p, -1).year  # a peildatum of 1 January closes the year before
    if not dt.date(jaar, 1, 1) <= bestand.peildatum <= dt.date(jaar + 1, 1, 1):
        bestand.fout(
            f"De peildatum {opmaak.datum(bestand.peildatum)} valt niet in {jaar}, het jaar van de "
            "kolomkoppen."
        )
    bestand.jaar = jaar


def _cijfers(
    bestand: Bestand[CoaRij], tabel: Tabel, nummer: int, rij: tuple[Any, ...]
) -> dict[str, int] | None:
    cijfers: dict[str, int] = {}
    goed = True
    for kolom in KOLOMMEN:
        if kolom.sleutel in ("gemeente", "cbs_code"):
            continue
        waarde = tabel.indeling.waarde(rij, kolom.sleutel)
        try:
            cijfers[kolom.sleutel] = geheel_getal(
                waarde,
                leeg=0 if kolom.sleutel in LEEG_IS_NUL else None,
                negatief=kolom.sleutel in NEGATIEF_TOEGESTAAN,
            )
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=tabel.indeling.plaats(kolom.sleutel))
            goed = False
    return cijfers if goed else None


def _invoer(cijfers: dict[str, int]) -> VergunninghoudersInvoer:
    return VergunninghoudersInvoer(
        **{k: cijfers[k] for k in INVOER},
        realisatie_maanden=tuple(cijfers[k] for k in MAANDKOLOMMEN),
    )


def _lees_rijen(bestand: Bestand[CoaRij], tabel: Tabel, register: GemeenteRegister) -> None:
    indeling = tabel.indeling
    gezien: dict[str, int] = {}
    totaal: tuple[int, str, dict[str, int] | None] | None = None
    aantal: tuple[int, tuple[Any, ...]] | None = None
    for nummer, rij in tabel.rijen:
        if all(is_leeg(indeling.waarde(rij, k)) for k in indeling.kolommen):
            continue  # a note beside the table, in a column that is not read
        eerste = indeling.waarde(rij, "gemeente")
        sleutel = kop_sleutel(eerste) if isinstance(eerste, str) else ""
        if totaal is not None:
            # After the totaal row only the count line is read; notes below it are not.
            if _AANTAL.fullmatch(str(eerste or "")):
                aantal = (nummer, rij)
            break
        if sleutel.startswith("totaal"):
            totaal = (nummer, eerste, _cijfers(bestand, tabel, nummer, rij))
            continue
        if _AANTAL.fullmatch(str(eerste or "")):
            aantal = (nummer, rij)
            break
        gemeente = zoek_gemeente(bestand, register, indeling, nummer, rij)
        cijfers = _cijfers(bestand, tabel, nummer, rij)
        if gemeente is None or cijfers is None:
            continue
        if dubbel(
            bestand, gezien, gemeente.cbs_code, gemeente.naam, nummer, indeling.plaats("gemeente")
        ):
            continue
        stand = stand_vergunninghouders(_invoer(cijfers))
        for veld in controleer_stand({k: cijfers[k] for k in AFGELEID}, stand):
            bestand.fout(
                f"{gemeente.naam}: {veld_label(veld)} is {notatie.getal(_getoond(veld, cijfers))}, berekend "
                f"{notatie.getal(getattr(stand, veld))} ({_uitleg(veld, stand)}).",
                rij=nummer,
                kolom=indeling.plaats(veld),
            )
        bestand.rijen.append(CoaRij(nummer, gemeente, _invoer(cijfers), stand))
    if not bestand.rijen and not bestand.fouten:
        bestand.fout("Het overzicht bevat geen enkele gemeente.")
    if totaal is None:
        bestand.fout("Geen totaalregel („totaal …”) gevonden onder de gemeenten.")
    elif not bestand.fouten:
        _controleer_totaal(bestand, tabel, register, *totaal)
    if aantal is not None and not bestand.fouten:
        _controleer_aantal(bestand, tabel, *aantal)


def _getoond(veld: str, cijfers: dict[str, int]) -> int:
    """COA prints a voorsprong as a negative number; R4 counts it as positive."""
    return abs(cijfers[veld]) if veld == "voorsprong" else cijfers[veld]


def veld_label(veld: str) -> str:
    return next(k.label for k in KOLOMMEN if k.sleutel == veld)


def _controleer_totaal(
    bestand: Bestand[CoaRij],
    tabel: Tabel,
    register: GemeenteRegister,
    nummer: int,
    label: str,
    cijfers: dict[str, int] | None,
) -> None:
    if cijfers is None:
        return
    som = totaal_vergunninghouders(r.stand for r in bestand.rijen)
    afwijkend = list(controleer_stand({k: cijfers[k] for k in GETALLEN}, som))
    afwijkend += [k for i, k in enumerate(MAANDKOLOMMEN) if cijfers[k] != som.realisatie_maanden[i]]
    for veld in afwijkend:
        verwacht = (
            som.realisatie_maanden[MAANDKOLOMMEN.index(veld)]
            if veld in MAANDKOLOMMEN
            else getattr(som, veld)
        )
        bestand.fout(
            f"Het totaal is {notatie.getal(_getoond(veld, cijfers))}, "
            f"de som van de rijen is {notatie.getal(verwacht)}.",
            rij=nummer,
            kolom=tabel.indeling.plaats(veld),
        )
    # "totaal Drenthe": every gemeente must lie in Drenthe.
    provincie = register.provincie(label.strip()[len("totaal") :]) if label else None
    if provincie:
        for r in bestand.rijen:
            if r.gemeente.provincie != provincie:
                bestand.fout(
                    f"{r.gemeente.naam} ligt in {r.gemeente.provincie}, niet in {provincie} "
                    f"(zie de totaalregel „{kort(label)}” in rij {nummer}).",
                    rij=r.rij,
                    kolom=tabel.indeling.plaats("gemeente"),
                )


def _controleer_aantal(
    bestand: Bestand[CoaRij], tabel: Tabel, nummer: int, rij: tuple[Any, ...]
) -> None:
    """ "Aantal gemeenten: 12", with the counts of achterstand and voorsprong below those columns."""
    indeling = tabel.indeling
    m = _AANTAL.fullmatch(str(indeling.waarde(rij, "gemeente")))
    tellingen = {
        "gemeente": (int(m[1]) if m and m[1] else None, len(bestand.rijen), "gemeenten"),
        "achterstand": (
            indeling.waarde(rij, "achterstand"),
            sum(1 for r in bestand.rijen if r.stand.achterstand > 0),
            "gemeenten met een achterstand",
        ),
        "voorsprong": (
            indeling.waarde(rij, "voorsprong"),
            sum(1 for r in bestand.rijen if r.stand.voorsprong > 0),
            "gemeenten met een voorsprong",
        ),
    }
    for sleutel, (waarde, geteld, wat) in tellingen.items():
        if is_leeg(waarde):
            continue
        try:
            opgegeven = geheel_getal(waarde)
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats(sleutel))
            continue
        if opgegeven != geteld:
            bestand.fout(
                f"Het bestand noemt {opgegeven} {wat}, in de rijen staan er {geteld}.",
                rij=nummer,
                kolom=indeling.plaats(sleutel),
            )
