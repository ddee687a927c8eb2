"""Read one cell as a whole number, a date or a name; anything else raises ``CelFout``."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from regietafel.aanlevering.lezen.bestand import CelFout
from regietafel.aanlevering.lezen.tabel import EXCEL_FOUT, Formule
from regietafel.core import opmaak
from regietafel.domain import notatie

MAXIMUM = 1_000_000
"""No figure in these sources comes near a million persons or places."""

_GETAL = re.compile(r"[+-]?\d{1,12}")
_DUIZENDTALLEN = re.compile(r"[+-]?\d{1,3}(\.\d{3}){1,3}")
_DATUM_NL = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DATUM_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATUM_TEKST = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})")
MAANDNAMEN = {
    naam: i
    for i, namen in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for naam in namen
}


def kort(waarde: Any, lengte: int = 40) -> str:
    tekst = str(waarde).strip().replace("\n", " ")
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def is_leeg(waarde: Any) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def _algemeen(waarde: Any, verwacht: str) -> None:
    """The failures every kind of cell shares: formulas without value, Excel errors."""
    if isinstance(waarde, Formule):
        raise CelFout(
            f"de cel bevat een formule ({kort(waarde.tekst)}) zonder berekende waarde; open het "
            "bestand in Excel, sla het op en lever het opnieuw aan"
        )
    if isinstance(waarde, str) and EXCEL_FOUT.fullmatch(waarde.strip()):
        raise CelFout(f"de cel bevat de Excel-fout {waarde.strip()}; verwacht {verwacht}")


def geheel_getal(waarde: Any, *, leeg: int | None = None, negatief: bool = False) -> int:
    """A whole number of persons or places.

    ``leeg`` is the value of an empty cell (``None``: an empty cell is an error);
    ``negatief`` allows numbers below zero. Text such as "1.234" or "−4" is accepted.
    """
    _algemeen(waarde, "een geheel getal")
    if is_leeg(waarde):
        if leeg is None:
            raise CelFout("de cel is leeg; verwacht een geheel getal")
        return leeg
    if isinstance(waarde, bool):
        raise CelFout(f"„{'WAAR' if waarde else 'ONWAAR'}” is geen getal")
    if isinstance(waarde, dt.date | dt.datetime | dt.time | dt.timedelta):
        raise CelFout("de cel bevat een datum of tijd; verwacht een geheel getal")
    if isinstance(waarde, int):
        n = waarde
    elif isinstance(waarde, float):
        if not math.isfinite(waarde) or not waarde.is_integer():
            raise CelFout(f"{kort(waarde)} is geen geheel getal")
        if abs(waarde) > MAXIMUM:
            raise CelFout(f"{kort(waarde)} is onwaarschijnlijk groot (meer dan 1.000.000)")
        n = int(waarde)
    elif isinstance(waarde, str):
        tekst = waarde.strip().replace("\u2212", "-").replace("\xa0", "").replace(" ", "")
        if _GETAL.fullmatch(tekst):
            n = int(tekst)
        elif _DUIZENDTALLEN.fullmatch(tekst):
            n = int(tekst.replace(".", ""))
        elif re.fullmatch(r"[+-]?\d+", tekst):
            raise CelFout(f"{kort(tekst)} is onwaarschijnlijk groot (meer dan 1.000.000)")
        else:
            raise CelFout(f"„{kort(waarde)}” is geen geheel getal")
    else:
        raise CelFout(f"„{kort(waarde)}” is geen geheel getal")
    if abs(n) > MAXIMUM:
        raise CelFout(f"{notatie.getal(n)} is onwaarschijnlijk groot (meer dan 1.000.000)")
    if n < 0 and not negatief:
        raise CelFout(f"{notatie.getal(n)} is negatief; verwacht 0 of meer")
    return n


def datum(waarde: Any) -> dt.date:
    """A date: a date cell, or text as 01-11-2025, 2025-11-01 or 1 november 2025."""
    _algemeen(waarde, "een datum")
    if is_leeg(waarde):
        raise CelFout("de cel is leeg; verwacht een datum (dd-mm-jjjj)")
    if isinstance(waarde, dt.datetime):
        resultaat = waarde.date()
    elif isinstance(waarde, dt.date):
        resultaat = waarde
    elif isinstance(waarde, str):
        resultaat = _datum_uit_tekst(waarde)
    else:
        raise CelFout(f"„{kort(waarde)}” is geen datum; verwacht dd-mm-jjjj")
    if not 2000 <= resultaat.year <= 2100:
        raise CelFout(f"{opmaak.datum(resultaat)} ligt niet tussen 2000 en 2100")
    return resultaat


def _datum_uit_tekst(waarde: str) -> dt.date:
    tekst = waarde.strip().casefold()
    try:
        if m := _DATUM_NL.fullmatch(tekst):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := _DATUM_ISO.fullmatch(tekst):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _DATUM_TEKST.fullmatch(tekst)) and m[2] in MAANDNAMEN:
            return dt.date(int(m[3]), MAANDNAMEN[m[2]], int(m[1]))
    except ValueError as exc:
        raise CelFout(f"„{kort(waarde)}” is geen bestaande datum") from exc
    raise CelFout(f"„{kort(waarde)}” is geen datum; verwacht dd-mm-jjjj")


def tekst(waarde: Any, wat: str) -> str:
    """A name or code: text (or a whole number, as a CBS code may be typed)."""
    _algemeen(waarde, wat)
    if is_leeg(waarde):
        raise CelFout(f"de cel is leeg; verwacht {wat}")
    if isinstance(waarde, str):
        return " ".join(waarde.split())
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        return str(waarde)
    raise CelFout(f"„{kort(waarde)}” is geen tekst; verwacht {wat}")
