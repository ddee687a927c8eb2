"""Read side of the ministry's requests: what the pages, the exports and the dashboard show.

Every function runs a fixed number of SQL queries, however many rows there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from regietafel.core import opmaak
from regietafel.domain import noodopvang
from regietafel.domain.nareizigers import (
    Maatregel,
    Melding,
    binnen_taakstelling,
    dagen_vooraf_geinformeerd,
    einde_coa_betaling,
    har_plus_melding,
    meldingen,
)
from regietafel.gemeenten.models import Provincie
from regietafel.opgaven.models import CyclusSoort, Opgave, Soort, Stadium
from regietafel.verzoeken.models import (
    Activering,
    Kandidaatlocatie,
    Nareismaatregel,
    NareizigersPlaatsing,
    NoodopvangVerzoek,
    geldende_maatregel,
)

# --- Noodopvang reserve -----------------------------------------------------------------


@dataclass(frozen=True)
class Reserve:
    """A request with its reserve (R8, ``domain.noodopvang``): the page, the export and the
    dashboard read the numbers and the tekort from ``stand``."""

    verzoek: NoodopvangVerzoek
    stand: noodopvang.Reserve

    @property
    def kandidaten(self) -> int:
        return self.stand.kandidaten

    @property
    def verkend(self) -> int:
        return self.stand.verkend

    @property
    def gereed(self) -> int:
        return self.stand.gereed

    @property
    def geactiveerd(self) -> int:
        return self.stand.geactiveerd

    @property
    def aangehouden(self) -> int:
        return self.stand.aangehouden

    @property
    def tekort(self) -> int:
        return self.stand.tekort

    def in_periode(self, datum: dt.date) -> bool:
        return self.stand.in_periode(datum)


def _reserve(verzoek: NoodopvangVerzoek, kandidaten: int, plaatsen: dict[str, int]) -> Reserve:
    return Reserve(
        verzoek,
        noodopvang.reserve(
            verzoek.plaatsen,
            verzoek.periode_van,
            verzoek.periode_tot,
            kandidaten=kandidaten,
            plaatsen=plaatsen,
        ),
    )


def reserves(provincie: Provincie) -> list[Reserve]:
    """Every noodopvang request of the provincie with its reserve, newest first. One query:
    the places per readiness are summed in SQL, the rule is the core's."""
    sommen = {
        f"p_{g}": Sum("kandidaten__plaatsen", filter=Q(kandidaten__gereedheid=g), default=0)
        for g in noodopvang.GEREEDHEDEN
    }
    qs = NoodopvangVerzoek.objects.filter(provincie=provincie).annotate(
        n_kandidaten=Count("kandidaten"), **sommen
    )
    return [
        _reserve(
            v,
            v.n_kandidaten,  # type: ignore[attr-defined]
            {g: getattr(v, f"p_{g}") for g in noodopvang.GEREEDHEDEN},
        )
        for v in qs
    ]


def reserve(verzoek: NoodopvangVerzoek, kandidaten: list[Kandidaatlocatie]) -> Reserve:
    """The reserve of one request from its loaded candidates (no query)."""
    return _reserve(
        verzoek,
        len(kandidaten),
        noodopvang.plaatsen_per_gereedheid((k.gereedheid, k.plaatsen) for k in kandidaten),
    )


def verzoeken_van(provincie: Provincie) -> QuerySet[NoodopvangVerzoek]:
    return NoodopvangVerzoek.objects.filter(provincie=provincie)


def kandidaten(verzoek: NoodopvangVerzoek) -> list[Kandidaatlocatie]:
    return list(verzoek.kandidaten.select_related("gemeente", "locatie"))


def activeringen(verzoek: NoodopvangVerzoek) -> list[Activering]:
    return list(
        Activering.objects.filter(kandidaat__verzoek=verzoek).select_related(
            "kandidaat__gemeente", "kandidaat__locatie"
        )
    )


def kandidaat_van(provincie: Provincie, pk: int) -> Kandidaatlocatie | None:
    return (
        Kandidaatlocatie.objects.select_related("verzoek", "gemeente", "locatie")
        .filter(verzoek__provincie=provincie, pk=pk)
        .first()
    )


def reserve_signaaltekst(r: Reserve) -> str:
    tekst = (
        f"Noodopvangreserve: {opmaak.getal(r.aangehouden)} van {opmaak.getal(r.verzoek.plaatsen)} "
        f"plaatsen gereed"
    )
    if r.geactiveerd:
        tekst += f" (waarvan {opmaak.getal(r.geactiveerd)} geactiveerd)"
    return (
        tekst + f", periode {opmaak.datum(r.verzoek.periode_van)} tot en met "
        f"{opmaak.datum(r.verzoek.periode_tot)}."
    )


# --- Nareismaatregel --------------------------------------------------------------------


def maatregel_op(datum: dt.date) -> Nareismaatregel | None:
    return geldende_maatregel(list(Nareismaatregel.objects.all()), datum)


@dataclass(frozen=True)
class PlaatsingRij:
    plaatsing: NareizigersPlaatsing
    dagen_vooraf: int | None
    coa_betaalt_tot: dt.date | None
    meldingen: tuple[Melding, ...]


@dataclass(frozen=True)
class TaakstellingRij:
    gemeente: str
    jaar: int
    helft: int
    nareizigers: int
    taakstelling: int | None
    """The gemeente's vastgestelde taakstelling vergunninghouders of that half year, if stored."""

    @property
    def halfjaar(self) -> str:
        return f"{'1e' if self.helft == 1 else '2e'} helft {self.jaar}"


@dataclass(frozen=True)
class Nareizigers:
    provincie: Provincie
    datum: dt.date
    maatregel: Nareismaatregel | None
    rijen: tuple[PlaatsingRij, ...]
    taakstelling: tuple[TaakstellingRij, ...]
    har_plus: Melding | None

    @property
    def regels(self) -> Maatregel | None:
        return self.maatregel.regels() if self.maatregel else None


def plaatsingen_van(provincie: Provincie) -> QuerySet[NareizigersPlaatsing]:
    return NareizigersPlaatsing.objects.filter(gemeente__provincie=provincie).select_related(
        "gemeente", "locatie"
    )


def _taakstellingen(provincie: Provincie) -> dict[tuple[str, int, int], int]:
    """(gemeente, year, half) → vastgestelde taakstelling vergunninghouders. One query."""
    uit: dict[tuple[str, int, int], int] = {}
    for naam, begin, aantal in Opgave.objects.filter(
        gemeente__provincie=provincie,
        soort=Soort.VERGUNNINGHOUDERS,
        stadium=Stadium.VASTGESTELD,
        cyclus__soort=CyclusSoort.STATUSHOUDERS,
    ).values_list("gemeente__naam", "cyclus__begin", "aantal"):
        uit[(naam, begin.year, 1 if begin.month <= 6 else 2)] = aantal
    return uit


def nareizigers(provincie: Provincie, datum: dt.date) -> Nareizigers:
    """The placements with their warnings on ``datum``, the count within the taakstelling and
    the HAR+ deadline. Three queries."""
    maatregel = maatregel_op(datum)
    regels = maatregel.regels() if maatregel else None
    plaatsingen = list(plaatsingen_van(provincie))
    rijen = tuple(
        PlaatsingRij(
            p,
            dagen_vooraf_geinformeerd(p.plaatsing()),
            einde_coa_betaling(p.plaatsing(), regels) if regels else None,
            meldingen(p.plaatsing(), regels, datum) if regels else (),
        )
        for p in plaatsingen
    )
    taak = _taakstellingen(provincie)
    telling = binnen_taakstelling(p.plaatsing() for p in plaatsingen)
    taakrijen = tuple(
        TaakstellingRij(g, j, h, n, taak.get((g, j, h)))
        for (g, j, h), n in sorted(telling.items(), key=lambda kv: (-kv[0][1], -kv[0][2], kv[0][0]))
    )
    return Nareizigers(
        provincie=provincie,
        datum=datum,
        maatregel=maatregel,
        rijen=rijen,
        taakstelling=taakrijen,
        har_plus=har_plus_melding(regels, datum) if regels else None,
    )
