"""Interbestuurlijk toezicht (IBT): a dossier per gemeente whose vastgestelde opgave is not
realised, with its steps, their dates, status and documents."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from regietafel.core import opmaak
from regietafel.core.velden import gebruiker_veld
from regietafel.gemeenten.models import Gemeente


class DossierStatus(models.TextChoices):
    OPEN = "open", "Open"
    GESLOTEN = "gesloten", "Gesloten"


class Dossier(models.Model):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="gemeente"
    )
    geopend_op = models.DateField("geopend op")
    status = models.CharField(
        "status", max_length=20, choices=DossierStatus.choices, default=DossierStatus.OPEN
    )
    onderwerp = models.CharField(
        "onderwerp", max_length=300, help_text="Welke opgave niet is gerealiseerd."
    )
    notities = models.TextField("notities", blank=True)

    class Meta:
        verbose_name = "toezichtdossier"
        verbose_name_plural = "toezichtdossiers"
        ordering = ["gemeente__naam", "-geopend_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente"],
                condition=Q(status="open"),
                name="toezicht_een_open_dossier_per_gemeente",
            )
        ]

    def __str__(self) -> str:
        return f"Toezicht {self.gemeente} ({opmaak.datum(self.geopend_op)})"


class StapSoort(models.TextChoices):
    INFORMATIE_OPVRAGEN = "informatie_opvragen", "Informatie opvragen"
    BESTUURLIJK_GESPREK = "bestuurlijk_gesprek", "Bestuurlijk gesprek"
    WAARSCHUWING = "waarschuwing", "Waarschuwing"
    AANWIJZING = "aanwijzing", "Aanwijzing"
    INDEPLAATSSTELLING = "indeplaatsstelling", "Indeplaatsstelling"
    OVERIG = "overig", "Overig"


class StapStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    LOPEND = "lopend", "Lopend"
    AFGEROND = "afgerond", "Afgerond"
    VERVALLEN = "vervallen", "Vervallen"


OPEN_STAPSTATUS = (StapStatus.GEPLAND, StapStatus.LOPEND)


class Stap(models.Model):
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="stappen", verbose_name="dossier"
    )
    soort = models.CharField("stap", max_length=30, choices=StapSoort.choices)
    datum = models.DateField("datum")
    termijn = models.DateField(
        "termijn",
        null=True,
        blank=True,
        help_text="Uiterlijk op deze dag afgerond; daarna waarschuwt het dashboard.",
    )
    status = models.CharField(
        "status", max_length=20, choices=StapStatus.choices, default=StapStatus.LOPEND
    )
    notities = models.TextField("notities", blank=True)

    class Meta:
        verbose_name = "stap"
        verbose_name_plural = "stappen"
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {opmaak.datum(self.datum)}"


class Document(models.Model):
    """An uploaded file, kept as toezicht/<sha256>.<ext> (see ``opslag``)."""

    stap = models.ForeignKey(
        Stap, on_delete=models.CASCADE, related_name="documenten", verbose_name="stap"
    )
    naam = models.CharField("bestandsnaam", max_length=255)
    checksum = models.CharField("SHA-256", max_length=64)
    extensie = models.CharField("extensie", max_length=10)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    geupload_op = models.DateTimeField("geüpload op")
    geupload_door = gebruiker_veld("geüpload door")

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["geupload_op", "pk"]

    def __str__(self) -> str:
        return self.naam
