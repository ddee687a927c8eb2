"""A second cyclus for Drenthe to test with: set-up, indicative numbers and aanbod, all
written through the services (as the pages, the CLI and the demo do)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from regietafel.accounts.models import Gebruiker
from regietafel.cyclus.models import AanbodVersie, CyclusOpzet
from regietafel.cyclus.services import dien_in, keur_goed, nieuwe_versie, zet_opzet, zet_regel
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie
from regietafel.opgaven.models import Cyclus, Soort, Stadium
from regietafel.opgaven.services import zet_opgave, zet_provincie_opgave

# An indicative distribution for Drenthe's second cycle (test data, not the minister's).
INDICATIEF_2026: dict[str, tuple[int, int]] = {
    "Aa en Hunze": (130, 12),
    "Assen": (300, 28),
    "Borger-Odoorn": (117, 11),
    "Coevorden": (157, 15),
    "De Wolden": (127, 12),
    "Emmen": (413, 39),
    "Hoogeveen": (233, 22),
    "Meppel": (161, 15),
    "Midden-Drenthe": (165, 15),
    "Noordenveld": (155, 15),
    "Tynaarlo": (187, 17),
    "Westerveld": (99, 9),
}
OPGAVE_2026 = (2244, 210)


def cyclus_2026() -> Cyclus:
    return Cyclus.objects.get(code="spreidingswet-2026")


def opzet_2026(**waarden: Any) -> CyclusOpzet:
    velden: dict[str, Any] = {
        "capaciteitsraming": 88_000,
        "bestaande_plaatsen": 50_000,
        "publicatie": dt.date(2026, 2, 27),
        "besluit_uiterlijk": dt.date(2026, 12, 31),
        "realisatie_uiterlijk": dt.date(2027, 7, 1),
        "volgende_raming": dt.date(2028, 2, 1),
        "alleen_duurzaam": True,
        "spuk1_per_plek": 2000,
        "spuk2_per_plek": 2000,
    }
    velden.update(waarden)
    opzet, _ = zet_opzet(door=None, cyclus=cyclus_2026(), **velden)
    return opzet


def indicatief_2026(provincie: Provincie) -> None:
    cyclus = cyclus_2026()
    for g in Gemeente.objects.filter(provincie=provincie):
        reg, amv = INDICATIEF_2026[g.naam]
        for soort, n in ((Soort.REGULIER, reg), (Soort.AMV, amv)):
            zet_opgave(
                door=None,
                cyclus=cyclus,
                gemeente=g,
                soort=soort,
                stadium=Stadium.INDICATIEF,
                aantal=n,
                bron="test",
            )
    for soort, n in zip((Soort.REGULIER, Soort.AMV), OPGAVE_2026, strict=True):
        zet_provincie_opgave(
            door=None,
            cyclus=cyclus,
            provincie=provincie,
            soort=soort,
            aantal=n,
            geldig_vanaf=dt.date(2026, 2, 27),
            bron="test",
        )


def gebruiker(naam: str) -> Gebruiker:
    return Gebruiker.objects.get(username=naam)


def aanbod(
    gemeente: str,
    regels: list[dict[str, Any]],
    *,
    goedkeuren: bool = True,
    toelichting: str = "",
) -> AanbodVersie:
    """A version of ``gemeente``'s aanbod with ``regels`` (zet_regel's fields; ``locatie`` may
    name a location of the register), handed in and (unless ``goedkeuren=False``) approved."""
    g = Gemeente.objects.get(naam=gemeente, provincie__naam="Drenthe")
    versie = nieuwe_versie(door=None, cyclus=cyclus_2026(), gemeente=g)
    for r in regels:
        velden = {"beschikbaar_van": None, "beschikbaar_tot": None, **r}
        if isinstance(velden.get("locatie"), str):
            velden["locatie"] = Locatie.objects.get(gemeente=g, naam=velden["locatie"])
        zet_regel(door=None, versie=versie, **velden)
    versie = dien_in(door=None, versie=versie, toelichting=toelichting or "test")
    if goedkeuren:
        versie = keur_goed(door=None, versie=versie)
    return versie
