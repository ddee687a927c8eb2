"""R9 — PRT meetings (seeds 002, 004): the status of an actie- en besluitenlijst and overdue
actions.

A meeting produces an actie- en besluitenlijst. It is a draft, marked CONCEPT, until a later
meeting approves it: from then on it is *ingestemd* in that meeting. The item of the later
meeting that approves it says so ("Actie- en besluitenlijst 19 november 2025: Ingestemd.").

An action (or the follow-up of a letter) with a deadline is *verlopen* (overdue) on a day after
its deadline while it is not done; without a deadline it never is.

Every page, table, document and dashboard signal takes the status and its words from here:
``kort`` where a date stands in a table cell, ``lang`` where a document or heading writes it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from regietafel.domain import notatie

CONCEPT = "CONCEPT"
INGESTEMD = "Ingestemd"


@dataclass(frozen=True)
class Lijststatus:
    """The status of one meeting's actie- en besluitenlijst."""

    ingestemd_op: dt.date | None = None
    """The date of the later meeting that approved the list; None: not (yet) approved."""

    @property
    def concept(self) -> bool:
        return self.ingestemd_op is None

    @property
    def kort(self) -> str:
        """ "CONCEPT" or "Ingestemd 05-02-2026"."""
        if self.ingestemd_op is None:
            return CONCEPT
        return f"{INGESTEMD} {notatie.datum(self.ingestemd_op)}"

    @property
    def lang(self) -> str:
        """ "CONCEPT" or "Ingestemd in het overleg van 5 februari 2026"."""
        if self.ingestemd_op is None:
            return CONCEPT
        return f"{INGESTEMD} in het overleg van {notatie.datum_lang(self.ingestemd_op)}"


def lijststatus(ingestemd_op: dt.date | None) -> Lijststatus:
    """The status of a list approved in the meeting of ``ingestemd_op`` (None: a draft)."""
    return Lijststatus(ingestemd_op)


def instemming(lijst_van: dt.date) -> str:
    """What the approving meeting's list says at its item: "Actie- en besluitenlijst
    19 november 2025: Ingestemd."."""
    return f"Actie- en besluitenlijst {notatie.datum_lang(lijst_van)}: {INGESTEMD}."


def verlopen(deadline: dt.date | None, datum: dt.date, *, afgehandeld: bool) -> bool:
    """An action or follow-up is overdue on ``datum``: not done and its deadline has passed
    (the deadline day itself is still in time)."""
    return not afgehandeld and deadline is not None and deadline < datum
