"""The one clock: core.klok answers today and now, a request reads it once, tests pin it."""

from __future__ import annotations

import datetime as dt

from django.test import RequestFactory

from regietafel.core import klok
from tests.conftest import TESTKLOK


def test_today_and_this_month_follow_a_pinned_clock(time_machine) -> None:  # type: ignore[no-untyped-def]
    # 23:30 UTC on 31 December is already 1 January in Amsterdam: the site's time zone counts.
    time_machine.move_to(dt.datetime(2030, 12, 31, 23, 30, tzinfo=dt.UTC), tick=False)
    assert klok.nu() == dt.datetime(2030, 12, 31, 23, 30, tzinfo=dt.UTC)
    assert klok.vandaag() == dt.date(2031, 1, 1)
    assert klok.deze_maand() == dt.date(2031, 1, 1)
    assert klok.lokaal(klok.nu()).hour == 0


def test_a_request_reads_the_clock_once(time_machine) -> None:  # type: ignore[no-untyped-def]
    time_machine.move_to(dt.datetime(2027, 3, 15, 12, 0, tzinfo=dt.UTC), tick=False)
    gezien: list[klok.Moment] = []

    def view(request):  # type: ignore[no-untyped-def]
        time_machine.shift(dt.timedelta(days=40))  # the clock moves on during the request …
        gezien.append(klok.van_request(request))
        from django.http import HttpResponse

        return HttpResponse()

    klok.KlokMiddleware(view)(RequestFactory().get("/"))
    assert gezien[0].vandaag == dt.date(2027, 3, 15)  # … the request keeps its reading
    assert gezien[0].deze_maand == dt.date(2027, 3, 1)
    # Without the middleware (a bare request) the clock is read on the spot.
    assert klok.van_request(RequestFactory().get("/")).vandaag == dt.date(2027, 4, 24)


def test_the_suite_runs_at_its_clock() -> None:
    """make test-tijdreis runs the suite in the future; otherwise the clock is the real one."""
    if TESTKLOK:
        assert klok.vandaag() >= dt.date.fromisoformat(TESTKLOK)
    else:
        echt = dt.datetime.now(dt.UTC)  # noqa: TID251 - compared with the real clock
        assert abs(klok.nu() - echt) < dt.timedelta(minutes=1)
