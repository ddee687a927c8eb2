"""Find the table in a workbook: the sheet, its header (one row or more) and the rows below."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from regietafel.aanlevering.lezen.bestand import Bestand, CelFout
from regietafel.aanlevering.lezen.cellen import is_leeg, tekst
from regietafel.aanlevering.lezen.koppen import (
    GEMEENTE,
    Kolom,
    Kolomindeling,
    herken_kolommen,
    is_kop,
    samengestelde_kop,
)
from regietafel.aanlevering.lezen.register import GemeenteRegister, RegisterGemeente
from regietafel.aanlevering.lezen.tabel import Blad, Werkboek

ZOEK_KOP_IN = 40
"""The header is looked for in the first this many non-empty rows of a sheet."""
MAX_KOPREGELS = 3


@dataclass
class Tabel:
    blad: Blad
    indeling: Kolomindeling
    koppen: list[str]
    """The (joined) header text per column, as the file writes it."""
    boven: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    """Rows above the header (the title, the "Peildatum:" line)."""
    rijen: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    """Rows below the header."""


def _kopregels(
    rijen: list[tuple[int, tuple[Any, ...]]], start: int, gemeente_kolom: int, meerregelig: bool
) -> int:
    """How many rows the header at ``start`` spans: continuation rows have no gemeente and only text."""
    n = 1
    while meerregelig and n < MAX_KOPREGELS and start + n < len(rijen):
        vorig_nummer = rijen[start + n - 1][0]
        nummer, rij = rijen[start + n]
        if nummer != vorig_nummer + 1:
            break
        if gemeente_kolom < len(rij) and not is_leeg(rij[gemeente_kolom]):
            break
        if any(not is_leeg(w) and not isinstance(w, str) for w in rij):
            break
        n += 1
    return n


def _kandidaat(
    blad: Blad, verwacht: Sequence[Kolom], meerregelig: bool, ankers: Sequence[Kolom]
) -> tuple[Tabel, str] | None:
    """The table under the first "gemeente" header (or another anchor column) of the sheet,
    with where its header is."""
    for i, (_, rij) in enumerate(blad.rijen[:ZOEK_KOP_IN]):
        kolom = next((k for k, w in enumerate(rij) if any(is_kop(w, a) for a in ankers)), None)
        if kolom is None:
            continue
        n = _kopregels(blad.rijen, i, kolom, meerregelig)
        breedte = max(len(r) for _, r in blad.rijen[i : i + n])
        koppen = [
            samengestelde_kop([r[k] if k < len(r) else None for _, r in blad.rijen[i : i + n]])
            for k in range(breedte)
        ]
        eerste = blad.rijen[i][0]
        waar = f"rij {eerste}" if n == 1 else f"rijen {eerste}–{eerste + n - 1}"
        indeling = herken_kolommen(koppen, verwacht)
        return Tabel(blad, indeling, koppen, blad.rijen[:i], blad.rijen[i + n :]), waar
    return None


def zoek_tabel(
    werkboek: Werkboek,
    bestand: Bestand[Any],
    verwacht: Sequence[Kolom],
    *,
    meerregelig: bool = False,
    ankers: Sequence[Kolom] = (GEMEENTE,),
) -> Tabel | None:
    """The table: of the sheets with a "gemeente" header (or another of ``ankers``), the one
    that has most of the columns.

    ``None`` (with an error in ``bestand``) if no sheet has one. Header errors (a column
    missing, twice) are recorded in ``bestand``; the table is returned all the same, so
    the caller can report the rest of the file's errors too.
    """
    kandidaten = [
        (blad, k)
        for blad in werkboek.bladen
        if (k := _kandidaat(blad, verwacht, meerregelig, ankers))
    ]
    if not kandidaten:
        bestand.fout(
            "Geen tabel gevonden: geen blad heeft een kolomkop "
            + " of ".join(f"„{a.label}”" for a in ankers)
            + f" in de eerste {ZOEK_KOP_IN} rijen.",
            blad=None,
        )
        return None
    gekozen, (tabel, waar) = max(kandidaten, key=lambda bk: len(bk[1][0].indeling.kolommen))
    bestand.blad = gekozen.naam
    for blad in werkboek.bladen:
        if blad is not gekozen and blad.rijen:
            bestand.notities.append(f"Blad {blad.naam} is niet gelezen.")
    for melding in tabel.indeling.fouten:
        bestand.fout(f"{melding.rstrip('.')} (kolomkoppen in {waar}).")
    if tabel.indeling.onbekend:
        bestand.notities.append(
            "Niet herkende kolommen, niet gelezen: " + ", ".join(tabel.indeling.onbekend) + "."
        )
    return tabel


def zoek_gemeente(
    bestand: Bestand[Any],
    register: GemeenteRegister,
    indeling: Kolomindeling,
    nummer: int,
    rij: Sequence[Any],
) -> RegisterGemeente | None:
    """The row's gemeente, by CBS code (when the file has that column) or by name."""
    code_cel = indeling.waarde(rij, "cbs_code")
    naam_cel = indeling.waarde(rij, "gemeente")
    if "cbs_code" in indeling.kolommen and not is_leeg(code_cel):
        try:
            code = tekst(code_cel, "een CBS-code")
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats("cbs_code"))
            return None
        gemeente = register.zoek(code)
        if gemeente is None:
            bestand.fout(register.onbekend(code), rij=nummer, kolom=indeling.plaats("cbs_code"))
            return None
        if not is_leeg(naam_cel) and isinstance(naam_cel, str):
            volgens_naam = register.zoek(naam_cel)
            if volgens_naam is not None and volgens_naam != gemeente:
                bestand.fout(
                    f"De CBS-code {gemeente.cbs_code} hoort bij {gemeente.naam}, niet bij "
                    f"{volgens_naam.naam}.",
                    rij=nummer,
                    kolom=indeling.plaats("cbs_code"),
                )
                return None
        return gemeente
    try:
        naam = tekst(naam_cel, "een gemeentenaam")
    except CelFout as exc:
        bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats("gemeente"))
        return None
    gemeente = register.zoek(naam)
    if gemeente is None:
        bestand.fout(register.onbekend(naam), rij=nummer, kolom=indeling.plaats("gemeente"))
    return gemeente


def dubbel(
    bestand: Bestand[Any],
    gezien: dict[Any, int],
    sleutel: Any,
    omschrijving: str,
    nummer: int,
    kolom: str,
) -> bool:
    """Record ``sleutel`` as seen in row ``nummer``; an error (and True) when seen before."""
    if sleutel in gezien:
        bestand.fout(
            f"{omschrijving} staat twee keer in het bestand (ook in rij {gezien[sleutel]}).",
            rij=nummer,
            kolom=kolom,
        )
        return True
    gezien[sleutel] = nummer
    return False
