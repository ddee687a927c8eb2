"""Scenarios for the verdeling workbench: the input of R3, never its outcome.

A scenario holds what the domain needs to complete a verdeelbesluit (``casus_van`` in
``queries.py`` turns it into a ``Casus``); the outcome is computed by the domain whenever it
is shown or exported, never stored as truth. Writes go through ``services.py``.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from regietafel.core import klok
from regietafel.core.velden import gebruiker_veld
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Cyclus


class Scenario(models.Model):
    """A named what-if for one provincie and one Spreidingswet cyclus."""

    naam = models.CharField("naam", max_length=200)
    cyclus = models.ForeignKey(
        Cyclus, on_delete=models.PROTECT, related_name="scenarios", verbose_name="cyclus"
    )
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="scenarios", verbose_name="provincie"
    )
    toelichting = models.TextField("toelichting", blank=True)
    opgave_regulier = models.PositiveIntegerField("provinciale opgave regulier", default=0)
    opgave_amv = models.PositiveIntegerField("provinciale opgave amv", default=0)
    oekraine_totaal = models.PositiveIntegerField(
        "Oekraïne-totaal voor de vergelijking",
        null=True,
        blank=True,
        help_text="Leeg: de uitsluitingsgrond ‘bijdrage Oekraïne’ wordt niet toegepast.",
    )
    aangemaakt_door = gebruiker_veld("aangemaakt door", on_delete=models.SET_NULL)
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=klok.nu, editable=False)
    gewijzigd_op = models.DateTimeField("gewijzigd op", default=klok.nu, editable=False)
    kopie_van = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kopieen",
        verbose_name="kopie van",
    )

    class Meta:
        verbose_name = "scenario"
        verbose_name_plural = "scenario's"
        ordering = ["-gewijzigd_op", "-id"]

    def __str__(self) -> str:
        return self.naam

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Every save marks the scenario changed, at the one clock's time."""
        self.gewijzigd_op = klok.nu()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "gewijzigd_op"}
        super().save(*args, **kwargs)


class ScenarioGemeente(models.Model):
    """One gemeente's input to R3 within a scenario (places and persons are counts)."""

    scenario = models.ForeignKey(
        Scenario, on_delete=models.CASCADE, related_name="gemeenten", verbose_name="scenario"
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="gemeente"
    )
    inwoners = models.PositiveIntegerField("inwoners", default=0)
    indicatief_regulier = models.PositiveIntegerField("indicatief regulier", default=0)
    indicatief_amv = models.PositiveIntegerField("indicatief amv", default=0)
    verslag_regulier = models.PositiveIntegerField("verslag regulier", default=0)
    verslag_amv = models.PositiveIntegerField("verslag amv", default=0)
    kansrijk_regulier = models.PositiveIntegerField("kansrijk regulier", default=0)
    kansrijk_amv = models.PositiveIntegerField("kansrijk amv", default=0)
    historisch_gemiddelde = models.PositiveIntegerField(
        "historisch gemiddelde", default=0, help_text="Gemiddeld gerealiseerd per jaar, 2014–2024."
    )
    oekraine_plaatsen = models.PositiveIntegerField(
        "Oekraïne-plaatsen", default=0, help_text="Gerealiseerd 01-01-2023 t/m 01-09-2024."
    )

    class Meta:
        verbose_name = "gemeente in scenario"
        verbose_name_plural = "gemeenten in scenario"
        ordering = ["gemeente__naam", "id"]
        constraints = [
            models.UniqueConstraint(fields=["scenario", "gemeente"], name="scenario_gemeente_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} in {self.scenario}"


class ScenarioUitruil(models.Model):
    """An agreement: ``van`` realises ``regulier`` regular places for ``voor``."""

    scenario = models.ForeignKey(
        Scenario, on_delete=models.CASCADE, related_name="uitruil", verbose_name="scenario"
    )
    van = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="van"
    )
    voor = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="voor"
    )
    regulier = models.PositiveIntegerField("reguliere plaatsen")

    class Meta:
        verbose_name = "uitruilafspraak"
        verbose_name_plural = "uitruilafspraken"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.van} realiseert {self.regulier} voor {self.voor}"


class ScenarioUitruilGroep(models.Model):
    """Membership of a gemeente in a named group that exchanges places among itself."""

    scenario = models.ForeignKey(
        Scenario, on_delete=models.CASCADE, related_name="uitruil_groepen", verbose_name="scenario"
    )
    groep = models.CharField("groep", max_length=50)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="gemeente"
    )

    class Meta:
        verbose_name = "lid van een uitruilgroep"
        verbose_name_plural = "leden van uitruilgroepen"
        ordering = ["groep", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "groep", "gemeente"], name="uitruilgroep_lid_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} in groep {self.groep}"
