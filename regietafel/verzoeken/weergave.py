"""A table on a page: the ``Tabel`` with a link per row and its Excel download.
Shared by the verzoeken and toezicht pages (``verzoeken/_tabel.html``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from regietafel.core.tabel import CelWeergave, Tabel
from regietafel.core.xlsx import xlsx_antwoord


@dataclass(frozen=True)
class Blok:
    tabel: Tabel
    links: tuple[str, ...] = ()
    xlsx: str = ""
    leeg: str = ""

    @property
    def rijen(self) -> list[tuple[list[CelWeergave], str]]:
        links = self.links or ("",) * len(self.tabel.rijen)
        return list(zip(self.tabel.weergave_rijen, links, strict=True))


def blokken(
    request: HttpRequest, tabellen: Sequence[tuple[Tabel, Sequence[str], str]]
) -> dict[str, Blok]:
    """One Blok per (tabel, links, empty text), keyed by the table's sleutel; the Excel link
    is the page itself with ``?xlsx=<sleutel>`` (other query parameters kept)."""
    uit = {}
    for tabel, links, leeg in tabellen:
        query = request.GET.copy()
        query["xlsx"] = tabel.sleutel
        uit[tabel.sleutel] = Blok(tabel, tuple(links), f"?{query.urlencode()}", leeg)
    return uit


def xlsx_gevraagd(
    request: HttpRequest, tabellen: Sequence[Tabel], *, naam: str, titel: str
) -> HttpResponse | None:
    """The Excel download of the table named in ``?xlsx=``, or None (render the page)."""
    gevraagd = request.GET.get("xlsx")
    if not gevraagd:
        return None
    for tabel in tabellen:
        if tabel.sleutel == gevraagd:
            return xlsx_antwoord(
                [tabel],
                bestandsnaam=f"{naam}-{tabel.sleutel}.xlsx",
                titel=f"{titel}: {tabel.titel}",
            )
    return None
