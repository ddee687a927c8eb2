"""Read side of the map: opgave and realisation per gemeente for one soort, for one provincie or
the whole country, with the reception locations, in a constant number of queries (six, however
many gemeenten or provincies).

The figures follow the rules of the dashboard, per provincie: the peildatum is the provincie's
newest realisation peildatum, the opgave the most binding stadium stored for the cyclus in
force on that peildatum (``domain.in_kracht``, ``geldende_opgave``), and the realisation each
gemeente's latest known figure of the soort (``domain.laatst_bekend``) with its own date; a
gemeente with an opgave and no figure at all is "niet aangeleverd", never 0 %.

For regulier and AMV a page may choose another Spreidingswet cyclus (``?cyclus=JAAR``,
``monitoring.queries.kies_cyclus``): each provincie then compares with that cyclus where it
applies on its peildatum, else with the one in force (one query more, only for those soorten).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery

from regietafel.core import klok
from regietafel.domain.laatst_bekend import NIET_AANGELEVERD, Bekend, Cijfer, Status, laatst_bekend
from regietafel.domain.maanden import eerste_van_maand
from regietafel.domain.voortgang import voortgang_tekst
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.kaart.klassen import Klasse, klasse_van
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.queries import (
    TABEL_SOORTEN,
    cyclus_in_kracht,
    geldende_opgave,
    gepubliceerd_op,
    kies_cyclus,
)
from regietafel.opgaven.models import Cyclus, CyclusSoort, Opgave, ProvincieOpgave, Stadium

SOORTEN: dict[str, tuple[str, str]] = {s: (str(cs), titel) for s, cs, titel in TABEL_SOORTEN}
"""soort → (cyclus soort, title), in the dashboard's order: oekraine, regulier, amv."""
STANDAARD_SOORT = TABEL_SOORTEN[0][0]


@dataclass(frozen=True)
class LocatieKort:
    naam: str
    type: str
    plaatsen: int
    gepland: bool


@dataclass(frozen=True)
class KaartRij:
    gemeente: Gemeente
    """With its provincie loaded."""
    opgave: int | None
    """The opgave in force (None: none)."""
    realisatie: int | None
    """The latest known figure (None: niet aangeleverd, never 0)."""
    heeft_realisatie: bool
    locaties: tuple[LocatieKort, ...]
    cijfer: Bekend = NIET_AANGELEVERD
    """The figure with its own peildatum and status."""

    @property
    def klasse(self) -> Klasse:
        return klasse_van(self.realisatie, self.opgave)

    @property
    def aandeel(self) -> str:
        if self.realisatie is None:
            return Status.NIET_AANGELEVERD.label
        return voortgang_tekst(self.realisatie, self.opgave or 0)

    @property
    def realisatie_peildatum(self) -> dt.date | None:
        return self.cijfer.peildatum

    @property
    def plaatsen(self) -> int:
        """Places in the locations in use."""
        return sum(loc.plaatsen for loc in self.locaties if not loc.gepland)

    @property
    def plaatsen_gepland(self) -> int:
        return sum(loc.plaatsen for loc in self.locaties if loc.gepland)


@dataclass(frozen=True)
class ProvincieStand:
    provincie: Provincie
    peildatum: dt.date | None
    """The newest realisation peildatum of the provincie (None: no figures at all)."""
    realisatie_peildatum: dt.date | None
    """The newest realisation peildatum of this soort (up to ``peildatum``)."""
    cyclus: Cyclus | None
    stadium: str | None
    actueel: int = 0
    """Gemeenten with a figure of this soort dated ``peildatum``."""
    gemeenten: int = 0

    @property
    def stadium_label(self) -> str:
        return Stadium(self.stadium).label if self.stadium else "geen opgave"

    @property
    def dekking(self) -> str:
        """ "11 van 12 gemeenten actueel" (empty without a peildatum)."""
        if self.peildatum is None:
            return ""
        woord = "gemeente" if self.gemeenten == 1 else "gemeenten"
        return f"{self.actueel} van {self.gemeenten} {woord} actueel"


@dataclass(frozen=True)
class KaartGegevens:
    soort: str
    titel: str
    provincies: tuple[ProvincieStand, ...]
    rijen: tuple[KaartRij, ...]
    """Ordered by provincie, then gemeente name."""
    cycli: tuple[Cyclus, ...] = ()
    """The Spreidingswet cycli that apply on a provincie's peildatum (regulier and AMV only)."""
    gekozen: Cyclus | None = None
    """The cyclus chosen instead of the one in force, where it applies."""
    melding: str = ""

    @property
    def te_kiezen(self) -> bool:
        return len(self.cycli) > 1

    @property
    def opties(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected): the cyclus in force (the default), then every other."""
        return [("", "de cyclus in kracht op de peildatum", self.gekozen is None)] + [
            (str(c.jaar), f"{c.jaar}: {c.naam}", c == self.gekozen) for c in self.cycli
        ]

    @property
    def opgave(self) -> int:
        return sum(r.opgave or 0 for r in self.rijen)

    @property
    def realisatie(self) -> int:
        """The sum of the figures known (a gemeente without one adds nothing, it is no 0)."""
        return sum(r.realisatie or 0 for r in self.rijen)

    @property
    def opgave_met_cijfer(self) -> int:
        """The opgave of the gemeenten with a figure: the share realised is over these."""
        return sum(r.opgave or 0 for r in self.rijen if r.realisatie is not None)

    @property
    def aandeel(self) -> str:
        return voortgang_tekst(self.realisatie, self.opgave_met_cijfer)

    def per_klasse(self) -> dict[str, int]:
        tel: dict[str, int] = defaultdict(int)
        for r in self.rijen:
            tel[r.klasse.sleutel] += 1
        return dict(tel)


def _in_gebruik(status: str, van: dt.date | None, tot: dt.date | None, op: dt.date) -> bool:
    """A location counts on the map on ``op`` unless it has ended (status, or its end date lies
    before ``op``); a realised location that starts after ``op`` does not count yet."""
    if status == LocatieStatus.BEEINDIGD:
        return False
    if tot is not None and tot < op:
        return False
    return not (status == LocatieStatus.GEREALISEERD and van is not None and van > op)


def laatste_peildata(gemeenten: QuerySet[Gemeente]) -> dict[tuple[int, str], dt.date]:
    """(gemeente, soort) → the peildatum of its newest current figure, for the soorten of the
    map; a gemeente without a figure of a soort has no key. One query.

    Per gemeente and soort one seek in the unique index (gemeente, soort, peildatum) of the
    current figures (a correlated ``MAX``), not a ``GROUP BY`` over every stored row: the time
    grows with the gemeenten, not with the peildata (national demo, 60 monthly peildata:
    1,4 ms against 38 ms in SQLite; PostgreSQL: an index-only scan backward per gemeente)."""
    laatst = {
        soort: Subquery(
            Realisatie.objects.actueel()
            .filter(gemeente_id=OuterRef("pk"), soort=soort)
            .order_by("-peildatum")
            .values("peildatum")[:1]
        )
        for soort in SOORTEN
    }
    uit: dict[tuple[int, str], dt.date] = {}
    for rij in gemeenten.order_by().annotate(**laatst).values("pk", *SOORTEN):
        uit.update(((rij["pk"], s), rij[s]) for s in SOORTEN if rij[s] is not None)
    return uit


def kaart_gegevens(
    soort: str,
    provincie_ids: Collection[int] | None,
    *,
    vandaag: dt.date | None = None,
    cyclus: int | None = None,
) -> KaartGegevens:
    """The map's figures for ``soort`` for the gemeenten of ``provincie_ids`` (None: all);
    regulier and AMV against the Spreidingswet cyclus of year ``cyclus`` where it applies."""
    if soort not in SOORTEN:
        raise ValueError(f"onbekende soort {soort!r}")
    cyclus_soort, titel = SOORTEN[soort]
    vandaag = vandaag or klok.vandaag()
    binnen = _binnen(provincie_ids)
    gemeenten = list(
        Gemeente.objects.filter(binnen("provincie_id"))
        .select_related("provincie")
        .order_by("provincie__naam", "naam")
    )
    provincies: dict[int, Provincie] = {g.provincie_id: g.provincie for g in gemeenten}
    for gemeente in gemeenten:  # one instance per provincie, not per gemeente (a stored map)
        gemeente.provincie = provincies[gemeente.provincie_id]
    provincie_van_gemeente = {g.pk: g.provincie_id for g in gemeenten}

    # Per gemeente and soort the date of its newest figure (one query for every provincie):
    # the provincie's peildatum is the newest of its gemeenten.
    laatste = laatste_peildata(Gemeente.objects.filter(binnen("provincie_id")))
    peildatum_van: dict[int, dt.date] = {}
    for (g, _s), m in laatste.items():
        p = provincie_van_gemeente.get(g)
        if p is not None:
            peildatum_van[p] = max(m, peildatum_van.get(p, m))
    eigen = {g: m for (g, s), m in laatste.items() if s == soort}
    bekend = _bekend(soort, binnen, eigen, provincie_van_gemeente, peildatum_van)
    keuze = _cycli(cyclus_soort, cyclus, binnen, provincies, peildatum_van, vandaag)
    stadia, opgaven = _opgaven(soort, binnen, keuze.gekozen)
    locaties = _locaties(binnen, provincie_van_gemeente, peildatum_van, vandaag)

    standen = tuple(
        ProvincieStand(
            provincie=prov,
            peildatum=peildatum_van.get(p),
            realisatie_peildatum=max(
                (m for g, m in eigen.items() if provincie_van_gemeente.get(g) == p), default=None
            ),
            cyclus=keuze.gekozen[p],
            stadium=stadia[p],
            actueel=sum(
                1
                for g in gemeenten
                if g.provincie_id == p
                and bekend.get(g.pk, NIET_AANGELEVERD).status is Status.ACTUEEL
            ),
            gemeenten=sum(1 for g in gemeenten if g.provincie_id == p),
        )
        for p, prov in sorted(provincies.items(), key=lambda kv: kv[1].naam)
    )
    rijen = tuple(
        KaartRij(
            gemeente=g,
            opgave=opgaven.get(g.pk) if stadia[g.provincie_id] else None,
            realisatie=bekend.get(g.pk, NIET_AANGELEVERD).aantal,
            heeft_realisatie=g.pk in bekend,
            locaties=tuple(locaties.get(g.pk, ())),
            cijfer=bekend.get(g.pk, NIET_AANGELEVERD),
        )
        for g in gemeenten
    )
    return KaartGegevens(
        soort=soort,
        titel=titel,
        provincies=standen,
        rijen=rijen,
        cycli=keuze.cycli,
        gekozen=keuze.anders,
        melding=keuze.melding,
    )


def _binnen(provincie_ids: Collection[int] | None) -> Callable[..., Q]:
    """``binnen(veld)``: the filter on the provincies of the map (none: every provincie)."""

    def binnen(veld: str = "gemeente__provincie_id") -> Q:
        return Q() if provincie_ids is None else Q(**{f"{veld}__in": list(provincie_ids)})

    return binnen


def _bekend(
    soort: str,
    binnen: Callable[..., Q],
    eigen: dict[int, dt.date],
    provincie_van_gemeente: dict[int, int],
    peildatum_van: dict[int, dt.date],
) -> dict[int, Bekend]:
    """Each gemeente's latest figure of the soort (its date in ``eigen``, all up to its
    provincie's peildatum), as ``laatst_bekend`` per provincie. One query."""
    if not eigen:
        return {}
    cijfers = [
        Cijfer(g, soort, d, n)
        for g, d, n in Realisatie.objects.actueel()
        .filter(binnen(), soort=soort, peildatum__in=set(eigen.values()))
        .order_by()
        .values_list("gemeente_id", "peildatum", "aantal")
        if eigen.get(g) == d
    ]
    per_provincie: dict[int, list[Cijfer[int]]] = defaultdict(list)
    for cijfer in cijfers:
        per_provincie[provincie_van_gemeente[cijfer.gemeente]].append(cijfer)
    bekend: dict[int, Bekend] = {}
    for p, lijst in per_provincie.items():
        bekend.update({g: b for (g, _s), b in laatst_bekend(lijst, peildatum_van[p]).items()})
    return bekend


@dataclass(frozen=True)
class _Keuze:
    gekozen: dict[int, Cyclus | None]
    """Per provincie the cyclus of its opgave."""
    cycli: tuple[Cyclus, ...]
    anders: Cyclus | None
    melding: str


def _cycli(
    cyclus_soort: str,
    cyclus: int | None,
    binnen: Callable[..., Q],
    provincies: dict[int, Provincie],
    peildatum_van: dict[int, dt.date],
    vandaag: dt.date,
) -> _Keuze:
    """Per provincie the cyclus in force on its peildatum, or for the Spreidingswet the one of
    year ``cyclus`` where it applies (one query more); the cycli to choose from."""
    cycli = list(Cyclus.objects.all())
    gekozen = {
        p: cyclus_in_kracht(cycli, cyclus_soort, peildatum_van.get(p, eerste_van_maand(vandaag)))
        for p in provincies
    }
    toepasselijk: dict[int, Cyclus] = {}
    anders: Cyclus | None = None
    melding = ""
    if cyclus_soort == CyclusSoort.SPREIDINGSWET:
        provinciaal: dict[int, list[ProvincieOpgave]] = defaultdict(list)
        for po in ProvincieOpgave.objects.filter(binnen("provincie_id"), soort__in=list(SOORTEN)):
            provinciaal[po.provincie_id].append(po)
        for p in provincies:
            keuze = kies_cyclus(
                cycli,
                gepubliceerd_op(provinciaal[p]),
                peildatum_van.get(p, vandaag.replace(day=1)),
                cyclus,
            )
            toepasselijk.update((c.pk, c) for c in keuze.keuzes)
            if keuze.gekozen is not None:
                gekozen[p], anders = keuze.gekozen, keuze.gekozen
        if cyclus is not None and not any(c.jaar == cyclus for c in toepasselijk.values()):
            mogelijk = ", ".join(str(c.jaar) for c in toepasselijk.values()) or "geen"
            melding = (
                f"De cyclus {cyclus} is op de peildatum niet van toepassing (van toepassing: "
                f"{mogelijk}); de kaart vergelijkt met de cyclus in kracht."
            )
    return _Keuze(
        gekozen=gekozen,
        cycli=tuple(sorted(toepasselijk.values(), key=lambda c: (c.begin, c.eind))),
        anders=anders,
        melding=melding,
    )


def _opgaven(
    soort: str, binnen: Callable[..., Q], gekozen: dict[int, Cyclus | None]
) -> tuple[dict[int, str | None], dict[int, int]]:
    """Per provincie the binding stadium of its cyclus, and the opgave per gemeente. One query
    (none without a cyclus)."""
    opgave_rijen: dict[int, list[tuple[int, str, str, int, int]]] = defaultdict(list)
    cyclus_ids = {c.pk for c in gekozen.values() if c}
    if cyclus_ids:
        for p, c, s, st, g, n in Opgave.objects.filter(
            binnen(), soort=soort, cyclus_id__in=cyclus_ids
        ).values_list(
            "gemeente__provincie_id", "cyclus_id", "soort", "stadium", "gemeente_id", "aantal"
        ):
            opgave_rijen[p].append((c, s, st, g, n))
    stadia: dict[int, str | None] = {}
    opgaven: dict[int, int] = {}
    for p, van_p in gekozen.items():
        stadia[p], per_gemeente = geldende_opgave(opgave_rijen.get(p, []), van_p, soort)
        opgaven.update(per_gemeente)
    return stadia, opgaven


def _locaties(
    binnen: Callable[..., Q],
    provincie_van_gemeente: dict[int, int],
    peildatum_van: dict[int, dt.date],
    vandaag: dt.date,
) -> dict[int, list[LocatieKort]]:
    """The locations in use per gemeente on the map's moment: the provincie's peildatum, else
    today. One query."""
    locaties: dict[int, list[LocatieKort]] = defaultdict(list)
    typen = dict(LocatieType.choices)
    for g, naam, type_, status, van, tot, regulier, amv, bijzonder in (
        Locatie.objects.filter(binnen())
        .order_by("naam")
        .values_list(
            "gemeente_id",
            "naam",
            "type",
            "status",
            "beschikbaar_van",
            "beschikbaar_tot",
            "plaatsen_regulier",
            "plaatsen_amv",
            "plaatsen_bijzonder",
        )
    ):
        op = peildatum_van.get(provincie_van_gemeente.get(g, 0), vandaag)
        if _in_gebruik(status, van, tot, op):
            locaties[g].append(
                LocatieKort(
                    naam=naam,
                    type=typen.get(type_, type_),
                    plaatsen=regulier + amv + bijzonder,
                    gepland=status == LocatieStatus.GEPLAND,
                )
            )
    return locaties
