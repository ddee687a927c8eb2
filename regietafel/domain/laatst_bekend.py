"""Het laatst bekende cijfer: never a false tekort (issue 16.2, with R5).

For a peildatum P a gemeente's figure for a soort is the latest one known on or before P:

- *actueel*: dated P;
- *ouder*: dated before P, shown with its own date ("stand 01-11-2025");
- *niet aangeleverd*: there is none — never 0.

A verschil (R5: realisatie − opgave) exists only where both exist: a gemeente without any
figure has verschil "–", not −opgave, and without an opgave in force (``in_kracht``) there is
no verschil either. A total adds up the figures that exist and says how complete it is
("11 van 12 gemeenten actueel per 01-01-2026"); its verschil is the sum over the gemeenten
with a figure and an opgave, and it says so when a gemeente with an opgave has no figure.

*Volledig* on P: at least one figure is dated P, and for every soort with a figure dated P,
every gemeente with an opgave (> 0) of that soort in force on P has a figure dated P. A soort
without any figure dated P does not count (a month in which only one soort is reported).
The dashboard opens on the latest complete peildatum (``standaard_peildatum``).

The gemeente is any hashable key (a name, a database id); a soort is a string.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from regietafel.domain import notatie
from regietafel.domain.voortgang import is_tekort, verschil_als_bekend

G = TypeVar("G", bound=Hashable)


class Status(StrEnum):
    ACTUEEL = "actueel"
    OUDER = "ouder"
    NIET_AANGELEVERD = "niet_aangeleverd"

    @property
    def label(self) -> str:
        return {
            Status.ACTUEEL: "actueel",
            Status.OUDER: "oudere stand",
            Status.NIET_AANGELEVERD: "niet aangeleverd",
        }[self]


@dataclass(frozen=True)
class Cijfer(Generic[G]):
    """One stored (current) figure: a gemeente's realisatie of a soort on a peildatum."""

    gemeente: G
    soort: str
    peildatum: dt.date
    aantal: int


@dataclass(frozen=True)
class Bekend:
    """What is known of one gemeente and soort on a peildatum: the figure and its own date,
    or nothing (``NIET_AANGELEVERD``)."""

    aantal: int | None
    peildatum: dt.date | None
    status: Status

    def __post_init__(self) -> None:
        leeg = self.status is Status.NIET_AANGELEVERD
        if leeg != (self.aantal is None) or leeg != (self.peildatum is None):
            raise ValueError(f"onmogelijke combinatie: {self!r}")
        if self.aantal is not None and self.aantal < 0:
            raise ValueError(f"realisatie is negatief: {self.aantal}")

    @property
    def ouder(self) -> bool:
        return self.status is Status.OUDER

    @property
    def tekst(self) -> str:
        """The note beside the figure: "stand 01-11-2025", "niet aangeleverd" or ""."""
        if self.status is Status.OUDER and self.peildatum is not None:
            return f"stand {notatie.datum(self.peildatum)}"
        if self.status is Status.NIET_AANGELEVERD:
            return Status.NIET_AANGELEVERD.label
        return ""


NIET_AANGELEVERD = Bekend(None, None, Status.NIET_AANGELEVERD)


def laatst_bekend(cijfers: Iterable[Cijfer[G]], peildatum: dt.date) -> dict[tuple[G, str], Bekend]:
    """Per (gemeente, soort) the latest figure dated on or before ``peildatum``.

    A pair without such a figure is absent: look it up with ``bekend`` (niet aangeleverd).
    Two figures for the same gemeente, soort and peildatum are an error (only one is current).
    """
    laatste: dict[tuple[G, str], Cijfer[G]] = {}
    gezien: set[tuple[G, str, dt.date]] = set()
    for c in cijfers:
        sleutel = (c.gemeente, c.soort, c.peildatum)
        if sleutel in gezien:
            raise ValueError(
                f"twee cijfers voor {c.gemeente} {c.soort} {notatie.datum(c.peildatum)}"
            )
        gezien.add(sleutel)
        if c.aantal < 0:
            raise ValueError(f"realisatie is negatief: {c.aantal}")
        if c.peildatum > peildatum:
            continue
        huidig = laatste.get((c.gemeente, c.soort))
        if huidig is None or c.peildatum > huidig.peildatum:
            laatste[(c.gemeente, c.soort)] = c
    return {
        k: Bekend(
            c.aantal, c.peildatum, Status.ACTUEEL if c.peildatum == peildatum else Status.OUDER
        )
        for k, c in laatste.items()
    }


def laatst_bekend_reeks(
    cijfers: Iterable[Cijfer[G]], peildata: Iterable[dt.date]
) -> dict[dt.date, dict[tuple[G, str], Bekend]]:
    """``laatst_bekend`` on each of ``peildata`` in one sweep (the trends: every peildatum
    of a provincie without reading the figures once per peildatum)."""
    gesorteerd = sorted(cijfers, key=lambda c: c.peildatum)
    gezien: set[tuple[G, str, dt.date]] = set()
    for c in gesorteerd:
        sleutel = (c.gemeente, c.soort, c.peildatum)
        if sleutel in gezien:
            raise ValueError(
                f"twee cijfers voor {c.gemeente} {c.soort} {notatie.datum(c.peildatum)}"
            )
        gezien.add(sleutel)
        if c.aantal < 0:
            raise ValueError(f"realisatie is negatief: {c.aantal}")
    uit: dict[dt.date, dict[tuple[G, str], Bekend]] = {}
    huidig: dict[tuple[G, str], Cijfer[G]] = {}
    i = 0
    for p in sorted(set(peildata)):
        while i < len(gesorteerd) and gesorteerd[i].peildatum <= p:
            c = gesorteerd[i]
            huidig[(c.gemeente, c.soort)] = c
            i += 1
        uit[p] = {
            k: Bekend(c.aantal, c.peildatum, Status.ACTUEEL if c.peildatum == p else Status.OUDER)
            for k, c in huidig.items()
        }
    return uit


def bekend(per_sleutel: Mapping[tuple[G, str], Bekend], gemeente: G, soort: str) -> Bekend:
    """The figure of ``gemeente`` and ``soort`` in a ``laatst_bekend`` result."""
    return per_sleutel.get((gemeente, soort), NIET_AANGELEVERD)


def aangeleverd_op(cijfers: Iterable[Cijfer[G]], peildatum: dt.date) -> frozenset[G]:
    """The gemeenten with at least one figure dated ``peildatum``."""
    return frozenset(c.gemeente for c in cijfers if c.peildatum == peildatum)


@dataclass(frozen=True)
class Vergelijking:
    """One gemeente and soort on a peildatum: the opgave in force (None: none in force) and
    the figure known then. The verschil exists only where both exist."""

    opgave: int | None
    cijfer: Bekend = NIET_AANGELEVERD

    @property
    def realisatie(self) -> int | None:
        return self.cijfer.aantal

    @property
    def status(self) -> Status:
        return self.cijfer.status

    @property
    def realisatie_peildatum(self) -> dt.date | None:
        return self.cijfer.peildatum

    @property
    def heeft_opgave(self) -> bool:
        return self.opgave is not None and self.opgave > 0

    @property
    def heeft_realisatie(self) -> bool:
        return self.cijfer.aantal is not None

    @property
    def verschil(self) -> int | None:
        """realisatie − opgave, or None ("–") without a figure or without an opgave."""
        return verschil_als_bekend(self.cijfer.aantal, self.opgave)

    @property
    def tekort(self) -> bool:
        return is_tekort(self.verschil)

    @property
    def leeg(self) -> bool:
        """Neither an opgave (> 0) nor a figure: nothing to show."""
        return not self.heeft_opgave and not self.heeft_realisatie


@dataclass(frozen=True)
class Dekking:
    """How complete the figures of one soort are on a peildatum."""

    peildatum: dt.date
    gemeenten: int
    actueel: int
    ouder: int
    niet_aangeleverd: int
    verwacht: int
    """Gemeenten with an opgave (> 0) in force: they are expected to deliver."""
    verwacht_actueel: int
    """Of those, the ones with a figure dated the peildatum."""

    def __post_init__(self) -> None:
        if self.actueel + self.ouder + self.niet_aangeleverd != self.gemeenten:
            raise ValueError(f"de aantallen tellen niet op: {self!r}")
        if not 0 <= self.verwacht_actueel <= min(self.verwacht, self.actueel):
            raise ValueError(f"onmogelijke dekking: {self!r}")

    @property
    def ontbreekt(self) -> int:
        """Gemeenten with an opgave whose figure for the peildatum is not (yet) there."""
        return self.verwacht - self.verwacht_actueel

    @property
    def volledig(self) -> bool:
        """Every gemeente with an opgave has a figure dated the peildatum."""
        return self.ontbreekt == 0

    @property
    def tekst(self) -> str:
        """ "11 van 12 gemeenten actueel per 01-01-2026"."""
        woord = "gemeente" if self.gemeenten == 1 else "gemeenten"
        return f"{self.actueel} van {self.gemeenten} {woord} actueel per {notatie.datum(self.peildatum)}"

    @property
    def toelichting(self) -> str:
        """ "11 met een oudere stand, 1 niet aangeleverd" (empty when all are actueel)."""
        delen = []
        if self.ouder:
            delen.append(f"{self.ouder} met een oudere stand")
        if self.niet_aangeleverd:
            delen.append(f"{self.niet_aangeleverd} niet aangeleverd")
        return ", ".join(delen)

    @property
    def volledige_tekst(self) -> str:
        """ "11 van 12 gemeenten actueel per 01-01-2026 (1 met een oudere stand)"."""
        return f"{self.tekst} ({self.toelichting})" if self.toelichting else self.tekst


def dekking(vergelijkingen: Sequence[Vergelijking], peildatum: dt.date) -> Dekking:
    """Count the statuses of one soort's figures on ``peildatum``."""
    status = [v.status for v in vergelijkingen]
    return Dekking(
        peildatum=peildatum,
        gemeenten=len(status),
        actueel=status.count(Status.ACTUEEL),
        ouder=status.count(Status.OUDER),
        niet_aangeleverd=status.count(Status.NIET_AANGELEVERD),
        verwacht=sum(1 for v in vergelijkingen if v.heeft_opgave),
        verwacht_actueel=sum(
            1 for v in vergelijkingen if v.heeft_opgave and v.status is Status.ACTUEEL
        ),
    )


@dataclass(frozen=True)
class Totaal:
    """The total of one soort over the gemeenten: always the sum of what exists."""

    opgave: int | None
    """The sum of the opgaven in force; None when no gemeente has one."""
    realisatie: int | None
    """The sum of the figures known (actueel or older); None when there are none."""
    verschil: int | None
    """The sum of the verschillen, over the gemeenten with a figure and an opgave."""
    met_verschil: int
    """Gemeenten in ``verschil``."""
    zonder_cijfer: int
    """Gemeenten with an opgave (> 0) and no figure at all: left out of ``verschil``."""
    dekking: Dekking

    @property
    def verschil_onvolledig(self) -> bool:
        """Some gemeente with an opgave has no figure: the verschil covers only the others."""
        return self.zonder_cijfer > 0

    @property
    def verschil_tekst(self) -> str:
        """What the verschil covers, when that is not every gemeente with an opgave."""
        if not self.verschil_onvolledig:
            return ""
        woord = "gemeente" if self.met_verschil == 1 else "gemeenten"
        zonder = "gemeente" if self.zonder_cijfer == 1 else "gemeenten"
        return (
            f"verschil over de {self.met_verschil} {woord} met een cijfer; "
            f"{self.zonder_cijfer} {zonder} met een opgave zonder cijfer"
        )


def totaal(vergelijkingen: Sequence[Vergelijking], peildatum: dt.date) -> Totaal:
    opgaven = [v.opgave for v in vergelijkingen if v.opgave is not None]
    cijfers = [v.realisatie for v in vergelijkingen if v.realisatie is not None]
    verschillen = [v.verschil for v in vergelijkingen if v.verschil is not None]
    return Totaal(
        opgave=sum(opgaven) if opgaven else None,
        realisatie=sum(cijfers) if cijfers else None,
        verschil=sum(verschillen) if verschillen else None,
        met_verschil=len(verschillen),
        zonder_cijfer=sum(1 for v in vergelijkingen if v.heeft_opgave and not v.heeft_realisatie),
        dekking=dekking(vergelijkingen, peildatum),
    )


def volledig(dekkingen: Iterable[Dekking]) -> bool:
    """A provincie is complete on a peildatum: some figure is dated it, and every soort with
    such a figure has one from every gemeente with an opgave of that soort."""
    met_cijfers = [d for d in dekkingen if d.actueel > 0]
    return bool(met_cijfers) and all(d.volledig for d in met_cijfers)


def standaard_peildatum(peildata: Iterable[tuple[dt.date, bool]]) -> dt.date | None:
    """The peildatum a dashboard opens on: the latest complete one, else the newest, else
    None. ``peildata``: (peildatum, volledig), newest first; read only as far as needed, so
    the completeness of older peildata need not be computed (a lazy iterable)."""
    nieuwste: dt.date | None = None
    vorige: dt.date | None = None
    for datum, vol in peildata:
        if vorige is not None and datum >= vorige:
            raise ValueError("de peildata staan niet van nieuw naar oud")
        vorige = datum
        if nieuwste is None:
            nieuwste = datum
        if vol:
            return datum
    return nieuwste
