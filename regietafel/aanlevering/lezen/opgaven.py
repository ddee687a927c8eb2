"""The minister's numbers per gemeente for a Spreidingswet cyclus.

- The *indicatieve verdeling* (``lees_indicatief``): columns ``cbs_code``, ``gemeente``,
  ``regulier``, ``amv`` (headers in any case; a CBS code or a name suffices). All 342
  gemeenten of the country, or those of one provincie.
- The *verdeelbesluit* (``lees_verdeelbesluit``): seed 003's Tabel 1 — ``gemeente`` (or
  ``cbs_code``), ``amv``, ``regulier``, ``totaal`` — where totaal must equal regulier + amv.

A gemeente is found in the register by CBS code or by name; a name the register spells
otherwise ("Midden Drenthe", "Borger - Odoorn") or that is one clear slip away from one
register name ("HOOGVEEN") is resolved and reported in the notes, never silently. A
"Totaal" row is checked against the sum of the rows and not imported. Every problem is a
``Fout`` naming file, sheet, row and column; a file with any error imports nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from regietafel.aanlevering.lezen.bestand import Bestand, CelFout
from regietafel.aanlevering.lezen.cellen import geheel_getal, is_leeg, kort, tekst
from regietafel.aanlevering.lezen.indeling import Tabel, dubbel, zoek_tabel
from regietafel.aanlevering.lezen.koppen import Kolom, Kolomindeling, kop_sleutel
from regietafel.aanlevering.lezen.register import GemeenteRegister, RegisterGemeente
from regietafel.aanlevering.lezen.tabel import open_werkboek
from regietafel.domain import notatie
from regietafel.domain.validatie import naam_sleutel

GEMEENTE = Kolom("gemeente", "gemeente", r"gemeente( ?naam)?|naam gemeente|naam", verplicht=False)
CBS_CODE = Kolom(
    "cbs_code",
    "cbs_code",
    r"(cbs )?(gemeente )?code( gemeente)?|gm code|cbs|gemeentecode",
    verplicht=False,
)
PROVINCIE = Kolom("provincie", "provincie", r"provincie( ?naam)?", verplicht=False, negeren=True)
REGULIER = Kolom(
    "regulier",
    "regulier",
    r"(aantal )?(indicatief )?regulier(e)?( opvang ?plaatsen| plaatsen| opvang)?",
)
AMV = Kolom(
    "amv",
    "amv",
    r"(aantal )?(indicatief )?amv( opvang ?plaatsen| plaatsen| opvang)?",
)
TOTAAL = Kolom("totaal", "totaal", r"totaal( plaatsen| opvang ?plaatsen)?")

OVEREENKOMST = 0.85
"""A name that is not in the register resolves to the one register name this similar."""


@dataclass(frozen=True)
class OpgaveRij:
    rij: int
    gemeente: RegisterGemeente
    regulier: int
    amv: int
    naam_in_bestand: str


def _bijna(register: GemeenteRegister, naam: str) -> RegisterGemeente | None:
    """The one register gemeente ``naam`` is a clear slip of ("HOOGVEEN" → Hoogeveen): the
    best match at least ``OVEREENKOMST`` similar and no other within 0.05 of it."""
    sleutel = naam_sleutel(naam)
    scores = sorted(
        (
            (difflib.SequenceMatcher(None, sleutel, naam_sleutel(g.naam)).ratio(), g)
            for g in register.gemeenten
        ),
        key=lambda s: -s[0],
    )
    if not scores or scores[0][0] < OVEREENKOMST:
        return None
    if len(scores) > 1 and scores[1][0] >= scores[0][0] - 0.05:
        return None
    return scores[0][1]


def _gemeente(
    bestand: Bestand[Any],
    register: GemeenteRegister,
    indeling: Kolomindeling,
    nummer: int,
    rij: Sequence[Any],
) -> tuple[RegisterGemeente, str] | None:
    """The row's gemeente by CBS code (when given) or by name, and the name as the file has
    it ("" when the row gives only a code)."""
    code_cel = indeling.waarde(rij, "cbs_code")
    naam_cel = indeling.waarde(rij, "gemeente")
    naam = str(naam_cel).strip() if not is_leeg(naam_cel) else ""
    if not is_leeg(code_cel):
        try:
            code = str(code_cel) if isinstance(code_cel, int) else tekst(code_cel, "een CBS-code")
        except CelFout as exc:
            bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats("cbs_code"))
            return None
        gemeente = register.zoek(code)
        if gemeente is None:
            bestand.fout(register.onbekend(code), rij=nummer, kolom=indeling.plaats("cbs_code"))
            return None
        if naam:
            volgens_naam = register.zoek(naam)
            if volgens_naam is not None and volgens_naam != gemeente:
                bestand.fout(
                    f"De CBS-code {gemeente.cbs_code} hoort bij {gemeente.naam}, niet bij "
                    f"{volgens_naam.naam}.",
                    rij=nummer,
                    kolom=indeling.plaats("cbs_code"),
                )
                return None
        return gemeente, naam
    if not naam:
        plaats = indeling.plaats("gemeente" if "gemeente" in indeling.kolommen else "cbs_code")
        bestand.fout(
            "De cel is leeg; verwacht een gemeentenaam of CBS-code.", rij=nummer, kolom=plaats
        )
        return None
    gemeente = register.zoek(naam)
    if gemeente is None:
        gemeente = _bijna(register, naam)
        if gemeente is None:
            bestand.fout(register.onbekend(naam), rij=nummer, kolom=indeling.plaats("gemeente"))
            return None
    return gemeente, naam


def _tabel(
    data: bytes, naam: str, bestand: Bestand[Any], kolommen: tuple[Kolom, ...]
) -> Tabel | None:
    werkboek = open_werkboek(data, naam)
    if werkboek.fouten:
        bestand.fouten.extend(werkboek.fouten)
        return None
    tabel = zoek_tabel(werkboek, bestand, kolommen, ankers=(GEMEENTE, CBS_CODE))
    if tabel is None:
        return None
    if not {"gemeente", "cbs_code"} & set(tabel.indeling.kolommen):
        bestand.fout("De kolom „cbs_code” of „gemeente” ontbreekt.")
    if bestand.fouten:
        return None
    return tabel


def _totaalrij(indeling: Kolomindeling, rij: Sequence[Any]) -> bool:
    for sleutel in ("gemeente", "cbs_code"):
        waarde = indeling.waarde(rij, sleutel)
        if isinstance(waarde, str) and kop_sleutel(waarde).startswith("totaal"):
            return True
    return False


def _lees(
    data: bytes, naam: str, register: GemeenteRegister, *, met_totaal: bool
) -> Bestand[OpgaveRij]:
    bestand: Bestand[OpgaveRij] = Bestand(naam)
    kolommen = (GEMEENTE, CBS_CODE, PROVINCIE, REGULIER, AMV) + ((TOTAAL,) if met_totaal else ())
    tabel = _tabel(data, naam, bestand, kolommen)
    if tabel is None:
        return bestand
    indeling = tabel.indeling
    gezien: dict[str, int] = {}
    totaalrij: tuple[int, dict[str, int | None]] | None = None
    anders_gespeld: list[str] = []
    velden = ("regulier", "amv", "totaal") if met_totaal else ("regulier", "amv")
    for nummer, rij in tabel.rijen:
        if all(is_leeg(indeling.waarde(rij, k)) for k in indeling.kolommen):
            continue
        is_totaal = _totaalrij(indeling, rij)
        gevonden = None if is_totaal else _gemeente(bestand, register, indeling, nummer, rij)
        cijfers: dict[str, int | None] = {}
        for veld in velden:
            try:
                cijfers[veld] = geheel_getal(indeling.waarde(rij, veld))
            except CelFout as exc:
                bestand.fout(str(exc), rij=nummer, kolom=indeling.plaats(veld))
                cijfers[veld] = None
        if is_totaal:
            totaalrij = (nummer, cijfers)
            continue
        regulier, amv = cijfers["regulier"], cijfers["amv"]
        if met_totaal and None not in (regulier, amv, cijfers["totaal"]):
            assert regulier is not None and amv is not None and cijfers["totaal"] is not None
            if cijfers["totaal"] != regulier + amv:
                bestand.fout(
                    f"Het totaal is {notatie.getal(cijfers['totaal'])}, maar regulier + amv is "
                    f"{notatie.getal(regulier)} + {notatie.getal(amv)} = {notatie.getal(regulier + amv)}.",
                    rij=nummer,
                    kolom=indeling.plaats("totaal"),
                )
                continue
        if gevonden is None or regulier is None or amv is None:
            continue
        gemeente, in_bestand = gevonden
        kolom = indeling.plaats("cbs_code" if "cbs_code" in indeling.kolommen else "gemeente")
        if dubbel(bestand, gezien, gemeente.cbs_code, gemeente.naam, nummer, kolom):
            continue
        if in_bestand and in_bestand != gemeente.naam:
            anders_gespeld.append(f"„{kort(in_bestand)}” (rij {nummer}) is {gemeente.naam}")
        bestand.rijen.append(OpgaveRij(nummer, gemeente, regulier, amv, in_bestand))
    if anders_gespeld:
        bestand.notities.append(
            f"{len(anders_gespeld)} gemeentenaam/-namen anders gespeld dan in het register, "
            "gelezen als: " + "; ".join(anders_gespeld) + "."
        )
    if not bestand.rijen and not bestand.fouten:
        bestand.fout("Het bestand bevat geen enkele gemeente.")
    if totaalrij is not None and not bestand.fouten:
        nummer, cijfers = totaalrij
        sommen = {
            "regulier": sum(r.regulier for r in bestand.rijen),
            "amv": sum(r.amv for r in bestand.rijen),
            "totaal": sum(r.regulier + r.amv for r in bestand.rijen),
        }
        for veld in velden:
            opgegeven = cijfers.get(veld)
            if opgegeven is not None and opgegeven != sommen[veld]:
                bestand.fout(
                    f"Het totaal is {notatie.getal(opgegeven)}, de som van de rijen is "
                    f"{notatie.getal(sommen[veld])}.",
                    rij=nummer,
                    kolom=indeling.plaats(veld),
                )
        if not bestand.fouten:
            bestand.notities.append(
                "De totaalregel klopt met de som van de rijen en is niet ingelezen."
            )
    return bestand


def lees_indicatief(data: bytes, naam: str, register: GemeenteRegister) -> Bestand[OpgaveRij]:
    """The minister's indicative distribution per gemeente (regulier, amv)."""
    return _lees(data, naam, register, met_totaal=False)


def lees_verdeelbesluit(data: bytes, naam: str, register: GemeenteRegister) -> Bestand[OpgaveRij]:
    """Tabel 1 of a verdeelbesluit: gemeente, amv, regulier and totaal (= regulier + amv)."""
    return _lees(data, naam, register, met_totaal=True)
