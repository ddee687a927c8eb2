"""The one clock: every "today" and "now" in regietafel is read here, and only here.

Time is an input. A view reads it once per request (``request.klok``, set by
:class:`KlokMiddleware`) and passes it down; services and queries take ``vandaag=``/``nu=``
where they need a date, and fall back to this module; the domain core only ever receives
dates as arguments. Tests pin the clock with time-machine (``tests/conftest.py``), and
``make test-tijdreis`` runs the suite with the clock in the future.

A lint rule (ruff TID251, ``pyproject.toml``) bans ``date.today()``, ``datetime.now()``,
``timezone.now()`` and ``timezone.localdate()`` everywhere but here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from regietafel.domain.maanden import eerste_van_maand

__all__ = ["KlokMiddleware", "Moment", "deze_maand", "lokaal", "nu", "van_request", "vandaag"]


def nu() -> dt.datetime:
    """The current moment, timezone-aware (UTC)."""
    return timezone.now()  # noqa: TID251 - the one place that reads the clock


def vandaag(moment: dt.datetime | None = None) -> dt.date:
    """Today's date in the site's time zone (Europe/Amsterdam)."""
    return timezone.localdate(moment or nu())  # noqa: TID251


def deze_maand(moment: dt.datetime | None = None) -> dt.date:
    """The first day of the current month: the newest peildatum that can exist."""
    return eerste_van_maand(vandaag(moment))


@dataclass(frozen=True, slots=True)
class Moment:
    """One reading of the clock, taken once per request and passed down."""

    nu: dt.datetime

    @property
    def vandaag(self) -> dt.date:
        return vandaag(self.nu)

    @property
    def deze_maand(self) -> dt.date:
        return eerste_van_maand(self.vandaag)

    @classmethod
    def lees(cls) -> Moment:
        return cls(nu())


def van_request(request: HttpRequest | None) -> Moment:
    """The moment of a request (read once by the middleware), or a fresh reading."""
    moment = getattr(request, "klok", None)
    return moment if isinstance(moment, Moment) else Moment.lees()


class KlokMiddleware:
    """Reads the clock once per request: ``klok.van_request(request).vandaag``, ``klok.van_request(request).nu``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.klok = Moment.lees()  # type: ignore[attr-defined]
        return self.get_response(request)


def lokaal(moment: dt.datetime) -> dt.datetime:
    """A stored moment in the site's time zone (a conversion: it never reads the clock)."""
    return timezone.localtime(moment)  # noqa: TID251
