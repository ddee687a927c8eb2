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

    @property
    def functie(self) -> str:
        """What the user is, in words an official reads ("Secretariaat PRT Drenthe",
        "Gemeente Assen", "Aanleverancier COA", "Alleen lezen, Drenthe", "Beheerder"): the page
        header shows it beside the user name."""
        provincie = self.provincie.naam if self.provincie_id and self.provincie else ""
        if self.is_superuser or self.rol == Rol.BEHEERDER:
            return "Beheerder"
        if self.rol == Rol.SECRETARIAAT:
            return f"Secretariaat PRT {provincie}".strip()
        if self.rol == Rol.GEMEENTE:
            return (
                f"Gemeente {self.gemeente.naam}"
                if self.gemeente_id and self.gemeente
                else "Gemeente"
            )
        if self.rol == Rol.AANLEVERANCIER:
            return f"Aanleverancier {self.organisatie}".strip()
        waar = provincie or ("landelijk" if self.landelijk else "")
        return f"Alleen lezen, {waar}" if waar else "Alleen lezen"
