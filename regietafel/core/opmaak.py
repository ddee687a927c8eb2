"""Dutch typography for the reports: 1.000, −670, € 3.084.000, "14 november 2025"."""

from __future__ import annotations

import datetime as dt

from regietafel.core.templatetags.getallen import getal_nl

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
TELWOORDEN = (
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
)
# Adjectives of the provinces ("de Drentse verdeling"); others get "de verdeling in X".
BIJVOEGLIJK = {
    "Drenthe": "Drentse",
    "Flevoland": "Flevolandse",
    "Friesland": "Friese",
    "Fryslân": "Friese",
    "Gelderland": "Gelderse",
    "Groningen": "Groninger",
    "Limburg": "Limburgse",
    "Noord-Brabant": "Brabantse",
    "Noord-Holland": "Noord-Hollandse",
    "Overijssel": "Overijsselse",
    "Utrecht": "Utrechtse",
    "Zeeland": "Zeeuwse",
    "Zuid-Holland": "Zuid-Hollandse",
}
NBSP = "\u00a0"


def getal(n: int | None) -> str:
    return "" if n is None else getal_nl(n)


def verschil(n: int | None) -> str:
    """A difference with its sign: +5, 0, −670."""
    if n is None:
        return ""
    return ("+" if n > 0 else "") + getal_nl(n)


def euro(n: int) -> str:
    return f"€{NBSP}{getal_nl(n)}"


def datum_lang(d: dt.date | None) -> str:
    """14 november 2025."""
    return "" if d is None else f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def datum_kort(d: dt.date | None) -> str:
    """1-11-2025."""
    return "" if d is None else f"{d.day}-{d.month}-{d.year}"


def maand_jaar(d: dt.date) -> str:
    """november 2025."""
    return f"{MAANDEN[d.month - 1]} {d.year}"


def telwoord(n: int) -> str:
    return TELWOORDEN[n] if 0 <= n < len(TELWOORDEN) else getal_nl(n)


def bijvoeglijk(provincie: str) -> str | None:
    return BIJVOEGLIJK.get(provincie)


def plekken(n: int) -> str:
    return f"{getal_nl(n)} {'plek' if abs(n) == 1 else 'plekken'}"
