"""Read side of monitoring: the "Stand van zaken" of a provincie on a peildatum.

Computed once here, from the stored rows, with the domain rules; the page, the reports and
the exports render the same object. The number of SQL queries does not depend on the number
of gemeenten or peildata.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models import Max, QuerySet, Sum

from regietafel.audit.gegevensversie import gecached
from regietafel.core import klok
from regietafel.domain.maanden import eerste_van_maand, plus_maanden, volgende_maand
from regietafel.domain.statushouders import (
    VergunninghoudersStand,
    stand_vergunninghouders,
    totaal_vergunninghouders,
)
from regietafel.domain.validatie import Bevinding, controleer_som, controleer_voortgang
from regietafel.domain.voortgang import Overzicht, overzicht, verschil, voortgang_tekst
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import (
    Inzending,
    InzendingStatus,
    NidosStand,
    Peilrecord,
    Realisatie,
)
from regietafel.monitoring.models import VergunninghoudersStand as CoaRij
from regietafel.opgaven.controles import bron_bevindingen
from regietafel.opgaven.models import (
    GELDEND_STADIUM,
    Cyclus,
    CyclusSoort,
    Opgave,
    ProvincieOpgave,
    Soort,
    Stadium,
)

P = TypeVar("P", bound=Peilrecord)
InzendingQuerySet = QuerySet[Inzending]

# The three opgaven of the Stand van zaken table, in the order of seed 000.
TABEL_SOORTEN = (
    (Soort.OEKRAINE, CyclusSoort.OEKRAINE, "Oekraïne-opgave"),
    (Soort.REGULIER, CyclusSoort.SPREIDINGSWET, "Asielopvang regulier"),
    (Soort.AMV, CyclusSoort.SPREIDINGSWET, "Asielopvang AMV"),
)


def peildata(provincie: Provincie) -> list[dt.date]:
    """Every month with stored figures for the provincie, newest first."""
    maanden: set[dt.date] = set()
    for model in (Realisatie, CoaRij, NidosStand):
        rows = (
            model.objects.actueel()
            .filter(gemeente__provincie=provincie)
            .order_by()  # no default ordering: it would add gemeente.naam to the DISTINCT
            .values_list("peildatum", flat=True)
            .distinct()
        )
        maanden.update(eerste_van_maand(d) for d in rows)
    return sorted(maanden, reverse=True)


def cyclus_voor(cycli: Iterable[Cyclus], soort: str, peildatum: dt.date) -> Cyclus | None:
    """The cyclus of ``soort`` in force on ``peildatum``: the last one begun, else the first coming."""
    kandidaten = sorted((c for c in cycli if c.soort == soort), key=lambda c: c.begin)
    begonnen = [c for c in kandidaten if c.begin <= peildatum]
    if begonnen:
        return begonnen[-1]
    return kandidaten[0] if kandidaten else None


def geldende_opgave(
    opgaven: Iterable[tuple[int, str, str, int, int]], cyclus: Cyclus | None, soort: str
) -> tuple[str | None, dict[int, int]]:
    """The stadium that counts as the opgave of ``soort`` in ``cyclus`` (the most binding one
    stored for the provincie) and its number per gemeente id. ``opgaven``: rows of
    (cyclus_id, soort, stadium, gemeente_id, aantal)."""
    if cyclus is None:
        return None, {}
    rijen = [(st, g, n) for c, s, st, g, n in opgaven if c == cyclus.pk and s == soort]
    aanwezig = {st for st, _, _ in rijen}
    stadium = next((st for st in GELDEND_STADIUM[soort] if st in aanwezig), None)
    return stadium, {g: n for st, g, n in rijen if st == stadium}


@dataclass(frozen=True)
class Cel:
    opgave: int
    realisatie: int
    heeft_opgave: bool
    heeft_realisatie: bool

    @property
    def verschil(self) -> int:
        return verschil(self.realisatie, self.opgave)

    @property
    def leeg(self) -> bool:
        return not self.heeft_opgave and not self.heeft_realisatie


@dataclass(frozen=True)
class Kolom:
    soort: str
    titel: str
    cyclus: Cyclus | None
    stadium: str | None
    realisatie_peildatum: dt.date | None
    overzicht: Overzicht
    provinciale_opgaven: tuple[ProvincieOpgave, ...]

    @property
    def stadium_label(self) -> str:
        return Stadium(self.stadium).label if self.stadium else "geen opgave"


@dataclass(frozen=True)
class GemeenteRij:
    gemeente: Gemeente
    cellen: tuple[Cel, ...]


@dataclass(frozen=True)
class StatushoudersRij:
    gemeente: Gemeente
    stand: VergunninghoudersStand


@dataclass(frozen=True)
class NidosRij:
    gemeente: Gemeente
    gerealiseerd: int
    taakstelling: int

    @property
    def resterend(self) -> int:
        return max(0, self.taakstelling - self.gerealiseerd)

    @property
    def voortgang(self) -> str:
        return voortgang_tekst(self.gerealiseerd, self.taakstelling)


@dataclass(frozen=True)
class StandVanZaken:
    provincie: Provincie
    peildatum: dt.date
    peildata: list[dt.date]
    kolommen: tuple[Kolom, ...]
    rijen: tuple[GemeenteRij, ...]
    statushouders: tuple[StatushoudersRij, ...]
    statushouders_peildatum: dt.date | None
    nidos: tuple[NidosRij, ...]
    nidos_peildatum: dt.date | None
    bevindingen: list[Bevinding] = field(default_factory=list)

    @property
    def statushouders_totaal(self) -> VergunninghoudersStand:
        return totaal_vergunninghouders(r.stand for r in self.statushouders)

    @property
    def statushouders_achterstand(self) -> int:
        return sum(1 for r in self.statushouders if r.stand.achterstand > 0)

    @property
    def statushouders_voorsprong(self) -> int:
        return sum(1 for r in self.statushouders if r.stand.voorsprong > 0)

    @property
    def nidos_gerealiseerd(self) -> int:
        return sum(r.gerealiseerd for r in self.nidos)

    @property
    def nidos_taakstelling(self) -> int:
        return sum(r.taakstelling for r in self.nidos)

    @property
    def nidos_resterend(self) -> int:
        return sum(r.resterend for r in self.nidos)

    @property
    def nidos_voortgang(self) -> str:
        return voortgang_tekst(self.nidos_gerealiseerd, self.nidos_taakstelling)


def _laatste(
    model: type[Peilrecord], provincie: Provincie, grens: dt.date
) -> tuple[dt.date | None, list]:
    """The current rows of the newest peildatum before ``grens``."""
    qs = model.objects.actueel().filter(gemeente__provincie=provincie, peildatum__lt=grens)
    laatste = qs.aggregate(m=Max("peildatum"))["m"]
    if laatste is None:
        return None, []
    return laatste, list(qs.filter(peildatum=laatste).select_related("gemeente").order_by())


# --- Computed once: peildata never change after import ---------------------------------
#
# Cached per provincie + peildatum + data version (audit.gegevensversie): a write makes a new
# version and the old entries simply expire.


def stand_van_zaken(provincie: Provincie, peildatum: dt.date | None = None) -> StandVanZaken:
    """The Stand van zaken of ``provincie`` on ``peildatum`` (None: the newest), cached."""
    return gecached(
        f"stand:{provincie.pk}:{peildatum.isoformat() if peildatum else '-'}",
        lambda: bereken_stand_van_zaken(provincie, peildatum),
    )


def bereken_stand_van_zaken(
    provincie: Provincie, peildatum: dt.date | None = None
) -> StandVanZaken:
    alle_peildata = peildata(provincie)
    if peildatum is None:
        peildatum = alle_peildata[0] if alle_peildata else klok.deze_maand()
    peildatum = eerste_van_maand(peildatum)
    grens = volgende_maand(peildatum)
    gemeenten = list(Gemeente.objects.filter(provincie=provincie).order_by("naam"))

    cycli = list(Cyclus.objects.all())
    gekozen = {
        soort: cyclus_voor(cycli, cyclus_soort, peildatum)
        for soort, cyclus_soort, _ in TABEL_SOORTEN
    }
    opgaven = list(
        Opgave.objects.filter(
            gemeente__provincie=provincie,
            cyclus__in=[c for c in gekozen.values() if c],
            soort__in=[s for s, _, _ in TABEL_SOORTEN],
        ).values_list("cyclus_id", "soort", "stadium", "gemeente_id", "aantal")
    )
    provinciaal = list(
        ProvincieOpgave.objects.filter(
            provincie=provincie,
            cyclus__in=[c for c in gekozen.values() if c],
            geldig_vanaf__lt=grens,
        ).order_by("geldig_vanaf")
    )

    realisatie_qs = Realisatie.objects.actueel().filter(
        gemeente__provincie=provincie, peildatum__lt=grens
    )
    laatste_per_soort = dict(
        realisatie_qs.values_list("soort").annotate(m=Max("peildatum")).values_list("soort", "m")
    )
    realisaties: dict[tuple[str, int], int] = {}
    if laatste_per_soort:
        # Equality on (soort, peildatum) instead of an OR of pairs: the OR made SQLite scan
        # every provincie's rows before the peildatum (MULTI-INDEX OR on soort < grens).
        realisaties = {
            (s, g): n
            for s, d, g, n in Realisatie.objects.actueel()
            .filter(
                gemeente__provincie=provincie,
                soort__in=list(laatste_per_soort),
                peildatum__in=set(laatste_per_soort.values()),
            )
            .order_by()
            .values_list("soort", "peildatum", "gemeente_id", "aantal")
            if laatste_per_soort[s] == d
        }

    kolommen = []
    cellen_per_soort: dict[str, list[Cel]] = {}
    for soort, _cyclus_soort, titel in TABEL_SOORTEN:
        cyclus = gekozen[soort]
        stadium, per_gemeente = geldende_opgave(opgaven, cyclus, soort)
        cellen = [
            Cel(
                opgave=per_gemeente.get(g.pk, 0),
                realisatie=realisaties.get((soort, g.pk), 0),
                heeft_opgave=per_gemeente.get(g.pk, 0) > 0,
                heeft_realisatie=(soort, g.pk) in realisaties,
            )
            for g in gemeenten
        ]
        cellen_per_soort[soort] = cellen
        kolommen.append(
            Kolom(
                soort=soort,
                titel=titel,
                cyclus=cyclus,
                stadium=stadium,
                realisatie_peildatum=laatste_per_soort.get(soort),
                overzicht=overzicht(
                    (g.naam, c.opgave, c.realisatie) for g, c in zip(gemeenten, cellen, strict=True)
                ),
                provinciale_opgaven=tuple(p for p in provinciaal if p.soort == soort),
            )
        )
    rijen = tuple(
        GemeenteRij(g, tuple(cellen_per_soort[s][i] for s, _, _ in TABEL_SOORTEN))
        for i, g in enumerate(gemeenten)
    )

    coa_datum, coa_rijen = _laatste(CoaRij, provincie, grens)
    statushouders = tuple(
        StatushoudersRij(r.gemeente, stand_vergunninghouders(r.invoer()))
        for r in sorted(coa_rijen, key=lambda r: r.gemeente.naam)
    )
    nidos_datum, nidos_rijen = _laatste(NidosStand, provincie, grens)
    nidos = tuple(
        NidosRij(r.gemeente, r.gerealiseerd, r.taakstelling)
        for r in sorted(nidos_rijen, key=lambda r: r.gemeente.naam)
    )
    stand = StandVanZaken(
        provincie=provincie,
        peildatum=peildatum,
        peildata=alle_peildata,
        kolommen=tuple(kolommen),
        rijen=rijen,
        statushouders=statushouders,
        statushouders_peildatum=coa_datum,
        nidos=nidos,
        nidos_peildatum=nidos_datum,
    )
    stand.bevindingen.extend(bevindingen(stand, opgaven))
    return stand


def bevindingen(
    stand: StandVanZaken, opgaven: Sequence[tuple[int, str, str, int, int]]
) -> list[Bevinding]:
    """The validation report for what the page shows: drift in distributions, the source's
    Bijlage 1 against the computed one, progress without task."""
    namen = {g.pk: g.naam for g in (r.gemeente for r in stand.rijen)}
    resultaat: list[Bevinding] = []
    for kolom in stand.kolommen:
        if kolom.cyclus is None or not kolom.provinciale_opgaven:
            continue
        # The indicative distribution was made from the first provincial number of the cyclus.
        basis = kolom.provinciale_opgaven[0]
        rijen = {
            namen[g]: n
            for c, s, st, g, n in opgaven
            if c == kolom.cyclus.pk and s == kolom.soort and st == Stadium.INDICATIEF
        }
        if rijen:
            resultaat.extend(
                controleer_som(
                    f"{kolom.titel}, indicatieve verdeling ({basis.bron or kolom.cyclus.naam}), "
                    f"provinciale opgave {basis.geldig_vanaf:%d-%m-%Y}",
                    rijen,
                    basis.aantal,
                )
            )
    # Bijlage 1 of the cyclus's verslag as its source printed it ("2691", "141 / 200").
    for cyclus in dict.fromkeys(k.cyclus for k in stand.kolommen if k.cyclus):
        resultaat.extend(bron_bevindingen(stand.provincie, cyclus))
    if stand.nidos:
        resultaat.extend(
            controleer_voortgang(
                f"Nidos, factsheet {stand.nidos_peildatum:%d-%m-%Y}",
                {r.gemeente.naam: (r.gerealiseerd, r.taakstelling) for r in stand.nidos},
            )
        )
    return resultaat


# --- Trends: realisation against opgave over all peildata ------------------------------


@dataclass(frozen=True)
class TrendPunt:
    """One peildatum of a soort: realisation (None: no figure on that peildatum) against the
    opgave in force (None: no opgave stored), and for a provincie its provincial number."""

    peildatum: dt.date
    realisatie: int | None
    opgave: int | None
    provinciale_opgave: int | None = None

    @property
    def verschil(self) -> int | None:
        if self.realisatie is None or self.opgave is None:
            return None
        return verschil(self.realisatie, self.opgave)


@dataclass(frozen=True)
class SoortTrend:
    soort: str
    titel: str
    punten: tuple[TrendPunt, ...]


@dataclass(frozen=True)
class StatushoudersPunt:
    """R4 on one COA peildatum: the stand of a gemeente, or the provincie's total."""

    peildatum: dt.date
    stand: VergunninghoudersStand
    gemeenten: int = 1
    """Rows in the total (1 for a gemeente)."""


@dataclass(frozen=True)
class StatushoudersGemeenteReeks:
    gemeente: Gemeente
    achter_voor: tuple[int | None, ...]
    """Per peildatum of ``Trends.statushouders``, None where COA gave no row."""


@dataclass(frozen=True)
class Trends:
    provincie: Provincie
    gemeente: Gemeente | None
    gemeenten: tuple[Gemeente, ...]
    soorten: tuple[SoortTrend, ...]
    statushouders: tuple[StatushoudersPunt, ...]
    statushouders_per_gemeente: tuple[StatushoudersGemeenteReeks, ...]
    """Only for a provincie: every gemeente's achter/voor per COA peildatum."""

    @property
    def naam(self) -> str:
        return self.gemeente.naam if self.gemeente else self.provincie.naam


def trends(provincie: Provincie, gemeente: Gemeente | None = None) -> Trends:
    """``bereken_trends``, cached per provincie, gemeente and data version."""
    return gecached(
        f"trends:{provincie.pk}:{gemeente.pk if gemeente else '-'}",
        lambda: bereken_trends(provincie, gemeente),
    )


def bereken_trends(provincie: Provincie, gemeente: Gemeente | None = None) -> Trends:
    """Realisation against the opgave in force per soort and peildatum, and the statushouders
    achter/voor (R4) per COA peildatum, for a provincie (totals of its gemeenten) or one
    gemeente. Six queries, however many peildata and gemeenten."""
    gemeenten = tuple(Gemeente.objects.filter(provincie=provincie).order_by("naam"))
    ids = [gemeente.pk] if gemeente is not None else [g.pk for g in gemeenten]
    cycli = list(Cyclus.objects.all())
    opgaven = list(
        Opgave.objects.filter(
            gemeente__provincie=provincie, soort__in=[s for s, _, _ in TABEL_SOORTEN]
        ).values_list("cyclus_id", "soort", "stadium", "gemeente_id", "aantal")
    )
    provinciaal = (
        list(ProvincieOpgave.objects.filter(provincie=provincie).order_by("geldig_vanaf"))
        if gemeente is None
        else []
    )
    # The total per soort and peildatum, summed by the database: one row per peildatum
    # instead of one per gemeente and peildatum.
    realisatie: dict[tuple[str, dt.date], int] = {
        (soort, peildatum): n
        for soort, peildatum, n in (
            Realisatie.objects.actueel()
            .filter(gemeente__provincie=provincie, gemeente_id__in=ids)
            .order_by()
            .values_list("soort", "peildatum")
            .annotate(n=Sum("aantal"))
            .values_list("soort", "peildatum", "n")
        )
    }

    soorten = []
    for soort, cyclus_soort, titel in TABEL_SOORTEN:
        punten = []
        for peildatum in sorted(d for s, d in realisatie if s == soort):
            cyclus = cyclus_voor(cycli, cyclus_soort, peildatum)
            _, per_gemeente = geldende_opgave(opgaven, cyclus, soort)
            in_kader = [g for g in ids if g in per_gemeente]
            grens = volgende_maand(peildatum)
            geldend = [
                p.aantal
                for p in provinciaal
                if cyclus
                and p.cyclus_id == cyclus.pk
                and p.soort == soort
                and p.geldig_vanaf < grens
            ]
            punten.append(
                TrendPunt(
                    peildatum=peildatum,
                    realisatie=realisatie[(soort, peildatum)],
                    opgave=sum(per_gemeente[g] for g in in_kader) if in_kader else None,
                    provinciale_opgave=geldend[-1] if geldend else None,
                )
            )
        soorten.append(SoortTrend(soort, titel, tuple(punten)))

    coa: dict[dt.date, dict[int, VergunninghoudersStand]] = {}
    for rij in (
        CoaRij.objects.actueel()
        .filter(gemeente__provincie=provincie, gemeente_id__in=ids)
        .defer("bron", "toelichting")
        .order_by()
    ):
        coa.setdefault(rij.peildatum, {})[rij.gemeente_id] = stand_vergunninghouders(rij.invoer())
    coa_peildata = sorted(coa)
    statushouders = tuple(
        StatushoudersPunt(
            d, totaal_vergunninghouders(coa[d][g] for g in ids if g in coa[d]), len(coa[d])
        )
        for d in coa_peildata
    )
    per_gemeente_reeks = (
        tuple(
            StatushoudersGemeenteReeks(
                g,
                tuple(coa[d][g.pk].achter_voor if g.pk in coa[d] else None for d in coa_peildata),
            )
            for g in gemeenten
            if any(g.pk in coa[d] for d in coa_peildata)
        )
        if gemeente is None
        else ()
    )
    return Trends(
        provincie=provincie,
        gemeente=gemeente,
        gemeenten=gemeenten,
        soorten=tuple(soorten),
        statushouders=statushouders,
        statushouders_per_gemeente=per_gemeente_reeks,
    )


# --- Inzendingen ----------------------------------------------------------------------


def peildatum_keuzes(provincie: Provincie, vandaag: dt.date | None = None) -> list[dt.date]:
    """The peildata a gemeente may submit for, newest first: every first-of-month since the
    earliest cyclus in force today began (the last twelve months when none is in force), and
    every peildatum with stored realisation in the provincie — never one in the future."""
    grens = eerste_van_maand(vandaag or klok.vandaag())
    in_kracht = [
        c.begin for c in Cyclus.objects.filter(begin__lte=grens, eind__gte=grens).only("begin")
    ]
    begin = eerste_van_maand(min(in_kracht)) if in_kracht else plus_maanden(grens, -11)
    keuzes = set()
    maand = grens
    while maand >= begin:
        keuzes.add(maand)
        maand = plus_maanden(maand, -1)
    keuzes.update(
        d
        for d in Realisatie.objects.actueel()
        .filter(gemeente__provincie=provincie, peildatum__lte=grens)
        .order_by()
        .values_list("peildatum", flat=True)
        .distinct()
        if d.day == 1
    )
    return sorted(keuzes, reverse=True)


def laatste_cijfers(gemeente: Gemeente) -> dict[str, tuple[int, dt.date]]:
    """Per soort the newest current figure of the gemeente: (aantal, peildatum)."""
    uit: dict[str, tuple[int, dt.date]] = {}
    for soort, peildatum, aantal in (
        Realisatie.objects.actueel()
        .filter(gemeente=gemeente)
        .order_by("soort", "-peildatum")
        .values_list("soort", "peildatum", "aantal")
    ):
        uit.setdefault(soort, (aantal, peildatum))
    return uit


@dataclass(frozen=True)
class Vergelijking:
    """One soort of a submission: what is stored for the peildatum against what was sent."""

    soort: str
    titel: str
    opgeslagen: int | None
    ingediend: int | None

    @property
    def verschil(self) -> int | None:
        if self.opgeslagen is None or self.ingediend is None:
            return None
        return self.ingediend - self.opgeslagen


def vergelijking(inzending: Inzending) -> list[Vergelijking]:
    opgeslagen = dict(
        Realisatie.objects.actueel()
        .filter(gemeente_id=inzending.gemeente_id, peildatum=inzending.peildatum)
        .values_list("soort", "aantal")
    )
    regels = {r.soort: r for r in inzending.regels.all()}
    return [
        Vergelijking(
            soort=soort,
            titel=titel,
            opgeslagen=opgeslagen.get(soort),
            ingediend=regels[soort].aantal if soort in regels else None,
        )
        for soort, _, titel in TABEL_SOORTEN
    ]


def _inzendingen() -> InzendingQuerySet:
    return Inzending.objects.select_related(
        "gemeente", "ingediend_door", "beoordeeld_door"
    ).prefetch_related("regels")


def inzendingen_van(gemeente_id: int) -> list[Inzending]:
    return list(_inzendingen().filter(gemeente_id=gemeente_id))


def te_beoordelen(provincie_id: int | None) -> list[Inzending]:
    qs = _inzendingen().filter(status=InzendingStatus.INGEDIEND).order_by("ingediend_op")
    if provincie_id is not None:
        qs = qs.filter(gemeente__provincie_id=provincie_id)
    return list(qs)


def recent_beoordeeld(provincie_id: int | None, aantal: int = 20) -> list[Inzending]:
    qs = _inzendingen().exclude(status=InzendingStatus.INGEDIEND).order_by("-beoordeeld_op")
    if provincie_id is not None:
        qs = qs.filter(gemeente__provincie_id=provincie_id)
    return list(qs[:aantal])
