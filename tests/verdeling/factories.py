"""Scenarios for the tests, made through the services like any other write."""

from __future__ import annotations

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Provincie
from regietafel.opgaven.models import Cyclus
from regietafel.verdeling.models import Scenario
from regietafel.verdeling.queries import scenario_volledig
from regietafel.verdeling.services import maak_scenario

# Seed 003, Tabel 1 of the Verdeelbesluit Drenthe 2024: (regulier, amv) per gemeente.
TABEL_1 = {
    "Aa en Hunze": (87, 0),
    "Assen": (1000, 0),
    "Borger-Odoorn": (0, 50),
    "Coevorden": (430, 20),
    "De Wolden": (0, 50),
    "Emmen": (675, 50),
    "Hoogeveen": (940, 0),
    "Meppel": (192, 0),
    "Midden-Drenthe": (0, 50),
    "Noordenveld": (0, 43),
    "Tynaarlo": (250, 28),
    "Westerveld": (240, 50),
}


def drenthe_2024(naam: str = "Verslag Drenthe 2024") -> Scenario:
    """A scenario from the demo's spreidingswet-2024 cyclus, fetched with all its rows."""
    scenario = maak_scenario(
        door=Gebruiker.objects.get(username="secretariaat"),
        provincie=Provincie.objects.get(naam="Drenthe"),
        cyclus=Cyclus.objects.get(code="spreidingswet-2024"),
        naam=naam,
    )
    return herlaad(scenario)


def herlaad(scenario: Scenario) -> Scenario:
    return scenario_volledig(scenario.provincie).get(pk=scenario.pk)
