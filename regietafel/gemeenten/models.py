from django.core.validators import RegexValidator
from django.db import models


class Provincie(models.Model):
    code = models.CharField(
        "CBS-code", max_length=4, unique=True, validators=[RegexValidator(r"^PV\d{2}$")]
    )
    naam = models.CharField("naam", max_length=100, unique=True)

    class Meta:
        verbose_name = "provincie"
        verbose_name_plural = "provincies"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    cbs_code = models.CharField(
        "CBS-code",
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM\d{4}$")],
        help_text="Bijvoorbeeld GM0106 (Assen).",
    )
    naam = models.CharField("naam", max_length=100)
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="gemeenten", verbose_name="provincie"
    )

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["provincie", "naam"], name="gemeente_naam_uniek")
        ]

    def __str__(self) -> str:
        return self.naam


class Inwonertal(models.Model):
    """Inhabitants of a gemeente on 1 January of ``jaar`` (CBS StatLine 03759ned)."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="inwonertallen", verbose_name="gemeente"
    )
    jaar = models.PositiveSmallIntegerField("jaar (1 januari)")
    aantal = models.PositiveIntegerField("inwoners")
    bron = models.CharField("bron", max_length=200, blank=True)
    synthetisch = models.BooleanField(
        "synthetisch",
        default=False,
        help_text="Gegenereerd voor de landelijke demo, geen CBS-cijfer.",
    )

    class Meta:
        verbose_name = "inwonertal"
        verbose_name_plural = "inwonertallen"
        ordering = ["gemeente__naam", "-jaar"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "jaar"], name="inwonertal_per_jaar")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.jaar}: {self.aantal}"
