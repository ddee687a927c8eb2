"""Reception locations (domain.md R7)."""

from django.db import models

from regietafel.gemeenten.models import Gemeente


class LocatieType(models.TextChoices):
    REGULIER = "regulier", "Regulier (azc)"
    AMV = "amv", "AMV"
    TGO = "tgo", "Tijdelijke gemeentelijke opvang (TGO)"
    NOODOPVANG = "noodopvang", "Noodopvang (NO)"
    HTL = "htl", "Handhaving- en toezichtlocatie (HTL)"
    GEZINSLOCATIE = "gezinslocatie", "Gezinslocatie"
    HOTEL_NAREIZIGERS = "hotel_nareizigers", "Hotel voor nareizigers"


class LocatieStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    GEREALISEERD = "gerealiseerd", "Gerealiseerd"
    BEEINDIGD = "beeindigd", "Beëindigd"


class Locatie(models.Model):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="locaties", verbose_name="gemeente"
    )
    naam = models.CharField("naam", max_length=200)
    type = models.CharField("type", max_length=20, choices=LocatieType.choices)
    plaatsen_regulier = models.PositiveIntegerField("plaatsen regulier", default=0)
    plaatsen_amv = models.PositiveIntegerField("plaatsen AMV", default=0)
    plaatsen_oekraine = models.PositiveIntegerField(
        "plaatsen Oekraïne",
        default=0,
        help_text="Opvang van Oekraïense ontheemden op deze locatie.",
    )
    plaatsen_bijzonder = models.PositiveIntegerField(
        "plaatsen bijzonder",
        default=0,
        help_text="TGO, noodopvang en andere bijzondere opvangvormen (in de projectie: overig).",
    )
    beschikbaar_van = models.DateField("beschikbaar van", null=True, blank=True)
    beschikbaar_tot = models.DateField(
        "beschikbaar tot", null=True, blank=True, help_text="Op basis van het contract met het COA."
    )
    onbepaalde_tijd = models.BooleanField("voor onbepaalde tijd", default=False)
    status = models.CharField("status", max_length=20, choices=LocatieStatus.choices)
    bijzonderheden = models.TextField("bijzonderheden", blank=True)
    reden_beeindiging = models.TextField(
        "reden beëindiging", blank=True, help_text="Waarom de locatie is beëindigd."
    )

    class Meta:
        verbose_name = "locatie"
        verbose_name_plural = "locaties"
        ordering = ["gemeente__naam", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="locatie_naam_per_gemeente"),
            models.CheckConstraint(
                condition=models.Q(beschikbaar_tot__isnull=True)
                | models.Q(beschikbaar_van__isnull=True)
                | models.Q(beschikbaar_tot__gte=models.F("beschikbaar_van")),
                name="locatie_tot_na_van",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.gemeente})"

    @property
    def capaciteit(self) -> int:
        return (
            self.plaatsen_regulier
            + self.plaatsen_amv
            + self.plaatsen_oekraine
            + self.plaatsen_bijzonder
        )
