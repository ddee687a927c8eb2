"""What a reader returns: the parsed rows of one file, or the Dutch list of what is wrong."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

R = TypeVar("R")


def kolomletter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA" (the letters a spreadsheet shows)."""
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Fout:
    """One thing wrong with a file, located as precisely as the file allows."""

    bestand: str
    blad: str | None
    rij: int | None
    kolom: str | None
    """The column as a spreadsheet shows it, with its meaning: ``"B (stand op 1 januari)"``."""
    melding: str

    @property
    def plaats(self) -> str:
        delen = [self.bestand]
        if self.blad:
            delen.append(f"blad {self.blad}")
        if self.rij is not None:
            delen.append(f"rij {self.rij}")
        if self.kolom:
            delen.append(f"kolom {self.kolom}")
        return ", ".join(delen)

    def __str__(self) -> str:
        return f"{self.plaats}: {self.melding}"


class CelFout(ValueError):
    """Raised by the cell readers; the caller turns it into a ``Fout`` with the cell's place."""


@dataclass
class Bestand(Generic[R]):
    """A parsed file: its rows (only meaningful without ``fouten``) and notes for the summary."""

    naam: str
    blad: str | None = None
    rijen: list[R] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)
    peildatum: dt.date | None = None
    jaar: int | None = None

    def fout(
        self,
        melding: str,
        *,
        rij: int | None = None,
        kolom: str | None = None,
        blad: str | None = "",
    ) -> None:
        self.fouten.append(Fout(self.naam, self.blad if blad == "" else blad, rij, kolom, melding))

    @property
    def geldig(self) -> bool:
        return not self.fouten
