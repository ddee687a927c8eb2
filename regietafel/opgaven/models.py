"""The tasks (opgaven) per cyclus, per gemeente and soort, with their stages."""

from django.db import models

from regietafel.core import opmaak
from regietafel.gemeenten.models import Gemeente, Provincie


class Soort(models.TextChoices):
    REGULIER = "regulier", "Asielopvang regulier"
    AMV = "amv", "Asielopvang AMV"
    OEKRAINE = "oekraine", "Opvang Oekraïense ontheemden"
    VERGUNNINGHOUDERS = "vergunninghouders", "Huisvesting vergunninghouders"
    MINDERJARIGEN = "minderjarigen", "Minderjarige statushouders"


class Stadium(models.TextChoices):
    INDICATIEF = "indicatief", "Indicatief"
    AANBOD = "aanbod", "Aanbod in het verslag"
    VASTGESTELD = "vastgesteld", "Vastgesteld in het verdeelbesluit"
    AMBITIE = "ambitie", "Ambitie"


# Which stage counts as "the opgave" of a soort, most binding first.
GELDEND_STADIUM: dict[str, tuple[str, ...]] = {
    Soort.REGULIER: (Stadium.VASTGESTELD, Stadium.AANBOD, Stadium.INDICATIEF),
    Soort.AMV: (Stadium.VASTGESTELD, Stadium.AANBOD, Stadium.INDICATIEF),
    Soort.OEKRAINE: (Stadium.AMBITIE, Stadium.VASTGESTELD, Stadium.INDICATIEF),
    Soort.VERGUNNINGHOUDERS: (Stadium.VASTGESTELD, Stadium.INDICATIEF),
    Soort.MINDERJARIGEN: (Stadium.VASTGESTELD, Stadium.INDICATIEF),
}


class CyclusSoort(models.TextChoices):
    SPREIDINGSWET = "spreidingswet", "Spreidingswet"
    OEKRAINE = "oekraine", "Oekraïne"
    STATUSHOUDERS = "statushouders", "Statushouders (halfjaar)"


SOORTEN_PER_CYCLUS: dict[str, tuple[str, ...]] = {
    CyclusSoort.SPREIDINGSWET: (Soort.REGULIER, Soort.AMV),
    CyclusSoort.OEKRAINE: (Soort.OEKRAINE,),
    CyclusSoort.STATUSHOUDERS: (Soort.VERGUNNINGHOUDERS, Soort.MINDERJARIGEN),
}


class Cyclus(models.Model):
    """A period for which opgaven are set: a Spreidingswet cycle, a Ukraine period, a half year."""

    code = models.SlugField(
        "code", max_length=40, unique=True, help_text="Bijvoorbeeld spreidingswet-2024."
    )
    naam = models.CharField("naam", max_length=100)
    soort = models.CharField("soort", max_length=20, choices=CyclusSoort.choices)
    jaar = models.PositiveSmallIntegerField(
        "jaar", help_text="Het jaar van de raming (Spreidingswet) of het kalenderjaar."
    )
    begin = models.DateField("begin")
    eind = models.DateField("eind")
    deadline_verslag = models.DateField("deadline provinciaal verslag", null=True, blank=True)
    kolomkop = models.CharField(
        "kolomkop",
        max_length=20,
        blank=True,
        help_text="Korte aanduiding in tabellen, bijvoorbeeld 25/26.",
    )

    class Meta:
        verbose_name = "cyclus"
        verbose_name_plural = "cycli"
        ordering = ["soort", "begin"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eind__gte=models.F("begin")), name="cyclus_eind_na_begin"
            )
        ]

    def __str__(self) -> str:
        return self.naam


class ProvincieOpgave(models.Model):
    """The number a province must realise, as set by the ministry on a given date."""

    cyclus = models.ForeignKey(Cyclus, on_delete=models.PROTECT, related_name="provincie_opgaven")
    provincie = models.ForeignKey(Provincie, on_delete=models.PROTECT, related_name="opgaven")
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    aantal = models.PositiveIntegerField("aantal")
    geldig_vanaf = models.DateField("geldig vanaf")
    bron = models.CharField("bron", max_length=300, blank=True)

    class Meta:
        verbose_name = "provinciale opgave"
        verbose_name_plural = "provinciale opgaven"
        ordering = ["provincie__naam", "cyclus__begin", "soort", "geldig_vanaf"]
        constraints = [
            models.UniqueConstraint(
                fields=["cyclus", "provincie", "soort", "geldig_vanaf"],
                name="provincie_opgave_per_datum",
            )
        ]

    def __str__(self) -> str:
        return f"{self.provincie} {self.get_soort_display()} {self.aantal} (vanaf {opmaak.datum(self.geldig_vanaf)})"


class Opgave(models.Model):
    cyclus = models.ForeignKey(
        Cyclus, on_delete=models.PROTECT, related_name="opgaven", verbose_name="cyclus"
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="opgaven", verbose_name="gemeente"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    stadium = models.CharField("stadium", max_length=20, choices=Stadium.choices)
    aantal = models.PositiveIntegerField("aantal")
    bron = models.CharField("bron", max_length=300, blank=True)

    class Meta:
        verbose_name = "opgave"
        verbose_name_plural = "opgaven"
        ordering = ["cyclus__begin", "gemeente__naam", "soort", "stadium"]
        constraints = [
            models.UniqueConstraint(
                fields=["cyclus", "gemeente", "soort", "stadium"], name="opgave_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} — {self.get_soort_display()} ({self.get_stadium_display()}): {self.aantal}"


class BronInvulling(models.Model):
    """Bijlage 1 of a provinciaal verslag as the source printed it, per type: the provincial
    opgave, the places filled and the places still to fill.

    Kept only to be checked against what the system computes from the opgaven (domain
    ``controleer_invulling``): the verslag and the Stand van zaken name every difference and
    never show these figures as their own. Empty: the source gives no figure.
    """

    cyclus = models.ForeignKey(
        Cyclus, on_delete=models.PROTECT, related_name="bron_invullingen", verbose_name="cyclus"
    )
    provincie = models.ForeignKey(
        Provincie,
        on_delete=models.PROTECT,
        related_name="bron_invullingen",
        verbose_name="provincie",
    )
    soort = models.CharField(
        "soort",
        max_length=20,
        choices=[(s.value, s.label) for s in (Soort.REGULIER, Soort.AMV)],
    )
    opgave = models.PositiveIntegerField(
        "provinciale opgave volgens de bron", null=True, blank=True
    )
    ingevuld = models.PositiveIntegerField("ingevuld volgens de bron", null=True, blank=True)
    nog_in_te_vullen = models.PositiveIntegerField(
        "nog in te vullen volgens de bron", null=True, blank=True
    )
    bron = models.CharField(
        "bron", max_length=300, help_text="Bijvoorbeeld: Provinciaal verslag, Bijlage 1."
    )

    class Meta:
        verbose_name = "invulling volgens de bron"
        verbose_name_plural = "invullingen volgens de bron"
        ordering = ["provincie__naam", "cyclus__begin", "soort"]
        constraints = [
            models.UniqueConstraint(
                fields=["cyclus", "provincie", "soort"], name="bron_invulling_per_soort"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provincie} {self.get_soort_display()}, {self.bron}"
