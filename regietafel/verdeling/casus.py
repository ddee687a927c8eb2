"""The JSON boundary of R3: read a casus, write an uitkomst (``regietafel verdeel``).

No Django here: the management command, the API and the tests call these functions.
Every error names the field it is about (``gemeenten[3].verslag.regulier``), in Dutch.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

from regietafel.domain.notatie import procent
from regietafel.domain.restopgave import (
    TYPEN,
    Casus,
    GemeenteInvoer,
    Uitkomst,
    Uitruil,
)


class CasusFout(ValueError):
    """The casus cannot be read; ``fouten`` holds one Dutch message per problem."""

    def __init__(self, fouten: list[str]) -> None:
        super().__init__("\n".join(fouten))
        self.fouten = fouten


def _toon(waarde: object) -> str:
    """A JSON value as the user wrote it, shortened for a message."""
    try:
        tekst = json.dumps(waarde, ensure_ascii=False)
    except (TypeError, ValueError):
        tekst = repr(waarde)
    return tekst if len(tekst) <= 40 else tekst[:37] + "..."


class _Lezer:
    """Collects every problem instead of stopping at the first one."""

    def __init__(self) -> None:
        self.fouten: list[str] = []

    def fout(self, tekst: str) -> None:
        self.fouten.append(tekst)

    def als_object(self, waarde: object, pad: str) -> Mapping[str, object] | None:
        if isinstance(waarde, dict):
            return waarde
        self.fout(f"{pad}: moet een object zijn, niet {_toon(waarde)}")
        return None

    def lijst(self, waarde: object, pad: str) -> list[object] | None:
        if isinstance(waarde, list):
            return waarde
        self.fout(f"{pad}: moet een lijst zijn, niet {_toon(waarde)}")
        return None

    def tekst(self, waarde: object, pad: str) -> str | None:
        if isinstance(waarde, str) and waarde.strip():
            return waarde
        self.fout(f"{pad}: moet een niet-lege tekst zijn, niet {_toon(waarde)}")
        return None

    def aantal(self, waarde: object, pad: str) -> int | None:
        """A count of places or persons: an integer ≥ 0 (``true`` and ``5.0`` are not)."""
        if isinstance(waarde, int) and not isinstance(waarde, bool) and waarde >= 0:
            return waarde
        self.fout(f"{pad}: moet een geheel getal ≥ 0 zijn, niet {_toon(waarde)}")
        return None

    def aanwezig(self, obj: Mapping[str, object], sleutel: str, pad: str) -> bool:
        """Whether a required field is there; if not, say so (``opgave ontbreekt``)."""
        if sleutel in obj:
            return True
        self.fout(f"{pad}{sleutel} ontbreekt")
        return False

    def verplichte_tekst(self, obj: Mapping[str, object], sleutel: str, pad: str) -> str | None:
        if not self.aanwezig(obj, sleutel, pad):
            return None
        return self.tekst(obj[sleutel], f"{pad}{sleutel}")

    def verplicht_aantal(self, obj: Mapping[str, object], sleutel: str, pad: str) -> int | None:
        if not self.aanwezig(obj, sleutel, pad):
            return None
        return self.aantal(obj[sleutel], f"{pad}{sleutel}")

    def paar(
        self, obj: Mapping[str, object], sleutel: str, pad: str, *, verplicht: bool
    ) -> tuple[int, int] | None:
        """``{"regulier": int, "amv": int}``; optional pairs default to 0 per member."""
        if obj.get(sleutel) is None and not verplicht:
            return (0, 0)
        if not self.aanwezig(obj, sleutel, pad):
            return None
        inhoud = self.als_object(obj[sleutel], f"{pad}{sleutel}")
        if inhoud is None:
            return None
        getallen: list[int | None] = []
        for t in TYPEN:
            veldpad = f"{pad}{sleutel}.{t}"
            if t not in inhoud:
                if verplicht:
                    self.fout(f"{veldpad} ontbreekt")
                    getallen.append(None)
                else:
                    getallen.append(0)
            else:
                getallen.append(self.aantal(inhoud[t], veldpad))
        regulier, amv = getallen
        if regulier is None or amv is None:
            return None
        return regulier, amv

    def optioneel_aantal(self, obj: Mapping[str, object], sleutel: str, pad: str) -> int | None:
        if obj.get(sleutel) is None:
            return 0
        return self.aantal(obj[sleutel], f"{pad}{sleutel}")


def _gemeente(lezer: _Lezer, waarde: object, pad: str) -> GemeenteInvoer | None:
    obj = lezer.als_object(waarde, pad)
    if obj is None:
        return None
    pad = f"{pad}."
    naam = lezer.verplichte_tekst(obj, "naam", pad)
    inwoners = lezer.verplicht_aantal(obj, "inwoners", pad)
    indicatief = lezer.paar(obj, "indicatief", pad, verplicht=True)
    verslag = lezer.paar(obj, "verslag", pad, verplicht=True)
    kansrijk = lezer.paar(obj, "kansrijk", pad, verplicht=False)
    historisch = lezer.optioneel_aantal(obj, "historisch_gemiddelde", pad)
    oekraine = lezer.optioneel_aantal(obj, "oekraine_plaatsen", pad)
    if (
        naam is None
        or inwoners is None
        or indicatief is None
        or verslag is None
        or kansrijk is None
        or historisch is None
        or oekraine is None
    ):
        return None
    return GemeenteInvoer(
        naam=naam,
        inwoners=inwoners,
        indicatief_regulier=indicatief[0],
        indicatief_amv=indicatief[1],
        verslag_regulier=verslag[0],
        verslag_amv=verslag[1],
        kansrijk_regulier=kansrijk[0],
        kansrijk_amv=kansrijk[1],
        historisch_gemiddelde=historisch,
        oekraine_plaatsen=oekraine,
    )


def lees_casus(data: object) -> Casus:
    """Validate parsed JSON (the input of ``regietafel verdeel``) and build the ``Casus``.

    Raises ``CasusFout`` with every problem found, each naming its field. Fields the contract
    does not know are ignored.
    """
    lezer = _Lezer()
    obj = lezer.als_object(data, "casus")
    if obj is None:
        raise CasusFout(lezer.fouten)

    provincie = lezer.verplichte_tekst(obj, "provincie", "")
    opgave = lezer.paar(obj, "opgave", "", verplicht=True)
    oekraine_totaal = None
    if obj.get("oekraine_totaal") is not None:
        oekraine_totaal = lezer.aantal(obj["oekraine_totaal"], "oekraine_totaal")
    lijst = (
        lezer.lijst(obj["gemeenten"], "gemeenten") if lezer.aanwezig(obj, "gemeenten", "") else None
    )
    gemeenten, gezien = _gemeenten(lezer, lijst)
    bekend = {g.naam: g for g in gemeenten if g is not None}
    if oekraine_totaal is not None and bekend and sum(g.inwoners for g in bekend.values()) == 0:
        lezer.fout("oekraine_totaal: de gemeenten hebben samen 0 inwoners, geen evenredig deel")

    def gemeentenaam(waarde: object, pad: str) -> str | None:
        naam = lezer.tekst(waarde, pad)
        if naam is None:
            return None
        if lijst is not None and naam not in gezien:
            lezer.fout(f'{pad}: onbekende gemeente "{naam}"')
            return None
        return naam

    uitruil = _uitruil(lezer, obj, bekend, gemeentenaam)
    groepen = _groepen(lezer, obj, gemeentenaam)
    if lezer.fouten:
        raise CasusFout(lezer.fouten)
    assert isinstance(provincie, str) and opgave is not None
    try:
        return Casus(
            provincie=provincie,
            opgave_regulier=opgave[0],
            opgave_amv=opgave[1],
            oekraine_totaal=oekraine_totaal,
            gemeenten=tuple(g for g in gemeenten if g is not None),
            uitruil=tuple(uitruil),
            uitruil_groepen=tuple(groepen),
        )
    except ValueError as fout:  # the domain's own checks; the ones above should catch all
        raise CasusFout([f"casus: {fout}"]) from fout


def _gemeenten(
    lezer: _Lezer, lijst: list[object] | None
) -> tuple[list[GemeenteInvoer | None], dict[str, int]]:
    """The gemeenten (None where one is wrong) and the index of each name's first place; a
    name twice is an error at its second place."""
    gemeenten: list[GemeenteInvoer | None] = []
    if lijst is not None:
        if not lijst:
            lezer.fout("gemeenten: moet ten minste één gemeente bevatten")
        gemeenten = [_gemeente(lezer, g, f"gemeenten[{i}]") for i, g in enumerate(lijst)]
    namen = [
        g.get("naam") if isinstance(g, dict) and isinstance(g.get("naam"), str) else None
        for g in lijst or []
    ]
    aantal = Counter(n for n in namen if n is not None)
    gezien: dict[str, int] = {}
    for i, naam in enumerate(namen):
        if naam is None:
            continue
        if naam in gezien:
            keer = "twee" if aantal[naam] == 2 else str(aantal[naam])
            lezer.fout(
                f'gemeenten[{i}].naam: "{naam}" komt {keer} keer voor '
                f"(ook gemeenten[{gezien[naam]}])"
            )
        else:
            gezien[naam] = i
    return gemeenten, gezien


def _uitruil(
    lezer: _Lezer,
    obj: Mapping[str, object],
    bekend: dict[str, GemeenteInvoer],
    gemeentenaam: Callable[[object, str], str | None],
) -> list[Uitruil]:
    """The agreements; a gemeente gives away no more regular places than it offers itself."""
    uitruil: list[Uitruil] = []
    afgestaan: dict[str, int] = defaultdict(int)
    if obj.get("uitruil") is None:
        return uitruil
    for i, u in enumerate(lezer.lijst(obj["uitruil"], "uitruil") or []):
        pad = f"uitruil[{i}]."
        afspraak = lezer.als_object(u, f"uitruil[{i}]")
        if afspraak is None:
            continue
        van = voor = None
        if lezer.aanwezig(afspraak, "van", pad):
            van = gemeentenaam(afspraak["van"], f"{pad}van")
        if lezer.aanwezig(afspraak, "voor", pad):
            voor = gemeentenaam(afspraak["voor"], f"{pad}voor")
        regulier = lezer.verplicht_aantal(afspraak, "regulier", pad)
        if van is not None and voor is not None and van == voor:
            lezer.fout(f'{pad}voor: "{voor}" kan niet met zichzelf uitruilen')
            continue
        if van is None or voor is None or regulier is None:
            continue
        afgestaan[van] += regulier
        if van in bekend and afgestaan[van] > bekend[van].initieel("regulier"):
            lezer.fout(
                f"{pad}regulier: {van} realiseert dan {afgestaan[van]} reguliere plaatsen "
                f"voor andere gemeenten, meer dan de {bekend[van].initieel('regulier')} "
                "die het zelf aanbiedt (verslag + kansrijk)"
            )
        uitruil.append(Uitruil(van, voor, regulier))
    return uitruil


def _groepen(
    lezer: _Lezer, obj: Mapping[str, object], gemeentenaam: Callable[[object, str], str | None]
) -> list[tuple[str, ...]]:
    """The exchange groups: at least two different gemeenten each."""
    groepen: list[tuple[str, ...]] = []
    if obj.get("uitruil_groepen") is None:
        return groepen
    for i, groep in enumerate(lezer.lijst(obj["uitruil_groepen"], "uitruil_groepen") or []):
        leden = lezer.lijst(groep, f"uitruil_groepen[{i}]")
        if leden is None:
            continue
        namen = [gemeentenaam(n, f"uitruil_groepen[{i}][{j}]") for j, n in enumerate(leden)]
        geldig = [n for n in namen if n is not None]
        for j, n in enumerate(namen):
            if n is not None and n in namen[:j]:
                lezer.fout(f'uitruil_groepen[{i}][{j}]: "{n}" staat al in deze groep')
        if len(set(geldig)) < 2 and len(geldig) == len(namen):
            lezer.fout(f"uitruil_groepen[{i}]: een groep heeft ten minste twee gemeenten")
        groepen.append(tuple(dict.fromkeys(geldig)))
    return groepen


def _percentage(p: Fraction | None) -> float | None:
    return None if p is None else float(p * 100)


def uitkomst_json(uitkomst: Uitkomst) -> dict[str, Any]:
    """The contract's output object; floats appear here and nowhere else."""
    rest = uitkomst.restopgave
    return {
        "provincie": uitkomst.provincie,
        "restopgave": {"regulier": rest.regulier, "amv": rest.amv},
        "percentage": {
            "regulier": _percentage(uitkomst.percentage.regulier),
            "amv": _percentage(uitkomst.percentage.amv),
        },
        "onverdeeld": {
            "regulier": uitkomst.onverdeeld.regulier,
            "amv": uitkomst.onverdeeld.amv,
        },
        "gemeenten": [
            {
                "naam": g.naam,
                "regulier": g.definitief.regulier,
                "amv": g.definitief.amv,
                "totaal": g.totaal,
                "extra": {"regulier": g.extra.regulier, "amv": g.extra.amv},
                "uitgesloten": {
                    "regulier": list(g.uitgesloten.regulier),
                    "amv": list(g.uitgesloten.amv),
                },
            }
            for g in uitkomst.gemeenten
        ],
        "stappen": [
            {
                k: v
                for k, v in (
                    ("soort", s.soort),
                    ("gemeente", s.gemeente),
                    ("type", s.opvangtype),
                    ("reden", s.reden),
                    ("tekst", s.tekst),
                )
                if v is not None
            }
            for s in uitkomst.stappen
        ],
    }


def _procent_tekst(p: Fraction | None) -> str:
    return "n.v.t." if p is None else procent(p)


def uitkomst_tabel(uitkomst: Uitkomst) -> str:
    """A plain-text table in Dutch: one row per gemeente, then the percentage and onverdeeld."""
    kop = ("gemeente", "regulier", "amv", "totaal", "extra reg.", "extra amv", "uitgesloten")
    rijen: list[tuple[str, ...]] = []
    for g in uitkomst.gemeenten:
        redenen = []
        if g.uitgesloten.regulier:
            redenen.append("regulier: " + ", ".join(g.uitgesloten.regulier))
        if g.uitgesloten.amv:
            redenen.append("amv: " + ", ".join(g.uitgesloten.amv))
        rijen.append(
            (
                g.naam,
                str(g.definitief.regulier),
                str(g.definitief.amv),
                str(g.totaal),
                str(g.extra.regulier),
                str(g.extra.amv),
                "; ".join(redenen) or "-",
            )
        )
    som = [sum(int(r[k]) for r in rijen) for k in range(1, 6)]
    rijen.append(("Totaal", *(str(s) for s in som), ""))
    breedte = [max(len(r[k]) for r in [kop, *rijen]) for k in range(len(kop))]

    def regel(r: tuple[str, ...]) -> str:
        cellen = [r[0].ljust(breedte[0])]
        cellen += [r[k].rjust(breedte[k]) for k in range(1, 6)]
        cellen.append(r[6])
        return "  ".join(cellen).rstrip()

    streep = "  ".join("-" * b for b in breedte[:6]) + "  " + "-" * max(len(kop[6]), 11)
    rest, p, onv = uitkomst.restopgave, uitkomst.percentage, uitkomst.onverdeeld
    regels = [
        f"Verdeling restopgave — {uitkomst.provincie}",
        "",
        f"Restopgave:  regulier {rest.regulier}, amv {rest.amv}",
        f"Percentage:  regulier {_procent_tekst(p.regulier)}, amv {_procent_tekst(p.amv)}",
        f"Onverdeeld:  regulier {onv.regulier}, amv {onv.amv}",
        "",
        regel(kop),
        streep,
        *(regel(r) for r in rijen[:-1]),
        streep,
        regel(rijen[-1]),
    ]
    return "\n".join(regels) + "\n"
