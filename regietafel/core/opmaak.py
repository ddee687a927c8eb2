"""Dutch typography for pages, documents, exports and the CLI: 1.000, −670, € 3.084.000,
01-11-2025, "14 november 2025".

The numbers and the short date come from the one notation of the domain core
(``domain.notatie``); here they also accept ``None`` (printed as nothing: a missing figure is
never 0) and a stored moment is shown in the site's time zone. The template filters of the
same names are in ``core.templatetags.opmaak``.
"""

from __future__ import annotations

import datetime as dt

from regietafel.core import klok
from regietafel.domain import notatie
from regietafel.domain.notatie import decimaal, heel_procent, procent

__all__ = [
    "bijvoeglijk",
    "datum",
    "datum_lang",
    "decimaal",
    "euro",
    "getal",
    "heel_procent",
    "maand",
    "maand_jaar",
    "moment",
    "plekken",
    "procent",
    "telwoord",
    "tijd",
    "verschil",
]

MAANDEN = notatie.MAANDEN
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
NBSP = notatie.NBSP


def getal(n: int | None) -> str:
    """1.000, −670; nothing for a missing figure."""
    return "" if n is None else notatie.getal(n)


def verschil(n: int | None) -> str:
    """A difference with its sign: +5, 0, −670."""
    return "" if n is None else notatie.verschil(n)


def euro(n: int) -> str:
    """€ 3.084.000."""
    return notatie.euro(n)


def datum(d: dt.date | None) -> str:
    """01-11-2025 (dd-mm-jjjj); nothing for a missing date."""
    return "" if d is None else notatie.datum(d)


def moment(m: dt.datetime | None) -> str:
    """01-11-2025 14:05: a stored moment in the site's time zone."""
    return "" if m is None else notatie.moment(klok.lokaal(m) if m.tzinfo else m)


def datum_lang(d: dt.date | None) -> str:
    """14 november 2025."""
    return "" if d is None else notatie.datum_lang(d)


def tijd(t: dt.time | None) -> str:
    """14.00; nothing for a missing time."""
    return "" if t is None else notatie.tijd(t)


def maand(d: dt.date | None) -> str:
    """01-2026 (mm-jjjj); nothing for a missing date."""
    return "" if d is None else notatie.maand(d)


def maand_jaar(d: dt.date) -> str:
    """november 2025."""
    return f"{MAANDEN[d.month - 1]} {d.year}"


def telwoord(n: int) -> str:
    return TELWOORDEN[n] if 0 <= n < len(TELWOORDEN) else notatie.getal(n)


def bijvoeglijk(provincie: str) -> str | None:
    return BIJVOEGLIJK.get(provincie)


def plekken(n: int) -> str:
    return f"{notatie.getal(n)} {'plek' if abs(n) == 1 else 'plekken'}"
