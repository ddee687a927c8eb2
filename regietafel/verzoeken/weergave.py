"""A table on a page: the ``Tabel`` with a link per row and its Excel download.
Shared by the verzoeken and toezicht pages (``verzoeken/_tabel.html``, which renders
``pagina_tabel`` with the one table template ``core/tabel.html``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.http import HttpRequest, HttpResponse

from regietafel.core.tabel import Tabel
from regietafel.core.xlsx import xlsx_antwoord


@dataclass(frozen=True)
class Blok:
    tabel: Tabel
    links: tuple[str, ...] = ()
    xlsx: str = ""
    leeg: str = ""

    @property
    def pagina_tabel(self) -> Tabel:
        """The table as the page shows it: the first cell links to the row's page, the table
        keeps its sleutel as its id, an empty table says so."""
        tabel = self.tabel.met_links(self.links) if self.links else self.tabel
        return replace(
            tabel,
            anker=self.tabel.anker or self.tabel.sleutel,
            leeg=self.leeg or "Nog niets vastgelegd.",
            klasse=" ".join(k for k in (self.tabel.klasse, "tabel-verzoeken") if k),
        )


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
