"""The log of deliveries: which file (by SHA-256) changed which figures, by whom, when.

A delivery that changes nothing leaves no record. A delivery by a provincie's secretariaat
belongs to that provincie (only its secretariaat sees it among the latest deliveries); one by a
supplier (COA, Nidos), a superuser or the command line is national. The figures themselves live in
monitoring (``Peilrecord`` history) and opgaven; the audit entry of a delivery holds
every old → new value and the file's checksum.
"""

from django.db import models

from regietafel.core import klok, opmaak
from regietafel.core.velden import gebruiker_veld


class AanleverSoort(models.TextChoices):
    COA = "coa", "COA-overzicht huisvesting vergunninghouders"
    NIDOS = "nidos", "Nidos-factsheet minderjarige statushouders"
    REALISATIE = "realisatie", "Realisatie per gemeente en soort"
    INDICATIEF = "indicatief", "Indicatieve verdeling van de minister"
    VERDEELBESLUIT = "verdeelbesluit", "Verdeelbesluit van de minister"


class Aanlevering(models.Model):
    soort = models.CharField("soort", max_length=20, choices=AanleverSoort.choices)
    bestandsnaam = models.CharField("bestandsnaam", max_length=200)
    checksum = models.CharField("checksum (SHA-256)", max_length=64, db_index=True)
    peildatum = models.DateField(
        "peildatum", null=True, blank=True, help_text="Bij meer peildata: de laatste."
    )
    provincie = models.ForeignKey(
        "gemeenten.Provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="provincie",
        help_text="De provincie waarvoor het secretariaat aanleverde; leeg: landelijk "
        "(COA, Nidos, opdrachtregel).",
    )
    moment = models.DateTimeField("moment", default=klok.nu, editable=False)
    door = gebruiker_veld("door")
    nieuw = models.PositiveIntegerField("nieuw", default=0)
    gewijzigd = models.PositiveIntegerField("gewijzigd", default=0)
    ongewijzigd = models.PositiveIntegerField("ongewijzigd", default=0)

    class Meta:
        verbose_name = "aanlevering"
        verbose_name_plural = "aanleveringen"
        ordering = ["-moment", "-id"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.bestandsnaam} ({opmaak.moment(self.moment)})"
