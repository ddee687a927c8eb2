"""The tables of the herinneringen page as ``core.tabel.Tabel`` (``core/tabel.html``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from regietafel.core import opmaak
from regietafel.core.tabel import Kolom, Tabel


def _dag(d: dt.date) -> str:
    """ "maandag 01-12-2025": the weekday in the page's language, the date dd-mm-jjjj."""
    from django.utils.dateformat import format as dateformat

    return f"{dateformat(d, 'l')} {opmaak.datum(d)}"


def komend_tabel(komend: Sequence[Any]) -> Tabel:
    """This month's peildatum and the next two: the deadline and the reminder's day."""
    return Tabel(
        sleutel="komend",
        titel=(
            "De peildatum van deze maand en de volgende twee: de uiterste datum en de dag van "
            "de herinnering"
        ),
        bijschrift="",
        kolommen=(
            Kolom("Peildatum", "datum"),
            Kolom("Uiterlijk", "tekst"),
            Kolom("Herinnering vanaf", "tekst"),
        ),
        rijen=tuple(
            (r.peildatum, _dag(r.uiterste_datum), _dag(r.herinneren_vanaf)) for r in komend
        ),
    )


def ronde_tabel(gemeenten: Sequence[tuple[Any, str]]) -> Tabel:
    """Per gemeente its inzending for the peildatum of the running round."""
    return Tabel(
        sleutel="ronde",
        titel="Per gemeente de inzending voor deze peildatum",
        bijschrift="",
        kolommen=(Kolom("Gemeente", "tekst"), Kolom("Inzending", "tekst")),
        rijen=tuple((g.naam, status) for g, status in gemeenten),
    )
