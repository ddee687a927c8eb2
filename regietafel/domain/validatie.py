"""A validation report that names the defects of a source instead of copying them.

Each check returns a list of ``Bevinding``: a stable code, a severity, a Dutch
sentence for the user, the source it concerns and, where it applies, the gemeente.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from regietafel.domain.invulling import Invulling, InvullingTotaal
from regietafel.domain.notatie import getal
from regietafel.domain.statushouders import (
    VergunninghoudersInvoer,
    VergunninghoudersStand,
    controleer_stand,
    stand_vergunninghouders,
    totaal_vergunninghouders,
)
from regietafel.domain.voortgang import resterend, voortgang


class Ernst(StrEnum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class Bevinding:
    """One finding about a source."""

    code: str
    ernst: Ernst
    melding: str
    bron: str
    gemeente: str | None = None


def controleer_som(
    bron: str, rijen: Mapping[str, int], totaal_volgens_bron: int
) -> list[Bevinding]:
    """R1: warn when the rows do not add up to the total the source states."""
    som = sum(rijen.values())
    if som == totaal_volgens_bron:
        return []
    melding = (
        f"De rijen tellen op tot {getal(som)}, het totaal in de bron is "
        f"{getal(totaal_volgens_bron)} "
        f"(verschil {getal(abs(som - totaal_volgens_bron))})."
    )
    return [Bevinding("som_wijkt_af", Ernst.WAARSCHUWING, melding, bron)]


def controleer_voortgang(bron: str, rijen: Mapping[str, tuple[int, int]]) -> list[Bevinding]:
    """R5: warn for every gemeente (gerealiseerd, taakstelling) whose progress is n.v.t."""
    bevindingen = []
    for gemeente, (gerealiseerd, taakstelling) in rijen.items():
        if voortgang(gerealiseerd, taakstelling) is not None:
            continue
        melding = (
            f"{gemeente}: {getal(gerealiseerd)} gerealiseerd bij een taakstelling "
            f"van {getal(taakstelling)}; de voortgang is n.v.t. (niet 0%)."
        )
        bevindingen.append(
            Bevinding("voortgang_zonder_taakstelling", Ernst.WAARSCHUWING, melding, bron, gemeente)
        )
    return bevindingen


@dataclass(frozen=True)
class InvullingVolgensBron:
    """Bijlage 1 of a provinciaal verslag as the source prints it, for one type: the provincial
    opgave, the places filled and still to fill (``None``: the source gives no figure)."""

    type: str
    opgave: int | None = None
    ingevuld: int | None = None
    nog_in_te_vullen: int | None = None


_INVULLING_VELDEN = (
    ("opgave", "de opgave"),
    ("ingevuld", "ingevuld"),
    ("nog_in_te_vullen", "nog in te vullen"),
)


def _opsomming(delen: Sequence[str]) -> str:
    """ "a", "a en b", "a, b en c"."""
    return " en ".join(filter(None, (", ".join(delen[:-1]), delen[-1]))) if delen else ""


def _korte_naam(namen: Mapping[str, str], t: str) -> str:
    return namen.get(t, t).split()[-1]


def _samengenomen(
    typen: Sequence[Invulling], veld: str, waarde: int, namen: Mapping[str, str]
) -> str | None:
    """ "de opgave 2.691 is regulier 2.462 en AMV 229 samen", if it is that sum."""
    delen = [(i.type, getattr(i, veld)) for i in typen]
    if waarde != sum(d for _, d in delen) or sum(1 for _, d in delen if d) < 2:
        return None
    som = _opsomming([f"{_korte_naam(namen, t)} {getal(d)}" for t, d in delen])
    return f"{dict(_INVULLING_VELDEN)[veld]} {getal(waarde)} is {som} samen"


def _invulling_zinnen(
    b: InvullingVolgensBron,
    i: Invulling,
    typen: Sequence[Invulling],
    afwijkend: Mapping[str, int],
    namen: Mapping[str, str],
) -> list[str]:
    """What is wrong with one type's printed figures: types taken together, figures that
    contradict each other, an opgave or an aanbod that differs from the computed one."""
    g = getal
    samen = {v: z for v, w in afwijkend.items() if (z := _samengenomen(typen, v, w, namen))}
    zinnen = []
    if samen:
        zinnen.append(
            f"Daarin zijn {_opsomming([_korte_naam(namen, t.type) for t in typen])} "
            f"samengenomen: {'; '.join(samen.values())}."
        )
    if (
        b.opgave is not None
        and b.ingevuld is not None
        and b.nog_in_te_vullen is not None
        and b.nog_in_te_vullen != resterend(b.ingevuld, b.opgave)
    ):
        zinnen.append(
            f"De cijfers spreken elkaar tegen: {g(b.ingevuld)} ingevuld en "
            f"{g(b.nog_in_te_vullen)} nog in te vullen is samen "
            f"{g(b.ingevuld + b.nog_in_te_vullen)}, niet de opgave van {g(b.opgave)}."
        )
    if "opgave" in afwijkend and "opgave" not in samen:
        zinnen.append(f"De provinciale opgave is {g(i.opgave)}, niet {g(afwijkend['opgave'])}.")
    if "ingevuld" in afwijkend and "ingevuld" not in samen:
        zinnen.append(
            f"Het aanbod van de gemeenten is samen {g(i.ingevuld)} plekken, niet "
            f"{g(afwijkend['ingevuld'])}."
        )
    return zinnen


def _invulling_melding(
    b: InvullingVolgensBron,
    i: Invulling,
    typen: Sequence[Invulling],
    namen: Mapping[str, str],
) -> str | None:
    """The finding for one type: what the source names, what is wrong with it and what the
    computation gives; None when the source agrees."""
    genoemd = [(v, label, w) for v, label in _INVULLING_VELDEN if (w := getattr(b, v)) is not None]
    afwijkend = {v: w for v, _, w in genoemd if w != getattr(i, v)}
    zinnen = _invulling_zinnen(b, i, typen, afwijkend, namen)
    if not afwijkend and not zinnen:
        return None
    wat = _opsomming(
        [
            f"een opgave van {getal(w)}" if v == "opgave" else f"{getal(w)} {label}"
            for v, label, w in genoemd
        ]
    )
    return " ".join(
        (
            f"{namen.get(b.type, b.type)}: de bron noemt {wat}.",
            *zinnen,
            f"Per type berekend: opgave {getal(i.opgave)}, ingevuld {getal(i.ingevuld)}, nog in "
            f"te vullen {getal(i.nog_in_te_vullen)}.",
        )
    )


def controleer_invulling(
    bron: str,
    berekend: InvullingTotaal,
    volgens_bron: Iterable[InvullingVolgensBron],
    namen: Mapping[str, str] | None = None,
) -> list[Bevinding]:
    """Bijlage 1 as printed against Bijlage 1 as computed (per type, never mixed).

    One FOUT ``invulling_bron`` per type whose printed figures differ from the computed ones
    or contradict each other: a figure that is the sum of the types ("2691" as the regular
    opgave, regular 2.462 + AMV 229), filled + still to fill that is not the opgave ("141
    ingevuld, 200 nog in te vullen" beside 229), or any other difference. ``namen`` gives each
    type's name ("Asielopvang AMV"); its last word is the short name ("AMV").
    """
    namen = namen or {}
    per_type = {i.type: i for i in berekend.per_type}
    bevindingen = []
    for b in volgens_bron:
        i = per_type.get(b.type)
        if i is None:
            continue
        melding = _invulling_melding(b, i, berekend.per_type, namen)
        if melding is not None:
            bevindingen.append(Bevinding("invulling_bron", Ernst.FOUT, melding, bron))
    return bevindingen


VELDNAMEN = {
    "stand_1_jan": "stand op 1 januari",
    "taakstelling_h1": "taakstelling eerste helft",
    "realisatie_h1": "realisatie eerste helft",
    "stand_1_jul": "stand op 1 juli",
    "taakstelling_h2": "taakstelling tweede helft",
    "correcties": "correcties",
    "taakstelling_incl": "taakstelling inclusief achter/voor",
    "realisatie_totaal": "realisatie juli–december",
    "achter_voor": "achter/voor",
    "achterstand": "achterstand",
    "voorsprong": "voorsprong",
}
"""Dutch labels of the ledger's fields, as the COA table names them."""


def _afwijkingen_r4(
    bron: str,
    code: str,
    onderwerp: str,
    gerapporteerd: Mapping[str, int],
    berekend: VergunninghoudersStand,
    gemeente: str | None,
) -> list[Bevinding]:
    bevindingen = []
    for veld in controleer_stand(gerapporteerd, berekend):
        waarde = gerapporteerd[veld]
        if veld == "voorsprong":
            waarde = abs(waarde)
        melding = (
            f"{onderwerp}: {VELDNAMEN[veld]} is in de bron {getal(waarde)}, "
            f"berekend {getal(getattr(berekend, veld))}."
        )
        bevindingen.append(Bevinding(code, Ernst.FOUT, melding, bron, gemeente))
    return bevindingen


def controleer_vergunninghouders(
    bron: str,
    rijen: Mapping[str, tuple[VergunninghoudersInvoer, Mapping[str, int]]],
    *,
    totaal: Mapping[str, int] | None = None,
) -> list[Bevinding]:
    """R4 on every row: one FOUT ``stand_r4`` per reported figure that disagrees.

    ``rijen`` maps a gemeente to its input figures and the derived figures the source
    reports. With ``totaal`` (the source's total row, any field of a stand) the total
    is checked against the sum of the rows: one FOUT ``totaal_r4`` per disagreeing figure.
    """
    bevindingen: list[Bevinding] = []
    standen = []
    for gemeente, (invoer, gerapporteerd) in rijen.items():
        stand = stand_vergunninghouders(invoer)
        standen.append(stand)
        bevindingen += _afwijkingen_r4(bron, "stand_r4", gemeente, gerapporteerd, stand, gemeente)
    if totaal is not None:
        som = totaal_vergunninghouders(standen)
        bevindingen += _afwijkingen_r4(bron, "totaal_r4", "Totaal", totaal, som, None)
    return bevindingen


_SCHEIDING = re.compile(r"[\s\-‐‑–]+")


def naam_sleutel(naam: str) -> str:
    """Normalise a gemeente name for matching: "MIDDEN-DRENTHE" -> "midden drenthe"."""
    return _SCHEIDING.sub(" ", naam.casefold()).strip()


def controleer_namen(bron: str, namen: Iterable[str], register: Iterable[str]) -> list[Bevinding]:
    """A FOUT ``onbekende_gemeente`` for each distinct name not in the register.

    The nearest register name is suggested: "HOOGVEEN" -> "Bedoelt u Hoogeveen?".
    """
    bekend = {naam_sleutel(n): n for n in register}
    bevindingen = []
    gezien: set[str] = set()
    for naam in namen:
        sleutel = naam_sleutel(naam)
        if sleutel in bekend or sleutel in gezien:
            continue
        gezien.add(sleutel)
        melding = f"„{naam}” staat niet in het register van gemeenten."
        suggestie = difflib.get_close_matches(sleutel, list(bekend), n=1)
        if suggestie:
            melding += f" Bedoelt u {bekend[suggestie[0]]}?"
        bevindingen.append(Bevinding("onbekende_gemeente", Ernst.FOUT, melding, bron, naam))
    return bevindingen
