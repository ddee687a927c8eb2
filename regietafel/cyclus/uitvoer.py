"""The PUZZEL as JSON and as a plain-text table (the CLI ``regietafel puzzel``).

JSON::

    {"provincie", "cyclus", "opgave": {"regulier", "amv"},
     "aanbod": {"regulier", "amv", "duurzaam": {…}, "telt": {…}, "kansrijk": {…}, "dekking": {…}},
     "volledig": bool, "redenen": [str, …],
     "gemeenten": [{"cbs_code", "naam", "indicatief": {…}, "aanbod": {…}, "verschil": {…},
                    "ingediend": bool}, …],
     "aanvulling": <the output of ``regietafel verdeel``>}

``aanbod.regulier``/``amv``: every place offered (bijzonder counts as regulier); of which
``duurzaam``, ``telt`` (counts in the verslag) and ``kansrijk`` (added by R3 step 2).
``verschil`` = telt − indicatief; ``dekking``: telt / opgave in percent (null without an
opgave). ``ingediend``: the gemeente has an approved aanbod (only that counts); without one
its ``aanbod`` and ``verschil`` are null, never 0. Floats appear here and nowhere else.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from regietafel.core.opmaak import getal
from regietafel.cyclus.queries import PuzzelPagina
from regietafel.domain.puzzel import Aanbodsom, GemeenteStand, Puzzel
from regietafel.domain.restopgave import PerType, decimaal
from regietafel.verdeling.casus import uitkomst_json, uitkomst_tabel


def _paar(p: PerType[int]) -> dict[str, int]:
    return {"regulier": p.regulier, "amv": p.amv}


def _aanbod(a: Aanbodsom) -> dict[str, Any]:
    return {
        **_paar(a.aangeboden),
        "duurzaam": _paar(a.duurzaam),
        "telt": _paar(a.telt),
        "kansrijk": _paar(a.kansrijk),
    }


def _procent(f: Fraction | None) -> float | None:
    return None if f is None else round(float(f * 100), 1)


def puzzel_json(p: PuzzelPagina) -> dict[str, Any]:
    pz = p.puzzel
    return {
        "provincie": p.provincie.naam,
        "cyclus": p.cyclus.jaar,
        "opgave": _paar(pz.opgave),
        "aanbod": {
            **_aanbod(pz.aanbod),
            "dekking": {
                "regulier": _procent(pz.dekking.regulier),
                "amv": _procent(pz.dekking.amv),
            },
        },
        "volledig": pz.volledig,
        "redenen": [r.tekst for r in pz.redenen],
        "gemeenten": [
            {
                "cbs_code": g.cbs_code,
                "naam": g.naam,
                "indicatief": _paar(g.indicatief),
                "aanbod": _aanbod(g.aanbod) if g.ingediend else None,
                "verschil": _paar(g.verschil) if g.ingediend else None,
                "ingediend": g.ingediend,
            }
            for g in pz.gemeenten
        ],
        "aanvulling": uitkomst_json(p.aanvulling),
    }


def _dekking(f: Fraction | None) -> str:
    return "n.v.t." if f is None else f"{decimaal(f * 100, 1)} %"


_KOP = (
    "gemeente",
    "ind. reg",
    "ind. amv",
    "aanb. reg",
    "aanb. amv",
    "telt reg",
    "telt amv",
    "kansr. reg",
    "kansr. amv",
    "versch. reg",
    "versch. amv",
    "ingediend",
)


def _aanbod_en_verschil(a: Aanbodsom, verschil: PerType[int]) -> tuple[int, ...]:
    """The columns after indicatief: offered, counting and kansrijk, then the verschil."""
    return (
        a.aangeboden.regulier,
        a.aangeboden.amv,
        a.telt.regulier,
        a.telt.amv,
        a.kansrijk.regulier,
        a.kansrijk.amv,
        verschil.regulier,
        verschil.amv,
    )


def _gemeente_rij(g: GemeenteStand) -> tuple[str, ...]:
    """One gemeente's row; without an approved aanbod its aanbod and verschil are "–"."""
    aanbod = _aanbod_en_verschil(g.aanbod, g.verschil) if g.ingediend else (None,) * 8
    return (
        g.naam,
        getal(g.indicatief.regulier),
        getal(g.indicatief.amv),
        *("–" if n is None else getal(n) for n in aanbod),
        "ja" if g.ingediend else "nee",
    )


def _totaalrij(pz: Puzzel) -> tuple[str, ...]:
    """The provincie's sums; the last column counts the gemeenten that handed in."""
    telt, indicatief = pz.aanbod.telt, pz.indicatief
    verschil = PerType(telt.regulier - indicatief.regulier, telt.amv - indicatief.amv)
    return (
        "Totaal",
        getal(indicatief.regulier),
        getal(indicatief.amv),
        *(getal(n) for n in _aanbod_en_verschil(pz.aanbod, verschil)),
        str(sum(g.ingediend for g in pz.gemeenten)),
    )


def _uitgelijnd(kop: tuple[str, ...], rijen: list[tuple[str, ...]]) -> list[str]:
    """The table in aligned columns (names left, numbers right), the last row a total."""
    breedte = [max(len(r[k]) for r in [kop, *rijen]) for k in range(len(kop))]

    def regel(r: tuple[str, ...]) -> str:
        return "  ".join(
            [r[0].ljust(breedte[0]), *(r[k].rjust(breedte[k]) for k in range(1, len(kop)))]
        ).rstrip()

    streep = "  ".join("-" * b for b in breedte)
    return [regel(kop), streep, *(regel(r) for r in rijen[:-1]), streep, regel(rijen[-1])]


def puzzel_tabel(p: PuzzelPagina) -> str:
    """The PUZZEL in Dutch plain text: the verdict, one row per gemeente, then R3's table."""
    pz = p.puzzel
    telt = pz.aanbod.telt
    rijen = [*(_gemeente_rij(g) for g in pz.gemeenten), _totaalrij(pz)]
    regels = [
        f"PUZZEL {p.cyclus.naam} — {p.provincie.naam}",
        *(["Illustratief: afgeleide cijfers, niet die van de minister."] if p.illustratief else []),
        "",
        f"Opgave:       regulier {getal(pz.opgave.regulier)}, amv {getal(pz.opgave.amv)}",
        f"Telt mee:     regulier {getal(telt.regulier)}, amv {getal(telt.amv)}",
        f"Dekking:      regulier {_dekking(pz.dekking.regulier)}, amv {_dekking(pz.dekking.amv)}",
        f"Volledig en uitvoerbaar: {'ja' if pz.volledig else 'nee'}",
        *(f"- {r.tekst}" for r in pz.redenen),
        "",
        *_uitgelijnd(_KOP, rijen),
        "",
        "Aanvulling door de minister als het verslag zo uitgaat (de methode van het verdeelbesluit):",
        "",
    ]
    return "\n".join(regels) + "\n" + uitkomst_tabel(p.aanvulling)
