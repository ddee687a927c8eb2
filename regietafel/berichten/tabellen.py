"""The table of the berichten page as a ``core.tabel.Tabel`` (``core/tabel.html``)."""

from __future__ import annotations

from collections.abc import Sequence

from regietafel.berichten.models import Bericht
from regietafel.core import opmaak
from regietafel.core.tabel import Kolom, Tabel


def _status(b: Bericht) -> str:
    tekst = b.get_status_display()
    if b.verzonden_op:
        tekst += f" ({opmaak.moment(b.verzonden_op)})"
    if b.reden and b.status == "mislukt":
        tekst += f": {b.reden}"
    return tekst


def berichten_tabel(berichten: Sequence[Bericht]) -> Tabel:
    """The latest messages to the user, newest first."""
    return Tabel(
        sleutel="berichten",
        titel="De laatste berichten aan u, het nieuwste eerst",
        bijschrift="",
        kolommen=(
            Kolom("Gepland", "tekst"),
            Kolom("Onderwerp", "tekst"),
            Kolom("Status", "tekst"),
        ),
        rijen=tuple((opmaak.moment(b.aangemaakt_op), b.onderwerp, _status(b)) for b in berichten),
        rijkop=False,
    )
