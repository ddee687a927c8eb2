"""Read side of the national view: per provincie its Stand van zaken, summed.

Each provincie's figures are ``monitoring.queries.stand_van_zaken`` of that provincie (the
very object its own page shows, cached per data version), so the national totals are the sum
of the provincies by construction: every gemeente's latest known figure up to the peildatum
(``domain.laatst_bekend``), the verschil over the gemeenten with a figure, and per provincie
how many gemeenten delivered for the peildatum. The provincies are computed together
(``monitoring.queries.standen_van_zaken``): a constant number of queries, none per
provincie, gemeente or peildatum; with a warm cache two. Stands stored by the projection job
(``monitoring.standprojectie``) for the current figures are read instead of computed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max

from regietafel.audit.gegevensversie import data_versie, gecached
from regietafel.core import opmaak
from regietafel.core.tabel import Kolom, Tabel, Waarde
from regietafel.domain.laatst_bekend import Status
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring import standprojectie
from regietafel.monitoring.models import Realisatie
from regietafel.monitoring.queries import TABEL_SOORTEN, StandVanZaken
from regietafel.opgaven.models import Cyclus, ProvincieOpgave

SYNTHETISCH = "SYNTHETISCH"
"""Every ``bron`` of a row of the national demo (``regietafel demo landelijk``) starts with
this word (``bron__startswith``): the overview and the dashboard say the figures are synthetic."""


def _som(waarden: list[int | None]) -> int | None:
    """The sum of the numbers that exist; None when none does (never a missing one as 0)."""
    bestaand = [w for w in waarden if w is not None]
    return sum(bestaand) if bestaand else None


@dataclass(frozen=True)
class SoortCijfers:
    opgave: int | None
    realisatie: int | None
    verschil: int | None
    """Over the gemeenten with a figure and an opgave (``domain.laatst_bekend.Totaal``)."""
    actueel: int = 0
    """Gemeenten with a figure dated the peildatum."""
    gemeenten: int = 0


@dataclass(frozen=True)
class ProvincieRij:
    provincie: Provincie
    gemeenten: int
    soorten: tuple[SoortCijfers, ...]
    """In the order of ``TABEL_SOORTEN`` (Oekraïne, regulier, AMV)."""
    statushouders_taakstelling: int
    statushouders_gerealiseerd: int
    statushouders_achter_voor: int
    synthetisch: bool
    aangeleverd: int = 0
    """Gemeenten with at least one figure dated the peildatum."""


@dataclass(frozen=True)
class Landelijk:
    peildatum: dt.date | None
    peildata: tuple[dt.date, ...]
    rijen: tuple[ProvincieRij, ...]
    cycli: tuple[Cyclus, ...] = ()
    """The Spreidingswet cycli that apply on the peildatum in some provincie."""
    gekozen: Cyclus | None = None
    """The cyclus chosen instead of the one in force, in the provincies where it applies."""
    melding: str = ""

    @property
    def te_kiezen(self) -> bool:
        return len(self.cycli) > 1

    @property
    def opties(self) -> list[tuple[str, str, bool]]:
        return [("", "de cyclus in kracht op de peildatum", self.gekozen is None)] + [
            (str(c.jaar), f"{c.jaar}: {c.naam}", c == self.gekozen) for c in self.cycli
        ]

    @property
    def synthetisch(self) -> bool:
        return any(r.synthetisch for r in self.rijen)

    @property
    def totaal(self) -> tuple[SoortCijfers, ...]:
        return tuple(
            SoortCijfers(
                _som([r.soorten[i].opgave for r in self.rijen]),
                _som([r.soorten[i].realisatie for r in self.rijen]),
                _som([r.soorten[i].verschil for r in self.rijen]),
                sum(r.soorten[i].actueel for r in self.rijen),
                sum(r.soorten[i].gemeenten for r in self.rijen),
            )
            for i in range(len(TABEL_SOORTEN))
        )

    @property
    def statushouders_achter_voor(self) -> int:
        return sum(r.statushouders_achter_voor for r in self.rijen)


def rij_uit(stand: StandVanZaken, synthetisch: bool) -> ProvincieRij:
    totaal = stand.statushouders_totaal
    return ProvincieRij(
        provincie=stand.provincie,
        gemeenten=len(stand.rijen),
        soorten=tuple(
            SoortCijfers(
                k.totaal.opgave,
                k.totaal.realisatie,
                k.totaal.verschil,
                k.dekking.actueel,
                k.dekking.gemeenten,
            )
            for k in stand.kolommen
        ),
        statushouders_taakstelling=totaal.taakstelling_incl,
        statushouders_gerealiseerd=totaal.realisatie_totaal,
        statushouders_achter_voor=totaal.achter_voor,
        synthetisch=synthetisch,
        aangeleverd=sum(
            1 for r in stand.rijen if any(c.status is Status.ACTUEEL for c in r.cellen)
        ),
    )


def _bereken(
    peildatum: dt.date | None, cyclus: int | None = None, versie: str | None = None
) -> Landelijk:
    provincies = list(Provincie.objects.order_by("naam"))
    synthetisch = set(
        ProvincieOpgave.objects.filter(bron__startswith=SYNTHETISCH).values_list(
            "provincie_id", flat=True
        )
    )
    if peildatum is None:
        peildatum = Realisatie.objects.actueel().aggregate(m=Max("peildatum"))["m"]
    standen = standprojectie.standen(provincies, peildatum, cyclus=cyclus, versie=versie)
    alle = sorted({d for s in standen for d in s.peildata}, reverse=True)
    keuzes = [s.cyclus_keuze for s in standen if s.cyclus_keuze]
    cycli = {c.pk: c for k in keuzes for c in k.keuzes}
    gekozen = next((k.gekozen for k in keuzes if k.gekozen), None)
    melding = ""
    if cyclus is not None and not any(c.jaar == cyclus for c in cycli.values()):
        mogelijk = ", ".join(str(c.jaar) for c in cycli.values()) or "geen"
        melding = (
            f"De cyclus {cyclus} is op de peildatum in geen provincie van toepassing (van "
            f"toepassing: {mogelijk}); het overzicht vergelijkt met de cyclus in kracht."
        )
    return Landelijk(
        peildatum=peildatum,
        peildata=tuple(alle),
        rijen=tuple(rij_uit(s, s.provincie.pk in synthetisch) for s in standen),
        cycli=tuple(sorted(cycli.values(), key=lambda c: (c.begin, c.eind))),
        gekozen=gekozen,
        melding=melding,
    )


def landelijk(peildatum: dt.date | None = None, cyclus: int | None = None) -> Landelijk:
    """The national overview on ``peildatum`` (None: the newest peildatum of any provincie),
    regulier and AMV against the Spreidingswet cyclus of year ``cyclus`` where it applies."""
    versie = data_versie()
    return gecached(
        f"landelijk:{peildatum.isoformat() if peildatum else '-'}"
        + (f":{cyclus}" if cyclus is not None else ""),
        lambda: _bereken(peildatum, cyclus, versie),
        versie,
    )


def tabel(overzicht: Landelijk) -> Tabel:
    """The national table: per provincie opgave, realisatie and verschil per soort, and R4."""
    kolommen: list[Kolom] = [
        Kolom("Provincie", "tekst", breedte=16),
        Kolom("Gemeenten", som=True, breedte=9),
    ]
    for _soort, _c, titel in TABEL_SOORTEN:
        kolommen += [
            Kolom("Opgave", groep=titel, som=True),
            Kolom("Realisatie", groep=titel, som=True),
            Kolom("Verschil", "verschil", groep=titel, som=True),
        ]
    kolommen += [
        Kolom("Taakstelling incl.", groep="Statushouders (COA)", som=True),
        Kolom("Gerealiseerd", groep="Statushouders (COA)", som=True),
        Kolom("Achter/voor", groep="Statushouders (COA)", som=True),
        Kolom("Gegevens", "tekst", breedte=10),
        Kolom("Gemeenten actueel", som=True, breedte=10),
    ]
    rijen: list[tuple[Waarde, ...]] = []
    for r in overzicht.rijen:
        cellen: list[Waarde] = [r.provincie.naam, r.gemeenten]
        for s in r.soorten:
            cellen += [s.opgave, s.realisatie, s.verschil]
        cellen += [
            r.statushouders_taakstelling,
            r.statushouders_gerealiseerd,
            r.statushouders_achter_voor,
            "synthetisch" if r.synthetisch else "bron",
            r.aangeleverd,
        ]
        rijen.append(tuple(cellen))
    totaal: list[Waarde] = ["Nederland", sum(r.gemeenten for r in overzicht.rijen)]
    for s in overzicht.totaal:
        totaal += [s.opgave, s.realisatie, s.verschil]
    totaal += [
        sum(r.statushouders_taakstelling for r in overzicht.rijen),
        sum(r.statushouders_gerealiseerd for r in overzicht.rijen),
        overzicht.statushouders_achter_voor,
        "synthetisch" if overzicht.synthetisch else "bron",
        sum(r.aangeleverd for r in overzicht.rijen),
    ]
    datum = opmaak.datum(overzicht.peildatum) if overzicht.peildatum else "geen peildatum"
    return Tabel(
        sleutel="landelijk",
        titel=f"Landelijk overzicht per provincie, peildatum {datum}",
        bijschrift=(
            "Opgave, realisatie en verschil per provincie (een negatief verschil is een tekort): "
            "per gemeente het laatst bekende cijfer tot en met de peildatum; het verschil telt "
            "alleen gemeenten met een cijfer. Gemeenten actueel: met cijfers van de peildatum "
            "zelf. Statushouders: achter/voor is de taakstelling min de realisatie, positief is "
            "een achterstand."
            + (" Synthetische cijfers zijn geen echte cijfers." if overzicht.synthetisch else "")
            + (
                f" Regulier en AMV: de opgave van de cyclus {overzicht.gekozen.jaar} "
                f"({overzicht.gekozen.naam}) in de provincies waar die van toepassing is."
                if overzicht.gekozen
                else ""
            )
        ),
        kolommen=tuple(kolommen),
        rijen=tuple(rijen),
        totaal=tuple(totaal),
        breed=True,
        klasse="tabel-landelijk",
    )
