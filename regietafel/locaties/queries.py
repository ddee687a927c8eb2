"""Read side of the location register: the list (filtered), the capacity projection against
the opgave, and the contracts that end. Each runs a fixed number of SQL queries, however
many locations or gemeenten there are; the pages, the Excel files and the CLI share them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from regietafel.core import opmaak
from regietafel.core.tabel import Kolom, Tabel, Waarde
from regietafel.domain.capaciteit import (
    Contract,
    Plaatsen,
    Status,
    aflopend_in_venster,
    projectie,
)
from regietafel.domain.maanden import eerste_van_maand, plus_maanden
from regietafel.domain.voortgang import verschil_als_bekend
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.monitoring.queries import cyclus_in_kracht, geldende_opgave
from regietafel.opgaven.models import Cyclus, CyclusSoort, Opgave, Soort

# --------------------------------------------------------------------------- the register


@dataclass(frozen=True)
class Filter:
    gemeente: Gemeente | None = None
    type: str = ""
    status: str = ""

    @property
    def actief(self) -> bool:
        return bool(self.gemeente or self.type or self.status)


def locaties(provincie: Provincie, filter: Filter | None = None) -> list[Locatie]:
    """The locations of ``provincie`` (one query), by gemeente and name."""
    f = filter or Filter()
    qs = Locatie.objects.filter(gemeente__provincie=provincie).select_related("gemeente")
    if f.gemeente is not None:
        qs = qs.filter(gemeente=f.gemeente)
    if f.type:
        qs = qs.filter(type=f.type)
    if f.status:
        qs = qs.filter(status=f.status)
    return list(qs.order_by("gemeente__naam", "naam"))


def _tot(loc: Locatie) -> Waarde:
    if loc.onbepaalde_tijd:
        return "onbepaalde tijd"
    return loc.beschikbaar_tot


def register_tabel(provincie: Provincie, rijen: Sequence[Locatie], f: Filter) -> Tabel:
    waar = f.gemeente.naam if f.gemeente else provincie.naam
    filters = [
        t
        for t in (
            f"type {LocatieType(f.type).label}" if f.type else "",
            f"status {LocatieStatus(f.status).label.lower()}" if f.status else "",
        )
        if t
    ]
    return Tabel(
        sleutel="Locaties",
        titel=f"Locaties {waar}" + (f" ({', '.join(filters)})" if filters else ""),
        bijschrift=(
            "Capaciteit per soort en contract. Overig: TGO, noodopvang en andere "
            "bijzondere opvangvormen. Beschikbaar tot: de dag waarop het contract eindigt."
        ),
        kolommen=(
            Kolom("Locatie", "tekst", breedte=26),
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Type", "tekst", breedte=18),
            Kolom("Regulier", som=True, breedte=9),
            Kolom("AMV", som=True, breedte=7),
            Kolom("Oekraïne", som=True, breedte=9),
            Kolom("Overig", som=True, breedte=8),
            Kolom("Totaal", som=True, breedte=8),
            Kolom("Beschikbaar van", "datum", breedte=12),
            Kolom("Beschikbaar tot", "datum", breedte=14),
            Kolom("Status", "tekst", breedte=12),
        ),
        rijen=tuple(
            (
                loc.naam,
                loc.gemeente.naam,
                loc.get_type_display(),
                loc.plaatsen_regulier,
                loc.plaatsen_amv,
                loc.plaatsen_oekraine,
                loc.plaatsen_bijzonder,
                loc.capaciteit,
                loc.beschikbaar_van,
                _tot(loc),
                loc.get_status_display(),
            )
            for loc in rijen
        ),
        totaal=(
            f"Totaal ({len(rijen)} locaties)",
            None,
            None,
            sum(loc.plaatsen_regulier for loc in rijen),
            sum(loc.plaatsen_amv for loc in rijen),
            sum(loc.plaatsen_oekraine for loc in rijen),
            sum(loc.plaatsen_bijzonder for loc in rijen),
            sum(loc.capaciteit for loc in rijen),
            None,
            None,
            None,
        ),
        breed=True,
    )


# --------------------------------------------------------------------------- projection


def contract(loc: Locatie) -> Contract:
    """A location as the domain's projection sees it: bijzonder counts as "overig"."""
    return Contract(
        naam=loc.naam,
        gemeente=loc.gemeente.naam,
        status=Status(loc.status),
        plaatsen=Plaatsen(
            regulier=loc.plaatsen_regulier,
            amv=loc.plaatsen_amv,
            oekraine=loc.plaatsen_oekraine,
            overig=loc.plaatsen_bijzonder,
        ),
        van=loc.beschikbaar_van,
        tot=loc.beschikbaar_tot,
        onbepaalde_tijd=loc.onbepaalde_tijd,
    )


@dataclass(frozen=True)
class Opgaven:
    """The opgave in force in one month (None: no opgave stored for that month)."""

    regulier: int | None
    amv: int | None
    oekraine: int | None


@dataclass(frozen=True)
class CapaciteitMaand:
    maand: dt.date
    plaatsen: Plaatsen
    opgave: Opgaven

    @property
    def asiel_regulier(self) -> int:
        """Regular places including the special forms: what the opgave regulier counts
        ("inclusief bijzondere opvangvormen", seed 001, Bijlage 1)."""
        return self.plaatsen.regulier + self.plaatsen.overig

    @property
    def verschil_regulier(self) -> int | None:
        return verschil_als_bekend(self.asiel_regulier, self.opgave.regulier)

    @property
    def verschil_amv(self) -> int | None:
        return verschil_als_bekend(self.plaatsen.amv, self.opgave.amv)

    @property
    def verschil_oekraine(self) -> int | None:
        return verschil_als_bekend(self.plaatsen.oekraine, self.opgave.oekraine)


@dataclass(frozen=True)
class Aflopend:
    locatie: Locatie
    contract: Contract

    @property
    def tot(self) -> dt.date:
        assert self.contract.einde is not None
        return self.contract.einde

    @property
    def plaatsen(self) -> int:
        return self.contract.plaatsen.totaal


@dataclass(frozen=True)
class Capaciteit:
    provincie: Provincie
    gemeente: Gemeente | None
    van: dt.date
    aantal: int
    maanden: tuple[CapaciteitMaand, ...]
    aflopend: tuple[Aflopend, ...]

    @property
    def naam(self) -> str:
        return self.gemeente.naam if self.gemeente else self.provincie.naam

    @property
    def tot(self) -> dt.date:
        """The first day after the window."""
        return plus_maanden(self.van, self.aantal)

    def als_json(self) -> dict[str, object]:
        """The CLI contract: {"provincie", "maanden": [...], "aflopend": [...]}."""
        return {
            "provincie": self.provincie.naam,
            "maanden": [
                {"maand": f"{m.maand:%Y-%m}", **m.plaatsen.als_dict()} for m in self.maanden
            ],
            "aflopend": [
                {
                    "locatie": a.locatie.naam,
                    "gemeente": a.locatie.gemeente.naam,
                    "tot": a.tot.isoformat(),
                    "plaatsen": a.plaatsen,
                }
                for a in self.aflopend
            ],
        }


def capaciteit(
    provincie: Provincie, van: dt.date, aantal: int = 24, gemeente: Gemeente | None = None
) -> Capaciteit:
    """Places per soort per month for ``aantal`` months from ``van``'s month, for the
    provincie (the sum of its gemeenten) or one gemeente, against the opgave in force in each
    month (the most binding stadium: vastgesteld before aanbod before indicatief; for
    Oekraïne the ambitie). Three queries."""
    qs = Locatie.objects.filter(gemeente__provincie=provincie).select_related("gemeente")
    if gemeente is not None:
        qs = qs.filter(gemeente=gemeente)
    lijst = list(qs.order_by("gemeente__naam", "naam"))
    contracten = [contract(loc) for loc in lijst]

    cycli = list(Cyclus.objects.exclude(soort=CyclusSoort.STATUSHOUDERS))
    opgave_qs = Opgave.objects.filter(
        gemeente__provincie=provincie, soort__in=(Soort.REGULIER, Soort.AMV, Soort.OEKRAINE)
    )
    if gemeente is not None:
        opgave_qs = opgave_qs.filter(gemeente=gemeente)
    opgaven = list(opgave_qs.values_list("cyclus_id", "soort", "stadium", "gemeente_id", "aantal"))

    som: dict[tuple[str, int | None], int | None] = {}

    def opgave_op(dag: dt.date, soort: str, cyclus_soort: str) -> int | None:
        cyclus = cyclus_in_kracht(cycli, cyclus_soort, dag)
        sleutel = (soort, cyclus.pk if cyclus else None)
        if sleutel not in som:  # once per soort and cyclus, not per month
            stadium, per_gemeente = geldende_opgave(opgaven, cyclus, soort)
            som[sleutel] = sum(per_gemeente.values()) if stadium is not None else None
        return som[sleutel]

    maanden = tuple(
        CapaciteitMaand(
            maand=m.maand,
            plaatsen=m.plaatsen,
            opgave=Opgaven(
                regulier=opgave_op(m.maand, Soort.REGULIER, CyclusSoort.SPREIDINGSWET),
                amv=opgave_op(m.maand, Soort.AMV, CyclusSoort.SPREIDINGSWET),
                oekraine=opgave_op(m.maand, Soort.OEKRAINE, CyclusSoort.OEKRAINE),
            ),
        )
        for m in projectie(contracten, van, aantal)
    )
    per_naam = {(loc.gemeente.naam, loc.naam): loc for loc in lijst}
    aflopend = tuple(
        Aflopend(per_naam[(c.gemeente, c.naam)], c)
        for c in aflopend_in_venster(contracten, van, aantal)
    )
    return Capaciteit(
        provincie=provincie,
        gemeente=gemeente,
        van=eerste_van_maand(van),
        aantal=aantal,
        maanden=maanden,
        aflopend=aflopend,
    )


def projectie_tabel(c: Capaciteit) -> Tabel:
    # Ukrainian refugees live mostly in gemeentelijke opvang outside the location register:
    # without a single Oekraïne place in the register a difference would be a false tekort.
    oekraine_in_register = any(m.plaatsen.oekraine for m in c.maanden)
    return Tabel(
        sleutel="Capaciteit",
        titel=f"Capaciteit per maand, {c.naam}, {opmaak.maand(c.van)} tot {opmaak.maand(c.tot)}",
        bijschrift=(
            "Plaatsen per soort volgens de contracten: een plaats telt in een maand als het "
            "contract de eerste dag van die maand dekt. Regulier incl. overig (TGO, noodopvang) "
            "staat tegenover de opgave regulier. Opgave: de geldende opgave in die maand "
            "(vastgesteld, anders aanbod of indicatief; Oekraïne: ambitie); leeg als er geen is."
            + (
                ""
                if oekraine_in_register
                else " Het register bevat geen plaatsen voor Oekraïense ontheemden (die wonen "
                "vooral in gemeentelijke opvang buiten het register): daar geen verschil."
            )
        ),
        kolommen=(
            Kolom("Maand", "tekst", breedte=9),
            Kolom("Regulier", groep="Plaatsen", breedte=9),
            Kolom("Overig", groep="Plaatsen", breedte=8),
            Kolom("AMV", groep="Plaatsen", breedte=7),
            Kolom("Oekraïne", groep="Plaatsen", breedte=9),
            Kolom("Regulier incl. overig", groep="Asielopvang regulier", breedte=11),
            Kolom("Opgave", groep="Asielopvang regulier", breedte=9),
            Kolom("Verschil", "verschil", groep="Asielopvang regulier", breedte=9),
            Kolom("AMV", groep="Asielopvang AMV", breedte=7),
            Kolom("Opgave", groep="Asielopvang AMV", breedte=9),
            Kolom("Verschil", "verschil", groep="Asielopvang AMV", breedte=9),
            Kolom("Oekraïne", groep="Oekraïense ontheemden", breedte=9),
            Kolom("Opgave", groep="Oekraïense ontheemden", breedte=9),
            Kolom("Verschil", "verschil", groep="Oekraïense ontheemden", breedte=9),
        ),
        rijen=tuple(
            (
                opmaak.maand(m.maand),
                m.plaatsen.regulier,
                m.plaatsen.overig,
                m.plaatsen.amv,
                m.plaatsen.oekraine,
                m.asiel_regulier,
                m.opgave.regulier,
                m.verschil_regulier,
                m.plaatsen.amv,
                m.opgave.amv,
                m.verschil_amv,
                m.plaatsen.oekraine,
                m.opgave.oekraine,
                m.verschil_oekraine if oekraine_in_register else None,
            )
            for m in c.maanden
        ),
        breed=True,
        klein=True,
    )


def aflopend_tabel(c: Capaciteit) -> Tabel:
    return Tabel(
        sleutel="Aflopende contracten",
        titel=f"Contracten die aflopen, {c.naam}, {opmaak.maand(c.van)} tot {opmaak.maand(c.tot)}",
        bijschrift="Locaties waarvan het contract binnen deze periode eindigt, vroegste eerst.",
        kolommen=(
            Kolom("Locatie", "tekst", breedte=26),
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Type", "tekst", breedte=18),
            Kolom("Tot", "datum", breedte=12),
            Kolom("Plaatsen", som=True, breedte=9),
            Kolom("Status", "tekst", breedte=12),
            Kolom("Bijzonderheden", "tekst", breedte=36),
        ),
        rijen=tuple(
            (
                a.locatie.naam,
                a.locatie.gemeente.naam,
                a.locatie.get_type_display(),
                a.tot,
                a.plaatsen,
                a.locatie.get_status_display(),
                a.locatie.bijzonderheden,
            )
            for a in c.aflopend
        ),
        totaal=("Totaal", None, None, None, sum(a.plaatsen for a in c.aflopend), None, None),
    )
