"""The register of gemeenten a reader matches names and CBS codes against.

Built by the caller (from the database); the readers only ask it. Names match as
``naam_sleutel`` (domain.validatie) does — case, spaces and hyphens do not count — and,
failing that, without accents ("Sudwest Fryslan"). An unknown name gets the nearest
register name as a suggestion (``controleer_namen``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from regietafel.domain.validatie import controleer_namen, naam_sleutel

_CBS = re.compile(r"(?:gm)?\s*(\d{1,4})", re.IGNORECASE)


@dataclass(frozen=True)
class RegisterGemeente:
    cbs_code: str
    naam: str
    provincie: str


def _zonder_accenten(sleutel: str) -> str:
    t = unicodedata.normalize("NFKD", sleutel)
    return "".join(c for c in t if not unicodedata.combining(c)).replace("'", "").strip()


class GemeenteRegister:
    def __init__(self, gemeenten: Iterable[RegisterGemeente]) -> None:
        self.gemeenten = list(gemeenten)
        self._op_code = {g.cbs_code.upper(): g for g in self.gemeenten}
        self._op_naam = {naam_sleutel(g.naam): g for g in self.gemeenten}
        self._zonder_accenten = {_zonder_accenten(k): g for k, g in self._op_naam.items()}
        self.provincies = {naam_sleutel(g.provincie): g.provincie for g in self.gemeenten}

    def zoek(self, waarde: str) -> RegisterGemeente | None:
        """The gemeente named or coded by ``waarde`` ("Midden Drenthe", "GM1731", "1731")."""
        if m := _CBS.fullmatch(waarde.strip()):
            return self._op_code.get(f"GM{int(m[1]):04d}")
        sleutel = naam_sleutel(waarde)
        return self._op_naam.get(sleutel) or self._zonder_accenten.get(_zonder_accenten(sleutel))

    def onbekend(self, waarde: str) -> str:
        """The Dutch message for a name or code not in the register, with a suggestion."""
        if _CBS.fullmatch(waarde.strip()):
            return f"De CBS-code „{waarde.strip()}” staat niet in het register van gemeenten."
        bevindingen = controleer_namen("", [waarde], (g.naam for g in self.gemeenten))
        if bevindingen:
            return bevindingen[0].melding
        return f"„{waarde}” staat niet in het register van gemeenten."

    def provincie(self, tekst: str) -> str | None:
        """The province named by ``tekst`` ("drenthe" -> "Drenthe"), if any."""
        return self.provincies.get(naam_sleutel(tekst))
