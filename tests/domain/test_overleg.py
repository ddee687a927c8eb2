"""R9: the actie- en besluitenlijst is CONCEPT until a later meeting approves it; an open
action is overdue the day after its deadline (seeds 002, 004)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from regietafel.domain.overleg import CONCEPT, Lijststatus, instemming, lijststatus, verlopen


def test_a_list_without_approval_is_concept() -> None:
    s = lijststatus(None)
    assert s == Lijststatus()
    assert s.concept
    assert s.kort == s.lang == CONCEPT == "CONCEPT"


def test_an_approved_list_names_the_meeting_that_approved_it() -> None:
    # Seed 004: the list of 19 November 2025 is approved in the meeting of 5 February 2026.
    s = lijststatus(dt.date(2026, 2, 5))
    assert not s.concept
    assert s.kort == "Ingestemd 05-02-2026"
    assert s.lang == "Ingestemd in het overleg van 5 februari 2026"


def test_instemming_at_the_approving_item() -> None:
    assert (
        instemming(dt.date(2025, 11, 19)) == "Actie- en besluitenlijst 19 november 2025: Ingestemd."
    )


def test_an_open_action_is_overdue_the_day_after_its_deadline() -> None:
    deadline = dt.date(2026, 3, 1)
    assert not verlopen(deadline, dt.date(2026, 2, 28), afgehandeld=False)
    assert not verlopen(deadline, deadline, afgehandeld=False)  # the day itself is in time
    assert verlopen(deadline, dt.date(2026, 3, 2), afgehandeld=False)


def test_a_done_action_or_one_without_deadline_is_never_overdue() -> None:
    assert not verlopen(dt.date(2026, 3, 1), dt.date(2027, 1, 1), afgehandeld=True)
    assert not verlopen(None, dt.date(2027, 1, 1), afgehandeld=False)


@given(st.one_of(st.none(), st.dates()), st.dates(), st.booleans())
def test_verlopen_is_open_and_past_the_deadline(
    deadline: dt.date | None, datum: dt.date, afgehandeld: bool
) -> None:
    assert verlopen(deadline, datum, afgehandeld=afgehandeld) == (
        not afgehandeld and deadline is not None and datum > deadline
    )


@given(st.one_of(st.none(), st.dates()))
def test_the_short_and_long_status_agree(ingestemd_op: dt.date | None) -> None:
    s = lijststatus(ingestemd_op)
    assert s.concept == (s.kort == CONCEPT) == (s.lang == CONCEPT)
    assert s.kort.split()[0] == s.lang.split()[0]
