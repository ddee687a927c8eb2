"""Column headers matched by meaning, not by spelling.

``kop_sleutel`` is the one normalisation: case, accents, spaces, line breaks, punctuation,
years and words hyphenated over two lines ("taak-" / "stelling 1e helft 2025") do not count.
Each column is then recognised by a pattern over that key (``Kolom``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from regietafel.aanlevering.lezen.bestand import kolomletter
from regietafel.aanlevering.lezen.cellen import is_leeg

_AFBREKING = re.compile(r"(\w)[-‐‑]\s+(\w)")
_JAARTAL = re.compile(r"\b(19|20)\d{2}\b")
_LEESTEKENS = re.compile(r"[^\w]+|_")


def kop_sleutel(tekst: str) -> str:
    """Normalise a header: ``"Taak-\\nstelling 1e helft 2025"`` -> ``"taakstelling 1e helft"``."""
    t = unicodedata.normalize("NFKD", str(tekst).casefold().replace("\xad", ""))
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = _AFBREKING.sub(r"\1\2", t)
    t = _JAARTAL.sub(" ", t)
    t = _LEESTEKENS.sub(" ", t)
    return " ".join(t.split())


def samengestelde_kop(delen: Sequence[Any]) -> str:
    """The header of one column spread over rows, joined as a line-broken cell would be."""
    return "\n".join(str(d).strip() for d in delen if not is_leeg(d))


@dataclass(frozen=True)
class Kolom:
    sleutel: str
    label: str
    """Dutch, as a message names the column: "taakstelling 1e helft"."""
    patroon: str
    """Regular expression over ``kop_sleutel`` of the header (whole match)."""
    verplicht: bool = True
    negeren: bool = False
    """A known column that carries nothing to store (e.g. a percentage): read past silently."""

    def past(self, sleutel: str) -> bool:
        return re.fullmatch(self.patroon, sleutel) is not None


GEMEENTE = Kolom("gemeente", "gemeente", r"gemeente( ?naam)?|naam gemeente")
CBS_CODE = Kolom(
    "cbs_code", "CBS-code", r"(cbs |gemeente ?)?code( gemeente)?|gm code", verplicht=False
)


@dataclass
class Kolomindeling:
    """Which spreadsheet column (0-based) holds which ``Kolom``."""

    kolommen: dict[str, int]
    labels: dict[str, str]
    onbekend: list[str]
    """Headers that matched nothing, as ``"S (opmerking)"``: left out, named in the summary."""
    fouten: list[str]

    def plaats(self, sleutel: str) -> str:
        """``"B (stand op 1 januari)"``."""
        return f"{kolomletter(self.kolommen[sleutel])} ({self.labels[sleutel]})"

    def waarde(self, rij: Sequence[Any], sleutel: str) -> Any:
        index = self.kolommen.get(sleutel)
        if index is None or index >= len(rij):
            return None
        return rij[index]


def herken_kolommen(koppen: Sequence[str], verwacht: Sequence[Kolom]) -> Kolomindeling:
    """Match each header to the first expected column whose pattern fits its key."""
    kolommen: dict[str, int] = {}
    fouten: list[str] = []
    onbekend: list[str] = []
    for index, kop in enumerate(koppen):
        if not kop.strip():
            continue
        sleutel = kop_sleutel(kop)
        kolom = next((k for k in verwacht if k.past(sleutel)), None)
        if kolom is None:
            onbekend.append(f"{kolomletter(index)} ({' '.join(kop.split())})")
            continue
        if kolom.negeren:
            continue
        if kolom.sleutel in kolommen:
            fouten.append(
                f"De kolom „{kolom.label}” staat twee keer in het bestand: in kolom "
                f"{kolomletter(kolommen[kolom.sleutel])} en in kolom {kolomletter(index)}."
            )
            continue
        kolommen[kolom.sleutel] = index
    ontbrekend = [
        f"„{k.label}”"
        for k in verwacht
        if k.verplicht and not k.negeren and k.sleutel not in kolommen
    ]
    if len(ontbrekend) == 1:
        fouten.append(f"De kolom {ontbrekend[0]} ontbreekt.")
    elif ontbrekend:
        fouten.append(f"De kolommen {', '.join(ontbrekend[:-1])} en {ontbrekend[-1]} ontbreken.")
    return Kolomindeling(kolommen, {k.sleutel: k.label for k in verwacht}, onbekend, fouten)


def is_kop(waarde: Any, kolom: Kolom = GEMEENTE) -> bool:
    return isinstance(waarde, str) and kolom.past(kop_sleutel(waarde))
