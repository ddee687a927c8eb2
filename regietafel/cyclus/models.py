"""The Spreidingswet cycle as a workflow, for any cyclus (2024, 2026, 2028 …) from data.

- ``CyclusOpzet``: what the minister published and the rules of the cyclus (the national
  capaciteitsraming, the deadlines, which places count, the bonus amounts): data a beheerder
  keeps, with history (every change through ``services.zet_opzet``, audited).
- ``AanbodVersie`` with its ``AanbodRegel``s and their ``KansrijkElement``s: a gemeente's
  offer per location (a location of the register or a new plan). A version is a concept
  while the gemeente edits it; once handed in (``ingediend``) it never changes again: the
  secretariaat approves it or returns it with a remark, and the gemeente starts a new
  version. Every version is kept; the newest approved one is the gemeente's aanbod.

What counts, what is kansrijk and whether the province is complete is computed by the domain
(``domain.aanbod``, ``domain.puzzel``) in ``queries.py``, never stored.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from regietafel.core import klok
from regietafel.core.velden import gebruiker_veld
from regietafel.domain.aanbod import ELEMENT_LABEL, Element
from regietafel.gemeenten.models import Gemeente
from regietafel.locaties.models import Locatie, LocatieStatus
from regietafel.opgaven.models import Cyclus


class CyclusOpzet(models.Model):
    """The set-up of one Spreidingswet cyclus: the minister's numbers, deadlines and rules."""

    cyclus = models.OneToOneField(
        Cyclus, on_delete=models.PROTECT, related_name="opzet", verbose_name="cyclus"
    )
    capaciteitsraming = models.PositiveIntegerField(
        "capaciteitsraming (plaatsen, landelijk)", null=True, blank=True
    )
    bestaande_plaatsen = models.PositiveIntegerField(
        "bestaande duurzame plaatsen (landelijk)",
        null=True,
        blank=True,
        help_text="Zoals de minister bij de raming meldt, bijvoorbeeld ongeveer 50.000.",
    )
    publicatie = models.DateField(
        "publicatie indicatieve verdeling",
        null=True,
        blank=True,
        help_text="De dag waarop de minister de verdeling per gemeente bekendmaakte.",
    )
    besluit_uiterlijk = models.DateField("verdeelbesluit uiterlijk", null=True, blank=True)
    realisatie_uiterlijk = models.DateField("gerealiseerd uiterlijk", null=True, blank=True)
    volgende_raming = models.DateField(
        "volgende capaciteitsraming",
        null=True,
        blank=True,
        help_text="Tot deze datum moeten de aangeboden plaatsen beschikbaar zijn.",
    )
    termijn_maanden = models.PositiveSmallIntegerField(
        "beschikbaar binnen (maanden na het verdeelbesluit)",
        default=6,
        validators=[MaxValueValidator(60)],
    )
    alleen_duurzaam = models.BooleanField(
        "alleen duurzame plaatsen tellen mee",
        default=False,
        help_text="Een plaats is duurzaam als zij minimaal het aantal jaren hieronder beschikbaar is.",
    )
    minimale_jaren = models.PositiveSmallIntegerField(
        "duurzaam: minimaal beschikbaar (jaren)", default=5, validators=[MaxValueValidator(30)]
    )
    spuk1_per_plek = models.PositiveIntegerField(
        "SPUK 1: bedrag per duurzame plek (€)", null=True, blank=True
    )
    spuk2_per_plek = models.PositiveIntegerField(
        "SPUK 2: bedrag per AMV-plek (€)", null=True, blank=True
    )
    spuk3_drempel_procent = models.PositiveSmallIntegerField(
        "SPUK 3: drempel (% van de provinciale opgave)",
        default=75,
        validators=[MaxValueValidator(100)],
    )
    illustratief = models.BooleanField(
        "illustratief",
        default=False,
        help_text="De cijfers zijn afgeleid (demo), niet die van de minister.",
    )
    toelichting = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "opzet van een cyclus"
        verbose_name_plural = "opzet van de cycli"
        ordering = ["cyclus__begin"]

    def __str__(self) -> str:
        return f"Opzet {self.cyclus}"


class AanbodStatus(models.TextChoices):
    CONCEPT = "concept", "Concept (nog niet ingediend)"
    INGEDIEND = "ingediend", "Ingediend, wacht op beoordeling"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    TERUGGESTUURD = "teruggestuurd", "Teruggestuurd"


class AanbodVersie(models.Model):
    """One version of a gemeente's aanbod in a cyclus."""

    cyclus = models.ForeignKey(
        Cyclus, on_delete=models.PROTECT, related_name="aanbodversies", verbose_name="cyclus"
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="aanbodversies", verbose_name="gemeente"
    )
    volgnummer = models.PositiveIntegerField("versie")
    status = models.CharField(
        "status", max_length=20, choices=AanbodStatus.choices, default=AanbodStatus.CONCEPT
    )
    toelichting = models.TextField("toelichting van de gemeente", blank=True)
    aangemaakt_door = gebruiker_veld("aangemaakt door")
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=klok.nu, editable=False)
    ingediend_door = gebruiker_veld("ingediend door")
    ingediend_op = models.DateTimeField("ingediend op", null=True, blank=True)
    beoordeeld_door = gebruiker_veld("beoordeeld door")
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    opmerking = models.TextField("opmerking van het secretariaat", blank=True)

    class Meta:
        verbose_name = "aanbodversie"
        verbose_name_plural = "aanbodversies"
        ordering = ["cyclus__begin", "gemeente__naam", "-volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["cyclus", "gemeente", "volgnummer"], name="aanbodversie_volgnummer"
            ),
            models.UniqueConstraint(
                fields=["cyclus", "gemeente"],
                condition=Q(status__in=["concept", "ingediend"]),
                name="aanbodversie_een_open",
            ),
        ]
        indexes = [models.Index(fields=["cyclus", "status"], name="aanbodversie_status")]

    def __str__(self) -> str:
        return (
            f"Aanbod {self.gemeente} {self.cyclus.jaar if self.cyclus_id else ''}, "
            f"versie {self.volgnummer} ({self.get_status_display().split(',')[0].lower()})"
        )

    @property
    def bewerkbaar(self) -> bool:
        return self.status == AanbodStatus.CONCEPT

    @property
    def open(self) -> bool:
        """Waiting for the secretariaat's review."""
        return self.status == AanbodStatus.INGEDIEND


class AanbodSoort(models.TextChoices):
    REGULIER = "regulier", "Regulier"
    AMV = "amv", "AMV"
    BIJZONDER = "bijzonder", "Bijzonder (TGO, noodopvang)"


class AanbodRegel(models.Model):
    """One line of an aanbod: places of one soort at a location of the register or a plan."""

    versie = models.ForeignKey(
        AanbodVersie, on_delete=models.CASCADE, related_name="regels", verbose_name="versie"
    )
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="locatie uit het register",
        help_text="Leeg: een nieuw plan.",
    )
    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=20, choices=AanbodSoort.choices)
    plaatsen = models.PositiveIntegerField("plaatsen")
    beschikbaar_van = models.DateField("beschikbaar van", null=True, blank=True)
    beschikbaar_tot = models.DateField("beschikbaar tot", null=True, blank=True)
    toelichting = models.TextField("bijzonderheden", blank=True)

    class Meta:
        verbose_name = "regel van een aanbod"
        verbose_name_plural = "regels van een aanbod"
        ordering = ["versie", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(beschikbaar_tot__isnull=True)
                | Q(beschikbaar_van__isnull=True)
                | Q(beschikbaar_tot__gte=models.F("beschikbaar_van")),
                name="aanbodregel_tot_na_van",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam}: {self.plaatsen} {self.get_soort_display().lower()}"

    @property
    def plan(self) -> bool:
        """A new plan, or a location of the register that is still planned (not realised)."""
        return self.locatie is None or self.locatie.status == LocatieStatus.GEPLAND


class KansrijkElement(models.Model):
    """One of the four kansrijk elements of a line (seed 003), with a note or an attachment."""

    regel = models.ForeignKey(
        AanbodRegel, on_delete=models.CASCADE, related_name="elementen", verbose_name="regel"
    )
    element = models.CharField(
        "element",
        max_length=20,
        choices=[(e.value, ELEMENT_LABEL[e]) for e in Element],
    )
    toelichting = models.TextField("toelichting", blank=True)
    bestandsnaam = models.CharField("bijlage", max_length=200, blank=True)
    checksum = models.CharField("checksum (SHA-256)", max_length=64, blank=True)

    class Meta:
        verbose_name = "kansrijk element"
        verbose_name_plural = "kansrijke elementen"
        ordering = ["regel", "element"]
        constraints = [
            models.UniqueConstraint(fields=["regel", "element"], name="kansrijk_element_uniek"),
            models.CheckConstraint(
                condition=~Q(toelichting="") | ~Q(checksum=""), name="kansrijk_element_onderbouwd"
            ),
        ]

    def __str__(self) -> str:
        return self.get_element_display()

    @property
    def extensie(self) -> str:
        return self.bestandsnaam.rsplit(".", 1)[-1].lower() if "." in self.bestandsnaam else ""
