"""The PUZZEL of a Spreidingswet cyclus: the aanbod of every gemeente against its indicative
number, and whether the province's offer is *volledig en uitvoerbaar* (seed 003).

Per gemeente: indicatief (regulier, AMV), the aanbod (offered; of which durable, counting and
kansrijk, per type — bijzonder counts as regulier) and the verschil = counting − indicatief.
Per provincie the same sums and the coverage of the opgave. The verdict is *volledig en
uitvoerbaar* only when there is no reason against it; the reasons, in Dutch:

- regulier and AMV are each covered by the places that count (seed 003: "een invulling die
  het vastgestelde aantal reguliere opvangplaatsen én amv-opvangplaatsen volledig dekt");
- every line is available within the term after the besluit and until the next raming;
- no plan lacks a kansrijk element (lines the cyclus' rules exclude — only durable places
  count, and they are not — count for nothing and are no reason either);
- every gemeente with an indicative number has handed in an approved aanbod.

``restopgave_casus`` turns the outcome into R3's input: what counts is the verslag (step 1),
the kansrijk lines are step 2. Everything is exact (``int``, ``Fraction``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from regietafel.domain import notatie
from regietafel.domain.aanbod import Beoordeling, Categorie, Spelregels
from regietafel.domain.restopgave import Casus, GemeenteInvoer, Opvangtype, PerType
from regietafel.domain.voortgang import verschil as r5_verschil


def _plus(a: PerType[int], b: PerType[int]) -> PerType[int]:
    return PerType(a.regulier + b.regulier, a.amv + b.amv)


NUL: PerType[int] = PerType(0, 0)


@dataclass(frozen=True)
class Aanbodsom:
    """The sums of an aanbod per type: everything offered, and of that what is durable, what
    counts in the verslag and what is kansrijk (step 2 of R3)."""

    aangeboden: PerType[int] = NUL
    duurzaam: PerType[int] = NUL
    telt: PerType[int] = NUL
    kansrijk: PerType[int] = NUL

    def __add__(self, ander: Aanbodsom) -> Aanbodsom:
        return Aanbodsom(
            _plus(self.aangeboden, ander.aangeboden),
            _plus(self.duurzaam, ander.duurzaam),
            _plus(self.telt, ander.telt),
            _plus(self.kansrijk, ander.kansrijk),
        )


def aanbodsom(beoordelingen: Iterable[Beoordeling]) -> Aanbodsom:
    som = Aanbodsom()
    for b in beoordelingen:
        n = b.regel.plaatsen
        een = PerType(n, 0) if b.regel.opvangtype == "regulier" else PerType(0, n)
        som = som + Aanbodsom(
            aangeboden=een,
            duurzaam=een if b.duurzaam else NUL,
            telt=een if b.categorie is Categorie.TELT else NUL,
            kansrijk=een if b.categorie is Categorie.KANSRIJK else NUL,
        )
    return som


@dataclass(frozen=True)
class PuzzelGemeente:
    """One gemeente's input: its indicative number and its approved aanbod, judged."""

    naam: str
    cbs_code: str
    indicatief: PerType[int]
    ingediend: bool
    """An approved aanbod exists (only that one counts)."""
    beoordelingen: tuple[Beoordeling, ...] = ()
    ter_beoordeling: bool = False
    """A newer aanbod waits for the secretariaat's review."""

    def __post_init__(self) -> None:
        if min(self.indicatief.regulier, self.indicatief.amv) < 0:
            raise ValueError(f"{self.naam}: negatief indicatief aantal")
        if self.beoordelingen and not self.ingediend:
            raise ValueError(f"{self.naam}: aanbod zonder goedgekeurde versie")

    @property
    def moet_indienen(self) -> bool:
        return self.indicatief.regulier + self.indicatief.amv > 0


@dataclass(frozen=True)
class GemeenteStand:
    naam: str
    cbs_code: str
    indicatief: PerType[int]
    aanbod: Aanbodsom
    ingediend: bool
    ter_beoordeling: bool
    beoordelingen: tuple[Beoordeling, ...]

    @property
    def verschil(self) -> PerType[int]:
        """What counts minus the indicative number, per type (negative: short)."""
        return PerType(
            r5_verschil(self.aanbod.telt.regulier, self.indicatief.regulier),
            r5_verschil(self.aanbod.telt.amv, self.indicatief.amv),
        )


@dataclass(frozen=True)
class Reden:
    """One reason against 'volledig en uitvoerbaar'."""

    code: str
    """regulier_niet_gedekt, amv_niet_gedekt, niet_tijdig, niet_tot_raming,
    plan_zonder_element, niet_ingediend, ter_beoordeling."""
    tekst: str
    gemeenten: tuple[str, ...] = ()


@dataclass(frozen=True)
class Puzzel:
    opgave: PerType[int]
    gemeenten: tuple[GemeenteStand, ...]
    redenen: tuple[Reden, ...]
    kanttekeningen: tuple[str, ...] = field(default_factory=tuple)
    """Checks that could not be applied (a date of the cyclus is not set)."""

    @property
    def volledig(self) -> bool:
        return not self.redenen

    @property
    def aanbod(self) -> Aanbodsom:
        som = Aanbodsom()
        for g in self.gemeenten:
            som = som + g.aanbod
        return som

    @property
    def indicatief(self) -> PerType[int]:
        som = NUL
        for g in self.gemeenten:
            som = _plus(som, g.indicatief)
        return som

    @property
    def dekking(self) -> PerType[Fraction | None]:
        """What counts as a share of the opgave, per type (None without an opgave)."""
        telt = self.aanbod.telt
        return PerType(
            Fraction(telt.regulier, self.opgave.regulier) if self.opgave.regulier else None,
            Fraction(telt.amv, self.opgave.amv) if self.opgave.amv else None,
        )

    @property
    def tekort(self) -> PerType[int]:
        telt = self.aanbod.telt
        return PerType(
            max(0, self.opgave.regulier - telt.regulier), max(0, self.opgave.amv - telt.amv)
        )

    def gemeente(self, naam: str) -> GemeenteStand:
        for g in self.gemeenten:
            if g.naam == naam:
                return g
        raise KeyError(naam)


def _regels(lijst: list[tuple[str, Beoordeling]]) -> str:
    return "; ".join(f"{g}, {b.regel.naam} ({notatie.getal(b.regel.plaatsen)})" for g, b in lijst)


def _geen_dubbele(lijst: tuple[PuzzelGemeente, ...]) -> None:
    namen = [g.naam for g in lijst]
    dubbel = sorted({n for n in namen if namen.count(n) > 1})
    if dubbel:
        raise ValueError(f"gemeente staat meer dan eens in de invoer: {', '.join(dubbel)}")


def _gemeentestand(g: PuzzelGemeente) -> GemeenteStand:
    return GemeenteStand(
        naam=g.naam,
        cbs_code=g.cbs_code,
        indicatief=g.indicatief,
        aanbod=aanbodsom(g.beoordelingen),
        ingediend=g.ingediend,
        ter_beoordeling=g.ter_beoordeling,
        beoordelingen=g.beoordelingen,
    )


def _niet_gedekt(opgave: PerType[int], standen: tuple[GemeenteStand, ...]) -> list[Reden]:
    """Regulier and AMV are each covered by the places that count."""
    telt = Aanbodsom()
    for s in standen:
        telt = telt + s.aanbod
    redenen: list[Reden] = []
    typen: tuple[tuple[str, Opvangtype], ...] = (("Regulier", "regulier"), ("AMV", "amv"))
    for naam, t in typen:
        nodig, heeft = opgave.van(t), telt.telt.van(t)
        if heeft < nodig:
            redenen.append(
                Reden(
                    f"{t}_niet_gedekt",
                    f"{naam} is niet gedekt: {notatie.getal(heeft)} plaatsen tellen mee tegen een "
                    f"opgave van {notatie.getal(nodig)} (nog {notatie.getal(nodig - heeft)} nodig).",
                )
            )
    return redenen


def _reden_per_regel(code: str, tekst: str, lijst: list[tuple[str, Beoordeling]]) -> Reden:
    return Reden(code, f"{tekst}: {_regels(lijst)}.", tuple(dict.fromkeys(g for g, _ in lijst)))


def _regels_niet_uitvoerbaar(standen: tuple[GemeenteStand, ...], regels: Spelregels) -> list[Reden]:
    """Lines not available in time or not until the next raming, and plans without a kansrijk
    element. A line the cyclus' rules exclude does not count at all: it is no reason either."""
    alle = [
        (s.naam, b)
        for s in standen
        for b in s.beoordelingen
        if b.categorie is not Categorie.TELT_NIET
    ]
    redenen: list[Reden] = []
    te_laat = [(g, b) for g, b in alle if b.tijdig is False]
    if te_laat:
        assert regels.uiterlijk_beschikbaar is not None
        tekst = (
            f"Niet binnen {regels.termijn_maanden} maanden na het verdeelbesluit (uiterlijk "
            f"{notatie.datum(regels.uiterlijk_beschikbaar)}) beschikbaar"
        )
        redenen.append(_reden_per_regel("niet_tijdig", tekst, te_laat))
    te_kort = [(g, b) for g, b in alle if b.tot_raming is False]
    if te_kort:
        assert regels.volgende_raming is not None
        tekst = (
            f"Niet beschikbaar tot de volgende capaciteitsraming "
            f"({notatie.datum(regels.volgende_raming)})"
        )
        redenen.append(_reden_per_regel("niet_tot_raming", tekst, te_kort))
    zonder = [(g, b) for g, b in alle if b.regel.plan and not b.regel.elementen]
    if zonder:
        tekst = "Plannen zonder kansrijk element"
        redenen.append(_reden_per_regel("plan_zonder_element", tekst, zonder))
    return redenen


def _niet_ingediend(
    lijst: tuple[PuzzelGemeente, ...], standen: tuple[GemeenteStand, ...]
) -> list[Reden]:
    """Every gemeente with an indicative number has handed in an approved aanbod."""
    wacht = [s.naam for s in standen if not s.ingediend and s.ter_beoordeling]
    ontbreekt = [
        s.naam
        for s, g in zip(standen, lijst, strict=True)
        if not s.ingediend and not s.ter_beoordeling and g.moet_indienen
    ]
    redenen: list[Reden] = []
    if ontbreekt:
        redenen.append(
            Reden(
                "niet_ingediend",
                f"Nog geen aanbod ingediend ({len(ontbreekt)}): {', '.join(ontbreekt)}.",
                tuple(ontbreekt),
            )
        )
    if wacht:
        redenen.append(
            Reden(
                "ter_beoordeling",
                f"Aanbod ingediend, nog niet goedgekeurd ({len(wacht)}): {', '.join(wacht)}.",
                tuple(wacht),
            )
        )
    return redenen


def _kanttekeningen(regels: Spelregels) -> list[str]:
    """The checks that could not be applied because a date of the cyclus is not set."""
    kanttekeningen: list[str] = []
    if regels.besluit is None:
        kanttekeningen.append(
            "De datum van het verdeelbesluit is niet ingesteld: niet getoetst of de plaatsen "
            "op tijd beschikbaar zijn."
        )
    if regels.volgende_raming is None:
        kanttekeningen.append(
            "De datum van de volgende capaciteitsraming is niet ingesteld: niet getoetst of de "
            "plaatsen lang genoeg beschikbaar zijn."
        )
    return kanttekeningen


def puzzel(opgave: PerType[int], gemeenten: Iterable[PuzzelGemeente], regels: Spelregels) -> Puzzel:
    """The PUZZEL of one provincie: sums per gemeente and the verdict with its reasons."""
    if min(opgave.regulier, opgave.amv) < 0:
        raise ValueError("negatieve provinciale opgave")
    lijst = tuple(gemeenten)
    _geen_dubbele(lijst)
    standen = tuple(_gemeentestand(g) for g in lijst)
    redenen = (
        _niet_gedekt(opgave, standen)
        + _regels_niet_uitvoerbaar(standen, regels)
        + _niet_ingediend(lijst, standen)
    )
    return Puzzel(
        opgave=opgave,
        gemeenten=standen,
        redenen=tuple(redenen),
        kanttekeningen=tuple(_kanttekeningen(regels)),
    )


@dataclass(frozen=True)
class R3Gegevens:
    """What R3 needs of a gemeente beyond the PUZZEL (criteria of step 4a)."""

    inwoners: int = 0
    historisch_gemiddelde: int = 0
    oekraine_plaatsen: int = 0


def restopgave_casus(
    provincie: str,
    p: Puzzel,
    gegevens: Mapping[str, R3Gegevens],
    oekraine_totaal: int | None,
) -> Casus:
    """R3's input if the verslag went out as it stands: what counts is taken over (step 1),
    what is kansrijk is added (step 2). The Ukraine criterion is left out (``None``) when the
    gemeenten have no inhabitants on record."""
    invoer = tuple(
        GemeenteInvoer(
            naam=g.naam,
            inwoners=gegevens.get(g.naam, R3Gegevens()).inwoners,
            indicatief_regulier=g.indicatief.regulier,
            indicatief_amv=g.indicatief.amv,
            verslag_regulier=g.aanbod.telt.regulier,
            verslag_amv=g.aanbod.telt.amv,
            kansrijk_regulier=g.aanbod.kansrijk.regulier,
            kansrijk_amv=g.aanbod.kansrijk.amv,
            historisch_gemiddelde=gegevens.get(g.naam, R3Gegevens()).historisch_gemiddelde,
            oekraine_plaatsen=gegevens.get(g.naam, R3Gegevens()).oekraine_plaatsen,
        )
        for g in p.gemeenten
    )
    if oekraine_totaal is not None and sum(g.inwoners for g in invoer) == 0:
        oekraine_totaal = None
    return Casus(
        provincie=provincie,
        opgave_regulier=p.opgave.regulier,
        opgave_amv=p.opgave.amv,
        oekraine_totaal=oekraine_totaal,
        gemeenten=invoer,
    )
