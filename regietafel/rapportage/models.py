"""Report configuration and content: the bonus schemes per cyclus (R6) and the editable texts
of each report, stored per version (appended, never edited)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from regietafel.core import klok, opmaak
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Cyclus


class BonusRegeling(models.Model):
    """The amounts and thresholds of R6 for one Spreidingswet cyclus and provincie."""

    cyclus = models.ForeignKey(
        Cyclus, on_delete=models.PROTECT, related_name="bonusregelingen", verbose_name="cyclus"
    )
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name="provincie"
    )
    spuk1_per_plek = models.PositiveIntegerField(
        "SPUK 1: bedrag per duurzame plek (€)",
        help_text="Per reguliere duurzame plek boven het totale indicatieve aantal.",
    )
    spuk1_minimale_jaren = models.PositiveSmallIntegerField(
        "SPUK 1: minimaal beschikbaar (jaren)", default=5
    )
    spuk2_per_plek = models.PositiveIntegerField("SPUK 2: bedrag per AMV-plek (€)")
    spuk3_drempel_procent = models.PositiveSmallIntegerField(
        "SPUK 3: drempel (% van de provinciale opgave)",
        default=75,
        validators=[MaxValueValidator(100)],
    )
    spuk3_budget = models.PositiveIntegerField(
        "SPUK 3: budget voor de gemeenten (€)",
        null=True,
        blank=True,
        help_text="Ter controle: de gekozen SPUK 3-bedragen moeten hierop uitkomen.",
    )
    spuk3_provincie = models.PositiveIntegerField("SPUK 3: bedrag voor de provincie (€)")
    bron = models.CharField("bron", max_length=300, blank=True)

    class Meta:
        verbose_name = "bonusregeling"
        verbose_name_plural = "bonusregelingen"
        ordering = ["provincie__naam", "cyclus__begin"]
        constraints = [
            models.UniqueConstraint(fields=["cyclus", "provincie"], name="bonusregeling_per_cyclus")
        ]

    def __str__(self) -> str:
        return f"Bonusregelingen {self.provincie} {self.cyclus}"


class Spuk3Bedrag(models.Model):
    """SPUK 3 (75 %-regeling): the amount a gemeente can claim in this cyclus."""

    regeling = models.ForeignKey(
        BonusRegeling,
        on_delete=models.CASCADE,
        related_name="spuk3_bedragen",
        verbose_name="bonusregeling",
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="gemeente"
    )
    bedrag = models.PositiveIntegerField("bedrag (€)")

    class Meta:
        verbose_name = "SPUK 3-bedrag"
        verbose_name_plural = "SPUK 3-bedragen"
        ordering = ["gemeente__naam"]
        constraints = [
            models.UniqueConstraint(fields=["regeling", "gemeente"], name="spuk3_per_gemeente")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente}: € {self.bedrag}"


class Rapportsoort(models.TextChoices):
    STAND_VAN_ZAKEN = "stand_van_zaken", "Stand van zaken realisatie opgaven"
    VERSLAG = "verslag", "Provinciaal verslag"


class RapportVersie(models.Model):
    """One version of a report's editable texts: the addressee, the version date and the
    free text per section. A new edit is a new version; the newest one is used."""

    soort = models.CharField("soort", max_length=20, choices=Rapportsoort.choices)
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name="provincie"
    )
    peildatum = models.DateField("peildatum", null=True, blank=True)
    cyclus = models.ForeignKey(
        Cyclus,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="cyclus",
    )
    volgnummer = models.PositiveIntegerField("versie")
    versie_datum = models.DateField("versiedatum")
    adressering = models.CharField(
        "aan",
        max_length=300,
        blank=True,
        help_text="Bijvoorbeeld: Bestuurlijke PRT Drenthe d.d. 19 november 2025.",
    )
    teksten = models.JSONField("teksten per onderdeel", default=dict, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aangemaakt door",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=klok.nu)
    vastgesteld_op = models.DateTimeField(
        "vastgesteld op",
        null=True,
        blank=True,
        help_text="Leeg: CONCEPT. Een nieuwe versie van de teksten is weer CONCEPT.",
    )
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vastgesteld door",
    )

    class Meta:
        verbose_name = "rapportversie"
        verbose_name_plural = "rapportversies"
        ordering = ["provincie__naam", "soort", "-volgnummer"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(soort="stand_van_zaken", peildatum__isnull=False, cyclus__isnull=True)
                    | Q(soort="verslag", cyclus__isnull=False, peildatum__isnull=True)
                ),
                name="rapportversie_peildatum_of_cyclus",
            ),
            models.UniqueConstraint(
                fields=["soort", "provincie", "peildatum", "volgnummer"],
                condition=Q(peildatum__isnull=False),
                name="rapportversie_volgnummer_peildatum",
            ),
            models.UniqueConstraint(
                fields=["soort", "provincie", "cyclus", "volgnummer"],
                condition=Q(cyclus__isnull=False),
                name="rapportversie_volgnummer_cyclus",
            ),
        ]

    def __str__(self) -> str:
        waarvoor = opmaak.datum(self.peildatum) if self.peildatum else str(self.cyclus)
        return f"{self.get_soort_display()} {self.provincie} {waarvoor}, versie {self.volgnummer}"
