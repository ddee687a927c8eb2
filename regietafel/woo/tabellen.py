"""The tables of the Woo pages as ``core.tabel.Tabel`` (``core/tabel.html``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.urls import reverse

from regietafel.core.tabel import Kolom, Link, Noot, Tabel, Waarde


def _besluit(regel: Any) -> str:
    if regel.weigergrond:
        return "niet openbaar"
    return "deels openbaar" if regel.aantal_lakken else "openbaar"


def documenten_tabel(besluit: Any, documenten: Sequence[tuple[Any, Any]]) -> Tabel:
    """Per document of a besluit: its besluit, the gronden, the lakken and their review."""
    rijen: list[tuple[Waarde, ...]] = [
        (
            d.nummer,
            Link(d.titel, reverse("woo:document", args=[besluit.pk, d.nummer])),
            d.datum,
            _besluit(r),
            ", ".join(r.letters) + (r.weigergrond or ""),
            r.aantal_lakken,
            d.aantal_open,
            Noot(d.get_status_display(), "", klasse=f"woo-status woo-status--{d.status}"),
        )
        for d, r in documenten
    ]
    return Tabel(
        sleutel="documenten",
        titel="Per document het besluit, de gronden en het aantal lakken",
        bijschrift="",
        kolommen=(
            Kolom("Nr."),
            Kolom("Titel", "tekst"),
            Kolom("Datum", "datum"),
            Kolom("Besluit", "tekst"),
            Kolom("Gronden", "tekst"),
            Kolom("Lakken"),
            Kolom("Te beoordelen"),
            Kolom("Status", "tekst"),
        ),
        rijen=tuple(rijen),
    )
