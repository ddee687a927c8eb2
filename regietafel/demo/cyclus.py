"""The second Spreidingswet cyclus in the demo (``demo drenthe``, ``demo landelijk``).

The minister's capaciteitsraming is public (88.000 places, about 50.000 durable places
exist; the per-gemeente numbers were published on 27-02-2026), but the per-gemeente 2026
numbers, the 2026 AMV figure and the 2026 bonus amounts are not in our sources. So the demo
derives them and marks the cyclus *illustratief* (``CyclusOpzet.illustratief``), which every
page and document of the cyclus then says:

- the provincial opgave: 88.000 over the provincies in proportion to the first cycle's
  opgaven (R1), AMV as the first cycle's share of AMV (8.140 of 96.000);
- per gemeente: R2 (``domain.indicatief``) over the inhabitants, without the SES-WOA
  correction (not in our sources: weight 1);
- the aanbod: each gemeente offers the locations it has in the register, two gemeenten per
  provincie have not handed in yet — so the PUZZEL shows an incomplete province and what
  the minister would add (R3).

The demo only adds: a set-up, an indicative distribution or an aanbod that exists (a user's
import, a gemeente's own offer) is never written over; loading it again changes nothing.
Drenthe is written through the services; the other provincies in bulk, like the rest of the
national demo, through the shared write path's bulk form (``services.maak_reeks``: every row
validated, one history entry each).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from django.db import transaction

from regietafel.core import klok
from regietafel.cyclus.models import (
    AanbodRegel,
    AanbodSoort,
    AanbodStatus,
    AanbodVersie,
    CyclusOpzet,
)
from regietafel.cyclus.queries import spelregels
from regietafel.cyclus.services import (
    ElementInvoer,
    dien_in,
    keur_goed,
    nieuwe_versie,
    voeg_locatie_toe,
    zet_opzet,
    zet_regel,
)
from regietafel.domain.aanbod import Aanbodregel, Categorie, Element, Spelregels, beoordeel
from regietafel.domain.indicatief import indicatieve_verdeling
from regietafel.domain.verdeling import grootste_overschot
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.locaties.models import Locatie, LocatieStatus
from regietafel.opgaven.models import Cyclus, Opgave, ProvincieOpgave, Soort, Stadium
from regietafel.opgaven.services import zet_opgave, zet_provincie_opgave
from regietafel.services import maak_reeks

CYCLUS = "spreidingswet-2026"
RAMING = 88_000
BESTAAND = 50_000
RAMING_EERSTE = 96_000
AMV_EERSTE = 8_140
PUBLICATIE = dt.date(2026, 2, 27)
BRON = "Demo: afgeleid uit de raming van 88.000 plaatsen, illustratief"

# The first cycle's provincial opgaven incl. AMV (domain.md; Stcrt. 2024, 3320): the weights
# with which 88.000 is spread over the provincies.
OPGAVE_EERSTE: dict[str, int] = {
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

OPZET: dict[str, Any] = {
    "capaciteitsraming": RAMING,
    "bestaande_plaatsen": BESTAAND,
    "publicatie": PUBLICATIE,
    "besluit_uiterlijk": dt.date(2026, 12, 31),
    "realisatie_uiterlijk": dt.date(2027, 7, 1),
    "volgende_raming": dt.date(2028, 2, 1),
    "termijn_maanden": 6,
    "alleen_duurzaam": True,
    "minimale_jaren": 5,
    "spuk1_per_plek": 2_000,
    "spuk2_per_plek": 2_000,
    "spuk3_drempel_procent": 75,
    "illustratief": True,
    "toelichting": (
        "Tweede cyclus: de raming van 88.000 plaatsen (ongeveer 50.000 duurzame plaatsen zijn er "
        "al), de verdeling per gemeente van 27-02-2026, het verslag begin december 2026, het "
        "verdeelbesluit eind 2026, realisatie medio 2027; alleen duurzame plaatsen tellen. De "
        "demo leidt de getallen per provincie en gemeente af (zonder SES-WOA-correctie) en neemt "
        "de bedragen van de bonusregelingen van de eerste cyclus over: illustratief."
    ),
}

NOG_NIET_INGEDIEND = ("De Wolden", "Noordenveld")
"""Drenthe's two gemeenten that have not handed in their aanbod yet."""

# For Drenthe: what the gemeenten add to the locations of the register (illustrative).
PLANNEN: dict[str, list[dict[str, Any]]] = {
    "Emmen": [
        {
            "naam": "Nieuw azc Emmen-Zuid",
            "soort": AanbodSoort.REGULIER,
            "plaatsen": 250,
            "beschikbaar_van": dt.date(2027, 10, 1),
            "beschikbaar_tot": dt.date(2037, 10, 1),
            "toelichting": "demo: verzonnen",
            "elementen": {
                Element.VOOR_RAMING: ElementInvoer("Bouw gestart; oplevering september 2027.")
            },
        }
    ],
    "Tynaarlo": [
        {
            "naam": "Nieuw azc Tynaarlo",
            "soort": AanbodSoort.REGULIER,
            "plaatsen": 100,
            "beschikbaar_van": dt.date(2027, 4, 1),
            "beschikbaar_tot": dt.date(2037, 4, 1),
            "toelichting": "demo: verzonnen; ter vervanging van de noodopvang",
            "elementen": {Element.BESLUITVORMING: ElementInvoer("Raadsbesluit 10-03-2026.")},
        }
    ],
    "Meppel": [
        {
            "naam": "Plan azc Meppel-Noord",
            "soort": AanbodSoort.REGULIER,
            "plaatsen": 150,
            "beschikbaar_van": dt.date(2027, 6, 1),
            "beschikbaar_tot": dt.date(2032, 6, 1),
            "toelichting": "demo: verzonnen; locatie nog niet bepaald",
        }
    ],
}
# A location of the register whose contract ends before the next raming: the gemeente names
# the kansrijk element "aantoonbaar zicht op verlenging".
VERLENGING: dict[str, str] = {
    "azc Assen": "Verlenging van het contract met het COA tot 2036 is in voorbereiding.",
}
GEPLAND_BESLOTEN = "Raadsbesluit over de AMV-locatie genomen (demo: verzonnen)."


@dataclass
class Resultaat:
    wijzigingen: dict[str, int] = field(default_factory=dict)

    def tel(self, wat: str, n: int | bool) -> None:
        self.wijzigingen[wat] = self.wijzigingen.get(wat, 0) + int(n)

    @property
    def totaal(self) -> int:
        return sum(self.wijzigingen.values())


def _naam(provincie: str) -> str:
    return {"Friesland": "Fryslân"}.get(provincie, provincie)


def provinciale_opgaven() -> dict[str, tuple[int, int]]:
    """(regulier, AMV) per provincie: 88.000 by the first cycle's weights (R1), AMV as the
    first cycle's share (R1 over the same weights)."""
    totaal = grootste_overschot(RAMING, OPGAVE_EERSTE).aantallen
    amv_totaal = RAMING * AMV_EERSTE // RAMING_EERSTE  # 7.461, as the national demo
    amv = grootste_overschot(amv_totaal, OPGAVE_EERSTE).aantallen
    return {p: (totaal[p] - amv[p], amv[p]) for p in OPGAVE_EERSTE}


def opzet(door: Any = None) -> tuple[Cyclus, int]:
    """The set-up of the second cyclus, unless one exists; (cyclus, 1 when written)."""
    cyclus = Cyclus.objects.get(code=CYCLUS)
    if CyclusOpzet.objects.filter(cyclus=cyclus).exists():
        return cyclus, 0
    zet_opzet(door=door, cyclus=cyclus, **OPZET)
    return cyclus, 1


def _inwoners(gemeenten: list[Gemeente]) -> dict[int, int]:
    laatste: dict[int, int] = {}
    for rij in Inwonertal.objects.filter(gemeente__in=gemeenten).order_by("jaar"):
        laatste[rij.gemeente_id] = rij.aantal
    return laatste


def _indicatief(
    cyclus: Cyclus, provincie: Provincie, gemeenten: list[Gemeente]
) -> dict[int, tuple[int, int]]:
    """R2 per gemeente for the provincie's derived opgave."""
    regulier, amv = provinciale_opgaven()[_naam(provincie.naam)]
    inwoners = _inwoners(gemeenten)
    reg, am = indicatieve_verdeling(
        regulier, amv, {g.cbs_code: (inwoners.get(g.pk, 0), Fraction(1)) for g in gemeenten}
    )
    return {g.pk: (reg.aantallen[g.cbs_code], am.aantallen[g.cbs_code]) for g in gemeenten}


@transaction.atomic
def laad_drenthe(door: Any = None) -> Resultaat:
    """Drenthe's second cyclus through the services: set-up, indicative distribution, aanbod."""
    r = Resultaat()
    cyclus, nieuw = opzet(door)
    r.tel("opzet", nieuw)
    provincie = Provincie.objects.get(naam="Drenthe")
    gemeenten = list(Gemeente.objects.filter(provincie=provincie).order_by("naam"))
    heeft = Opgave.objects.filter(
        cyclus=cyclus, gemeente__provincie=provincie, stadium=Stadium.INDICATIEF
    ).exists()
    if not heeft:
        _indicatief_drenthe(door, cyclus, provincie, gemeenten, r)
    met_aanbod = set(
        AanbodVersie.objects.filter(cyclus=cyclus, gemeente__in=gemeenten).values_list(
            "gemeente_id", flat=True
        )
    )
    locaties = _locaties_van(gemeenten)
    for g in gemeenten:
        if g.naam in NOG_NIET_INGEDIEND or g.pk in met_aanbod:
            continue
        _aanbod_drenthe(door, cyclus, g, locaties.get(g.pk, []))
        r.tel("aanbod (gemeenten)", 1)
    return r


def _indicatief_drenthe(
    door: Any, cyclus: Cyclus, provincie: Provincie, gemeenten: list[Gemeente], r: Resultaat
) -> None:
    """The derived indicative opgaven per gemeente, and the provincie's (unless it has one)."""
    verdeling = _indicatief(cyclus, provincie, gemeenten)
    for g in gemeenten:
        for soort, n in zip((Soort.REGULIER, Soort.AMV), verdeling[g.pk], strict=True):
            zet_opgave(
                door=door,
                cyclus=cyclus,
                gemeente=g,
                soort=soort,
                stadium=Stadium.INDICATIEF,
                aantal=n,
                bron=BRON,
            )
            r.tel("indicatieve opgaven", 1)
    regulier, amv = provinciale_opgaven()["Drenthe"]
    if not ProvincieOpgave.objects.filter(cyclus=cyclus, provincie=provincie).exists():
        for soort, n in ((Soort.REGULIER, regulier), (Soort.AMV, amv)):
            zet_provincie_opgave(
                door=door,
                cyclus=cyclus,
                provincie=provincie,
                soort=soort,
                aantal=n,
                geldig_vanaf=PUBLICATIE,
                bron=BRON,
            )
            r.tel("provinciale opgaven", 1)


def _locaties_van(gemeenten: list[Gemeente]) -> dict[int, list[Locatie]]:
    """The locations of ``gemeenten`` that have not ended, by gemeente id, by name."""
    locaties: dict[int, list[Locatie]] = {}
    for loc in (
        Locatie.objects.filter(gemeente__in=gemeenten)
        .exclude(status=LocatieStatus.BEEINDIGD)
        .order_by("naam")
    ):
        locaties.setdefault(loc.gemeente_id, []).append(loc)
    return locaties


def _aanbod_drenthe(door: Any, cyclus: Cyclus, g: Gemeente, locaties: list[Locatie]) -> None:
    """A Drentse gemeente's aanbod: its locations (with the elements the demo gives them) and
    its plans, handed in and approved."""
    versie = nieuwe_versie(door=door, cyclus=cyclus, gemeente=g)
    for loc in locaties:
        for regel in voeg_locatie_toe(door=door, versie=versie, locatie=loc):
            elementen = {}
            if loc.naam in VERLENGING:
                elementen[Element.VERLENGING] = ElementInvoer(VERLENGING[loc.naam])
            elif loc.status == LocatieStatus.GEPLAND:
                elementen[Element.BESLUITVORMING] = ElementInvoer(GEPLAND_BESLOTEN)
            if elementen:
                zet_regel(
                    door=door,
                    versie=versie,
                    regel=regel,
                    naam=regel.naam,
                    soort=regel.soort,
                    plaatsen=regel.plaatsen,
                    beschikbaar_van=regel.beschikbaar_van,
                    beschikbaar_tot=regel.beschikbaar_tot,
                    toelichting=regel.toelichting,
                    elementen=elementen,
                )
    for plan in PLANNEN.get(g.naam, []):
        zet_regel(door=door, versie=versie, **plan)
    dien_in(
        door=door,
        versie=versie,
        toelichting="Aanbod uit het locatieregister (demo: illustratief).",
    )
    keur_goed(door=door, versie=versie)


def laad_landelijk(door: Any = None) -> Resultaat:
    """The other provincies' second cyclus, in bulk: the set-up (if missing), and for every
    gemeente without an aanbod the locations of the register as an approved aanbod, two
    gemeenten per provincie excepted. The indicative numbers are the national demo's."""
    r = Resultaat()
    with transaction.atomic():
        cyclus, nieuw = opzet(door)
        r.tel("opzet", nieuw)
        regels = spelregels(cyclus, CyclusOpzet.objects.get(cyclus=cyclus))
        kandidaten = _landelijke_kandidaten(cyclus)
        if not kandidaten:
            return r
        locaties = _locaties_van(kandidaten)
        nu = klok.nu()
        versies = [
            AanbodVersie(
                cyclus=cyclus,
                gemeente=g,
                volgnummer=1,
                status=AanbodStatus.GOEDGEKEURD,
                toelichting=f"{BRON}: de locaties van het register.",
                ingediend_op=nu,
                beoordeeld_op=nu,
            )
            for g in kandidaten
        ]
        maak_reeks(AanbodVersie, versies, door=door, bron=BRON)
        nieuwe_regels = [
            regel
            for versie in versies
            for loc in locaties.get(versie.gemeente_id, [])
            for regel in _regels_van_locatie(versie, loc)
        ]
        maak_reeks(AanbodRegel, nieuwe_regels, door=door, bron=BRON)
        opgaven = _aanbod_opgaven(cyclus, regels, versies, nieuwe_regels, kandidaten)
        maak_reeks(Opgave, opgaven, door=door, bron=f"{BRON}: goedgekeurd aanbod")
        r.tel("aanbod (gemeenten)", len(versies))
        r.tel("regels van een aanbod", len(nieuwe_regels))
    return r


def _landelijke_kandidaten(cyclus: Cyclus) -> list[Gemeente]:
    """The gemeenten outside Drenthe that get an aanbod: with the national demo's indicative
    numbers, without an aanbod yet, the last two per provincie (by CBS code) excepted."""
    gemeenten = list(
        Gemeente.objects.exclude(provincie__naam="Drenthe")
        .select_related("provincie")
        .order_by("provincie__naam", "naam")
    )
    met_aanbod = set(
        AanbodVersie.objects.filter(cyclus=cyclus).values_list("gemeente_id", flat=True)
    )
    per_provincie: dict[int, list[Gemeente]] = {}
    for g in gemeenten:
        per_provincie.setdefault(g.provincie_id, []).append(g)
    uitgezonderd = {
        g.pk
        for lijst in per_provincie.values()
        for g in sorted(lijst, key=lambda g: g.cbs_code)[-2:]
    }
    # Only where the national demo put the minister's (derived) numbers.
    met_indicatief = set(
        Opgave.objects.filter(
            cyclus=cyclus, stadium=Stadium.INDICATIEF, gemeente__in=gemeenten
        ).values_list("gemeente_id", flat=True)
    )
    return [
        g
        for g in gemeenten
        if g.pk in met_indicatief and g.pk not in met_aanbod and g.pk not in uitgezonderd
    ]


def _regels_van_locatie(versie: AanbodVersie, loc: Locatie) -> list[AanbodRegel]:
    """A location's places as lines of an aanbod, one per kind it has places of."""
    return [
        AanbodRegel(
            versie=versie,
            locatie=loc,
            naam=loc.naam,
            soort=soort,
            plaatsen=getattr(loc, veld),
            beschikbaar_van=loc.beschikbaar_van,
            beschikbaar_tot=None if loc.onbepaalde_tijd else loc.beschikbaar_tot,
            toelichting=loc.bijzonderheden[:500],
        )
        for veld, soort in (
            ("plaatsen_regulier", AanbodSoort.REGULIER),
            ("plaatsen_amv", AanbodSoort.AMV),
            ("plaatsen_bijzonder", AanbodSoort.BIJZONDER),
        )
        if getattr(loc, veld)
    ]


def _aanbod_opgaven(
    cyclus: Cyclus,
    regels: Spelregels,
    versies: list[AanbodVersie],
    nieuwe_regels: list[AanbodRegel],
    kandidaten: list[Gemeente],
) -> list[Opgave]:
    """The aanbod opgaven of the approved versions: the places that count (R-rules of the
    cyclus' set-up) per gemeente and opvangtype, where the gemeente has none yet."""
    telt: dict[int, dict[str, int]] = {v.gemeente_id: {"regulier": 0, "amv": 0} for v in versies}
    versie_van = {v.pk: v for v in versies}
    for regel in nieuwe_regels:
        b = beoordeel(regel_domein_zonder_elementen(regel), regels)
        if b.categorie is Categorie.TELT:
            gemeente_id = versie_van[regel.versie_id].gemeente_id
            telt[gemeente_id][b.regel.opvangtype] += regel.plaatsen
    bestaand = set(
        Opgave.objects.filter(
            cyclus=cyclus, gemeente__in=kandidaten, stadium=Stadium.AANBOD
        ).values_list("gemeente_id", "soort")
    )
    return [
        Opgave(
            cyclus=cyclus,
            gemeente_id=g_id,
            soort=soort,
            stadium=Stadium.AANBOD,
            aantal=n,
            bron=f"{BRON}: goedgekeurd aanbod",
        )
        for g_id, per_soort in telt.items()
        for soort, n in per_soort.items()
        if (g_id, soort) not in bestaand
    ]


def regel_domein_zonder_elementen(regel: AanbodRegel) -> Aanbodregel:
    """``queries.regel_domein`` for a line just built in memory (it has no elements)."""
    return Aanbodregel(
        naam=regel.naam,
        soort=regel.soort,  # type: ignore[arg-type]
        plaatsen=regel.plaatsen,
        beschikbaar_van=regel.beschikbaar_van,
        beschikbaar_tot=regel.beschikbaar_tot,
        plan=regel.locatie is None or regel.locatie.status == LocatieStatus.GEPLAND,
    )
