"""R3 — completing a verdeelbesluit: the restopgave (seed 003, steps 1–4b).

1. Take over the verslag per gemeente; 2. add the *kansrijk* initiatives:
   initial_t = verslag_t + kansrijk_t.
3. rest_t = opgave_t − Σ initial_t per type t ∈ {regulier, amv}; if ≤ 0 there is nothing to do
   and no gemeente is listed as excluded for that type.
4a. Exclude gemeenten (reason recorded per type): ``aanbod_dekt_indicatief``,
    ``historische_bijdrage``, ``oekraine_bijdrage`` (both types) and ``uitruil`` (regular only):
    a gemeente that receives more than it gives (net credit > 0) and whose credited regular
    places reach its indicative regular number (> 0), or every member of an uitruilgroep whose
    credited regular places together reach the group's indicative regular places. A gemeente
    that gives as much as or more than it receives is excluded as ``uitruil`` only through its
    group.
4b. Distribute rest_t, regular first, then AMV, by water-filling: the one p with
    Σ_eligible min(cap_g, max(0, p·indicative_t,g − credited_t,g)) = rest_t, where
    cap_g = indicative_total − everything g already has (both types, regular extras included).
    A gemeente whose unrounded extra lies strictly between 0 and 5 is excluded
    (``minder_dan_5``, smallest first, ties by name) and 4b is repeated — unless the rest could
    then no longer be placed. If the caps cannot hold more than rest_t, every eligible gemeente
    gets its cap, p is undefined and the remainder is ``onverdeeld``. The extras are rounded with
    R1 (weights: the unrounded extras).

Everything is exact: places are ``int``, p and the unrounded extras are ``Fraction``.
The answer carries its trace (``Uitkomst.stappen``), a Dutch sentence per step.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, Literal, TypeVar

from regietafel.domain.notatie import decimaal, procent
from regietafel.domain.verdeling import grootste_overschot

Opvangtype = Literal["regulier", "amv"]
TYPEN: tuple[Opvangtype, ...] = ("regulier", "amv")

Reden = Literal[
    "aanbod_dekt_indicatief",
    "historische_bijdrage",
    "oekraine_bijdrage",
    "uitruil",
    "minder_dan_5",
]
REDENEN: tuple[Reden, ...] = (
    "aanbod_dekt_indicatief",
    "historische_bijdrage",
    "oekraine_bijdrage",
    "uitruil",
    "minder_dan_5",
)
"""The exclusion codes, in the order the steps of 4a and 4b apply them."""

MINIMUM_EXTRA = 5
"""An unrounded extra above 0 and below this is too small to realise (step 4b)."""

T = TypeVar("T")


@dataclass(frozen=True)
class PerType(Generic[T]):
    """A value for each opvangtype."""

    regulier: T
    amv: T

    def van(self, opvangtype: Opvangtype) -> T:
        return self.regulier if opvangtype == "regulier" else self.amv


# --------------------------------------------------------------------------- input


def _is_aantal(waarde: object) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool) and waarde >= 0


@dataclass(frozen=True)
class GemeenteInvoer:
    """What R3 needs of one gemeente (places, persons and inhabitants are counts ≥ 0)."""

    naam: str
    inwoners: int
    indicatief_regulier: int
    indicatief_amv: int
    verslag_regulier: int
    verslag_amv: int
    kansrijk_regulier: int = 0
    kansrijk_amv: int = 0
    historisch_gemiddelde: int = 0
    """Average realised places per year, 1 Sep 2014 – 1 Sep 2024."""
    oekraine_plaatsen: int = 0
    """Ukraine places realised, 1 Jan 2023 – 1 Sep 2024."""

    def __post_init__(self) -> None:
        if not isinstance(self.naam, str) or not self.naam:
            raise ValueError(f"naam moet een niet-lege tekst zijn, niet {self.naam!r}")
        for veld in (
            "inwoners",
            "indicatief_regulier",
            "indicatief_amv",
            "verslag_regulier",
            "verslag_amv",
            "kansrijk_regulier",
            "kansrijk_amv",
            "historisch_gemiddelde",
            "oekraine_plaatsen",
        ):
            waarde = getattr(self, veld)
            if not _is_aantal(waarde):
                raise ValueError(f"{self.naam}.{veld} moet een geheel getal ≥ 0 zijn: {waarde!r}")

    def indicatief(self, opvangtype: Opvangtype) -> int:
        return self.indicatief_regulier if opvangtype == "regulier" else self.indicatief_amv

    @property
    def indicatief_totaal(self) -> int:
        return self.indicatief_regulier + self.indicatief_amv

    def initieel(self, opvangtype: Opvangtype) -> int:
        """Steps 1 and 2: the verslag plus the kansrijk initiatives."""
        if opvangtype == "regulier":
            return self.verslag_regulier + self.kansrijk_regulier
        return self.verslag_amv + self.kansrijk_amv

    @property
    def initieel_totaal(self) -> int:
        return self.initieel("regulier") + self.initieel("amv")


@dataclass(frozen=True)
class Uitruil:
    """An agreement: ``van`` realises ``regulier`` regular places for ``voor``."""

    van: str
    voor: str
    regulier: int


@dataclass(frozen=True)
class Casus:
    """One province's input to R3. Construction checks that it is consistent."""

    provincie: str
    opgave_regulier: int
    opgave_amv: int
    oekraine_totaal: int | None
    """The Ukraine total for the proportional comparison; ``None``: criterion not applied."""
    gemeenten: tuple[GemeenteInvoer, ...]
    uitruil: tuple[Uitruil, ...] = ()
    uitruil_groepen: tuple[tuple[str, ...], ...] = ()

    def __post_init__(self) -> None:
        for veld in ("opgave_regulier", "opgave_amv"):
            if not _is_aantal(getattr(self, veld)):
                raise ValueError(f"{veld} moet een geheel getal ≥ 0 zijn: {getattr(self, veld)!r}")
        if self.oekraine_totaal is not None:
            if not _is_aantal(self.oekraine_totaal):
                raise ValueError(
                    f"oekraine_totaal moet een geheel getal ≥ 0 zijn: {self.oekraine_totaal!r}"
                )
            if sum(g.inwoners for g in self.gemeenten) == 0:
                raise ValueError("oekraine_totaal: de gemeenten hebben samen 0 inwoners")
        namen: set[str] = set()
        for g in self.gemeenten:
            if g.naam in namen:
                raise ValueError(f'gemeente "{g.naam}" komt twee keer voor')
            namen.add(g.naam)
        initieel = {g.naam: g.initieel("regulier") for g in self.gemeenten}
        afgestaan: dict[str, int] = defaultdict(int)
        for u in self.uitruil:
            for naam in (u.van, u.voor):
                if naam not in namen:
                    raise ValueError(f'uitruil: onbekende gemeente "{naam}"')
            if u.van == u.voor:
                raise ValueError(f'uitruil: "{u.van}" ruilt met zichzelf')
            if not _is_aantal(u.regulier):
                raise ValueError(
                    f"uitruil: regulier moet een geheel getal ≥ 0 zijn: {u.regulier!r}"
                )
            afgestaan[u.van] += u.regulier
            if afgestaan[u.van] > initieel[u.van]:
                raise ValueError(
                    f"uitruil: {u.van} realiseert {afgestaan[u.van]} reguliere plaatsen voor "
                    f"anderen, meer dan de {initieel[u.van]} die het zelf aanbiedt"
                )
        for groep in self.uitruil_groepen:
            if len(groep) < 2 or len(set(groep)) != len(groep):
                raise ValueError(f"uitruil_groepen: {groep!r} moet twee of meer gemeenten noemen")
            for naam in groep:
                if naam not in namen:
                    raise ValueError(f'uitruil_groepen: onbekende gemeente "{naam}"')

    def opgave(self, opvangtype: Opvangtype) -> int:
        return self.opgave_regulier if opvangtype == "regulier" else self.opgave_amv

    def netto_uitruil(self) -> dict[str, int]:
        """Per gemeente in an agreement: regular places received minus places given (net credit)."""
        saldo: dict[str, int] = {}
        for u in self.uitruil:
            saldo[u.van] = saldo.get(u.van, 0) - u.regulier
            saldo[u.voor] = saldo.get(u.voor, 0) + u.regulier
        return saldo

    def gecrediteerd_regulier(self) -> dict[str, int]:
        """Step 4a, uitruil: each agreement moves its places from van's credit to voor's."""
        krediet = {g.naam: g.initieel("regulier") for g in self.gemeenten}
        for u in self.uitruil:
            krediet[u.van] -= u.regulier
            krediet[u.voor] += u.regulier
        return krediet


# -------------------------------------------------------------------------- output


@dataclass(frozen=True)
class Stap:
    """One line of the trace: what happened, to whom, for which type, and why."""

    soort: str
    """overgenomen, toegevoegd, restopgave, uitruil, uitgesloten, niet_uitgesloten,
    percentage, plafonds, extra, afronding, onverdeeld or verdeelbesluit."""
    tekst: str
    gemeente: str | None = None
    opvangtype: Opvangtype | None = None
    reden: Reden | None = None


@dataclass(frozen=True)
class GemeenteUitkomst:
    naam: str
    initieel: PerType[int]
    extra: PerType[int]
    extra_onafgerond: PerType[Fraction]
    uitgesloten: PerType[tuple[Reden, ...]]

    @property
    def definitief(self) -> PerType[int]:
        """Final = initial + extra, per type."""
        return PerType(
            self.initieel.regulier + self.extra.regulier, self.initieel.amv + self.extra.amv
        )

    @property
    def totaal(self) -> int:
        return self.definitief.regulier + self.definitief.amv


@dataclass(frozen=True)
class Uitkomst:
    provincie: str
    rest: PerType[int]
    """opgave − Σ initial per type; ≤ 0 means the verslag already covers that type."""
    percentage: PerType[Fraction | None]
    """The water level p (a share, not ×100); ``None`` without rest or when the caps decide."""
    onverdeeld: PerType[int]
    gemeenten: tuple[GemeenteUitkomst, ...]
    stappen: tuple[Stap, ...]

    @property
    def restopgave(self) -> PerType[int]:
        return PerType(max(0, self.rest.regulier), max(0, self.rest.amv))

    def gemeente(self, naam: str) -> GemeenteUitkomst:
        for g in self.gemeenten:
            if g.naam == naam:
                return g
        raise KeyError(naam)


# ---------------------------------------------------------------------- the rule


def verdeel_restopgave(casus: Casus) -> Uitkomst:
    """Complete the verdeelbesluit of ``casus`` with R3 and explain every step."""
    stappen: list[Stap] = []
    _neem_over(casus, stappen)
    rest = _restopgave(casus, stappen)
    krediet = casus.gecrediteerd_regulier()
    redenen = _uitsluitingen(casus, krediet, stappen if max(rest.regulier, rest.amv) > 0 else [])

    resultaat: dict[Opvangtype, _TypeResultaat] = {}
    uitgesloten: dict[Opvangtype, dict[str, tuple[Reden, ...]]] = {}
    for t in TYPEN:
        uitgesloten[t] = _sluit_uit(casus, t, rest.van(t), redenen, stappen)
        regulier_extra = resultaat["regulier"].afgerond if t == "amv" else {}
        deelnemers = [
            _Deelnemer(
                naam=g.naam,
                indicatief=g.indicatief(t),
                gecrediteerd=krediet[g.naam] if t == "regulier" else g.initieel(t),
                plafond=max(
                    0, g.indicatief_totaal - g.initieel_totaal - regulier_extra.get(g.naam, 0)
                ),
            )
            for g in casus.gemeenten
            if not uitgesloten[t][g.naam]
        ]
        resultaat[t] = _verdeel_type(t, rest.van(t), deelnemers, stappen)
        for naam in resultaat[t].minder_dan_5:
            uitgesloten[t][naam] += ("minder_dan_5",)

    r, a = resultaat["regulier"], resultaat["amv"]
    nul = Fraction(0)
    gemeenten = tuple(
        GemeenteUitkomst(
            naam=g.naam,
            initieel=PerType(g.initieel("regulier"), g.initieel("amv")),
            extra=PerType(r.afgerond.get(g.naam, 0), a.afgerond.get(g.naam, 0)),
            extra_onafgerond=PerType(r.onafgerond.get(g.naam, nul), a.onafgerond.get(g.naam, nul)),
            uitgesloten=PerType(uitgesloten["regulier"][g.naam], uitgesloten["amv"][g.naam]),
        )
        for g in casus.gemeenten
    )
    for u in gemeenten:
        d = u.definitief
        stappen.append(
            Stap(
                "verdeelbesluit",
                f"{u.naam}: {d.regulier} regulier (waarvan {u.extra.regulier} extra) en "
                f"{d.amv} amv (waarvan {u.extra.amv} extra), samen {u.totaal}.",
                u.naam,
            )
        )
    return Uitkomst(
        provincie=casus.provincie,
        rest=rest,
        percentage=PerType(r.percentage, a.percentage),
        onverdeeld=PerType(r.onverdeeld, a.onverdeeld),
        gemeenten=gemeenten,
        stappen=tuple(stappen),
    )


def _restopgave(casus: Casus, stappen: list[Stap]) -> PerType[int]:
    """Step 3: rest_t = opgave_t − Σ initial_t (may be ≤ 0)."""
    rest: dict[Opvangtype, int] = {}
    for t in TYPEN:
        initieel = sum(g.initieel(t) for g in casus.gemeenten)
        rest[t] = casus.opgave(t) - initieel
        if rest[t] > 0:
            tekst = f"Restopgave {t}: opgave {casus.opgave(t)} − {initieel} initieel = {rest[t]}."
        else:
            tekst = (
                f"Restopgave {t}: opgave {casus.opgave(t)}, initieel {initieel}; de verdeling is "
                "sluitend, er is niets te verdelen en niemand wordt uitgesloten."
            )
        stappen.append(Stap("restopgave", tekst, opvangtype=t))
    return PerType(rest["regulier"], rest["amv"])


def _sluit_uit(
    casus: Casus,
    t: Opvangtype,
    rest: int,
    redenen: Mapping[str, list[tuple[Reden, str]]],
    stappen: list[Stap],
) -> dict[str, tuple[Reden, ...]]:
    """Step 4a for one type: nobody is excluded when there is no rest; uitruil is regular only."""
    uitgesloten: dict[str, tuple[Reden, ...]] = {g.naam: () for g in casus.gemeenten}
    if rest <= 0:
        return uitgesloten
    for g in casus.gemeenten:
        for reden, uitleg in redenen[g.naam]:
            if reden == "uitruil" and t != "regulier":
                continue
            uitgesloten[g.naam] += (reden,)
            stappen.append(
                Stap(
                    "uitgesloten",
                    f"{g.naam} doet niet mee aan de restopgave {t} ({reden}): {uitleg}.",
                    g.naam,
                    t,
                    reden,
                )
            )
    return uitgesloten


def _neem_over(casus: Casus, stappen: list[Stap]) -> None:
    """Steps 1 and 2, as trace only: the numbers themselves are ``GemeenteInvoer.initieel``."""
    for g in casus.gemeenten:
        stappen.append(
            Stap(
                "overgenomen",
                f"{g.naam}: uit het verslag overgenomen {g.verslag_regulier} regulier en "
                f"{g.verslag_amv} amv.",
                g.naam,
            )
        )
    for g in casus.gemeenten:
        if g.kansrijk_regulier or g.kansrijk_amv:
            stappen.append(
                Stap(
                    "toegevoegd",
                    f"{g.naam}: kansrijke initiatieven toegevoegd, {g.kansrijk_regulier} regulier "
                    f"en {g.kansrijk_amv} amv; initieel {g.initieel('regulier')} regulier en "
                    f"{g.initieel('amv')} amv.",
                    g.naam,
                )
            )


def _uitsluitingen(
    casus: Casus, krediet: Mapping[str, int], stappen: list[Stap]
) -> dict[str, list[tuple[Reden, str]]]:
    """Step 4a: every reason that applies to each gemeente, with its explanation.

    Reasons come in the order of ``REDENEN``; ``uitruil`` concerns the regular restopgave only,
    the caller drops it for AMV. The uitruil agreements and groups go into the trace here.
    """
    netto = casus.netto_uitruil()
    _uitruil_in_trace(casus, krediet, netto, stappen)
    groep_gedekt = _gedekte_groepen(casus, krediet, stappen)
    inwoners = sum(g.inwoners for g in casus.gemeenten)
    redenen: dict[str, list[tuple[Reden, str]]] = {g.naam: [] for g in casus.gemeenten}
    for g in casus.gemeenten:
        redenen[g.naam].extend(_eigen_bijdrage(casus, g, inwoners))
        uitleg = _uitruil_reden(g, krediet, netto, groep_gedekt, stappen)
        if uitleg is not None:
            redenen[g.naam].append(("uitruil", uitleg))
    return redenen


def _uitruil_in_trace(
    casus: Casus, krediet: Mapping[str, int], netto: Mapping[str, int], stappen: list[Stap]
) -> None:
    """The uitruil agreements, and the regular places credited to each party after them."""
    for u in casus.uitruil:
        stappen.append(
            Stap(
                "uitruil",
                f"Uitruil: {u.van} realiseert {u.regulier} reguliere plaatsen voor {u.voor}; "
                f"voor de restopgave tellen ze bij {u.voor}.",
            )
        )
    if casus.uitruil:
        stappen.append(
            Stap(
                "uitruil",
                "Gecrediteerd regulier na uitruil: "
                + ", ".join(
                    f"{naam} {krediet[naam]} ({_saldo(netto[naam])})"
                    for naam in dict.fromkeys(n for u in casus.uitruil for n in (u.van, u.voor))
                )
                + ".",
            )
        )


def _gedekte_groepen(
    casus: Casus, krediet: Mapping[str, int], stappen: list[Stap]
) -> dict[str, str]:
    """Per member of an uitruilgroep that together covers its indicative regular number: why."""
    groep_gedekt: dict[str, str] = {}
    for groep in casus.uitruil_groepen:
        leden = [g for g in casus.gemeenten if g.naam in groep]
        gecrediteerd = sum(krediet[g.naam] for g in leden)
        indicatief = sum(g.indicatief_regulier for g in leden)
        uitleg = (
            f"de uitruilgroep {', '.join(groep)} realiseert samen {gecrediteerd} reguliere "
            f"plaatsen tegen {indicatief} indicatief"
        )
        stappen.append(Stap("uitruil", f"{uitleg[0].upper()}{uitleg[1:]}."))
        if gecrediteerd >= indicatief:
            for naam in groep:
                groep_gedekt.setdefault(naam, uitleg)
    return groep_gedekt


def _eigen_bijdrage(casus: Casus, g: GemeenteInvoer, inwoners: int) -> list[tuple[Reden, str]]:
    """The reasons of step 4a that need no uitruil: the aanbod covers the indicative number,
    the historic contribution exceeds it, or the places for Oekraïners exceed twice its share."""
    r: list[tuple[Reden, str]] = []
    if g.initieel_totaal >= g.indicatief_totaal:
        r.append(
            (
                "aanbod_dekt_indicatief",
                f"aanbod {g.initieel_totaal} ≥ indicatief {g.indicatief_totaal} (regulier + amv)",
            )
        )
    if g.historisch_gemiddelde > g.indicatief_totaal:
        r.append(
            (
                "historische_bijdrage",
                f"gemiddeld {g.historisch_gemiddelde} plaatsen per jaar in 2014–2024 > "
                f"indicatief {g.indicatief_totaal} (regulier + amv)",
            )
        )
    if casus.oekraine_totaal is not None:
        evenredig = Fraction(casus.oekraine_totaal * g.inwoners, inwoners)
        if g.oekraine_plaatsen > 2 * evenredig:
            r.append(
                (
                    "oekraine_bijdrage",
                    f"{g.oekraine_plaatsen} plaatsen voor Oekraïners > 2 × "
                    f"{decimaal(evenredig)} (evenredig deel van {casus.oekraine_totaal})",
                )
            )
    return r


def _uitruil_reden(
    g: GemeenteInvoer,
    krediet: Mapping[str, int],
    netto: Mapping[str, int],
    groep_gedekt: Mapping[str, str],
    stappen: list[Stap],
) -> str | None:
    """Why the uitruil excludes g (it receives enough, or its group covers its number), or None.

    A gemeente that would be covered by its credit but does not receive on balance is not
    excluded; the trace says why.
    """
    if ontvangt_genoeg(g, netto.get(g.naam, 0), krediet[g.naam]):
        return (
            f"ontvangt per saldo {netto[g.naam]} reguliere plaatsen; met uitruil "
            f"{krediet[g.naam]} reguliere plaatsen ≥ indicatief {g.indicatief_regulier}"
        )
    if g.naam in groep_gedekt:
        return f"{groep_gedekt[g.naam]}, niet minder"
    if (
        g.naam in netto
        and netto[g.naam] <= 0
        and g.indicatief_regulier > 0
        and krediet[g.naam] >= g.indicatief_regulier
    ):
        stappen.append(
            Stap(
                "uitruil",
                f"{g.naam} heeft met uitruil {krediet[g.naam]} reguliere plaatsen ≥ "
                f"indicatief {g.indicatief_regulier}, maar {_saldo(netto[g.naam])}: de "
                "uitruil sluit een gemeente alleen uit als ze per saldo ontvangt (of via "
                "haar uitruilgroep).",
                g.naam,
                "regulier",
            )
        )
    return None


def ontvangt_genoeg(g: GemeenteInvoer, netto: int, gecrediteerd: int) -> bool:
    """Step 4a, ``uitruil`` on its own: g receives more regular places than it gives
    (net credit > 0) and its credited regular places reach its indicative regular number (> 0).

    A gemeente that gives as much as or more than it receives is never excluded this way; only
    its uitruilgroep can exclude it (one that gives and still covers its indicative number is
    excluded for ``aanbod_dekt_indicatief``).
    """
    return netto > 0 and g.indicatief_regulier > 0 and gecrediteerd >= g.indicatief_regulier


def _saldo(netto: int) -> str:
    if netto > 0:
        return f"ontvangt per saldo {netto}"
    if netto < 0:
        return f"geeft per saldo {-netto}"
    return "geeft en ontvangt evenveel"


@dataclass(frozen=True)
class _Deelnemer:
    """An eligible gemeente as water-filling sees it, for one type."""

    naam: str
    indicatief: int
    gecrediteerd: int
    plafond: int

    @property
    def bereik(self) -> int:
        """What water-filling can give it at most: its cap, or 0 without an indicative number."""
        return self.plafond if self.indicatief > 0 else 0

    def aandeel(self, p: Fraction) -> Fraction:
        """min(cap, max(0, p·indicative − credited))."""
        return min(
            Fraction(self.plafond), max(Fraction(0), p * self.indicatief - self.gecrediteerd)
        )


@dataclass(frozen=True)
class _TypeResultaat:
    percentage: Fraction | None
    onafgerond: dict[str, Fraction]
    afgerond: dict[str, int]
    onverdeeld: int
    minder_dan_5: tuple[str, ...]


def _los_percentage_op(deelnemers: Iterable[_Deelnemer], rest: int) -> Fraction:
    """The smallest p ≥ 0 with Σ min(cap, max(0, p·ind − credited)) = rest, exactly.

    The sum is continuous, non-decreasing and piecewise linear in p: a gemeente starts to
    receive at p = credited/ind and reaches its cap at p = (credited + cap)/ind. Sweep those
    breakpoints in order, keeping the value and the slope; the answer lies on the first segment
    that reaches ``rest`` and is found by solving a linear equation in ``Fraction``.
    Requires 0 < rest < Σ bereik.
    """
    helling_verandert: dict[Fraction, int] = defaultdict(int)
    for d in deelnemers:
        if d.bereik <= 0:
            continue
        helling_verandert[Fraction(d.gecrediteerd, d.indicatief)] += d.indicatief
        helling_verandert[Fraction(d.gecrediteerd + d.plafond, d.indicatief)] -= d.indicatief
    vorige, waarde, helling = Fraction(0), Fraction(0), 0
    for punt in sorted(helling_verandert):
        hier = waarde + helling * (punt - vorige)
        if hier >= rest:
            return vorige + (rest - waarde) / helling
        vorige, waarde = punt, hier
        helling += helling_verandert[punt]
    raise ValueError(f"de plafonds kunnen {rest} niet bevatten")


def _verdeel_type(
    t: Opvangtype, rest: int, deelnemers: list[_Deelnemer], stappen: list[Stap]
) -> _TypeResultaat:
    """Step 4b for one type over the gemeenten that 4a left in."""
    if rest <= 0:
        return _TypeResultaat(None, {}, {}, 0, ())
    minder_dan_5: list[str] = []
    while True:
        bereik = sum(d.bereik for d in deelnemers)
        if bereik <= rest:
            return _vul_tot_plafond(t, rest, deelnemers, tuple(minder_dan_5), stappen)
        p = _los_percentage_op(deelnemers, rest)
        aandelen = {d.naam: d.aandeel(p) for d in deelnemers}
        assert sum(aandelen.values()) == rest
        klein = [d for d in deelnemers if 0 < aandelen[d.naam] < MINIMUM_EXTRA]
        if not klein:
            break
        kleinste = min(klein, key=lambda d: (aandelen[d.naam], d.naam))
        if bereik - kleinste.bereik < rest:
            stappen.append(
                Stap(
                    "niet_uitgesloten",
                    f"{kleinste.naam} zou {decimaal(aandelen[kleinste.naam])} {t} extra krijgen "
                    f"(minder dan {MINIMUM_EXTRA}), maar zonder {kleinste.naam} past de "
                    f"restopgave van {rest} niet meer; {kleinste.naam} blijft meedoen.",
                    kleinste.naam,
                    t,
                )
            )
            break
        stappen.append(
            Stap(
                "uitgesloten",
                f"{kleinste.naam} zou bij {procent(p)} maar {decimaal(aandelen[kleinste.naam])} "
                f"{t} extra krijgen, minder dan {MINIMUM_EXTRA}: uitgesloten, de verdeling "
                "wordt herhaald.",
                kleinste.naam,
                t,
                "minder_dan_5",
            )
        )
        minder_dan_5.append(kleinste.naam)
        deelnemers = [d for d in deelnemers if d is not kleinste]

    stappen.append(
        Stap(
            "percentage",
            f"Percentage {t}: p = {procent(p)} ({p.numerator}/{p.denominator}); elke deelnemende "
            f"gemeente komt op {procent(p)} van haar indicatieve aantal {t}, tenzij ze al meer "
            "heeft of haar plafond bereikt.",
            opvangtype=t,
        )
    )
    verdeling = grootste_overschot(rest, aandelen)
    for d in deelnemers:
        e, n = aandelen[d.naam], verdeling.aantallen[d.naam]
        stappen.append(
            Stap(
                "afronding",
                f"{d.naam}: min({d.plafond}, max(0, {procent(p)} × {d.indicatief} − "
                f"{d.gecrediteerd})) = {decimaal(e)}, afgerond {n} {t} extra.",
                d.naam,
                t,
            )
        )
    return _TypeResultaat(p, aandelen, dict(verdeling.aantallen), 0, tuple(minder_dan_5))


def _vul_tot_plafond(
    t: Opvangtype,
    rest: int,
    deelnemers: list[_Deelnemer],
    minder_dan_5: tuple[str, ...],
    stappen: list[Stap],
) -> _TypeResultaat:
    """Step 4b when Σ caps ≤ rest: everyone gets its cap, the remainder is onverdeeld."""
    bereik = sum(d.bereik for d in deelnemers)
    stappen.append(
        Stap(
            "plafonds",
            f"De plafonds van de deelnemende gemeenten bevatten samen {bereik} {t}, niet meer "
            f"dan de restopgave {rest}: elke gemeente krijgt haar plafond, er is geen "
            "percentage en de regel 'minder dan 5' geldt niet.",
            opvangtype=t,
        )
    )
    for d in deelnemers:
        stappen.append(Stap("extra", f"{d.naam}: plafond {d.bereik} {t} extra.", d.naam, t))
    stappen.append(
        Stap(
            "onverdeeld",
            f"Onverdeeld {t}: {rest} − {bereik} = {rest - bereik}.",
            opvangtype=t,
        )
    )
    return _TypeResultaat(
        None,
        {d.naam: Fraction(d.bereik) for d in deelnemers},
        {d.naam: d.bereik for d in deelnemers},
        rest - bereik,
        minder_dan_5,
    )
