from django.contrib.auth.models import AbstractUser
from django.db import models


class Rol(models.TextChoices):
    SECRETARIAAT = "secretariaat", "Secretariaat PRT (provincie)"
    GEMEENTE = "gemeente", "Gemeente"
    AANLEVERANCIER = "aanleverancier", "Aanleverancier (COA, Nidos)"
    LEZER = "lezer", "Lezer"
    BEHEERDER = "beheerder", "Beheerder"


class Gebruiker(AbstractUser):
    rol = models.CharField("rol", max_length=20, choices=Rol.choices, default=Rol.LEZER)
    provincie = models.ForeignKey(
        "gemeenten.Provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="provincie",
    )
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gemeente",
    )
    organisatie = models.CharField("organisatie", max_length=100, blank=True)
    landelijk = models.BooleanField(
        "landelijk",
        default=False,
        help_text="Leest de gegevens van alle provincies (alleen zonder eigen provincie).",
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
