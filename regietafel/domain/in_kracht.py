"""Which cyclus and which opgave are in force on a peildatum (issue 16.3).

Every comparison of a realisatie with an opgave uses the opgave that held on the peildatum P:

- the cyclus in force on P: ``begin ≤ P ≤ eind`` (of two that overlap, the one begun last);
  before the first cyclus begins there is none, so no opgave and no verschil ("–"), never a
  tekort against an opgave that did not yet hold;
- the provincial opgave with the latest ``geldig_vanaf ≤ P`` (an opgave valid from
  25-10-2024 does not hold on 01-10-2024).

Planning is another question: the provinciaal verslag prepares the cyclus that comes next, so
it may ask for the cyclus in force or else the first coming one (``in_kracht_of_komend``).

Both cycles side by side (issue 18.6): on P a page may compare the realisatie with the opgave
of any cyclus that applies on P (``van_toepassing``): the one in force, and every one whose
opgave was already known on P (the minister published it on or before P) and that has not
ended before P — in March 2026 the first cyclus (in force) and the second (its indicative
distribution published on 27-02-2026). The default stays the one in force.

Dates in, answer out: the items are anything with ``begin``/``eind`` or ``geldig_vanaf``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from regietafel.domain import notatie


class Periode(Protocol):
    """Something in force from ``begin`` up to and including ``eind``."""

    @property
    def begin(self) -> dt.date: ...

    @property
    def eind(self) -> dt.date: ...


class Geldig(Protocol):
    """Something valid from ``geldig_vanaf`` until the next one of its kind."""

    @property
    def geldig_vanaf(self) -> dt.date: ...


PeriodeT = TypeVar("PeriodeT", bound=Periode)
GeldigT = TypeVar("GeldigT", bound=Geldig)


def in_kracht(perioden: Iterable[PeriodeT], peildatum: dt.date) -> PeriodeT | None:
    """The period in force on ``peildatum`` (``begin ≤ peildatum ≤ eind``), or None.

    Of several in force, the one begun last; of those begun on the same day, the one that
    ends last (a later, longer cyclus replaces the earlier one)."""
    kandidaten = [p for p in perioden if p.begin <= peildatum <= p.eind]
    if not kandidaten:
        return None
    return max(kandidaten, key=lambda p: (p.begin, p.eind))


def in_kracht_of_komend(perioden: Iterable[PeriodeT], peildatum: dt.date) -> PeriodeT | None:
    """For planning only (the verslag prepares the next cyclus): the period in force on
    ``peildatum``, else the first one that begins after it, else None. Never use this to
    compare a realisatie with an opgave: use ``in_kracht``."""
    lijst = list(perioden)
    huidig = in_kracht(lijst, peildatum)
    if huidig is not None:
        return huidig
    komend = [p for p in lijst if p.begin > peildatum]
    return min(komend, key=lambda p: (p.begin, p.eind)) if komend else None


def van_toepassing(
    perioden: Iterable[PeriodeT],
    peildatum: dt.date,
    bekend_vanaf: Callable[[PeriodeT], dt.date | None],
) -> tuple[PeriodeT, ...]:
    """The periods that apply on ``peildatum``, the earliest begun first: the one in force
    (``in_kracht``), and every one known on ``peildatum`` (``bekend_vanaf(p) ≤ peildatum``;
    None: not known before it begins) that has not ended before it. A period that ended
    before ``peildatum`` or was not yet known then never applies."""
    lijst = list(perioden)
    huidig = in_kracht(lijst, peildatum)
    gekozen = [
        p
        for p in lijst
        if p is huidig
        or (peildatum <= p.eind and (bekend := bekend_vanaf(p)) is not None and bekend <= peildatum)
    ]
    return tuple(sorted(gekozen, key=lambda p: (p.begin, p.eind)))


def geldend_op(items: Iterable[GeldigT], peildatum: dt.date) -> GeldigT | None:
    """The item with the latest ``geldig_vanaf ≤ peildatum``, or None before the first.

    Two items valid from the same day are ambiguous: ``ValueError``."""
    geldig = [i for i in items if i.geldig_vanaf <= peildatum]
    if not geldig:
        return None
    laatste = max(i.geldig_vanaf for i in geldig)
    op_die_dag = [i for i in geldig if i.geldig_vanaf == laatste]
    if len(op_die_dag) > 1:
        raise ValueError(f"{len(op_die_dag)} opgaven geldig vanaf {notatie.datum(laatste)}")
    return op_die_dag[0]


def geldend_tot_en_met(items: Iterable[GeldigT], peildatum: dt.date) -> tuple[GeldigT, ...]:
    """Every item valid from a date on or before ``peildatum``, oldest first: the history
    of a number up to P (the last one is ``geldend_op``)."""
    return tuple(
        sorted((i for i in items if i.geldig_vanaf <= peildatum), key=lambda i: i.geldig_vanaf)
    )
