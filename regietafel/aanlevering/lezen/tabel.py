"""Open an uploaded file as sheets of rows, whatever it turns out to be.

Excel (.xlsx, .xlsm) is read with openpyxl in read-only mode (streaming, bounded memory);
CSV is decoded as UTF-8 (with or without BOM) or else Windows-1252, the delimiter sniffed
from ``;``, ``,`` and tab. A formula cell yields the value Excel calculated; without one it
is an error. Anything that cannot be read becomes a ``Fout``, never an exception.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from regietafel.aanlevering.lezen.bestand import Fout, kolomletter
from regietafel.domain.notatie import getal

MAX_BYTES = 20 * 1024 * 1024
"""Larger uploads are refused before they are opened."""
MAX_RIJEN = 100_000
"""Non-empty rows per sheet; more is refused (the national realisation file has some 5,000)."""
MAX_KOLOMMEN = 60
"""Columns read per row; data further to the right is refused."""

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXCEL_FOUT = re.compile(r"#(NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!)")


class Formule:
    """A formula without a value calculated by Excel (a file written by a program)."""

    def __init__(self, tekst: str) -> None:
        self.tekst = tekst

    def __repr__(self) -> str:
        return f"Formule({self.tekst!r})"


@dataclass
class Blad:
    naam: str | None
    """The sheet name; ``None`` for CSV."""
    rijen: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    """(row number as the spreadsheet shows it, cell values); empty rows are left out."""


@dataclass
class Werkboek:
    bladen: list[Blad] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)


def _leeg(waarde: Any) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def _inkorten(cellen: list[Any]) -> tuple[Any, ...]:
    while cellen and _leeg(cellen[-1]):
        cellen.pop()
    return tuple(cellen)


def open_werkboek(data: bytes, naam: str) -> Werkboek:
    """Read ``data`` (the file's bytes; ``naam`` for messages and the extension)."""
    wb = Werkboek()
    extensie = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""

    def fout(melding: str) -> Werkboek:
        wb.fouten.append(Fout(naam, None, None, None, melding))
        return wb

    if not data:
        return fout("Het bestand is leeg.")
    if len(data) > MAX_BYTES:
        return fout(
            f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB; splits het of laat "
            "overbodige bladen weg."
        )
    if data.startswith(OLE_MAGIC) or extensie == "xls":
        return fout(
            "Dit is een Excel-bestand in het oude formaat (.xls). Sla het in Excel op als "
            "Excel-werkmap (.xlsx) en lever het opnieuw aan."
        )
    if data.startswith(XLSX_MAGIC):
        if extensie not in {"xlsx", "xlsm", ""}:
            return fout(
                f"Het bestand heet .{extensie} maar is een Excel-werkmap; geef het de "
                "extensie .xlsx."
            )
        return _lees_xlsx(data, naam, wb)
    if extensie in {"xlsx", "xlsm"}:
        return fout(
            "Het bestand is geen geldige Excel-werkmap (.xlsx); het kan niet worden geopend."
        )
    if extensie in {"csv", "txt"}:
        return _lees_csv(data, naam, wb)
    return fout(
        "Onbekend bestandstype: lever een Excel-werkmap (.xlsx) of een CSV-bestand (.csv) aan."
    )


def _lees_xlsx(data: bytes, naam: str, wb: Werkboek) -> Werkboek:
    plek = _Plek()
    try:
        bladen, formules = _xlsx_bladen(data, data_only=False, plek=plek)
        if formules:
            # Second pass for the values Excel calculated (only when there are formulas).
            plek = _Plek()
            waarden, _ = _xlsx_bladen(data, data_only=True, plek=plek)
            _vul_formules(bladen, waarden, formules)
    except _TeGroot as exc:
        wb.fouten.append(Fout(naam, exc.blad, None, None, str(exc)))
        return wb
    except Exception as exc:  # any failure to parse the package is the file's, not ours
        wb.fouten.append(_onleesbaar(naam, exc, plek))
        return wb
    wb.bladen = bladen
    return wb


@dataclass
class _Plek:
    """Where the reader was when the file turned out unreadable."""

    blad: str | None = None
    rij: int | None = None
    """The row being read: the one after the last row read completely."""


def _onleesbaar(naam: str, exc: BaseException, plek: _Plek) -> Fout:
    """A Dutch message naming the file and, as far as the reader got, the sheet, row and
    column — never an internal exception name."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    rij, kolom = plek.rij, None
    cel = _cel_van(exc)
    if cel is not None:
        rij, kolom = cel
    if isinstance(exc, zipfile.BadZipFile | zipfile.LargeZipFile | EOFError):
        reden = "het ZIP-pakket waaruit een werkmap bestaat is beschadigd of onvolledig"
    elif plek.blad is None and isinstance(exc, KeyError | IndexError | ParseError):
        reden = (
            "een verplicht onderdeel van de werkmap (de lijst met bladen, de opmaak of de "
            "gedeelde teksten) ontbreekt of is beschadigd"
        )
    elif isinstance(exc, KeyError | IndexError):
        reden = "de cel verwijst naar een tekst of opmaak die niet in de werkmap staat"
    elif isinstance(exc, ParseError) or type(exc).__name__ == "XMLSyntaxError":
        reden = "de inhoud van het blad is geen geldige XML"
    elif isinstance(exc, ValueError | TypeError | OverflowError):
        reden = "de cel heeft een waarde die niet te lezen is"
    else:
        reden = "het bestand kan niet worden gelezen"
    return Fout(
        naam,
        plek.blad,
        rij,
        kolom,
        f"Het bestand is geen geldige Excel-werkmap (.xlsx): {reden}. Sla het in Excel opnieuw "
        "op als Excel-werkmap en lever het opnieuw aan.",
    )


def _cel_van(exc: BaseException) -> tuple[int, str] | None:
    """(row, column letter) of the cell openpyxl was reading when ``exc`` was raised, if the
    failure happened in a cell."""
    import traceback

    for frame, _ in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_name != "parse_cell":
            continue
        coordinaat = frame.f_locals.get("coordinate")
        if isinstance(coordinaat, str) and (m := re.fullmatch(r"([A-Z]{1,3})(\d+)", coordinaat)):
            return int(m[2]), m[1]
        lezer = frame.f_locals.get("self")
        rij, kolom = getattr(lezer, "row_counter", None), getattr(lezer, "col_counter", None)
        if isinstance(rij, int) and isinstance(kolom, int) and rij > 0:
            return rij, kolomletter(max(kolom, 1) - 1)
    return None


class _TeGroot(Exception):
    def __init__(self, melding: str, blad: str | None) -> None:
        super().__init__(melding)
        self.blad = blad


def _xlsx_bladen(
    data: bytes, *, data_only: bool, plek: _Plek
) -> tuple[list[Blad], set[tuple[int, int, int]]]:
    """The sheets; with ``data_only=False`` also the (sheet, row, column) of every formula."""
    from openpyxl import load_workbook

    boek = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    bladen: list[Blad] = []
    formules: set[tuple[int, int, int]] = set()
    try:
        for b, ws in enumerate(boek.worksheets):
            blad = Blad(ws.title)
            plek.blad, plek.rij = ws.title, 1
            ws.reset_dimensions()  # the stored dimensions may lie; read what is there
            for rijnummer, cellen in enumerate(_rijen(ws), start=1):
                waarden: list[Any] = []
                for k, cel in enumerate(cellen):
                    waarde = getattr(cel, "value", None)
                    if not data_only and getattr(cel, "data_type", None) == "f":
                        formules.add((b, rijnummer, k))
                        waarde = Formule(str(waarde))
                    waarden.append(waarde)
                plek.rij = rijnummer + 1
                rij = _inkorten(waarden)
                if not rij:
                    continue
                if len(rij) > MAX_KOLOMMEN:
                    raise _TeGroot(
                        f"Rij {rijnummer} heeft gegevens in kolom {kolomletter(len(rij) - 1)}; "
                        f"verwacht hoogstens {MAX_KOLOMMEN} kolommen.",
                        ws.title,
                    )
                blad.rijen.append((rijnummer, rij))
                if len(blad.rijen) > MAX_RIJEN:
                    raise _TeGroot(f"Het blad heeft meer dan {getal(MAX_RIJEN)} rijen.", ws.title)
            bladen.append(blad)
            plek.blad, plek.rij = None, None
    finally:
        boek.close()
    return bladen, formules


def _rijen(ws: Any) -> Iterator[tuple[Any, ...]]:
    # Chartsheets have no rows; a worksheet yields tuples of cells.
    if not hasattr(ws, "iter_rows"):
        return iter(())
    return iter(ws.iter_rows())


def _vul_formules(
    bladen: list[Blad], waarden: list[Blad], formules: set[tuple[int, int, int]]
) -> None:
    for b, (blad, berekend) in enumerate(zip(bladen, waarden, strict=True)):
        berekende_rijen = dict(berekend.rijen)
        for i, (rijnummer, rij) in enumerate(blad.rijen):
            if not any((b, rijnummer, k) in formules for k in range(len(rij))):
                continue
            uitkomst = berekende_rijen.get(rijnummer, ())
            cellen = list(rij)
            for k in range(len(cellen)):
                if (b, rijnummer, k) in formules:
                    waarde = uitkomst[k] if k < len(uitkomst) else None
                    if waarde is not None:
                        cellen[k] = waarde
            blad.rijen[i] = (rijnummer, tuple(cellen))


def _lees_csv(data: bytes, naam: str, wb: Werkboek) -> Werkboek:
    if b"\x00" in data:
        wb.fouten.append(
            Fout(
                naam,
                None,
                None,
                None,
                "Het bestand is geen tekstbestand (CSV); het bevat binaire gegevens.",
            )
        )
        return wb
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = data.decode("cp1252", errors="replace")
    eerste = next((r for r in tekst.splitlines() if r.strip()), "")
    scheiding = max(";,\t", key=eerste.count)
    blad = Blad(None)
    try:
        lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
        for rij in lezer:
            cellen = _inkorten([c if c.strip() else None for c in rij])
            if not cellen:
                continue
            if len(cellen) > MAX_KOLOMMEN:
                wb.fouten.append(
                    Fout(
                        naam,
                        None,
                        lezer.line_num,
                        None,
                        f"De rij heeft {len(cellen)} kolommen; verwacht hoogstens {MAX_KOLOMMEN}.",
                    )
                )
                return wb
            blad.rijen.append((lezer.line_num, cellen))
            if len(blad.rijen) > MAX_RIJEN:
                wb.fouten.append(
                    Fout(naam, None, None, None, f"Het bestand heeft meer dan {MAX_RIJEN} rijen.")
                )
                return wb
    except csv.Error:
        # csv's own message is English ("field larger than field limit"): say it in Dutch.
        wb.fouten.append(
            Fout(
                naam,
                None,
                lezer.line_num or None,
                None,
                "Het CSV-bestand is hier niet te lezen: een veld is te lang (meer dan 131.072 "
                "tekens) of een aanhalingsteken is niet afgesloten.",
            )
        )
        return wb
    wb.bladen = [blad]
    return wb
