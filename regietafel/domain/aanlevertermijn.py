"""When a gemeente must deliver its figures for a peildatum, and when it is reminded.

A provincie keeps its rule as data (``Termijnregel``): "de 5e werkdag van de maand van de
peildatum", "de 10e kalenderdag van de maand na de peildatum", with a number of days before
that deadline on which the reminders start, and how it counts Bevrijdingsdag. The functions
take today's date as an argument; they read no clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from regietafel.domain.feestdagen import Bevrijdingsdag, nde_werkdag
from regietafel.domain.maanden import eerste_van_maand, plus_maanden

__all__ = [
    "MAX_KALENDERDAG",
    "MAX_WERKDAG",
    "Afwijkend",
    "Ronde",
    "Termijnregel",
    "Termijnsoort",
    "herinneringsdatum",
    "laatst_verstreken",
    "ronde",
    "te_herinneren",
    "uiterste_datum",
]

MAX_WERKDAG = 15
"""Every month has at least 15 working days, whatever the holidays."""
MAX_KALENDERDAG = 28
"""Every month has a 28th."""
MAX_DAGEN_VOORAF = 28
MAX_MAANDEN_NA = 2


class Termijnsoort(StrEnum):
    WERKDAG = "werkdag"
    KALENDERDAG = "kalenderdag"


@dataclass(frozen=True)
class Termijnregel:
    soort: Termijnsoort = Termijnsoort.WERKDAG
    dag: int = 5
    """The n-th working day (1–15) or calendar day (1–28)."""
    maanden_na_peildatum: int = 0
    """0: the month of the peildatum itself; 1: the month after."""
    dagen_vooraf: int = 3
    """Reminders go out from this many calendar days before the deadline (0: on the day)."""
    bevrijdingsdag: Bevrijdingsdag = Bevrijdingsdag.LUSTRUM

    def __post_init__(self) -> None:
        grens = MAX_WERKDAG if self.soort == Termijnsoort.WERKDAG else MAX_KALENDERDAG
        if not 1 <= self.dag <= grens:
            raise ValueError(
                f"de dag is 1 tot en met {grens} voor een {self.soort}, niet {self.dag}"
            )
        if not 0 <= self.maanden_na_peildatum <= MAX_MAANDEN_NA:
            raise ValueError(
                f"maanden na de peildatum is 0 tot en met {MAX_MAANDEN_NA}, "
                f"niet {self.maanden_na_peildatum}"
            )
        if not 0 <= self.dagen_vooraf <= MAX_DAGEN_VOORAF:
            raise ValueError(
                f"dagen vooraf is 0 tot en met {MAX_DAGEN_VOORAF}, niet {self.dagen_vooraf}"
            )

    def omschrijving(self) -> str:
        """In Dutch, e.g. "de 5e werkdag van de maand van de peildatum"."""
        maand = {
            0: "de maand van de peildatum",
            1: "de maand na de peildatum",
        }.get(self.maanden_na_peildatum, f"de {self.maanden_na_peildatum}e maand na de peildatum")
        return f"de {self.dag}e {self.soort} van {maand}"


@dataclass(frozen=True)
class Ronde:
    """One peildatum's delivery: its deadline and the first day of reminders."""

    peildatum: dt.date
    uiterste_datum: dt.date
    herinneren_vanaf: dt.date


def uiterste_datum(peildatum: dt.date, regel: Termijnregel) -> dt.date:
    """The last day a gemeente delivers its figures for ``peildatum``."""
    maand = plus_maanden(eerste_van_maand(peildatum), regel.maanden_na_peildatum)
    if regel.soort == Termijnsoort.WERKDAG:
        return nde_werkdag(maand.year, maand.month, regel.dag, regel.bevrijdingsdag)
    laatste = calendar.monthrange(maand.year, maand.month)[1]
    return maand.replace(day=min(regel.dag, laatste))


def herinneringsdatum(peildatum: dt.date, regel: Termijnregel) -> dt.date:
    return uiterste_datum(peildatum, regel) - dt.timedelta(days=regel.dagen_vooraf)


Afwijkend = Mapping[dt.date, dt.date]
"""Deadlines set for a single peildatum instead of the rule's (a holiday season): peildatum →
uiterste datum."""


def ronde(peildatum: dt.date, regel: Termijnregel, afwijkend: Afwijkend | None = None) -> Ronde:
    eind = (afwijkend or {}).get(peildatum) or uiterste_datum(peildatum, regel)
    return Ronde(peildatum, eind, eind - dt.timedelta(days=regel.dagen_vooraf))


def _kandidaten(vandaag: dt.date, regel: Termijnregel) -> list[dt.date]:
    """Peildata whose round can touch ``vandaag``, never one after this month (a gemeente
    cannot deliver for a peildatum that has not come yet)."""
    deze = eerste_van_maand(vandaag)
    return [plus_maanden(deze, -i) for i in range(regel.maanden_na_peildatum + 3)]


def _rondes(vandaag: dt.date, regel: Termijnregel, afwijkend: Afwijkend | None) -> list[Ronde]:
    kandidaten = set(_kandidaten(vandaag, regel))
    # A peildatum with a deadline of its own counts while that deadline is near.
    kandidaten.update(p for p in (afwijkend or {}) if p <= eerste_van_maand(vandaag))
    return [ronde(p, regel, afwijkend) for p in sorted(kandidaten)]


def te_herinneren(
    vandaag: dt.date, regel: Termijnregel, afwijkend: Afwijkend | None = None
) -> tuple[Ronde, ...]:
    """The rounds in their reminder window today: from ``herinneren_vanaf`` up to and
    including the deadline, oldest first."""
    rondes = _rondes(vandaag, regel, afwijkend)
    return tuple(
        sorted(
            (r for r in rondes if r.herinneren_vanaf <= vandaag <= r.uiterste_datum),
            key=lambda r: r.peildatum,
        )
    )


def laatst_verstreken(
    vandaag: dt.date, regel: Termijnregel, afwijkend: Afwijkend | None = None
) -> Ronde | None:
    """The newest round whose deadline has passed (before ``vandaag``): who has not delivered
    for it is late."""
    verstreken = [r for r in _rondes(vandaag, regel, afwijkend) if r.uiterste_datum < vandaag]
    return max(verstreken, key=lambda r: r.peildatum, default=None)
