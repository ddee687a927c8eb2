"""Woo publication (R10): a besluit on a Woo-verzoek, its documents and their redactions.

The text of a document is stored as received (it is the secretariaat's working copy and
never shown to anyone else); what is published is computed from the text and the
redactions that are not rejected. Writes go through ``services.py``.
"""

from __future__ import annotations

from django.db import models

from regietafel.core import klok
from regietafel.core.velden import gebruiker_veld
from regietafel.domain.persoonsgegevens import SOORTEN
from regietafel.gemeenten.models import Provincie
from regietafel.woo.gronden import KEUZES


class Ambtsdrager(models.Model):
    """A public office holder acting in office: his or her name is not redacted."""

    naam = models.CharField("naam", max_length=200, unique=True)
    functie = models.CharField("functie", max_length=200, blank=True)
    actief = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "ambtsdrager (niet lakken)"
        verbose_name_plural = "ambtsdragers (niet lakken)"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.functie})" if self.functie else self.naam


class WooBesluit(models.Model):
    """The decision on one Woo-verzoek; its documents form the inventory."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name="provincie"
    )
    titel = models.CharField("titel", max_length=300)
    datum = models.DateField("datum")
    kenmerk = models.CharField("kenmerk", max_length=100)
    aangemaakt_door = gebruiker_veld("aangemaakt door", on_delete=models.SET_NULL)
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=klok.nu, editable=False)

    class Meta:
        verbose_name = "Woo-besluit"
        verbose_name_plural = "Woo-besluiten"
        ordering = ["-datum", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["provincie", "kenmerk"], name="woo_besluit_kenmerk")
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.titel}"


class Status(models.TextChoices):
    CONCEPT = "concept", "concept"
    BEOORDEELD = "beoordeeld", "beoordeeld"
    GEPUBLICEERD = "gepubliceerd", "gepubliceerd"


class Bron(models.TextChoices):
    UPLOAD = "upload", "geüpload bestand"
    TEKST = "tekst", "ingevoerde tekst"
    STAND = "stand", "Stand van zaken (gegenereerd)"


class WooDocument(models.Model):
    besluit = models.ForeignKey(
        WooBesluit, on_delete=models.CASCADE, related_name="documenten", verbose_name="besluit"
    )
    nummer = models.PositiveIntegerField("documentnummer")
    titel = models.CharField("titel", max_length=300)
    datum = models.DateField("datum", null=True, blank=True)
    bron = models.CharField("bron", max_length=20, choices=Bron.choices)
    bestandsnaam = models.CharField("bestandsnaam", max_length=300, blank=True)
    tekst = models.TextField("tekst")
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    weigergrond = models.CharField(
        "geheel geweigerd op grond",
        max_length=1,
        choices=KEUZES,
        blank=True,
        help_text="Leeg: (deels) openbaar. Een letter: het hele document blijft geheim.",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=klok.nu, editable=False)

    class Meta:
        verbose_name = "Woo-document"
        verbose_name_plural = "Woo-documenten"
        ordering = ["besluit", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["besluit", "nummer"], name="woo_document_nummer")
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}"


class LakStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", "voorgesteld"
    GEACCEPTEERD = "geaccepteerd", "geaccepteerd"
    AFGEWEZEN = "afgewezen", "afgewezen"


class Lak(models.Model):
    """One redaction of a document: a span of its text with the letter of its ground.

    A proposal that is not rejected is applied in the export (when in doubt, withhold).
    """

    document = models.ForeignKey(
        WooDocument, on_delete=models.CASCADE, related_name="lakken", verbose_name="document"
    )
    start = models.PositiveIntegerField("begin")
    eind = models.PositiveIntegerField("eind")
    tekst = models.TextField("gelakte tekst")
    soort = models.CharField("soort", max_length=20, choices=[(s, s) for s in SOORTEN])
    grond = models.CharField("grond", max_length=1, choices=KEUZES)
    status = models.CharField(
        "status", max_length=20, choices=LakStatus.choices, default=LakStatus.VOORGESTELD
    )
    eigen = models.BooleanField("door de beoordelaar toegevoegd", default=False)
    beoordeeld_door = gebruiker_veld("beoordeeld door", on_delete=models.SET_NULL)

    class Meta:
        verbose_name = "lak"
        verbose_name_plural = "lakken"
        ordering = ["document", "start", "id"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} [{self.start}, {self.eind}) grond {self.grond}"
