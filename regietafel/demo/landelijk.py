"""The synthetic national demo: `regietafel demo landelijk [--seed N]`.

On top of the Drenthe demo (loaded first, where missing) it generates for the 330 gemeenten
of the other 11 provincies: inhabitants (1-1-2025), the provincial opgaven and every opgave per
gemeente (Spreidingswet 2024 and 2026, Oekraïne, statushouders, minderjarigen), ``maanden``
monthly peildata up to 1-11-2025 of realisatie, COA statushouders and Nidos, locations, and
a bestuurlijk PRT per provincie (20-11-2025).

Deterministic: every figure of a gemeente comes from ``random.Random(f"{seed}:{cbs_code}")``
(and the provincial totals from R1), so the same seed gives the same figures in any order.
Synthetic IN THE DATA: every generated row has ``bron`` starting with ``SYNTHETISCH`` (and
``Inwonertal.synthetisch=True``; a Locatie, which has no bron, says so in ``bijzonderheden``
and its name, an Overleg in ``locatie``). No migration was needed for the marking.
Only adds: a row whose natural key exists is skipped, never changed (for the figures: any
current figure for that gemeente, soort and peildatum, whoever wrote it), so what a user, an
inzending or an import wrote stays, and a second run adds nothing. Drenthe is loaded with
``demo.services.laad_drenthe``, which only adds what is missing too.
Fast: through the shared write path's bulk form (``services.maak_reeks``): every row
validated, inserted in batches, one history entry each.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from operator import attrgetter
from typing import Any

from django.db import transaction
from django.db.models import Model, QuerySet

from regietafel.core import klok
from regietafel.demo import drenthe as drenthe_bron
from regietafel.domain.indicatief import indicatieve_verdeling
from regietafel.domain.maanden import maanden_tussen, plus_maanden
from regietafel.domain.verdeling import grootste_overschot
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.landelijk.queries import SYNTHETISCH
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.monitoring.models import NidosStand, Realisatie, VergunninghoudersStand
from regietafel.opgaven.models import Cyclus, Opgave, ProvincieOpgave, Soort, Stadium
from regietafel.services import maak_reeks

STANDAARD_ZAAD = 2026
MAANDEN = 60
LAATSTE_PEILDATUM = dt.date(2025, 11, 1)
INWONERS_JAAR = 2025
BATCH = 2000

# First cycle, published provincial opgaven incl. AMV (domain.md; Stcrt. 2024, 3320).
OPGAVE_2024: dict[str, int] = {
    "Zuid-Holland": 19_776,
    "Noord-Holland": 16_290,
    "Noord-Brabant": 14_689,
    "Gelderland": 11_704,
    "Utrecht": 8_207,
    "Overijssel": 6_325,
    "Limburg": 5_662,
    "Fryslân": 3_391,
    "Groningen": 2_717,
    "Drenthe": 2_691,
    "Flevoland": 2_441,
    "Zeeland": 2_109,
}
AMV_2024 = 8_140
RAMING_2026 = 88_000
AMV_2026 = 7_461  # the first cycle's share of AMV (8,140 / 96,000) of 88,000, rounded
OEKRAINE_LANDELIJK = 98_000


def bron(zaad: int) -> str:
    return f"{SYNTHETISCH} — landelijke demo (seed {zaad}), geen echte cijfers"


def peildata(maanden: int = MAANDEN) -> list[dt.date]:
    """``maanden`` first-of-months up to LAATSTE_PEILDATUM, oldest first."""
    return list(maanden_tussen(plus_maanden(LAATSTE_PEILDATUM, 1 - maanden), LAATSTE_PEILDATUM))


def _naam_sleutel(naam: str) -> str:
    return {"Friesland": "Fryslân"}.get(naam, naam)


@dataclass
class Plan:
    """Everything the demo would write, as unsaved rows (pure: no queries but the input)."""

    inwoners: list[Inwonertal] = field(default_factory=list)
    provinciaal: list[ProvincieOpgave] = field(default_factory=list)
    opgaven: list[Opgave] = field(default_factory=list)
    realisaties: list[Realisatie] = field(default_factory=list)
    coa: list[VergunninghoudersStand] = field(default_factory=list)
    nidos: list[NidosStand] = field(default_factory=list)
    locaties: list[Locatie] = field(default_factory=list)

    def soorten(self) -> Iterator[tuple[str, list[Any]]]:
        yield "inwonertallen", self.inwoners
        yield "provinciale opgaven", self.provinciaal
        yield "opgaven", self.opgaven
        yield "realisaties", self.realisaties
        yield "standen vergunninghouders", self.coa
        yield "standen Nidos", self.nidos
        yield "locaties", self.locaties


@dataclass(frozen=True)
class _Invoer:
    """What every step of ``plan`` shares."""

    cycli: dict[str, Cyclus]
    tekst: str
    nu: dt.datetime
    data: list[dt.date]


@dataclass(frozen=True)
class _Gemeentecijfers:
    """A gemeente's drawn opgaven that its series of figures grow towards."""

    aanbod_r: int
    aanbod_a: int
    oek_amb: int
    vh_h1: int
    vh_h2: int
    minderjarig: int


def plan(
    provincies: Iterable[Provincie],
    gemeenten: Iterable[Gemeente],
    cycli: dict[str, Cyclus],
    *,
    zaad: int = STANDAARD_ZAAD,
    maanden: int = MAANDEN,
) -> Plan:
    """The synthetic figures for ``gemeenten`` (all of them outside Drenthe). Each gemeente
    draws from its own random stream (seed and CBS code), in a fixed order: the same seed
    gives the same figures."""
    invoer = _Invoer(cycli, bron(zaad), klok.nu(), peildata(maanden))
    p = Plan()
    per_provincie: dict[int, list[Gemeente]] = {}
    for g in sorted(gemeenten, key=lambda g: g.cbs_code):
        per_provincie.setdefault(g.provincie_id, []).append(g)
    provincies = [pv for pv in provincies if pv.pk in per_provincie]
    rnd_g = {
        g.cbs_code: random.Random(f"{zaad}:{g.cbs_code}")
        for gs in per_provincie.values()
        for g in gs
    }
    inwoners = {
        code: int(r.lognormvariate(10.35, 0.8)) + 1_000 for code, r in sorted(rnd_g.items())
    }
    inw_pv = {pv.naam: sum(inwoners[g.cbs_code] for g in per_provincie[pv.pk]) for pv in provincies}
    oekraine_pv = grootste_overschot(OEKRAINE_LANDELIJK, inw_pv).aantallen
    for pv in provincies:
        reg_24, am_24, reg_26, am_26 = _provinciale_opgaven(p, invoer, pv, oekraine_pv[pv.naam])
        gs = per_provincie[pv.pk]
        basis = {g.cbs_code: (inwoners[g.cbs_code], Fraction(1)) for g in gs}
        ind_r24, ind_a24 = indicatieve_verdeling(reg_24, am_24, basis)
        ind_r26, ind_a26 = indicatieve_verdeling(reg_26, am_26, basis)
        oek = grootste_overschot(oekraine_pv[pv.naam], {k: v[0] for k, v in basis.items()})
        for g in gs:
            code, r = g.cbs_code, rnd_g[g.cbs_code]
            indicatief: dict[tuple[str, str], int] = {
                ("spreidingswet-2024", Soort.REGULIER): ind_r24.aantallen[code],
                ("spreidingswet-2024", Soort.AMV): ind_a24.aantallen[code],
                ("spreidingswet-2026", Soort.REGULIER): ind_r26.aantallen[code],
                ("spreidingswet-2026", Soort.AMV): ind_a26.aantallen[code],
                ("oekraine-2025", Soort.OEKRAINE): oek.aantallen[code],
            }
            cijfers = _gemeente_opgaven(p, invoer, g, r, inwoners[code], indicatief)
            _peilreeksen(p, invoer, g, r, cijfers)
            _synthetische_locaties(p, invoer, g, r)
    return p


def _provinciale_opgaven(
    p: Plan, invoer: _Invoer, pv: Provincie, oekraine: int
) -> tuple[int, int, int, int]:
    """The provincie's opgaven per cyclus (from the first cycle's national split); returns
    regulier and AMV of 2024 and of 2026."""
    alle_2024 = dict(OPGAVE_2024)
    amv_2024 = grootste_overschot(AMV_2024, alle_2024).aantallen
    totaal_2026 = grootste_overschot(RAMING_2026, alle_2024).aantallen
    amv_2026 = grootste_overschot(AMV_2026, alle_2024).aantallen
    sleutel = _naam_sleutel(pv.naam)
    totaal = OPGAVE_2024.get(sleutel, 1)
    reg_24, am_24 = totaal - amv_2024.get(sleutel, 0), amv_2024.get(sleutel, 0)
    reg_26, am_26 = totaal_2026[sleutel] - amv_2026[sleutel], amv_2026[sleutel]
    for c, soort, n, vanaf in (
        ("spreidingswet-2024", Soort.REGULIER, reg_24, dt.date(2024, 1, 31)),
        ("spreidingswet-2024", Soort.AMV, am_24, dt.date(2024, 1, 31)),
        ("spreidingswet-2026", Soort.REGULIER, reg_26, dt.date(2026, 2, 27)),
        ("spreidingswet-2026", Soort.AMV, am_26, dt.date(2026, 2, 27)),
        ("oekraine-2025", Soort.OEKRAINE, oekraine, dt.date(2025, 1, 1)),
    ):
        p.provinciaal.append(
            ProvincieOpgave(
                cyclus=invoer.cycli[c],
                provincie=pv,
                soort=soort,
                aantal=n,
                geldig_vanaf=vanaf,
                bron=invoer.tekst,
            )
        )
    return reg_24, am_24, reg_26, am_26


def _gemeente_opgaven(
    p: Plan,
    invoer: _Invoer,
    g: Gemeente,
    r: random.Random,
    inw: int,
    indicatief: dict[tuple[str, str], int],
) -> _Gemeentecijfers:
    """The gemeente's inhabitants and opgaven: the indicative ones as given, aanbod, ambitie
    and the statushouders' taakstelling drawn around them."""
    p.inwoners.append(
        Inwonertal(gemeente=g, jaar=INWONERS_JAAR, aantal=inw, bron=invoer.tekst, synthetisch=True)
    )
    reg = indicatief[("spreidingswet-2024", Soort.REGULIER)]
    amv = indicatief[("spreidingswet-2024", Soort.AMV)]
    aanbod_r, aanbod_a = round(reg * r.uniform(0.6, 1.5)), round(amv * r.uniform(0.5, 1.6))
    oek_ind = indicatief[("oekraine-2025", Soort.OEKRAINE)]
    c = _Gemeentecijfers(
        aanbod_r=aanbod_r,
        aanbod_a=aanbod_a,
        oek_amb=round(oek_ind * r.uniform(0.8, 1.3)),
        vh_h1=max(1, round(inw * r.uniform(0.0004, 0.0009))),
        vh_h2=max(1, round(inw * r.uniform(0.0004, 0.0009))),
        minderjarig=round(inw * r.uniform(0.00002, 0.00012)),
    )
    for cyclus, soort, stadium, n in (
        ("spreidingswet-2024", Soort.REGULIER, Stadium.INDICATIEF, reg),
        ("spreidingswet-2024", Soort.REGULIER, Stadium.AANBOD, aanbod_r),
        ("spreidingswet-2024", Soort.REGULIER, Stadium.VASTGESTELD, aanbod_r),
        ("spreidingswet-2024", Soort.AMV, Stadium.INDICATIEF, amv),
        ("spreidingswet-2024", Soort.AMV, Stadium.AANBOD, aanbod_a),
        ("spreidingswet-2024", Soort.AMV, Stadium.VASTGESTELD, aanbod_a),
        (
            "spreidingswet-2026",
            Soort.REGULIER,
            Stadium.INDICATIEF,
            indicatief[("spreidingswet-2026", Soort.REGULIER)],
        ),
        (
            "spreidingswet-2026",
            Soort.AMV,
            Stadium.INDICATIEF,
            indicatief[("spreidingswet-2026", Soort.AMV)],
        ),
        ("oekraine-2025", Soort.OEKRAINE, Stadium.INDICATIEF, oek_ind),
        ("oekraine-2025", Soort.OEKRAINE, Stadium.AMBITIE, c.oek_amb),
        ("statushouders-2025-1", Soort.VERGUNNINGHOUDERS, Stadium.VASTGESTELD, c.vh_h1),
        ("statushouders-2025-2", Soort.VERGUNNINGHOUDERS, Stadium.VASTGESTELD, c.vh_h2),
        ("statushouders-2025-2", Soort.MINDERJARIGEN, Stadium.VASTGESTELD, c.minderjarig),
    ):
        p.opgaven.append(
            Opgave(
                cyclus=invoer.cycli[cyclus],
                gemeente=g,
                soort=soort,
                stadium=stadium,
                aantal=n,
                bron=invoer.tekst,
            )
        )
    return c


def _peilreeksen(
    p: Plan, invoer: _Invoer, g: Gemeente, r: random.Random, c: _Gemeentecijfers
) -> None:
    """Per peildatum the realisation (a curve towards a share of the opgave, with noise;
    Ukraine from 4-2022), COA's stand and Nidos' stand."""
    doel = {
        Soort.REGULIER: c.aanbod_r * r.uniform(0.4, 1.3),
        Soort.AMV: c.aanbod_a * r.uniform(0.2, 1.4),
        Soort.OEKRAINE: c.oek_amb * r.uniform(0.5, 1.2),
    }
    # COA: per year the monthly realisation of statushouders.
    per_jaar: dict[int, tuple[int, int, int, list[int]]] = {}
    for jaar in sorted({d.year for d in invoer.data}):
        t1 = max(1, round(c.vh_h1 * r.uniform(0.8, 1.2)))
        t2 = max(1, round(c.vh_h2 * r.uniform(0.8, 1.2)))
        stand = r.randint(-round(t1 / 2), t1)
        maand = [max(0, round((t1 if m < 6 else t2) / 6 * r.uniform(0.3, 1.6))) for m in range(12)]
        per_jaar[jaar] = (stand, t1, t2, maand)

    def peil(model: type[Any], d: dt.date, **velden: Any) -> Any:
        return model(
            gemeente=g, peildatum=d, bron=invoer.tekst, geregistreerd_op=invoer.nu, **velden
        )

    n_data = len(invoer.data)
    for i, d in enumerate(invoer.data):
        groei = 0.25 + 0.75 * (i + 1) / n_data
        for soort, eind in doel.items():
            if soort == Soort.OEKRAINE and d < dt.date(2022, 4, 1):
                aantal = 0
            else:
                aantal = max(0, round(eind * groei * r.uniform(0.93, 1.07)))
            p.realisaties.append(peil(Realisatie, d, soort=soort, aantal=aantal))
        stand, t1, t2, maand = per_jaar[d.year]
        klaar = d.month - 1  # figures up to the end of the previous month
        p.coa.append(
            peil(
                VergunninghoudersStand,
                d,
                jaar=d.year,
                stand_1_jan=stand,
                taakstelling_h1=t1,
                realisatie_h1=sum(maand[: min(klaar, 6)]),
                taakstelling_h2=t2,
                correcties=0,
                **{
                    veld: (maand[6 + k] if 6 + k < klaar else 0)
                    for k, veld in enumerate(VergunninghoudersStand.MAANDVELDEN)
                },
            )
        )
        taak = max(c.minderjarig, 1)
        p.nidos.append(
            peil(
                NidosStand,
                d,
                gerealiseerd=round(taak * groei * r.uniform(0.3, 1.2)),
                taakstelling=taak,
            )
        )


def _synthetische_locaties(p: Plan, invoer: _Invoer, g: Gemeente, r: random.Random) -> None:
    """One to three locations of the gemeente, marked synthetic."""
    for k in range(r.randint(1, 3)):
        soort_loc = r.choice(
            (LocatieType.REGULIER, LocatieType.REGULIER, LocatieType.AMV, LocatieType.TGO)
        )
        plaatsen = r.randint(20, 600)
        van = dt.date(r.randint(2022, 2026), r.randint(1, 12), 1)
        p.locaties.append(
            Locatie(
                gemeente=g,
                naam=f"Locatie {k + 1} {g.naam} (synthetisch)",
                type=soort_loc,
                plaatsen_regulier=plaatsen if soort_loc == LocatieType.REGULIER else 0,
                plaatsen_amv=plaatsen // 4 if soort_loc == LocatieType.AMV else 0,
                plaatsen_bijzonder=plaatsen // 3 if soort_loc == LocatieType.TGO else 0,
                beschikbaar_van=van,
                beschikbaar_tot=dt.date(max(van.year + r.randint(3, 10), 2027), van.month, 1),
                status=LocatieStatus.GEREALISEERD if van.year < 2026 else LocatieStatus.GEPLAND,
                bijzonderheden=invoer.tekst,
            )
        )


@dataclass
class Resultaat:
    wijzigingen: dict[str, int] = field(default_factory=dict)
    seconden: float = 0.0

    @property
    def totaal(self) -> int:
        return sum(self.wijzigingen.values())


def _nieuw(rijen: list[Any], bestaand: set[tuple[Any, ...]], sleutel: Any) -> list[Any]:
    return [r for r in rijen if sleutel(r) not in bestaand]


def _schrijf(model: type[Model], rijen: list[Any], *, door: Any, tekst: str) -> int:
    """New rows through the shared write path: validated, in batches, one history entry each."""
    return maak_reeks(model, rijen, door=door, bron=tekst, batch=BATCH)


def laad(
    door: Any = None,
    *,
    zaad: int = STANDAARD_ZAAD,
    maanden: int = MAANDEN,
    met_drenthe: bool = True,
) -> Resultaat:
    """Load the Drenthe demo (unchanged) and the synthetic national demo; idempotent.
    ``met_drenthe=False`` skips (re)loading Drenthe, for tests where it is loaded already."""
    from regietafel.demo.services import laad_drenthe

    begin = time.perf_counter()
    if met_drenthe:
        laad_drenthe(door=door)
    with transaction.atomic():
        r = _laad(door, zaad=zaad, maanden=maanden)
    r.seconden = time.perf_counter() - begin
    return r


OVERLEG_DATUM = dt.date(2025, 11, 20)


def _overleggen(door: Any, provincies: list[Provincie], tekst: str) -> int:
    """A bestuurlijk PRT per provincie on 20-11-2025, through the overleg app's service.
    Without an acting user the write is the system's (``door=None``, as for every
    command-line write): the audit entry has no user."""
    from regietafel.overleg.models import Overleg, OverlegSoort
    from regietafel.overleg.services import bewaar_overleg

    bestaand = set(
        Overleg.objects.filter(
            provincie__in=provincies, soort=OverlegSoort.BESTUURLIJK, datum=OVERLEG_DATUM
        ).values_list("provincie_id", flat=True)
    )
    nieuw = 0
    for pv in provincies:
        if pv.pk in bestaand:
            continue
        bewaar_overleg(
            door=door,
            provincie=pv,
            waarden={
                "soort": OverlegSoort.BESTUURLIJK,
                "datum": OVERLEG_DATUM,
                "begintijd": dt.time(13, 30),
                "eindtijd": dt.time(15, 30),
                "locatie": f"Provinciehuis {pv.naam} ({tekst})"[:300],
                "voorzitter": "Gedeputeerde (synthetisch)",
            },
        )
        nieuw += 1
    return nieuw


def _laad(door: Any, *, zaad: int, maanden: int) -> Resultaat:
    drenthe = Provincie.objects.get(naam=drenthe_bron.PROVINCIE)
    provincies = list(Provincie.objects.exclude(pk=drenthe.pk))
    gemeenten = list(Gemeente.objects.exclude(provincie=drenthe))
    ids = [g.pk for g in gemeenten]
    cycli = {c.code: c for c in Cyclus.objects.all()}
    p = plan(provincies, gemeenten, cycli, zaad=zaad, maanden=maanden)
    tekst = bron(zaad)
    # Per kind: its planned rows, what is stored already (by the key fields), and the key.
    soorten: list[tuple[str, type[Model], list[Any], QuerySet[Any], tuple[str, ...]]] = [
        (
            "inwonertallen",
            Inwonertal,
            p.inwoners,
            Inwonertal.objects.filter(gemeente_id__in=ids),
            ("gemeente_id", "jaar"),
        ),
        (
            "provinciale opgaven",
            ProvincieOpgave,
            p.provinciaal,
            ProvincieOpgave.objects.exclude(provincie=drenthe),
            ("cyclus_id", "provincie_id", "soort", "geldig_vanaf"),
        ),
        (
            "opgaven",
            Opgave,
            p.opgaven,
            Opgave.objects.filter(gemeente_id__in=ids),
            ("cyclus_id", "gemeente_id", "soort", "stadium"),
        ),
        (
            "realisaties",
            Realisatie,
            p.realisaties,
            Realisatie.objects.actueel().filter(gemeente_id__in=ids),
            ("gemeente_id", "soort", "peildatum"),
        ),
        (
            "standen vergunninghouders",
            VergunninghoudersStand,
            p.coa,
            VergunninghoudersStand.objects.actueel().filter(gemeente_id__in=ids),
            ("gemeente_id", "peildatum"),
        ),
        (
            "standen Nidos",
            NidosStand,
            p.nidos,
            NidosStand.objects.actueel().filter(gemeente_id__in=ids),
            ("gemeente_id", "peildatum"),
        ),
        (
            "locaties",
            Locatie,
            p.locaties,
            Locatie.objects.filter(gemeente_id__in=ids),
            ("gemeente_id", "naam"),
        ),
    ]
    # What is stored is read before anything is written.
    bestaand = [set(qs.values_list(*velden)) for _, _, _, qs, velden in soorten]
    res = Resultaat()
    res.wijzigingen["overleggen"] = _overleggen(door, provincies, tekst)
    for (omschrijving, model, rijen, _, velden), al in zip(soorten, bestaand, strict=True):
        res.wijzigingen[omschrijving] = _schrijf(
            model,
            _nieuw(rijen, al, attrgetter(*velden)),
            door=door,
            tekst=tekst,
        )
    return res
