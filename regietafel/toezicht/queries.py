"""Read side of toezicht: the gemeenten with a tekort on a vastgestelde opgave (from the
Stand van zaken of ``monitoring.queries``, read only) and their dossiers.

The figures are each gemeente's latest known ones (the Stand van zaken on the newest
peildatum, ``domain.laatst_bekend``): a gemeente that has not delivered for that month keeps
its older figure, shown with its date; one without any figure has no verschil and so is never
a tekort because a figure is missing.

Constant number of queries: the Stand van zaken's own, plus one for the dossiers with their
steps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from regietafel.core import opmaak
from regietafel.core.tabel import Kolom, Tabel
from regietafel.domain.voortgang import is_tekort, verschil_als_bekend
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.queries import CyclusKeuze, nieuwste_stand
from regietafel.opgaven.models import Soort, Stadium
from regietafel.toezicht.models import OPEN_STAPSTATUS, Dossier, DossierStatus, Stap

# The legal opgaven of the Stand van zaken table whose vastgestelde number IBT follows.
WETTELIJK = (Soort.REGULIER, Soort.AMV)


@dataclass(frozen=True)
class Tekort:
    soort: str
    titel: str
    opgave: int | None
    realisatie: int | None
    """None: niet aangeleverd (never 0)."""
    realisatie_peildatum: dt.date | None = None
    """The figure's own peildatum."""

    @property
    def verschil(self) -> int | None:
        """realisatie − opgave; None without a figure or an opgave (no tekort then)."""
        return verschil_als_bekend(self.realisatie, self.opgave)

    @property
    def is_tekort(self) -> bool:
        return is_tekort(self.verschil)


@dataclass(frozen=True)
class Rij:
    gemeente: Gemeente
    tekorten: tuple[Tekort, ...]
    """Regulier and AMV against their vastgestelde opgave (only those stored as vastgesteld)."""
    statushouders_achterstand: int | None
    """R4 achterstand on the COA peildatum (None: no COA row)."""
    dossier: Dossier | None

    @property
    def heeft_tekort(self) -> bool:
        return any(t.is_tekort for t in self.tekorten) or bool(self.statushouders_achterstand)

    @property
    def onderwerp(self) -> str:
        """A proposed subject for a new dossier: what is not realised."""
        delen = [
            f"{t.titel}: tekort {-t.verschil}"
            for t in self.tekorten
            if t.verschil is not None and t.is_tekort
        ]
        if self.statushouders_achterstand:
            delen.append(
                f"huisvesting vergunninghouders: achterstand {self.statushouders_achterstand}"
            )
        return "; ".join(delen)

    def tekort(self, soort: str) -> Tekort | None:
        return next((t for t in self.tekorten if t.soort == soort), None)

    @property
    def cijfers_per(self) -> str:
        """The peildata of the figures: "01-11-2025", "regulier 01-11-2025, AMV 01-10-2024"
        or "niet aangeleverd"."""
        data = {
            t.soort: opmaak.datum(t.realisatie_peildatum)
            if t.realisatie_peildatum
            else "niet aangeleverd"
            for t in self.tekorten
        }
        if len(set(data.values())) <= 1:
            return next(iter(data.values()), "")
        namen: dict[str, str] = {Soort.REGULIER: "regulier", Soort.AMV: "AMV"}
        return ", ".join(f"{namen.get(s, s)} {d}" for s, d in data.items())


@dataclass(frozen=True)
class Overzicht:
    provincie: Provincie
    peildatum: dt.date
    statushouders_peildatum: dt.date | None
    rijen: tuple[Rij, ...]
    cyclus_keuze: CyclusKeuze | None = None
    """The Spreidingswet cycli that apply on the peildatum and the one followed."""


def dossiers(provincie: Provincie) -> QuerySet[Dossier]:
    return (
        Dossier.objects.filter(gemeente__provincie=provincie)
        .select_related("gemeente")
        .prefetch_related(Prefetch("stappen", queryset=Stap.objects.prefetch_related("documenten")))
    )


def overzicht(
    provincie: Provincie, gemeente_id: int | None = None, cyclus: int | None = None
) -> Overzicht:
    """Every gemeente with a tekort on a vastgestelde opgave (regulier, AMV) or an
    achterstand on its statushouders taakstelling, and every gemeente with a dossier.
    ``gemeente_id``: only that gemeente (a gemeente user sees only its own); ``cyclus``: the
    vastgestelde opgave of that Spreidingswet cyclus where it applies (default: in force)."""
    stand = nieuwste_stand(provincie, cyclus=cyclus)
    per_gemeente: dict[int, Dossier] = {}
    for d in dossiers(provincie).order_by("geopend_op"):
        # The open dossier wins over closed ones; otherwise the newest.
        huidig = per_gemeente.get(d.gemeente_id)
        if huidig is None or huidig.status != DossierStatus.OPEN:
            per_gemeente[d.gemeente_id] = d
    achterstand = {r.gemeente.pk: r.stand.achterstand for r in stand.statushouders}
    rijen = []
    for rij in stand.rijen:
        g = rij.gemeente
        if gemeente_id is not None and g.pk != gemeente_id:
            continue
        tekorten = tuple(
            Tekort(k.soort, k.titel, c.opgave, c.realisatie, c.realisatie_peildatum)
            for k, c in zip(stand.kolommen, rij.cellen, strict=True)
            if k.soort in WETTELIJK and k.stadium == Stadium.VASTGESTELD
        )
        r = Rij(g, tekorten, achterstand.get(g.pk), per_gemeente.get(g.pk))
        if r.heeft_tekort or r.dossier is not None:
            rijen.append(r)
    return Overzicht(
        provincie,
        stand.peildatum,
        stand.statushouders_peildatum,
        tuple(rijen),
        stand.cyclus_keuze,
    )


def huidige_stap(dossier: Dossier) -> Stap | None:
    """The last step that is not finished (planned or running), else the last step."""
    stappen = list(dossier.stappen.all())
    open_ = [s for s in stappen if s.status in OPEN_STAPSTATUS]
    if open_:
        return open_[-1]
    return stappen[-1] if stappen else None


def te_laat(stap: Stap, datum: dt.date) -> bool:
    return stap.termijn is not None and stap.termijn < datum and stap.status in OPEN_STAPSTATUS


def overzicht_tabel(o: Overzicht, datum: dt.date) -> Tabel:
    def verschil(r: Rij, soort: str) -> int | None:
        t = r.tekort(soort)
        return t.verschil if t else None

    def opgave(r: Rij, soort: str) -> int | None:
        t = r.tekort(soort)
        return t.opgave if t else None

    rijen = []
    for r in o.rijen:
        stap = huidige_stap(r.dossier) if r.dossier else None
        rijen.append(
            (
                r.gemeente.naam,
                opgave(r, Soort.REGULIER),
                verschil(r, Soort.REGULIER),
                opgave(r, Soort.AMV),
                verschil(r, Soort.AMV),
                r.statushouders_achterstand,
                (f"{r.dossier.get_status_display()} sinds {opmaak.datum(r.dossier.geopend_op)}")
                if r.dossier
                else "geen dossier",
                (
                    f"{stap.get_soort_display()} ({stap.get_status_display().lower()}"
                    + (", termijn verstreken" if te_laat(stap, datum) else "")
                    + ")"
                )
                if stap
                else "",
                r.cijfers_per,
            )
        )
    sh = f" op {opmaak.datum(o.statushouders_peildatum)}" if o.statushouders_peildatum else ""
    return Tabel(
        sleutel="toezicht",
        titel="Gemeenten met een tekort",
        bijschrift=f"Per gemeente het laatst bekende cijfer tot en met {opmaak.datum(o.peildatum)} "
        "(de peildatum staat in de kolom Cijfers per) tegen de vastgestelde opgave die toen gold "
        "(verschil negatief = tekort; zonder cijfer geen verschil) en de achterstand huisvesting "
        f"vergunninghouders{sh}, met de stand van het toezichtdossier."
        + (
            f" Gekozen: {o.cyclus_keuze.tekst}."
            if o.cyclus_keuze and o.cyclus_keuze.gekozen
            else ""
        ),
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Opgave", groep="Asielopvang regulier", sub="vastgesteld"),
            Kolom("Verschil", "verschil", groep="Asielopvang regulier"),
            Kolom("Opgave", groep="Asielopvang AMV", sub="vastgesteld"),
            Kolom("Verschil", "verschil", groep="Asielopvang AMV"),
            Kolom("Achterstand", groep="Vergunninghouders"),
            Kolom("Dossier", "tekst", breedte=22),
            Kolom("Lopende stap", "tekst", breedte=30),
            Kolom("Cijfers per", "tekst", breedte=14),
        ),
        rijen=tuple(rijen),
        breed=True,
    )


def stappen_tabel(dossier: Dossier, datum: dt.date) -> Tabel:
    stappen = list(dossier.stappen.all())
    return Tabel(
        sleutel="stappen",
        titel=f"Stappen in het toezicht op {dossier.gemeente.naam}",
        bijschrift="Per stap de datum, de termijn, de status en de documenten.",
        kolommen=(
            Kolom("Stap", "tekst", breedte=22),
            Kolom("Datum", "datum"),
            Kolom("Termijn", "datum"),
            Kolom("Status", "tekst"),
            Kolom("Documenten"),
            Kolom("Notities", "tekst", breedte=40),
        ),
        rijen=tuple(
            (
                s.get_soort_display(),
                s.datum,
                s.termijn,
                s.get_status_display() + (" — termijn verstreken" if te_laat(s, datum) else ""),
                len(s.documenten.all()),
                s.notities,
            )
            for s in stappen
        ),
        breed=True,
    )
