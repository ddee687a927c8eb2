"""Shared for the report tests: the seed's tables, readers for PDF/DOCX/XLSX, and the
documents generated once per module (WeasyPrint takes about a second per report)."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from regietafel.gemeenten.models import Provincie
from tests.conftest import zorg_voor_demo

# Seed 000, "De verdeling van de asiel- en Oekraïneopgaven in Drenthe": per gemeente the
# printed cells (blank cells left out), names as in the CBS register.
SEED_VERDELING = {
    "Aa en Hunze": (430, 431, 1, 87, 80, -7),
    "Assen": (792, 822, 30, 1000, 1000, 0),
    "Borger-Odoorn": (385, 310, -75, 0, 22, 22, 50, 0, -50),
    "Coevorden": (220, 220, 0, 430, 430, 0, 20, 20, 0),
    "De Wolden": (382, 212, -170, 0, 43, 43, 50, 0, -50),
    "Emmen": (996, 1004, 8, 675, 675, 0, 50, 50, 0),
    "Hoogeveen": (506, 430, -76, 940, 952, 12),
    "Meppel": (455, 600, 145, 192, 192, 0),
    "Midden-Drenthe": (537, 369, -168, 0, 0, 0, 50, 0, -50),
    "Noordenveld": (503, 181, -322, 0, 32, 32, 43, 43, 0),
    "Tynaarlo": (340, 344, 4, 250, 150, -100, 28, 28, 0),
    "Westerveld": (102, 55, -47, 240, 243, 3, 50, 50, 0),
    "Totaal": (5648, 4978, -670, 3814, 3819, 5, 341, 191, -150),
}
# The seed leaves AMV blank for the four gemeenten without an AMV opgave; their latest known
# AMV figure is that of the PUZZEL (0 on 01-10-2024), so the report prints it with its date
# (domain.laatst_bekend: the latest figure up to the peildatum, never a missing one as 0).
AMV_OUDER = ("Aa en Hunze", "Assen", "Hoogeveen", "Meppel")
OKT_2024 = dt.date(2024, 10, 1)
# Seed 000, COA "Overzicht huisvesting vergunninghouders" (peildatum 01-11-2025). The seed
# prints a voorsprong as −4 in the column "voorsprong"; the report prints its size, 4.
SEED_STATUSHOUDERS = {
    "Aa en Hunze": (32, 22, 12, 42, 19, 0, 61, 9, 10, 3, 4, 0, 0, 26, 35, 35),
    "Assen": (13, 58, 34, 37, 50, 0, 87, 9, 3, 25, 2, 0, 0, 39, 48, 48),
    "Borger-Odoorn": (25, 22, 11, 36, 19, 0, 55, 1, 4, 3, 2, 0, 0, 10, 45, 45),
    "Coevorden": (31, 30, 33, 28, 26, 0, 54, 3, 0, 1, 1, 0, 0, 5, 49, 49),
    "De Wolden": (22, 21, 15, 28, 18, 0, 46, 4, 0, 0, 0, 0, 0, 4, 42, 42),
    "Emmen": (59, 91, 63, 87, 79, 0, 166, 17, 35, 6, 27, 0, 0, 85, 81, 81),
    "Hoogeveen": (57, 47, 40, 64, 41, 0, 105, 0, 9, 5, 11, 0, 0, 25, 80, 80),
    "Meppel": (4, 30, 12, 22, 26, 0, 48, 4, 5, 3, 6, 0, 0, 18, 30, 30),
    "Midden-Drenthe": (40, 29, 26, 43, 25, 0, 68, 3, 12, 8, 0, 0, 0, 23, 45, 45),
    "Noordenveld": (2, 27, 23, 6, 23, 0, 29, 1, 0, 0, 4, 0, 0, 5, 24, 24),
    "Tynaarlo": (30, 29, 19, 40, 25, 0, 65, 3, 5, 6, 5, 0, 0, 19, 46, 46),
    "Westerveld": (6, 17, 2, 21, 14, 0, 35, 10, 22, 7, 0, 0, 0, 39, -4, 4),
    "Totaal Drenthe": (321, 423, 290, 454, 365, 0, 819, 64, 105, 67, 62, 0, 0, 298, 521, 525, 4),
    "Aantal gemeenten: 12": (11, 1),
}
# Seed 000, Nidos factsheet: gerealiseerd, totaal taakstelling, "gerealiseerd van
# taakstelling" (Westerveld "0%" in the seed is n.v.t., R5); the report adds "resterend".
SEED_NIDOS = {
    "Aa en Hunze": (0, 5, "0%"),
    "Assen": (33, 14, "236%"),
    "Borger-Odoorn": (0, 5, "0%"),
    "Coevorden": (0, 7, "0%"),
    "De Wolden": (0, 5, "0%"),
    "Emmen": (8, 21, "38%"),
    "Hoogeveen": (0, 11, "0%"),
    "Meppel": (0, 7, "0%"),
    "Midden-Drenthe": (6, 7, "86%"),
    "Noordenveld": (12, 6, "200%"),
    "Tynaarlo": (0, 7, "0%"),
    "Westerveld": (14, 0, "n.v.t."),
}
NAMEN = sorted(SEED_VERDELING, key=len, reverse=True)


def getal(token: str) -> int | str:
    """A printed Dutch number as int: "1.000" → 1000, "−670" → -670, "+5" → 5."""
    schoon = token.replace("\u2212", "-").replace("+", "").replace(".", "")
    return int(schoon) if re.fullmatch(r"-?\d+", schoon) else token


def rij_getallen(tekst: str, naam: str) -> list[int | str]:
    """The tokens after ``naam`` on the first line of ``tekst`` that starts with it."""
    for regel in tekst.splitlines():
        regel = regel.replace("\u00a0", " ").strip()
        if regel.startswith(naam + " ") and not any(
            n != naam and n.startswith(naam) and regel.startswith(n) for n in SEED_STATUSHOUDERS
        ):
            tokens = [getal(t) for t in regel[len(naam) :].split()]
            if tokens and isinstance(tokens[0], int):  # not a header such as "Totaal taakstelling"
                return tokens
    raise AssertionError(f"geen regel voor {naam!r}")


def pdf_tekst(inhoud: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)


def docx_tabellen(inhoud: bytes) -> list[list[list[str]]]:
    import docx

    document = docx.Document(io.BytesIO(inhoud))
    return [[[c.text for c in rij.cells] for rij in t.rows] for t in document.tables]


def docx_tekst(inhoud: bytes) -> str:
    """The body in order: paragraphs, and every table row as one line (cells joined by spaces)."""
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(inhoud))
    regels: list[str] = []
    for blok in document.iter_inner_content():
        if isinstance(blok, Table):
            regels += [" ".join(c.text for c in rij.cells if c.text) for rij in blok.rows]
        else:
            regels.append(blok.text)
    return "\n".join(regels)


def xlsx_boek(inhoud: bytes) -> Any:
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(inhoud))


def normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst.replace("\u00a0", " "))


@pytest.fixture(scope="module")
def demo_db(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Callable[[], Provincie]]:
    """Database access for module-scoped fixtures, with the demo (re)loaded if a
    transactional test emptied the database."""
    with django_db_blocker.unblock():
        zorg_voor_demo()

        def provincie() -> Provincie:
            return Provincie.objects.get(naam="Drenthe")

        yield provincie


def genereer_bestanden(maak: Callable[[], Any], formaten: tuple[str, ...]) -> dict[str, bytes]:
    from regietafel.rapportage.uitvoer import genereer

    document = maak()
    return {f: genereer(document, f)[0] for f in formaten}


PEILDATUM = dt.date(2025, 11, 1)
