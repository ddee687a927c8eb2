"""Read side of the map: opgave and realisation per gemeente for one soort, for one provincie or
the whole country, with the reception locations, in a constant number of queries (six, however
many gemeenten or provincies).

The figures are those of the dashboard (``monitoring.queries.stand_van_zaken``), per provincie:
the peildatum is the provincie's newest realisation peildatum, the opgave is the most binding
stadium stored for the cyclus in force on that peildatum (``geldende_opgave``), the realisation
the newest current figure of the soort up to that peildatum.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Max, Q

from regietafel.core import klok
from regietafel.domain.voortgang import voortgang_tekst
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.kaart.klassen import Klasse, klasse
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.queries import TABEL_SOORTEN, cyclus_voor, geldende_opgave
from regietafel.opgaven.models import Cyclus, Opgave, Stadium

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
    opgave: int
    realisatie: int
    heeft_realisatie: bool
    locaties: tuple[LocatieKort, ...]

    @property
    def klasse(self) -> Klasse:
        return klasse(self.realisatie, self.opgave)

    @property
    def aandeel(self) -> str:
        return voortgang_tekst(self.realisatie, self.opgave)

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

    @property
    def stadium_label(self) -> str:
        return Stadium(self.stadium).label if self.stadium else "geen opgave"


@dataclass(frozen=True)
class KaartGegevens:
    soort: str
    titel: str
    provincies: tuple[ProvincieStand, ...]
    rijen: tuple[KaartRij, ...]
    """Ordered by provincie, then gemeente name."""

    @property
    def opgave(self) -> int:
        return sum(r.opgave for r in self.rijen)

    @property
    def realisatie(self) -> int:
        return sum(r.realisatie for r in self.rijen)

    @property
    def aandeel(self) -> str:
        return voortgang_tekst(self.realisatie, self.opgave)

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


def kaart_gegevens(
    soort: str, provincie_ids: Collection[int] | None, *, vandaag: dt.date | None = None
) -> KaartGegevens:
    """The map's figures for ``soort`` for the gemeenten of ``provincie_ids`` (None: all)."""
    if soort not in SOORTEN:
        raise ValueError(f"onbekende soort {soort!r}")
    cyclus_soort, titel = SOORTEN[soort]
    vandaag = vandaag or klok.vandaag()

    def binnen(veld: str = "gemeente__provincie_id") -> Q:
        return Q() if provincie_ids is None else Q(**{f"{veld}__in": list(provincie_ids)})

    gemeenten = list(
        Gemeente.objects.filter(binnen("provincie_id"))
        .select_related("provincie")
        .order_by("provincie__naam", "naam")
    )
    provincies: dict[int, Provincie] = {g.provincie_id: g.provincie for g in gemeenten}
    cycli = list(Cyclus.objects.all())

    # The newest peildatum per provincie and soort (one query for every provincie).
    laatste: dict[tuple[int, str], dt.date] = {
        (p, s): m
        for p, s, m in Realisatie.objects.actueel()
        .filter(binnen(), soort__in=list(SOORTEN))
        .values_list("gemeente__provincie_id", "soort")
        .annotate(m=Max("peildatum"))
        .values_list("gemeente__provincie_id", "soort", "m")
    }
    peildatum_van: dict[int, dt.date] = {}
    for (p, _s), m in laatste.items():
        peildatum_van[p] = max(m, peildatum_van.get(p, m))

    filter_q = Q()
    for (p, s), m in laatste.items():
        if s == soort:
            filter_q |= Q(gemeente__provincie_id=p, peildatum=m)
    realisaties: dict[int, int] = {}
    if filter_q:
        realisaties = dict(
            Realisatie.objects.actueel()
            .filter(filter_q, soort=soort)
            .values_list("gemeente_id", "aantal")
        )

    gekozen = {
        p: cyclus_voor(cycli, cyclus_soort, peildatum_van.get(p, vandaag.replace(day=1)))
        for p in provincies
    }
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
    for p, cyclus in gekozen.items():
        stadia[p], per_gemeente = geldende_opgave(opgave_rijen.get(p, []), cyclus, soort)
        opgaven.update(per_gemeente)

    locaties: dict[int, list[LocatieKort]] = defaultdict(list)
    provincie_van_gemeente = {g.pk: g.provincie_id for g in gemeenten}
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
        # The locations of the map's moment: the provincie's peildatum, else today.
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

    standen = tuple(
        ProvincieStand(
            provincie=prov,
            peildatum=peildatum_van.get(p),
            realisatie_peildatum=laatste.get((p, soort)),
            cyclus=gekozen[p],
            stadium=stadia[p],
        )
        for p, prov in sorted(provincies.items(), key=lambda kv: kv[1].naam)
    )
    rijen = tuple(
        KaartRij(
            gemeente=g,
            opgave=opgaven.get(g.pk, 0),
            realisatie=realisaties.get(g.pk, 0),
            heeft_realisatie=g.pk in realisaties,
            locaties=tuple(locaties.get(g.pk, ())),
        )
        for g in gemeenten
    )
    return KaartGegevens(soort=soort, titel=titel, provincies=standen, rijen=rijen)
