"""Dutch messages for the command line: argparse's usage and error texts.

argparse looks its texts up through the module-global ``_`` (``gettext``) at the moment it
prints them; ``installeer()`` points that at a Dutch table, so a missing ``--provincie`` reads
"regietafel rapport: fout: deze argumenten ontbreken: --provincie" like our own messages do.
Texts not in the table stay as argparse wrote them. Only the console script installs it.
"""

from __future__ import annotations

import argparse

NEDERLANDS = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "expected one argument": "verwacht één waarde",
    "expected at least one argument": "verwacht ten minste één waarde",
    "expected at most one argument": "verwacht ten hoogste één waarde",
    "ambiguous option: %(option)s could match %(matches)s": "optie %(option)s is niet eenduidig: %(matches)s",
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "ignored explicit argument %r": "argument %r genegeerd",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}
MEERVOUD = {"expected %s argument": ("verwacht %s waarde", "verwacht %s waarden")}


def vertaal(tekst: str) -> str:
    return NEDERLANDS.get(tekst, tekst)


def vertaal_meervoud(enkelvoud: str, meervoud: str, n: int) -> str:
    if enkelvoud in MEERVOUD:
        een, meer = MEERVOUD[enkelvoud]
        return een if n == 1 else meer
    return enkelvoud if n == 1 else meervoud


def installeer() -> None:
    argparse._ = vertaal  # type: ignore[attr-defined]
    argparse.ngettext = vertaal_meervoud  # type: ignore[attr-defined]
