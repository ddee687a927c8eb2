"""Requests from the ministry (domain.md R8, seed 002): the noodopvang reserve and the
nareismaatregel."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from regietafel.core import opmaak
from regietafel.domain import noodopvang
from regietafel.domain.nareizigers import Maatregel, Plaatsing
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.locaties.models import Locatie


class NoodopvangVerzoek(models.Model):
    """A request to hold places in reserve (seed 002: 100 places, first half of 2026)."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name="provincie"
    )
    van_wie = models.CharField("van wie", max_length=200)
    ontvangen_op = models.DateField("ontvangen op")
    plaatsen = models.PositiveIntegerField("gevraagde plaatsen")
    periode_van = models.DateField("periode van")
    periode_tot = models.DateField("periode tot en met")
    activeringstermijn_dagen = models.PositiveSmallIntegerField(
        "activeringstermijn (dagen)",
        default=3,
        help_text="Binnen hoeveel dagen een locatie in gebruik moet kunnen worden genomen.",
    )
    bemensing = models.CharField("bemensing", max_length=200, blank=True)
    notities = models.TextField("notities", blank=True)

    class Meta:
        verbose_name = "noodopvangverzoek"
        verbose_name_plural = "noodopvangverzoeken"
        ordering = ["-ontvangen_op", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "ontvangen_op", "van_wie"], name="noodopvangverzoek_uniek"
            ),
            models.CheckConstraint(
                condition=Q(periode_tot__gte=models.F("periode_van")),
                name="noodopvangverzoek_tot_na_van",
            ),
        ]

    def __str__(self) -> str:
        return f"Noodopvang {self.plaatsen} plaatsen ({opmaak.datum(self.ontvangen_op)})"


class Gereedheid(models.TextChoices):
    """The readiness of a candidate location; which ones hold places is R8's rule
    (``domain.noodopvang.Reserve.aangehouden``)."""

    VERKEND = noodopvang.VERKEND, "Verkend"
    GEREED = noodopvang.GEREED, "Gereed"
    GEACTIVEERD = noodopvang.GEACTIVEERD, "Geactiveerd"
    VERVALLEN = noodopvang.VERVALLEN, "Vervallen"


class Kandidaatlocatie(models.Model):
    verzoek = models.ForeignKey(
        NoodopvangVerzoek,
        on_delete=models.CASCADE,
        related_name="kandidaten",
        verbose_name="verzoek",
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="gemeente"
    )
    naam = models.CharField(
        "naam", max_length=200, blank=True, help_text="Leeg als een bestaande locatie is gekozen."
    )
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="bestaande locatie",
    )
    plaatsen = models.PositiveIntegerField("plaatsen")
    gereedheid = models.CharField(
        "gereedheid", max_length=20, choices=Gereedheid.choices, default=Gereedheid.VERKEND
    )
    gereedheid_op = models.DateField("gereedheid per")
    notities = models.TextField("notities", blank=True)

    class Meta:
        verbose_name = "kandidaatlocatie"
        verbose_name_plural = "kandidaatlocaties"
        ordering = ["gemeente__naam", "naam", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(naam="") | Q(locatie__isnull=False),
                name="kandidaatlocatie_naam_of_locatie",
            )
        ]

    def __str__(self) -> str:
        return f"{self.weergavenaam} ({self.gemeente})"

    @property
    def weergavenaam(self) -> str:
        if self.naam:
            return self.naam
        return self.locatie.naam if self.locatie else ""


class Activering(models.Model):
    """One activation of a candidate location: the log."""

    kandidaat = models.ForeignKey(
        Kandidaatlocatie,
        on_delete=models.CASCADE,
        related_name="activeringen",
        verbose_name="kandidaatlocatie",
    )
    geactiveerd_op = models.DateField("geactiveerd op")
    plaatsen = models.PositiveIntegerField("plaatsen")
    door_wie = models.CharField(
        "geactiveerd door", max_length=200, help_text="Wie activeerde, bijvoorbeeld het ministerie."
    )
    beeindigd_op = models.DateField("beëindigd op", null=True, blank=True)
    notities = models.TextField("notities", blank=True)

    class Meta:
        verbose_name = "activering"
        verbose_name_plural = "activeringen"
        ordering = ["-geactiveerd_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(beeindigd_op__isnull=True)
                | Q(beeindigd_op__gte=models.F("geactiveerd_op")),
                name="activering_einde_na_begin",
            )
        ]

    def __str__(self) -> str:
        return f"Activering {self.kandidaat} {opmaak.datum(self.geactiveerd_op)}"


class Nareismaatregel(models.Model):
    """The terms of the nareismaatregel (seed 002) as data: a new letter is a new row."""

    code = models.SlugField("code", max_length=40, unique=True)
    naam = models.CharField("naam", max_length=200)
    geldig_vanaf = models.DateField("geldig vanaf")
    informeren_dagen = models.PositiveSmallIntegerField(
        "gemeente ten minste informeren (dagen vooraf)", default=2
    )
    max_maanden = models.PositiveSmallIntegerField(
        "COA betaalt het hotel ten hoogste (maanden)", default=6
    )
    signaal_dagen = models.PositiveSmallIntegerField(
        "waarschuwen (dagen vooraf)",
        default=30,
        help_text="Hoeveel dagen vóór het einde van de COA-betaling en de HAR+-termijn het dashboard waarschuwt.",
    )
    har_plus_tot = models.DateField("HAR+-aanvragen tot")
    bron = models.CharField("bron", max_length=300, blank=True)

    class Meta:
        verbose_name = "nareismaatregel"
        verbose_name_plural = "nareismaatregelen"
        ordering = ["-geldig_vanaf"]

    def __str__(self) -> str:
        return self.naam

    def regels(self) -> Maatregel:
        return Maatregel(
            har_plus_tot=self.har_plus_tot,
            informeren_dagen=self.informeren_dagen,
            max_maanden=self.max_maanden,
            signaal_dagen=self.signaal_dagen,
        )


class NareizigersPlaatsing(models.Model):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="gemeente"
    )
    hotel = models.CharField(
        "hotel", max_length=200, blank=True, help_text="Leeg als een bestaande locatie is gekozen."
    )
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="hotel uit het locatieregister",
    )
    personen = models.PositiveIntegerField("personen")
    geinformeerd_op = models.DateField("gemeente geïnformeerd op", null=True, blank=True)
    geplaatst_op = models.DateField("geplaatst op")
    einddatum = models.DateField("einddatum verblijf", null=True, blank=True)
    notities = models.TextField("notities", blank=True)

    class Meta:
        verbose_name = "plaatsing van nareizigers"
        verbose_name_plural = "plaatsingen van nareizigers"
        ordering = ["-geplaatst_op", "gemeente__naam", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(hotel="") | Q(locatie__isnull=False),
                name="plaatsing_hotel_of_locatie",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("geplaatst_op")),
                name="plaatsing_einde_na_plaatsing",
            ),
            models.CheckConstraint(condition=Q(personen__gte=1), name="plaatsing_personen"),
        ]

    def __str__(self) -> str:
        return f"{self.personen} nareizigers {self.gemeente} {opmaak.datum(self.geplaatst_op)}"

    @property
    def hotelnaam(self) -> str:
        if self.hotel:
            return self.hotel
        return self.locatie.naam if self.locatie else ""

    def plaatsing(self) -> Plaatsing:
        return Plaatsing(
            gemeente=self.gemeente.naam,
            personen=self.personen,
            geplaatst_op=self.geplaatst_op,
            geinformeerd_op=self.geinformeerd_op,
            einddatum=self.einddatum,
        )


def geldende_maatregel(
    maatregelen: list[Nareismaatregel], datum: dt.date
) -> Nareismaatregel | None:
    """The measure in force on ``datum``: the last one begun, else the first coming."""
    begonnen = [
        m for m in sorted(maatregelen, key=lambda m: m.geldig_vanaf) if m.geldig_vanaf <= datum
    ]
    if begonnen:
        return begonnen[-1]
    return min(maatregelen, key=lambda m: m.geldig_vanaf) if maatregelen else None
