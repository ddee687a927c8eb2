"""Read side of the verdeling workbench: scenarios in, the domain's outcome out.

The outcome of a scenario is computed here, by the domain (R3), each time it is asked for;
the page, the comparison and the exports render the same ``Werkblad``. Every function runs a
number of SQL queries that does not depend on the number of gemeenten or scenarios.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Prefetch, QuerySet

from regietafel.domain.indicatief import afgerond
from regietafel.domain.notatie import decimaal, procent
from regietafel.domain.restopgave import (
    TYPEN,
    Casus,
    GemeenteInvoer,
    Opvangtype,
    Reden,
    Uitkomst,
    Uitruil,
    verdeel_restopgave,
)
from regietafel.domain.validatie import Bevinding, Ernst, controleer_som
from regietafel.domain.verdeling import Verdeling, grootste_overschot
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.monitoring.models import Realisatie
from regietafel.opgaven.models import (
    Cyclus,
    CyclusSoort,
    Opgave,
    ProvincieOpgave,
    Soort,
    Stadium,
)
from regietafel.verdeling.models import (
    Scenario,
    ScenarioGemeente,
    ScenarioUitruil,
    ScenarioUitruilGroep,
)

REDEN_LABEL: dict[Reden, str] = {
    "aanbod_dekt_indicatief": "aanbod dekt het indicatieve aantal",
    "historische_bijdrage": "uitzonderlijke historische bijdrage",
    "oekraine_bijdrage": "uitzonderlijke bijdrage aan de opvang van Oekraïners",
    "uitruil": "uitruil met andere gemeenten",
    "minder_dan_5": "minder dan 5 extra plaatsen",
}
"""The exclusion codes of R3 in the words of the verdeelbesluit (seed 003, step 4a/4b)."""

TYPE_LABEL: dict[Opvangtype, str] = {"regulier": "regulier", "amv": "amv"}


# ---------------------------------------------------------------- scenarios


def scenarios(provincie: Provincie) -> QuerySet[Scenario]:
    """The scenarios of a provincie for the list page: one query."""
    return Scenario.objects.filter(provincie=provincie).select_related(
        "cyclus", "aangemaakt_door", "kopie_van"
    )


def scenario_volledig(provincie: Provincie) -> QuerySet[Scenario]:
    """Scenarios with everything ``casus_van`` needs, in four queries however large."""
    return (
        Scenario.objects.filter(provincie=provincie)
        .select_related("cyclus", "provincie", "aangemaakt_door", "kopie_van")
        .prefetch_related(
            Prefetch("gemeenten", queryset=ScenarioGemeente.objects.select_related("gemeente")),
            Prefetch("uitruil", queryset=ScenarioUitruil.objects.select_related("van", "voor")),
            Prefetch(
                "uitruil_groepen", queryset=ScenarioUitruilGroep.objects.select_related("gemeente")
            ),
        )
    )


def spreidingswet_cycli(provincie: Provincie) -> list[Cyclus]:
    """The Spreidingswet cycli with an indicative distribution stored for the provincie."""
    return list(
        Cyclus.objects.filter(
            soort=CyclusSoort.SPREIDINGSWET,
            opgaven__gemeente__provincie=provincie,
            opgaven__stadium=Stadium.INDICATIEF,
        )
        .distinct()
        .order_by("begin")
    )


def uitruil_groepen(scenario: Scenario) -> dict[str, list[str]]:
    """``{label: [gemeente, …]}`` in the order of the labels."""
    groepen: dict[str, list[str]] = {}
    for lid in scenario.uitruil_groepen.all():
        groepen.setdefault(lid.groep, []).append(lid.gemeente.naam)
    return groepen


def casus_van(scenario: Scenario) -> Casus:
    """The domain's input for R3. Raises ``ValueError`` when the scenario is inconsistent."""
    return Casus(
        provincie=scenario.provincie.naam,
        opgave_regulier=scenario.opgave_regulier,
        opgave_amv=scenario.opgave_amv,
        oekraine_totaal=scenario.oekraine_totaal,
        gemeenten=tuple(
            GemeenteInvoer(
                naam=r.gemeente.naam,
                inwoners=r.inwoners,
                indicatief_regulier=r.indicatief_regulier,
                indicatief_amv=r.indicatief_amv,
                verslag_regulier=r.verslag_regulier,
                verslag_amv=r.verslag_amv,
                kansrijk_regulier=r.kansrijk_regulier,
                kansrijk_amv=r.kansrijk_amv,
                historisch_gemiddelde=r.historisch_gemiddelde,
                oekraine_plaatsen=r.oekraine_plaatsen,
            )
            for r in scenario.gemeenten.all()
        ),
        uitruil=tuple(Uitruil(u.van.naam, u.voor.naam, u.regulier) for u in scenario.uitruil.all()),
        uitruil_groepen=tuple(tuple(leden) for leden in uitruil_groepen(scenario).values()),
    )


# ------------------------------------------------------------------ werkblad


@dataclass(frozen=True)
class Paar:
    """Regular and AMV, with their sum."""

    regulier: int
    amv: int

    @property
    def totaal(self) -> int:
        return self.regulier + self.amv


@dataclass(frozen=True)
class Uitsluiting:
    opvangtype: Opvangtype
    reden: Reden
    uitleg: str

    @property
    def label(self) -> str:
        return REDEN_LABEL[self.reden]


@dataclass(frozen=True)
class Uitsluitingsgrond:
    """One reason of exclusion for the page: its label, the types it applies to, the numbers."""

    label: str
    typen: str
    uitleg: str


def _kern(tekst: str) -> str:
    """The explanation of an exclusion step without its preamble: the domain writes
    "X doet niet mee aan de restopgave regulier (code): aanbod 600 ≥ indicatief 360 …"."""
    if "): " in tekst:
        tekst = tekst.split("): ", 1)[1]
    return tekst.removesuffix(".")


@dataclass(frozen=True)
class Rij:
    """One gemeente in the outcome: what it was asked, offered, given and why not more."""

    naam: str
    gemeente_id: int
    inwoners: int
    indicatief: Paar
    verslag: Paar
    kansrijk: Paar
    aangeboden: Paar
    """Initial = verslag + kansrijk (steps 1 and 2)."""
    extra: Paar
    extra_onafgerond: tuple[str, str]
    definitief: Paar
    uitsluitingen: tuple[Uitsluiting, ...]

    def uitgesloten(self, opvangtype: Opvangtype) -> tuple[Uitsluiting, ...]:
        return tuple(u for u in self.uitsluitingen if u.opvangtype == opvangtype)

    @property
    def redenen(self) -> list[Uitsluitingsgrond]:
        """The exclusions grouped by reason: one line for "regulier en amv" instead of two."""
        per_reden: dict[Reden, list[Uitsluiting]] = {}
        for u in self.uitsluitingen:
            per_reden.setdefault(u.reden, []).append(u)
        return [
            Uitsluitingsgrond(
                label=REDEN_LABEL[reden],
                typen=" en ".join(TYPE_LABEL[u.opvangtype] for u in lijst),
                uitleg=_kern(lijst[0].uitleg),
            )
            for reden, lijst in per_reden.items()
        ]


@dataclass(frozen=True)
class Werkblad:
    """A scenario with the outcome of R3, ready for the page and the exports."""

    scenario: Scenario
    casus: Casus
    uitkomst: Uitkomst
    rijen: tuple[Rij, ...]
    uitruil: tuple[Uitruil, ...]
    groepen: dict[str, list[str]]

    @property
    def restopgave(self) -> Paar:
        r = self.uitkomst.restopgave
        return Paar(r.regulier, r.amv)

    @property
    def onverdeeld(self) -> Paar:
        o = self.uitkomst.onverdeeld
        return Paar(o.regulier, o.amv)

    @property
    def opgave(self) -> Paar:
        return Paar(self.casus.opgave_regulier, self.casus.opgave_amv)

    def percentage(self, opvangtype: Opvangtype) -> Fraction | None:
        return self.uitkomst.percentage.van(opvangtype)

    @property
    def percentage_tekst(self) -> tuple[str, str]:
        """p per type as a Dutch percentage, or why there is none."""
        teksten = []
        for t in TYPEN:
            p = self.percentage(t)
            if p is not None:
                teksten.append(procent(p))
            elif self.uitkomst.restopgave.van(t) == 0:
                teksten.append("n.v.t. (geen restopgave)")
            else:
                teksten.append("n.v.t. (de plafonds beslissen)")
        return teksten[0], teksten[1]

    def _som(self, veld: str) -> Paar:
        paren: list[Paar] = [getattr(r, veld) for r in self.rijen]
        return Paar(sum(p.regulier for p in paren), sum(p.amv for p in paren))

    @property
    def totalen(self) -> dict[str, Paar]:
        velden = ("indicatief", "verslag", "kansrijk", "aangeboden", "extra", "definitief")
        return {veld: self._som(veld) for veld in velden}

    @property
    def totaal_inwoners(self) -> int:
        return sum(r.inwoners for r in self.rijen)

    @property
    def stappen(self) -> tuple[str, ...]:
        return tuple(s.tekst for s in self.uitkomst.stappen)

    @property
    def sluitend(self) -> bool:
        """Whether the verslag (with the kansrijk initiatives) covers the whole opgave."""
        return self.restopgave.totaal == 0

    @property
    def aangewezen(self) -> tuple[Rij, ...]:
        """The gemeenten with places in the decision: the rows of Tabel 1."""
        return tuple(r for r in self.rijen if r.definitief.totaal > 0)

    @property
    def niet_aangewezen(self) -> tuple[str, ...]:
        return tuple(r.naam for r in self.rijen if r.definitief.totaal == 0)


def werkblad(scenario: Scenario) -> Werkblad:
    """Compute the outcome of ``scenario`` with R3 (no queries if it was fetched with
    ``scenario_volledig``)."""
    casus = casus_van(scenario)
    uitkomst = verdeel_restopgave(casus)
    ids = {r.gemeente.naam: r.gemeente_id for r in scenario.gemeenten.all()}
    uitleg = {
        (s.gemeente, s.opvangtype, s.reden): s.tekst
        for s in uitkomst.stappen
        if s.soort == "uitgesloten" and s.reden is not None
    }
    invoer = {g.naam: g for g in casus.gemeenten}
    rijen = []
    for g in uitkomst.gemeenten:
        i = invoer[g.naam]
        rijen.append(
            Rij(
                naam=g.naam,
                gemeente_id=ids[g.naam],
                inwoners=i.inwoners,
                indicatief=Paar(i.indicatief_regulier, i.indicatief_amv),
                verslag=Paar(i.verslag_regulier, i.verslag_amv),
                kansrijk=Paar(i.kansrijk_regulier, i.kansrijk_amv),
                aangeboden=Paar(g.initieel.regulier, g.initieel.amv),
                extra=Paar(g.extra.regulier, g.extra.amv),
                extra_onafgerond=(
                    decimaal(g.extra_onafgerond.regulier),
                    decimaal(g.extra_onafgerond.amv),
                ),
                definitief=Paar(g.definitief.regulier, g.definitief.amv),
                uitsluitingen=tuple(
                    Uitsluiting(t, reden, uitleg.get((g.naam, t, reden), REDEN_LABEL[reden]))
                    for t in TYPEN
                    for reden in g.uitgesloten.van(t)
                ),
            )
        )
    return Werkblad(
        scenario=scenario,
        casus=casus,
        uitkomst=uitkomst,
        rijen=tuple(rijen),
        uitruil=casus.uitruil,
        groepen=uitruil_groepen(scenario),
    )


# --------------------------------------------------------------- vergelijken


@dataclass(frozen=True)
class VergelijkRij:
    naam: str
    a: Rij | None
    b: Rij | None

    @property
    def verschil(self) -> Paar:
        """B − A of the final numbers."""
        a = self.a.definitief if self.a else Paar(0, 0)
        b = self.b.definitief if self.b else Paar(0, 0)
        return Paar(b.regulier - a.regulier, b.amv - a.amv)


def vergelijk(a: Werkblad, b: Werkblad) -> list[VergelijkRij]:
    """The gemeenten of both scenarios side by side, in alphabetical order."""
    ra = {r.naam: r for r in a.rijen}
    rb = {r.naam: r for r in b.rijen}
    return [
        VergelijkRij(naam, ra.get(naam), rb.get(naam)) for naam in sorted(ra.keys() | rb.keys())
    ]


# ----------------------------------------------------------------- Oekraïne


@dataclass(frozen=True)
class OekraineRij:
    naam: str
    inwoners: int
    quotum: Fraction
    verdeeld: int
    opgehoogd: bool
    per_rij_afgerond: int
    """round(quotum) for this row alone: how the source table was made (it drifts)."""
    bron: int | None
    """The stored indicative number (seed 001's column), if any."""

    @property
    def quotum_tekst(self) -> str:
        """295,41 or 1.239,62: Dutch decimals with thousands separators."""
        return decimaal(self.quotum)

    @property
    def verschil(self) -> int | None:
        """R1 − stored."""
        return None if self.bron is None else self.verdeeld - self.bron


@dataclass(frozen=True)
class OekraineVerdeling:
    provincie: Provincie
    cyclus: Cyclus | None
    cycli: list[Cyclus]
    keuzes: list[ProvincieOpgave]
    """The provincial numbers on record for this cyclus, earliest first."""
    totaal: int
    bron_totaal: ProvincieOpgave | None
    """The provincial number the stored column was made for (the earliest)."""
    inwoners_jaren: list[int]
    rijen: list[OekraineRij]
    bevindingen: list[Bevinding]

    @property
    def som_verdeeld(self) -> int:
        return sum(r.verdeeld for r in self.rijen)

    @property
    def som_bron(self) -> int:
        return sum(r.bron or 0 for r in self.rijen)

    @property
    def som_per_rij(self) -> int:
        return sum(r.per_rij_afgerond for r in self.rijen)

    @property
    def som_verschil(self) -> int:
        return self.som_verdeeld - self.som_bron

    @property
    def totaal_inwoners(self) -> int:
        return sum(r.inwoners for r in self.rijen)


def laatste_inwonertallen(gemeenten: Iterable[Gemeente]) -> dict[int, Inwonertal]:
    """The latest Inwonertal per gemeente (one query)."""
    laatste: dict[int, Inwonertal] = {}
    for rij in Inwonertal.objects.filter(gemeente__in=list(gemeenten)).order_by("jaar"):
        laatste[rij.gemeente_id] = rij
    return laatste


def oekraine_voor_r3(
    provincie: Provincie, cyclus: Cyclus
) -> tuple[ProvincieOpgave | None, dict[int, Realisatie]]:
    """R3's Ukraine criterion for ``cyclus``: the provincial Ukraine number and each gemeente's
    realised Ukraine places (by gemeente id), as known on the cyclus's verslag deadline (all
    when it has none). Two queries."""
    oekraine = ProvincieOpgave.objects.filter(provincie=provincie, soort=Soort.OEKRAINE)
    realisaties = Realisatie.objects.actueel().filter(
        gemeente__provincie=provincie, soort=Soort.OEKRAINE
    )
    if cyclus.deadline_verslag:
        oekraine = oekraine.filter(geldig_vanaf__lte=cyclus.deadline_verslag)
        realisaties = realisaties.filter(peildatum__lte=cyclus.deadline_verslag)
    plaatsen: dict[int, Realisatie] = {}
    for rij in realisaties.order_by("peildatum"):
        plaatsen[rij.gemeente_id] = rij
    return oekraine.order_by("geldig_vanaf", "id").last(), plaatsen


def oekraine_cycli(provincie: Provincie) -> list[Cyclus]:
    return list(
        Cyclus.objects.filter(soort=CyclusSoort.OEKRAINE, provincie_opgaven__provincie=provincie)
        .distinct()
        .order_by("begin")
    )


def _oekraine_keuzes(provincie: Provincie, cyclus: Cyclus | None) -> list[ProvincieOpgave]:
    """The provincial Ukraine numbers on record for ``cyclus``, earliest first."""
    if cyclus is None:
        return []
    return list(
        ProvincieOpgave.objects.filter(
            cyclus=cyclus, provincie=provincie, soort=Soort.OEKRAINE
        ).order_by("geldig_vanaf", "id")
    )


def _opgeslagen_oekraine(provincie: Provincie, cyclus: Cyclus | None) -> dict[int, int]:
    """The stored indicative Ukraine column of ``cyclus``, per gemeente id."""
    if cyclus is None:
        return {}
    return dict(
        Opgave.objects.filter(
            cyclus=cyclus,
            gemeente__provincie=provincie,
            soort=Soort.OEKRAINE,
            stadium=Stadium.INDICATIEF,
        ).values_list("gemeente_id", "aantal")
    )


def _naar_inwoners(totaal: int, gewichten: dict[str, int]) -> tuple[Verdeling, list[Bevinding]]:
    """R1's largest remainder over the inhabitants; without any inhabitants nothing is
    distributed, with a warning when there was something to distribute."""
    if sum(gewichten.values()):
        return grootste_overschot(totaal, gewichten), []
    bevindingen = []
    if totaal:
        bevindingen.append(
            Bevinding(
                "geen_inwoners",
                Ernst.WAARSCHUWING,
                "Er zijn geen inwonertallen opgeslagen: er valt niets naar rato te verdelen.",
                "inwonertallen",
            )
        )
    return grootste_overschot(0, gewichten), bevindingen


def oekraine_verdeling(
    provincie: Provincie, cyclus: Cyclus | None, totaal: int | None
) -> OekraineVerdeling:
    """R1: distribute a provincial Ukraine number ∝ inhabitants, beside the stored column.

    ``totaal`` None: the earliest provincial number of the cyclus. The stored indicative
    column is checked against the provincial number it was made for (``controleer_som``).
    """
    cycli = oekraine_cycli(provincie)
    if cyclus is None and cycli:
        cyclus = cycli[0]
    keuzes = _oekraine_keuzes(provincie, cyclus)
    bron_totaal = keuzes[0] if keuzes else None
    if totaal is None:
        totaal = bron_totaal.aantal if bron_totaal else 0
    gemeenten = list(Gemeente.objects.filter(provincie=provincie).order_by("naam"))
    inwoners = laatste_inwonertallen(gemeenten)
    opgeslagen = _opgeslagen_oekraine(provincie, cyclus)
    gewichten = {g.naam: inwoners[g.pk].aantal if g.pk in inwoners else 0 for g in gemeenten}
    verdeling, bevindingen = _naar_inwoners(totaal, gewichten)
    rijen = [
        OekraineRij(
            naam=g.naam,
            inwoners=gewichten[g.naam],
            quotum=verdeling.quota[g.naam],
            verdeeld=verdeling.aantallen[g.naam],
            opgehoogd=g.naam in verdeling.opgehoogd,
            per_rij_afgerond=afgerond(verdeling.quota[g.naam]),
            bron=opgeslagen.get(g.pk),
        )
        for g in gemeenten
    ]
    if bron_totaal is not None and opgeslagen:
        bevindingen += controleer_som(
            f"Oekraïne-opgave per gemeente (indicatief, {bron_totaal.bron or cyclus})",
            {r.naam: r.bron for r in rijen if r.bron is not None},
            bron_totaal.aantal,
        )
    return OekraineVerdeling(
        provincie=provincie,
        cyclus=cyclus,
        cycli=cycli,
        keuzes=keuzes,
        totaal=totaal,
        bron_totaal=bron_totaal,
        inwoners_jaren=sorted({r.jaar for r in inwoners.values()}),
        rijen=rijen,
        bevindingen=bevindingen,
    )
