"""Read side of monitoring: the "Stand van zaken" of a provincie on a peildatum.

Computed once here, from the stored rows, with the domain rules; the page, the reports and
the exports render the same object. The number of SQL queries does not depend on the number
of gemeenten or peildata, nor, for many provincies at once (``bereken_standen``: the national
overview), on the number of provincies.

Two rules of the domain core decide what a figure means on a peildatum P:

- ``domain.laatst_bekend``: a gemeente's figure of a soort is the latest one known on or before
  P (actueel, older with its own date, or niet aangeleverd — never 0); a verschil only where a
  figure and an opgave exist; totals with their completeness. The dashboard opens on the latest
  complete peildatum.
- ``domain.in_kracht``: the opgave compared is the one in force on P (the cyclus with
  ``begin ≤ P ≤ eind``, the provincial opgave with the latest ``geldig_vanaf ≤ P``).

Both cycles side by side (issue 18.6): where more than one Spreidingswet cyclus applies on P
(``domain.in_kracht.van_toepassing``: in force, or its numbers already published and not
ended), a page may compare the regulier and AMV figures with the opgave of another one
(``?cyclus=JAAR``, ``CyclusKeuze``); the default stays the cyclus in force, so a page without
that choice reads exactly as before.

"As known on Y" (``bekend_op``): the figures from the append-only history as they stood at the
end of day Y (``PeilrecordQuerySet.zoals_bekend_op``); the opgaven are the ones stored now.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Max, QuerySet

from regietafel.audit.gegevensversie import gecached, gecached_veel
from regietafel.core import klok, opmaak
from regietafel.domain.in_kracht import (
    geldend_tot_en_met,
    in_kracht,
    in_kracht_of_komend,
    van_toepassing,
)
from regietafel.domain.laatst_bekend import (
    Bekend,
    Cijfer,
    Dekking,
    aangeleverd_op,
    bekend,
    laatst_bekend,
    laatst_bekend_reeks,
    standaard_peildatum,
    totaal,
    volledig,
)
from regietafel.domain.laatst_bekend import Totaal as SoortTotaal
from regietafel.domain.laatst_bekend import Vergelijking as Cel
from regietafel.domain.maanden import eerste_van_maand, plus_maanden, volgende_maand
from regietafel.domain.statushouders import (
    VergunninghoudersInvoer,
    VergunninghoudersStand,
    stand_vergunninghouders,
    totaal_vergunninghouders,
)
from regietafel.domain.validatie import Bevinding, controleer_som, controleer_voortgang
from regietafel.domain.voortgang import resterend, voortgang_tekst
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import (
    Inzending,
    InzendingStatus,
    NidosStand,
    Peilrecord,
    PeilrecordQuerySet,
    Realisatie,
)
from regietafel.monitoring.models import VergunninghoudersStand as CoaRij
from regietafel.opgaven.controles import bron_bevindingen, invulling_uit
from regietafel.opgaven.models import (
    GELDEND_STADIUM,
    SOORTEN_PER_CYCLUS,
    BronInvulling,
    Cyclus,
    CyclusSoort,
    Opgave,
    ProvincieOpgave,
    Soort,
    Stadium,
)

__all__ = ["Cel", "SoortTotaal"]

P = TypeVar("P", bound=Peilrecord)
InzendingQuerySet = QuerySet[Inzending]

# The three opgaven of the Stand van zaken table, in the order of seed 000.
TABEL_SOORTEN = (
    (Soort.OEKRAINE, CyclusSoort.OEKRAINE, "Oekraïne-opgave"),
    (Soort.REGULIER, CyclusSoort.SPREIDINGSWET, "Asielopvang regulier"),
    (Soort.AMV, CyclusSoort.SPREIDINGSWET, "Asielopvang AMV"),
)


def einde_van_dag(datum: dt.date) -> dt.datetime:
    """The last moment of ``datum`` in the site's time zone: "known on 05-12-2025" includes
    everything registered that day."""
    return dt.datetime.combine(datum, dt.time.max, tzinfo=ZoneInfo(settings.TIME_ZONE))


def cijfers_van(model: type[P], bekend_op: dt.date | None = None) -> PeilrecordQuerySet:
    """The current figures of ``model``, or those known at the end of day ``bekend_op``."""
    manager: Any = model.objects
    if bekend_op is None:
        return manager.actueel()  # type: ignore[no-any-return]
    return manager.zoals_bekend_op(einde_van_dag(bekend_op))  # type: ignore[no-any-return]


def peildata(provincie: Provincie, bekend_op: dt.date | None = None) -> list[dt.date]:
    """Every month with stored figures for the provincie, newest first."""
    maanden: set[dt.date] = set()
    for model in (Realisatie, CoaRij, NidosStand):
        rows = (
            cijfers_van(model, bekend_op)
            .filter(gemeente__provincie=provincie)
            .order_by()  # no default ordering: it would add gemeente.naam to the DISTINCT
            .values_list("peildatum", flat=True)
            .distinct()
        )
        maanden.update(eerste_van_maand(d) for d in rows)
    return sorted(maanden, reverse=True)


def nieuwste_peildatum(provincie: Provincie, bekend_op: dt.date | None = None) -> dt.date | None:
    """The newest month with stored figures for the provincie (``peildata(...)[0]``, None
    without any): the newest date of each kind of figure, three aggregates instead of every
    distinct peildatum."""
    nieuwste = [
        cijfers_van(model, bekend_op)
        .filter(gemeente__provincie=provincie)
        .aggregate(m=Max("peildatum"))["m"]
        for model in (Realisatie, CoaRij, NidosStand)
    ]
    return max((eerste_van_maand(d) for d in nieuwste if d is not None), default=None)


def cyclus_in_kracht(cycli: Iterable[Cyclus], soort: str, peildatum: dt.date) -> Cyclus | None:
    """The cyclus of ``soort`` in force on ``peildatum`` (``begin ≤ peildatum ≤ eind``), or
    None before the first one began: then there is no opgave to compare with."""
    return in_kracht((c for c in cycli if c.soort == soort), peildatum)


def cyclus_voor(cycli: Iterable[Cyclus], soort: str, peildatum: dt.date) -> Cyclus | None:
    """For planning only (the provinciaal verslag prepares the coming cyclus): the cyclus of
    ``soort`` in force on ``peildatum``, else the first coming. A comparison of a realisatie
    with an opgave uses ``cyclus_in_kracht``."""
    return in_kracht_of_komend((c for c in cycli if c.soort == soort), peildatum)


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


def gepubliceerd_op(provinciaal: Iterable[ProvincieOpgave]) -> dict[int, dt.date]:
    """Per cyclus id the day its first provincial opgave (regulier or AMV) became valid: from
    then on its numbers are known and the cyclus may be chosen."""
    uit: dict[int, dt.date] = {}
    for po in provinciaal:
        if po.soort in (Soort.REGULIER, Soort.AMV):
            uit[po.cyclus_id] = min(po.geldig_vanaf, uit.get(po.cyclus_id, po.geldig_vanaf))
    return uit


@dataclass(frozen=True)
class CyclusKeuze:
    """Which Spreidingswet cyclus the regulier and AMV opgaven of a page come from on a
    peildatum: the one in force, unless the user chose another that applies (``?cyclus=``)."""

    peildatum: dt.date
    keuzes: tuple[Cyclus, ...]
    """The Spreidingswet cycli that apply on the peildatum, the earliest first."""
    in_kracht: Cyclus | None
    gekozen: Cyclus | None = None
    """Chosen, and not the one in force (None: the default, the one in force)."""
    melding: str = ""
    """Why a requested cyclus was not taken (Dutch, for the page)."""

    @property
    def cyclus(self) -> Cyclus | None:
        return self.gekozen or self.in_kracht

    @property
    def te_kiezen(self) -> bool:
        """More than one cyclus applies: the page offers the choice."""
        return len(self.keuzes) > 1

    @property
    def jaar(self) -> int | None:
        """The chosen cyclus' year for links and cache keys (None: the default)."""
        return self.gekozen.jaar if self.gekozen else None

    @property
    def opties(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected) of the page's choice: the one in force first (value "",
        the default), then every other cyclus that applies."""
        eerste = (
            f"{self.in_kracht.jaar}: {self.in_kracht.naam} (in kracht)"
            if self.in_kracht
            else "geen: op deze peildatum is geen cyclus in kracht"
        )
        return [("", eerste, self.gekozen is None)] + [
            (str(c.jaar), f"{c.jaar}: {c.naam}", c == self.gekozen)
            for c in self.keuzes
            if c != self.in_kracht
        ]

    @property
    def tekst(self) -> str:
        """ "opgave van de cyclus 2026 (Spreidingswet 2027–2028 …), niet die in kracht" or ""."""
        if self.gekozen is None:
            return ""
        huidig = (
            f"niet die van de cyclus in kracht ({self.in_kracht.naam})"
            if self.in_kracht
            else "er is op die peildatum nog geen cyclus in kracht"
        )
        return (
            f"opgave regulier en AMV van de cyclus {self.gekozen.jaar} ({self.gekozen.naam}); "
            f"{huidig}"
        )


def lees_cyclus(tekst: str) -> tuple[int | None, str]:
    """``?cyclus=2026`` → (2026, ""); empty → (None, ""); anything else → (None, a Dutch
    message)."""
    tekst = tekst.strip()
    if not tekst:
        return None, ""
    if not (tekst.isascii() and tekst.isdigit() and len(tekst) == 4):
        getoond = tekst if len(tekst) <= 20 else tekst[:19] + "…"
        return None, (
            f"De cyclus ‘{getoond}’ is geen jaartal (verwacht bijvoorbeeld 2026); de tabellen "
            "vergelijken met de cyclus in kracht."
        )
    return int(tekst), ""


def _cyclus_naam(c: Cyclus | None) -> str:
    return f"de cyclus in kracht ({c.jaar})" if c else "geen cyclus (er is er geen in kracht)"


def kies_cyclus(
    cycli: Iterable[Cyclus],
    gepubliceerd: Mapping[int, dt.date],
    peildatum: dt.date,
    jaar: int | None = None,
) -> CyclusKeuze:
    """The Spreidingswet cycli that apply on ``peildatum`` and the one to compare with:
    ``jaar`` when such a cyclus applies, else the one in force (with a message when ``jaar``
    was asked). ``gepubliceerd``: ``gepubliceerd_op`` of the provincie's opgaven."""
    spreiding = [c for c in cycli if c.soort == CyclusSoort.SPREIDINGSWET]
    keuzes = van_toepassing(spreiding, peildatum, lambda c: gepubliceerd.get(c.pk))
    huidig = in_kracht(spreiding, peildatum)
    if jaar is None or (huidig is not None and huidig.jaar == jaar):
        return CyclusKeuze(peildatum, keuzes, huidig)
    gekozen = next((c for c in keuzes if c.jaar == jaar), None)
    if gekozen is None:
        mogelijk = ", ".join(str(c.jaar) for c in keuzes) or "geen"
        return CyclusKeuze(
            peildatum,
            keuzes,
            huidig,
            melding=(
                f"De cyclus {jaar} is op {opmaak.datum(peildatum)} niet van toepassing (van "
                f"toepassing: {mogelijk}); de tabellen vergelijken met {_cyclus_naam(huidig)}."
            ),
        )
    return CyclusKeuze(peildatum, keuzes, huidig, gekozen)


@dataclass(frozen=True)
class Opgaven:
    """The opgaven of a provincie for the table's soorten, loaded once (three queries) and
    asked per peildatum: which cyclus, stadium and numbers held then (``domain.in_kracht``),
    or, with ``gekozen``, those of that Spreidingswet cyclus (``met_keuze``)."""

    cycli: tuple[Cyclus, ...]
    rijen: tuple[tuple[int, str, str, int, int], ...]
    provinciaal: tuple[ProvincieOpgave, ...]
    gekozen: Cyclus | None = None

    @property
    def gepubliceerd(self) -> dict[int, dt.date]:
        return gepubliceerd_op(self.provinciaal)

    def keuze(self, peildatum: dt.date, jaar: int | None = None) -> CyclusKeuze:
        return kies_cyclus(self.cycli, self.gepubliceerd, peildatum, jaar)

    def met_keuze(self, keuze: CyclusKeuze) -> Opgaven:
        """These opgaven with the Spreidingswet soorten taken from the chosen cyclus."""
        return self if keuze.gekozen is None else replace(self, gekozen=keuze.gekozen)

    _per_cyclus: dict[tuple[str, int | None], tuple[str | None, dict[int, int]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """``geldende_opgave`` per soort and cyclus, worked out once (the trends ask it for every
    peildatum)."""

    @classmethod
    def laad(cls, provincie: Provincie, gemeente_ids: Sequence[int] | None = None) -> Opgaven:
        opgaven = Opgave.objects.filter(
            gemeente__provincie=provincie, soort__in=[s for s, _, _ in TABEL_SOORTEN]
        )
        if gemeente_ids is not None:
            opgaven = opgaven.filter(gemeente_id__in=list(gemeente_ids))
        return cls(
            cycli=tuple(Cyclus.objects.all()),
            rijen=tuple(
                opgaven.values_list("cyclus_id", "soort", "stadium", "gemeente_id", "aantal")
            ),
            provinciaal=tuple(
                ProvincieOpgave.objects.filter(provincie=provincie).order_by("geldig_vanaf")
            ),
        )

    def op(
        self, soort: str, cyclus_soort: str, peildatum: dt.date
    ) -> tuple[Cyclus | None, str | None, dict[int, int]]:
        """The cyclus in force on ``peildatum``, its binding stadium and the number per
        gemeente id (a gemeente without a number has no opgave)."""
        if self.gekozen is not None and self.gekozen.soort == cyclus_soort:
            cyclus: Cyclus | None = self.gekozen
        else:
            cyclus = cyclus_in_kracht(self.cycli, cyclus_soort, peildatum)
        sleutel = (soort, cyclus.pk if cyclus else None)
        if sleutel not in self._per_cyclus:
            self._per_cyclus[sleutel] = geldende_opgave(self.rijen, cyclus, soort)
        stadium, per_gemeente = self._per_cyclus[sleutel]
        return cyclus, stadium, per_gemeente

    def provinciaal_tot(
        self, soort: str, cyclus: Cyclus | None, peildatum: dt.date
    ) -> tuple[ProvincieOpgave, ...]:
        """The provincial opgaven of the cyclus valid on or before ``peildatum``, oldest first:
        the last is the one in force."""
        if cyclus is None:
            return ()
        return geldend_tot_en_met(
            (p for p in self.provinciaal if p.cyclus_id == cyclus.pk and p.soort == soort),
            peildatum,
        )


def _realisaties(
    provincie: Provincie | None, bekend_op: dt.date | None, gemeente_ids: Sequence[int] | None
) -> PeilrecordQuerySet:
    """The figures of the table's soorten of a provincie's gemeenten. With the gemeente ids
    the query uses the index (gemeente, soort, peildatum) instead of joining every
    provincie's rows to the gemeenten (SQLite: 0.001 s instead of 0.17 s nationally)."""
    qs = cijfers_van(Realisatie, bekend_op).filter(soort__in=[s for s, _, _ in TABEL_SOORTEN])
    if gemeente_ids is not None:
        return qs.filter(gemeente_id__in=list(gemeente_ids))
    return qs.filter(gemeente__provincie=provincie)


def realisatie_cijfers(
    provincie: Provincie,
    *,
    bekend_op: dt.date | None = None,
    tot_en_met: dt.date | None = None,
    vanaf: dt.date | None = None,
    voor: dt.date | None = None,
    gemeente_ids: Sequence[int] | None = None,
) -> list[Cijfer[int]]:
    """The realisation figures of the table's soorten (gemeente id, soort, peildatum, aantal),
    current or as known on ``bekend_op``, with a peildatum in the given bounds; one query."""
    qs = _realisaties(provincie, bekend_op, gemeente_ids)
    if tot_en_met is not None:
        qs = qs.filter(peildatum__lte=tot_en_met)
    if vanaf is not None:
        qs = qs.filter(peildatum__gte=vanaf)
    if voor is not None:
        qs = qs.filter(peildatum__lt=voor)
    return [
        Cijfer(g, s, d, n)
        for g, s, d, n in qs.order_by().values_list("gemeente_id", "soort", "peildatum", "aantal")
    ]


@dataclass(frozen=True)
class Kolom:
    soort: str
    titel: str
    cyclus: Cyclus | None
    """The cyclus in force on the peildatum (None: no opgave yet)."""
    stadium: str | None
    realisatie_peildatum: dt.date | None
    """The date of the newest figure of this soort up to the peildatum."""
    totaal: SoortTotaal
    provinciale_opgaven: tuple[ProvincieOpgave, ...]
    """The provincial opgaven of the cyclus valid on or before the peildatum; the last holds."""
    met_stand: bool = False
    """Some gemeente's figure is older than the peildatum or missing: the tables show a column
    "Stand per" with the figure's own date or "niet aangeleverd"."""

    @property
    def stadium_label(self) -> str:
        return Stadium(self.stadium).label if self.stadium else "geen opgave"

    @property
    def dekking(self) -> Dekking:
        return self.totaal.dekking

    @property
    def provinciale_opgave(self) -> ProvincieOpgave | None:
        return self.provinciale_opgaven[-1] if self.provinciale_opgaven else None


@dataclass(frozen=True)
class GemeenteRij:
    gemeente: Gemeente
    cellen: tuple[Cel, ...]
    met_stand: tuple[bool, ...] = ()
    """Per cel: its soort has a column "Stand per" (``Kolom.met_stand``)."""

    @property
    def cellen_met_stand(self) -> list[tuple[Cel, bool]]:
        return list(zip(self.cellen, self.met_stand or (False,) * len(self.cellen), strict=True))


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
        return resterend(self.gerealiseerd, self.taakstelling)

    @property
    def voortgang(self) -> str:
        return voortgang_tekst(self.gerealiseerd, self.taakstelling)


@dataclass(frozen=True)
class Aanlevering:
    """How many gemeenten delivered a figure for a peildatum (the link to a newer stand)."""

    peildatum: dt.date
    aangeleverd: int
    gemeenten: int

    @property
    def tekst(self) -> str:
        """ "01-01-2026 (1 van 12 gemeenten)"."""
        woord = "gemeente" if self.gemeenten == 1 else "gemeenten"
        return f"{opmaak.datum(self.peildatum)} ({self.aangeleverd} van {self.gemeenten} {woord})"


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
    bekend_op: dt.date | None = None
    """The stand as known at the end of this day (None: as known now)."""
    volledig: bool = False
    """Every gemeente with an opgave delivered for this peildatum (``domain.laatst_bekend``)."""
    standaard: bool = False
    """This is the peildatum the dashboard opens on (the latest complete one)."""
    nieuwere: Aanlevering | None = None
    """The newest peildatum, when it is newer than this one and not complete."""
    cyclus_keuze: CyclusKeuze | None = None
    """The Spreidingswet cycli that apply on the peildatum and the one compared with."""

    @property
    def onvolledig(self) -> bool:
        return not self.volledig and any(k.dekking.actueel for k in self.kolommen)

    @property
    def peildatum_keuzes(self) -> list[tuple[dt.date, bool]]:
        """(peildatum, figures stored) for the page's choice, newest first: every peildatum
        with figures, and the one shown when it has none (so the choice shows what is shown)."""
        keuzes = [(d, True) for d in self.peildata]
        if self.peildatum not in self.peildata:
            keuzes.append((self.peildatum, False))
            keuzes.sort(reverse=True)
        return keuzes

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


COA_INVOER = (
    "stand_1_jan",
    "taakstelling_h1",
    "realisatie_h1",
    "taakstelling_h2",
    "correcties",
    *CoaRij.MAANDVELDEN,
)
"""The fields of a COA row R4 starts from (``VergunninghoudersStand.invoer``)."""


def coa_invoer(
    qs: QuerySet[CoaRij],
) -> Iterable[tuple[int, dt.date, VergunninghoudersInvoer]]:
    """(gemeente id, peildatum, R4's input) per COA row of ``qs``: plain values instead of
    model instances (a provincie's trends read thousands of rows)."""
    for g, d, *getallen in qs.order_by().values_list("gemeente_id", "peildatum", *COA_INVOER):
        yield g, d, invoer_uit(getallen)


def invoer_uit(getallen: Sequence[int]) -> VergunninghoudersInvoer:
    """R4's input from the values of ``COA_INVOER``, in that order."""
    return VergunninghoudersInvoer(
        stand_1_jan=getallen[0],
        taakstelling_h1=getallen[1],
        realisatie_h1=getallen[2],
        taakstelling_h2=getallen[3],
        correcties=getallen[4],
        realisatie_maanden=tuple(getallen[5:]),
    )


def _laatste(
    model: type[Peilrecord], provincie: Provincie, grens: dt.date, bekend_op: dt.date | None
) -> tuple[dt.date | None, list[Any]]:
    """The rows of the newest peildatum before ``grens`` (current, or as known on a day)."""
    qs = cijfers_van(model, bekend_op).filter(gemeente__provincie=provincie, peildatum__lt=grens)
    laatste = qs.aggregate(m=Max("peildatum"))["m"]
    if laatste is None:
        return None, []
    return laatste, list(qs.filter(peildatum=laatste).select_related("gemeente").order_by())


# --- Computed once: peildata never change after import ---------------------------------
#
# Cached per provincie + peildatum + bekend_op + data version (audit.gegevensversie): a write
# makes a new version and the old entries simply expire.


def _iso(datum: dt.date | None) -> str:
    return datum.isoformat() if datum else "-"


def stand_van_zaken(
    provincie: Provincie,
    peildatum: dt.date | None = None,
    bekend_op: dt.date | None = None,
    cyclus: int | None = None,
    versie: str | None = None,
) -> StandVanZaken:
    """The Stand van zaken of ``provincie`` on ``peildatum`` (None: the latest complete one),
    as known now or at the end of day ``bekend_op``, against the opgave of the Spreidingswet
    cyclus of year ``cyclus`` where it applies (None: the cyclus in force); cached per data
    version (``versie``: the one the request already read, None: read it)."""
    sleutel = f"stand:{provincie.pk}:{_iso(peildatum)}:{_iso(bekend_op)}"
    if cyclus is not None:
        sleutel += f":{cyclus}"
    return gecached(
        sleutel, lambda: bereken_stand_van_zaken(provincie, peildatum, bekend_op, cyclus), versie
    )


def standen_van_zaken(
    provincies: Sequence[Provincie],
    peildatum: dt.date | None = None,
    bekend_op: dt.date | None = None,
    cyclus: int | None = None,
    versie: str | None = None,
) -> list[StandVanZaken]:
    """``stand_van_zaken`` of every provincie, under the same cache keys; the ones not cached
    are computed together (``bereken_standen``: a constant number of queries, however many
    provincies)."""
    per_pk = {p.pk: p for p in provincies}
    achter = f":{cyclus}" if cyclus is not None else ""
    standen = gecached_veel(
        {p.pk: f"stand:{p.pk}:{_iso(peildatum)}:{_iso(bekend_op)}{achter}" for p in provincies},
        lambda pks: {
            s.provincie.pk: s
            for s in bereken_standen([per_pk[pk] for pk in pks], peildatum, bekend_op, cyclus)
        },
        versie,
    )
    return [standen[p.pk] for p in provincies]


def nieuwste_stand(
    provincie: Provincie, bekend_op: dt.date | None = None, cyclus: int | None = None
) -> StandVanZaken:
    """The Stand van zaken on the newest peildatum with figures, complete or not: every
    gemeente's latest known figure (the map and toezicht show this one)."""
    return stand_van_zaken(provincie, nieuwste_peildatum(provincie, bekend_op), bekend_op, cyclus)


def _vergelijkingen(
    gemeenten: Sequence[Gemeente],
    opgaven: Opgaven,
    per_sleutel: Mapping[tuple[int, str], Bekend],
    peildatum: dt.date,
) -> list[tuple[str, str, Cyclus | None, str | None, list[Cel]]]:
    """Per soort of the table: (soort, titel, cyclus, stadium, one Cel per gemeente)."""
    uit: list[tuple[str, str, Cyclus | None, str | None, list[Cel]]] = []
    for soort, cyclus_soort, titel in TABEL_SOORTEN:
        cyclus, stadium, per_gemeente = opgaven.op(soort, cyclus_soort, peildatum)
        cellen = [
            Cel(
                per_gemeente.get(g.pk) if stadium else None,
                bekend(per_sleutel, g.pk, soort),
            )
            for g in gemeenten
        ]
        uit.append((soort, titel, cyclus, stadium, cellen))
    return uit


def _volledig_op(
    gemeenten: Sequence[Gemeente], opgaven: Opgaven, cijfers: Sequence[Cijfer[int]], p: dt.date
) -> bool:
    """``domain.laatst_bekend.volledig`` on ``p``: only the figures dated ``p`` decide."""
    per_sleutel = laatst_bekend((c for c in cijfers if c.peildatum == p), p)
    return volledig(
        totaal(cellen, p).dekking
        for _, _, _, _, cellen in _vergelijkingen(gemeenten, opgaven, per_sleutel, p)
    )


# The newest realisation peildata whose figures are read at once to find the latest complete
# one; only when none of them is complete are the older figures read (one more query).
VENSTER = 3


def realisatie_peildata(
    provincie: Provincie,
    bekend_op: dt.date | None = None,
    gemeente_ids: Sequence[int] | None = None,
) -> list[dt.date]:
    """The peildata with a realisation figure of the table's soorten, newest first."""
    return sorted(
        _realisaties(provincie, bekend_op, gemeente_ids)
        .order_by()
        .values_list("peildatum", flat=True)
        .distinct(),
        reverse=True,
    )


def laatst_bekende_cijfers(
    provincie: Provincie | None,
    tot_en_met: dt.date,
    bekend_op: dt.date | None = None,
    gemeente_ids: Sequence[int] | None = None,
) -> list[Cijfer[int]]:
    """Per gemeente and soort of the table its latest figure on or before ``tot_en_met``
    (two queries, one row per gemeente and soort, however many peildata)."""
    qs = _realisaties(provincie, bekend_op, gemeente_ids)
    laatste = {
        (g, s): m
        for g, s, m in qs.filter(peildatum__lte=tot_en_met)
        .order_by()
        .values_list("gemeente_id", "soort")
        .annotate(m=Max("peildatum"))
        .values_list("gemeente_id", "soort", "m")
    }
    if not laatste:
        return []
    return [
        Cijfer(g, s, d, n)
        for g, s, d, n in qs.filter(peildatum__in=set(laatste.values()))
        .order_by()
        .values_list("gemeente_id", "soort", "peildatum", "aantal")
        if laatste.get((g, s)) == d
    ]


def bereken_stand_van_zaken(
    provincie: Provincie,
    peildatum: dt.date | None = None,
    bekend_op: dt.date | None = None,
    cyclus: int | None = None,
) -> StandVanZaken:
    return bereken_standen([provincie], peildatum, bekend_op, cyclus)[0]


@dataclass(frozen=True)
class _Gelezen:
    """The rows of a set of provincies that every Stand van zaken starts from, read at once
    (a constant number of queries however many provincies, gemeenten or peildata)."""

    gemeenten: dict[int, list[Gemeente]]
    """Per provincie id its gemeenten by name."""
    provincie_van: dict[int, int]
    """gemeente id → provincie id."""
    peildata: dict[int, list[dt.date]]
    opgaven: dict[int, Opgaven]
    met_realisatie: dict[int, list[dt.date]]
    bron_invullingen: dict[tuple[int, int], list[BronInvulling]]
    """Per (provincie id, cyclus id): Bijlage 1 as its source printed it."""

    def ids(self, provincies: Iterable[int]) -> list[int]:
        return [g.pk for p in provincies for g in self.gemeenten[p]]

    def per_provincie(self, cijfers: Iterable[Cijfer[int]]) -> dict[int, list[Cijfer[int]]]:
        uit: dict[int, list[Cijfer[int]]] = {p: [] for p in self.gemeenten}
        for c in cijfers:
            uit[self.provincie_van[c.gemeente]].append(c)
        return uit


def _cijfers(
    gemeente_ids: Sequence[int],
    bekend_op: dt.date | None,
    *,
    op: Collection[dt.date] | None = None,
    voor: dt.date | None = None,
) -> list[Cijfer[int]]:
    qs = cijfers_van(Realisatie, bekend_op).filter(
        soort__in=[s for s, _, _ in TABEL_SOORTEN], gemeente_id__in=list(gemeente_ids)
    )
    if op is not None:
        qs = qs.filter(peildatum__in=list(op))
    if voor is not None:
        qs = qs.filter(peildatum__lt=voor)
    return [
        Cijfer(g, s, d, n)
        for g, s, d, n in qs.order_by().values_list("gemeente_id", "soort", "peildatum", "aantal")
    ]


def _verschillend(
    model: type[Peilrecord],
    bekend_op: dt.date | None,
    gemeente_ids: Sequence[int],
    pids: Sequence[int],
    *velden: str,
) -> Iterator[tuple[Any, ...]]:
    """The distinct (provincie id, *velden) of the figures of ``model`` of the gemeenten: one
    query; for one provincie without the join to the gemeenten (SQLite: a third faster)."""
    qs = cijfers_van(model, bekend_op).filter(gemeente_id__in=list(gemeente_ids)).order_by()
    if len(pids) == 1:
        for rij in qs.values_list(*velden).distinct():
            yield (pids[0], *rij)
        return
    yield from qs.values_list("gemeente__provincie_id", *velden).distinct()


def _lees(provincies: Sequence[Provincie], bekend_op: dt.date | None) -> _Gelezen:
    pids = [p.pk for p in provincies]
    gemeenten: dict[int, list[Gemeente]] = {p: [] for p in pids}
    for g in Gemeente.objects.filter(provincie_id__in=pids).order_by("naam"):
        gemeenten[g.provincie_id].append(g)
    provincie_van = {g.pk: p for p, lijst in gemeenten.items() for g in lijst}
    ids = list(provincie_van)

    # Every month with figures (``peildata``), and the realisation peildata of the table's
    # soorten (``realisatie_peildata``) from the same query.
    maanden: dict[int, set[dt.date]] = {p: set() for p in pids}
    met_realisatie: dict[int, set[dt.date]] = {p: set() for p in pids}
    tabel_soorten = {str(s) for s, _, _ in TABEL_SOORTEN}
    for p, d, soort in _verschillend(Realisatie, bekend_op, ids, pids, "peildatum", "soort"):
        maanden[p].add(eerste_van_maand(d))
        if soort in tabel_soorten:
            met_realisatie[p].add(d)
    for model in (CoaRij, NidosStand):
        for p, d in _verschillend(model, bekend_op, ids, pids, "peildatum"):
            maanden[p].add(eerste_van_maand(d))

    cycli = tuple(Cyclus.objects.all())
    rijen: dict[int, list[tuple[int, str, str, int, int]]] = {p: [] for p in pids}
    for rij in Opgave.objects.filter(
        gemeente_id__in=ids, soort__in=[s for s, _, _ in TABEL_SOORTEN]
    ).values_list("cyclus_id", "soort", "stadium", "gemeente_id", "aantal"):
        rijen[provincie_van[rij[3]]].append(rij)
    provinciaal: dict[int, list[ProvincieOpgave]] = {p: [] for p in pids}
    for po in ProvincieOpgave.objects.filter(provincie_id__in=pids).order_by("geldig_vanaf"):
        provinciaal[po.provincie_id].append(po)
    bron: dict[tuple[int, int], list[BronInvulling]] = {}
    for b in BronInvulling.objects.filter(provincie_id__in=pids):
        bron.setdefault((b.provincie_id, b.cyclus_id), []).append(b)
    return _Gelezen(
        gemeenten=gemeenten,
        provincie_van=provincie_van,
        peildata={p: sorted(m, reverse=True) for p, m in maanden.items()},
        opgaven={
            p: Opgaven(cycli=cycli, rijen=tuple(rijen[p]), provinciaal=tuple(provinciaal[p]))
            for p in pids
        },
        met_realisatie={p: sorted(m, reverse=True) for p, m in met_realisatie.items()},
        bron_invullingen=bron,
    )


def _standaarden(
    gelezen: _Gelezen, bekend_op: dt.date | None
) -> tuple[dict[int, dt.date | None], dict[int, list[Cijfer[int]]]]:
    """Per provincie the latest complete peildatum (``domain.laatst_bekend``), judged newest
    first: the figures of the newest few peildata of every provincie at once, the older ones
    only for the provincies where none of those is complete (one more query). Also the
    figures read of the newest few, per provincie."""
    venster = {p: d[:VENSTER] for p, d in gelezen.met_realisatie.items()}
    met = [p for p, v in venster.items() if v]
    # Completeness on p reads only the figures dated p (``_volledig_op``).
    recent = gelezen.per_provincie(
        _cijfers(gelezen.ids(met), bekend_op, op={d for p in met for d in venster[p]})
        if met
        else []
    )
    for p in met:
        recent[p] = [c for c in recent[p] if c.peildatum in venster[p]]

    def oordeel(
        p: int, cijfers: Sequence[Cijfer[int]], data: Iterable[dt.date]
    ) -> Iterator[tuple[dt.date, bool]]:
        for d in data:
            yield d, _volledig_op(gelezen.gemeenten[p], gelezen.opgaven[p], cijfers, d)

    standaard: dict[int, dt.date | None] = {}
    verder: list[int] = []
    for p, v in venster.items():
        gevonden = next((d for d, vol in oordeel(p, recent[p], v) if vol), None)
        if gevonden is None and len(gelezen.met_realisatie[p]) > VENSTER:
            verder.append(p)
        else:
            standaard[p] = gevonden or (v[0] if v else None)
    if verder:
        ouder = gelezen.per_provincie(
            _cijfers(gelezen.ids(verder), bekend_op, voor=max(venster[p][-1] for p in verder))
        )
        for p in verder:
            eigen = [c for c in ouder[p] if c.peildatum < venster[p][-1]]
            standaard[p] = standaard_peildatum(
                itertools.chain(
                    ((d, False) for d in venster[p]),
                    oordeel(p, eigen, gelezen.met_realisatie[p][VENSTER:]),
                )
            )
    return standaard, recent


def _laatste_per_provincie(
    model: type[Peilrecord],
    gelezen: _Gelezen,
    provincies: Sequence[int],
    grens: dt.date,
    bekend_op: dt.date | None,
    velden: Sequence[str],
) -> dict[int, tuple[dt.date | None, list[tuple[Any, ...]]]]:
    """Per provincie the rows (gemeente id, peildatum, *velden) of its newest peildatum
    before ``grens`` (current, or as known on a day): two queries for all provincies."""
    qs = cijfers_van(model, bekend_op).filter(
        gemeente_id__in=gelezen.ids(provincies), peildatum__lt=grens
    )
    laatste = dict(
        qs.order_by()
        .values_list("gemeente__provincie_id")
        .annotate(m=Max("peildatum"))
        .values_list("gemeente__provincie_id", "m")
    )
    uit: dict[int, tuple[dt.date | None, list[tuple[Any, ...]]]] = {
        p: (laatste.get(p), []) for p in provincies
    }
    if laatste:
        for rij in (
            qs.filter(peildatum__in=set(laatste.values()))
            .order_by()
            .values_list("gemeente_id", "peildatum", *velden)
        ):
            p = gelezen.provincie_van[rij[0]]
            if laatste.get(p) == rij[1]:
                uit[p][1].append(rij)
    return uit


def bereken_standen(
    provincies: Iterable[Provincie],
    peildatum: dt.date | None = None,
    bekend_op: dt.date | None = None,
    cyclus: int | None = None,
) -> list[StandVanZaken]:
    """The Stand van zaken of each of ``provincies`` (``bereken_stand_van_zaken``), all read
    at once: the number of queries does not depend on the number of provincies, gemeenten or
    peildata (the national overview asks all twelve)."""
    provincies = list(provincies)
    if not provincies:
        return []
    gelezen = _lees(provincies, bekend_op)
    standaard, recent = _standaarden(gelezen, bekend_op)

    gekozen: dict[int, dt.date] = {}
    for provincie in provincies:
        p = provincie.pk
        alle = gelezen.peildata[p]
        gekozen[p] = eerste_van_maand(
            peildatum or standaard[p] or (alle[0] if alle else klok.deze_maand())
        )
    per_datum: dict[dt.date, list[int]] = {}
    for p, d in gekozen.items():
        per_datum.setdefault(d, []).append(p)

    # Per peildatum (one for the national overview): the latest figures, COA and Nidos.
    cijfers: dict[int, list[Cijfer[int]]] = {}
    coa: dict[int, tuple[dt.date | None, list[tuple[Any, ...]]]] = {}
    nidos: dict[int, tuple[dt.date | None, list[tuple[Any, ...]]]] = {}
    for d, groep in per_datum.items():
        gelezen_cijfers = gelezen.per_provincie(
            laatst_bekende_cijfers(None, d, bekend_op, gelezen.ids(groep))
        )
        cijfers.update((p, gelezen_cijfers[p]) for p in groep)
        grens = volgende_maand(d)
        coa.update(_laatste_per_provincie(CoaRij, gelezen, groep, grens, bekend_op, COA_INVOER))
        nidos.update(
            _laatste_per_provincie(
                NidosStand, gelezen, groep, grens, bekend_op, ("gerealiseerd", "taakstelling")
            )
        )

    return [
        _stand(
            provincie,
            gelezen,
            gekozen[provincie.pk],
            standaard[provincie.pk],
            recent[provincie.pk],
            cijfers[provincie.pk],
            coa[provincie.pk],
            nidos[provincie.pk],
            bekend_op,
            cyclus,
        )
        for provincie in provincies
    ]


def _kolommen(
    gemeenten: Sequence[Gemeente],
    opgaven: Opgaven,
    cijfers: Sequence[Cijfer[int]],
    peildatum: dt.date,
) -> tuple[list[Kolom], list[list[Cel]]]:
    """The table's columns (one per soort) and per soort one Cel per gemeente."""
    per_sleutel = laatst_bekend(cijfers, peildatum)
    kolommen = []
    cellen_per_soort: list[list[Cel]] = []
    for soort, titel, kolom_cyclus, stadium, cellen in _vergelijkingen(
        gemeenten, opgaven, per_sleutel, peildatum
    ):
        data = [c.peildatum for c in cijfers if c.soort == soort]
        cellen_per_soort.append(cellen)
        kolommen.append(
            Kolom(
                soort=soort,
                titel=titel,
                cyclus=kolom_cyclus,
                stadium=stadium,
                realisatie_peildatum=max(data, default=None),
                totaal=totaal(cellen, peildatum),
                provinciale_opgaven=opgaven.provinciaal_tot(soort, kolom_cyclus, peildatum),
                met_stand=any(
                    not c.leeg and (c.cijfer.ouder or not c.heeft_realisatie) for c in cellen
                ),
            )
        )
    return kolommen, cellen_per_soort


def _statushouders(
    per_id: Mapping[int, Gemeente], rijen: Iterable[tuple[Any, ...]]
) -> tuple[StatushoudersRij, ...]:
    """R4 per gemeente from its COA row (gemeente id, peildatum, *``COA_INVOER``), by name."""
    return tuple(
        sorted(
            (
                StatushoudersRij(per_id[g], stand_vergunninghouders(invoer_uit(getallen)))
                for g, _, *getallen in rijen
            ),
            key=lambda r: r.gemeente.naam,
        )
    )


def _nidos(
    per_id: Mapping[int, Gemeente], rijen: Iterable[tuple[Any, ...]]
) -> tuple[NidosRij, ...]:
    """The Nidos rows (gemeente id, peildatum, gerealiseerd, taakstelling), by name."""
    return tuple(
        sorted(
            (
                NidosRij(per_id[g], gerealiseerd, taakstelling)
                for g, _, gerealiseerd, taakstelling in rijen
            ),
            key=lambda r: r.gemeente.naam,
        )
    )


def _stand(
    provincie: Provincie,
    gelezen: _Gelezen,
    peildatum: dt.date,
    standaard: dt.date | None,
    recent: Sequence[Cijfer[int]],
    cijfers: Sequence[Cijfer[int]],
    coa: tuple[dt.date | None, list[tuple[Any, ...]]],
    nidos_gelezen: tuple[dt.date | None, list[tuple[Any, ...]]],
    bekend_op: dt.date | None,
    cyclus: int | None,
) -> StandVanZaken:
    """One provincie's Stand van zaken from what ``_lees`` and ``bereken_standen`` read."""
    p = provincie.pk
    gemeenten = gelezen.gemeenten[p]
    # Which cyclus the table compares with; the latest complete peildatum (``standaard``) is
    # judged against the cycli in force, whatever is chosen.
    keuze = gelezen.opgaven[p].keuze(peildatum, cyclus)
    opgaven = gelezen.opgaven[p].met_keuze(keuze)
    met_realisatie = gelezen.met_realisatie[p]
    kolommen, cellen_per_soort = _kolommen(gemeenten, opgaven, cijfers, peildatum)
    met_stand = tuple(k.met_stand for k in kolommen)
    rijen = tuple(
        GemeenteRij(g, tuple(cellen[i] for cellen in cellen_per_soort), met_stand)
        for i, g in enumerate(gemeenten)
    )

    nieuwere = None
    if met_realisatie and met_realisatie[0] > peildatum and met_realisatie[0] != standaard:
        nieuwste = met_realisatie[0]
        geleverd = aangeleverd_op(recent, nieuwste) & {g.pk for g in gemeenten}
        nieuwere = Aanlevering(nieuwste, len(geleverd), len(gemeenten))

    per_id = {g.pk: g for g in gemeenten}
    coa_datum, coa_rijen = coa
    nidos_datum, nidos_rijen = nidos_gelezen
    stand = StandVanZaken(
        provincie=provincie,
        peildatum=peildatum,
        peildata=gelezen.peildata[p],
        kolommen=tuple(kolommen),
        rijen=rijen,
        statushouders=_statushouders(per_id, coa_rijen),
        statushouders_peildatum=coa_datum,
        nidos=_nidos(per_id, nidos_rijen),
        nidos_peildatum=nidos_datum,
        bekend_op=bekend_op,
        volledig=volledig(k.dekking for k in kolommen),
        standaard=peildatum == standaard,
        nieuwere=nieuwere,
        cyclus_keuze=keuze,
    )
    stand.bevindingen.extend(bevindingen(stand, opgaven.rijen, opgaven, gelezen.bron_invullingen))
    return stand


def bevindingen(
    stand: StandVanZaken,
    opgaven: Sequence[tuple[int, str, str, int, int]],
    gelezen: Opgaven | None = None,
    bron_invullingen: Mapping[tuple[int, int], Sequence[BronInvulling]] | None = None,
) -> list[Bevinding]:
    """The validation report for what the page shows: drift in distributions, the source's
    Bijlage 1 against the computed one, progress without task. With the provincie's opgaven
    as read (``gelezen``) and Bijlage 1 as its sources printed it, read for many provincies
    at once (``bron_invullingen``), this reads nothing more."""
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
            if c == kolom.cyclus.pk and s == kolom.soort and st == Stadium.INDICATIEF and g in namen
        }
        if rijen:
            resultaat.extend(
                controleer_som(
                    f"{kolom.titel}, indicatieve verdeling ({basis.bron or kolom.cyclus.naam}), "
                    f"provinciale opgave {opmaak.datum(basis.geldig_vanaf)}",
                    rijen,
                    basis.aantal,
                )
            )
    # Bijlage 1 of the cyclus's verslag as its source printed it ("2691", "141 / 200").
    for cyclus in dict.fromkeys(k.cyclus for k in stand.kolommen if k.cyclus):
        if gelezen is None or bron_invullingen is None:
            resultaat.extend(bron_bevindingen(stand.provincie, cyclus))
            continue
        soorten = SOORTEN_PER_CYCLUS.get(cyclus.soort, ())
        berekend = invulling_uit(
            cyclus,
            (
                (po.soort, po.geldig_vanaf, po.aantal)
                for po in gelezen.provinciaal
                if po.cyclus_id == cyclus.pk and po.soort in soorten
            ),
            (
                (s, n)
                for c, s, st, _, n in gelezen.rijen
                if c == cyclus.pk and st == Stadium.AANBOD and s in soorten
            ),
        )
        resultaat.extend(
            bron_bevindingen(
                stand.provincie,
                cyclus,
                berekend,
                bron_invullingen.get((stand.provincie.pk, cyclus.pk), []),
            )
        )
    if stand.nidos:
        resultaat.extend(
            controleer_voortgang(
                f"Nidos, factsheet {opmaak.datum(stand.nidos_peildatum)}",
                {r.gemeente.naam: (r.gerealiseerd, r.taakstelling) for r in stand.nidos},
            )
        )
    return resultaat


# --- Trends: realisation against opgave over all peildata ------------------------------


@dataclass(frozen=True)
class TrendPunt:
    """One peildatum of a soort: the realisation known then (every gemeente's latest figure on
    or before it; None: no figure at all) against the opgave in force (None: none in force),
    the verschil over the gemeenten with a figure and an opgave, and for a provincie its
    provincial number in force and how complete the figures are."""

    peildatum: dt.date
    realisatie: int | None
    opgave: int | None
    provinciale_opgave: int | None = None
    verschil: int | None = None
    dekking: Dekking | None = None


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
    cycli: tuple[Cyclus, ...] = ()
    """The Spreidingswet cycli that apply on any of the peildata (the choice of the page)."""
    gekozen: Cyclus | None = None
    """The cyclus chosen with ``?cyclus=``: its opgave on every peildatum where it applies."""
    melding: str = ""

    @property
    def naam(self) -> str:
        return self.gemeente.naam if self.gemeente else self.provincie.naam

    @property
    def te_kiezen(self) -> bool:
        return len(self.cycli) > 1

    @property
    def opties(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected): the cyclus in force on each peildatum (the default), then
        every cyclus that applies on one of them."""
        return [("", "de cyclus in kracht op elke peildatum", self.gekozen is None)] + [
            (str(c.jaar), f"{c.jaar}: {c.naam}", c == self.gekozen) for c in self.cycli
        ]


def trends(
    provincie: Provincie, gemeente: Gemeente | None = None, cyclus: int | None = None
) -> Trends:
    """``bereken_trends``, cached per provincie, gemeente, cyclus and data version."""
    return gecached(
        f"trends:{provincie.pk}:{gemeente.pk if gemeente else '-'}"
        + (f":{cyclus}" if cyclus is not None else ""),
        lambda: bereken_trends(provincie, gemeente, cyclus),
    )


def bereken_trends(
    provincie: Provincie, gemeente: Gemeente | None = None, cyclus: int | None = None
) -> Trends:
    """Realisation against the opgave in force per soort and peildatum (or, for regulier and
    AMV, that of the Spreidingswet cyclus of year ``cyclus`` on the peildata where it applies),
    and the statushouders achter/voor (R4) per COA peildatum, for a provincie (totals of its
    gemeenten, each with its latest known figure) or one gemeente (its own peildata). Six
    queries, however many peildata and gemeenten."""
    gemeenten = tuple(Gemeente.objects.filter(provincie=provincie).order_by("naam"))
    ids = [gemeente.pk] if gemeente is not None else [g.pk for g in gemeenten]
    opgaven = Opgaven.laad(provincie, ids)
    cijfers = realisatie_cijfers(provincie, gemeente_ids=ids)
    keuzes = {p: opgaven.keuze(p, cyclus) for p in sorted({c.peildatum for c in cijfers})}
    toepasselijk = {c.pk: c for k in keuzes.values() for c in k.keuzes}
    gekozen = next((c for c in toepasselijk.values() if c.jaar == cyclus), None)
    statushouders, per_gemeente_reeks = _statushouders_trends(ids, gemeenten, gemeente is None)
    return Trends(
        provincie=provincie,
        gemeente=gemeente,
        gemeenten=gemeenten,
        soorten=_soort_trends(opgaven, cijfers, keuzes, ids, provinciaal=gemeente is None),
        statushouders=statushouders,
        statushouders_per_gemeente=per_gemeente_reeks,
        cycli=tuple(sorted(toepasselijk.values(), key=lambda c: (c.begin, c.eind))),
        gekozen=gekozen,
        melding=_cyclus_melding(cyclus, gekozen, toepasselijk.values()),
    )


def _cyclus_melding(cyclus: int | None, gekozen: Cyclus | None, cycli: Iterable[Cyclus]) -> str:
    """The warning when the chosen cyclus applies on none of the peildata ("" otherwise)."""
    if cyclus is None or gekozen is not None:
        return ""
    mogelijk = ", ".join(str(c.jaar) for c in cycli) or "geen"
    return (
        f"De cyclus {cyclus} is op geen van deze peildata van toepassing (van toepassing: "
        f"{mogelijk}); de trends vergelijken met de cyclus in kracht op elke peildatum."
    )


def _soort_trends(
    opgaven: Opgaven,
    cijfers: Sequence[Cijfer[int]],
    keuzes: dict[dt.date, CyclusKeuze],
    ids: Sequence[int],
    *,
    provinciaal: bool,
) -> tuple[SoortTrend, ...]:
    """Per soort of the table, per peildatum of its figures: the totals over ``ids`` (each
    gemeente's latest known figure against the opgave of the cyclus of ``keuzes``), with the
    provincial number in force when ``provinciaal``."""
    soorten = []
    for soort, cyclus_soort, titel in TABEL_SOORTEN:
        eigen = [c for c in cijfers if c.soort == soort]
        data = sorted({c.peildatum for c in eigen})
        reeks = laatst_bekend_reeks(eigen, data)
        punten = []
        for peildatum in data:
            kolom_cyclus, stadium, per_gemeente = opgaven.met_keuze(keuzes[peildatum]).op(
                soort, cyclus_soort, peildatum
            )
            cellen = [
                Cel(per_gemeente.get(g) if stadium else None, bekend(reeks[peildatum], g, soort))
                for g in ids
            ]
            t = totaal(cellen, peildatum)
            provinciaal_tot = opgaven.provinciaal_tot(soort, kolom_cyclus, peildatum)
            punten.append(
                TrendPunt(
                    peildatum=peildatum,
                    realisatie=t.realisatie,
                    opgave=t.opgave,
                    provinciale_opgave=(
                        provinciaal_tot[-1].aantal if provinciaal_tot and provinciaal else None
                    ),
                    verschil=t.verschil,
                    dekking=t.dekking,
                )
            )
        soorten.append(SoortTrend(soort, titel, tuple(punten)))
    return tuple(soorten)


def _statushouders_trends(
    ids: Sequence[int], gemeenten: Sequence[Gemeente], per_gemeente: bool
) -> tuple[tuple[StatushoudersPunt, ...], tuple[StatushoudersGemeenteReeks, ...]]:
    """R4 per COA peildatum: the total over ``ids``, and (``per_gemeente``) every gemeente's
    achter/voor per peildatum (None where COA gave no row). One query."""
    coa: dict[dt.date, dict[int, VergunninghoudersStand]] = {}
    for gemeente_id, peildatum, invoer in coa_invoer(
        CoaRij.objects.actueel().filter(gemeente_id__in=ids)
    ):
        coa.setdefault(peildatum, {})[gemeente_id] = stand_vergunninghouders(invoer)
    coa_peildata = sorted(coa)
    statushouders = tuple(
        StatushoudersPunt(
            d, totaal_vergunninghouders(coa[d][g] for g in ids if g in coa[d]), len(coa[d])
        )
        for d in coa_peildata
    )
    if not per_gemeente:
        return statushouders, ()
    reeksen = tuple(
        StatushoudersGemeenteReeks(
            g,
            tuple(coa[d][g.pk].achter_voor if g.pk in coa[d] else None for d in coa_peildata),
        )
        for g in gemeenten
        if any(g.pk in coa[d] for d in coa_peildata)
    )
    return statushouders, reeksen


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
