"""Import of inhabitants: a CBS StatLine export of table 03759ned ("Bevolking op 1 januari
en gemiddeld; geslacht, leeftijd en regio") as CSV.

The layout accepted (StatLine's "CSV" download):

- UTF-8 (a byte-order mark is fine; Windows-1252 is accepted too), fields separated by
  ``;`` and quoted with ``"``; empty lines are skipped.
- The first non-empty line is the header. Required columns: ``Perioden``, ``Regio's`` and
  one column whose name starts with ``Bevolking op 1 januari`` (StatLine writes
  ``Bevolking op 1 januari (aantal)``). Other columns may be present; the dimension columns
  ``Geslacht``, ``Leeftijd`` and ``Burgerlijke staat``, when present, must say ``Totaal…``
  for a row to count (other rows are breakdowns and are skipped).
- ``Perioden``: a year, ``2024`` or StatLine's code ``2024JJ00``.
- ``Regio's``: a gemeente of the register by name (``Assen``, ``Groningen (gemeente)``,
  ``Bergen (NH.)``; case and punctuation do not matter) or CBS code (``GM0106``). Rows for
  Nederland, landsdelen ``(LD)`` and provincies ``(PV)`` are skipped.
- The inhabitants: a whole number (``108559``; ``108.559`` is read as well).

One row per gemeente and year; a year already stored is overwritten (with history), and a
CBS figure replaces a synthetic one. Any error: nothing is written, and every error names
the file, the line and the column. This module reads and checks (``lees_inwoners``);
``services.importeer_inwoners`` writes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from regietafel.domain.validatie import naam_sleutel
from regietafel.gemeenten.models import Gemeente

KOLOM_PERIODE = "Perioden"
KOLOM_REGIO = "Regio's"
KOLOM_AANTAL = "Bevolking op 1 januari"
DIMENSIES = ("Geslacht", "Leeftijd", "Burgerlijke staat")
BRON = "CBS StatLine 03759ned"
_JAAR = re.compile(r"^(\d{4})(JJ00)?$")
_GEEN_GEMEENTE = re.compile(r"\((PV|LD|CR|COROP)\)\s*$", re.I)


@dataclass(frozen=True)
class InwonerRij:
    regel: int
    gemeente: Gemeente
    jaar: int
    aantal: int


@dataclass
class Uitkomst:
    bestandsnaam: str
    rijen: list[InwonerRij] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0


def _tekst(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _register() -> dict[str, Gemeente]:
    register: dict[str, Gemeente] = {}
    for g in Gemeente.objects.all():
        register[naam_sleutel(g.naam)] = g
        register[g.cbs_code.casefold()] = g
    return register


def lees_inwoners(data: bytes, bestandsnaam: str) -> Uitkomst:
    """Read and check the file; ``Uitkomst.fouten`` lists every problem (Dutch)."""
    uit = Uitkomst(bestandsnaam)
    fout = uit.fouten.append
    lezer = csv.reader(io.StringIO(_tekst(data)), delimiter=";", quotechar='"')
    kop: list[str] | None = None
    kolommen: dict[str, int] = {}
    register = _register()
    gezien: dict[tuple[int, int], int] = {}
    for regelnummer, velden in enumerate(lezer, start=1):
        if not any(v.strip() for v in velden):
            continue
        velden = [v.strip() for v in velden]
        if kop is None:
            kop = velden
            for i, naam in enumerate(kop):
                if naam in (KOLOM_PERIODE, KOLOM_REGIO, *DIMENSIES):
                    kolommen[naam] = i
                elif naam.startswith(KOLOM_AANTAL) and KOLOM_AANTAL not in kolommen:
                    kolommen[KOLOM_AANTAL] = i
            ontbrekend = [
                f"„{k}”" for k in (KOLOM_PERIODE, KOLOM_REGIO, KOLOM_AANTAL) if k not in kolommen
            ]
            if ontbrekend:
                fout(
                    f"{bestandsnaam}, regel {regelnummer}: kolom {', '.join(ontbrekend)} ontbreekt "
                    f"in de kop; verwacht een CSV-export van CBS StatLine 03759ned met de kolommen "
                    f'"Perioden";"Regio\'s";"Bevolking op 1 januari (aantal)".'
                )
                return uit
            continue
        if len(velden) != len(kop):
            fout(
                f"{bestandsnaam}, regel {regelnummer}: {len(velden)} kolommen, de kop heeft er "
                f"{len(kop)}; gebruik ; als scheidingsteken."
            )
            continue
        if any(
            d in kolommen and not velden[kolommen[d]].casefold().startswith("totaal")
            for d in DIMENSIES
        ):
            continue  # a breakdown by sex, age or marital status
        regio = velden[kolommen[KOLOM_REGIO]]
        if naam_sleutel(regio) == "nederland" or _GEEN_GEMEENTE.search(regio):
            continue
        periode = velden[kolommen[KOLOM_PERIODE]]
        waarde = velden[kolommen[KOLOM_AANTAL]]
        plaats = f"{bestandsnaam}, regel {regelnummer}"
        jaar_match = _JAAR.match(periode)
        if not jaar_match:
            fout(
                f"{plaats}, kolom „{KOLOM_PERIODE}”: „{periode}” is geen jaar (bijvoorbeeld 2024)."
            )
        naam = re.sub(r"\s*\(gemeente\)\s*$", "", regio, flags=re.I)
        gemeente = register.get(naam_sleutel(naam)) or register.get(naam.casefold())
        if gemeente is None:
            fout(f"{plaats}, kolom „{KOLOM_REGIO}”: gemeente „{regio}” staat niet in het register.")
        kaal = waarde.replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", waarde) else waarde
        if not (kaal.isascii() and kaal.isdigit()):
            fout(
                f"{plaats}, kolom „{kop[kolommen[KOLOM_AANTAL]]}”: „{waarde}” is geen "
                f"aantal inwoners (een geheel getal, bijvoorbeeld 68914)."
            )
        if not jaar_match or gemeente is None or not (kaal.isascii() and kaal.isdigit()):
            continue
        jaar = int(jaar_match.group(1))
        if (gemeente.pk, jaar) in gezien:
            fout(
                f"{plaats}, kolom „{KOLOM_REGIO}”: {gemeente.naam} {jaar} staat al op regel "
                f"{gezien[(gemeente.pk, jaar)]}."
            )
            continue
        gezien[(gemeente.pk, jaar)] = regelnummer
        uit.rijen.append(InwonerRij(regelnummer, gemeente, jaar, int(kaal)))
    if kop is None:
        fout(f"{bestandsnaam}: het bestand is leeg.")
    elif not uit.rijen and not uit.fouten:
        fout(f"{bestandsnaam}: geen enkele rij met een gemeente en een aantal inwoners.")
    return uit
