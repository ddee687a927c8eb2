"""PRT meetings (R9): the meeting, its agenda items with attachments, the actie- en
besluitenlijst (notes, decisions, actions), and the register of incoming letters.

An action is one object from the meeting where it was agreed until the meeting where it
was closed: each meeting's list shows it in between (carried over, never copied). A
meeting's list is CONCEPT until a later meeting approves it (``vastgesteld_in``).
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from regietafel.core import klok, opmaak
from regietafel.core.velden import gebruiker_veld
from regietafel.domain.overleg import Lijststatus, lijststatus, verlopen
from regietafel.gemeenten.models import Provincie


class OverlegSoort(models.TextChoices):
    AMBTELIJK = "ambtelijk", "Ambtelijk PRT"
    BESTUURLIJK = "bestuurlijk", "Bestuurlijk PRT"


class Doel(models.TextChoices):
    INFORMATIE = "informatie", "Ter informatie"
    BESPREKING = "bespreking", "Ter bespreking"
    INSTEMMING = "instemming", "Ter instemming"
    INFORMATIE_BESPREKING = "informatie_bespreking", "Ter informatie en bespreking"


class Overleg(models.Model):
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name="provincie"
    )
    soort = models.CharField(
        "soort", max_length=20, choices=OverlegSoort.choices, default=OverlegSoort.BESTUURLIJK
    )
    datum = models.DateField("datum")
    begintijd = models.TimeField("begintijd", null=True, blank=True)
    eindtijd = models.TimeField("eindtijd", null=True, blank=True)
    tijd_toelichting = models.CharField(
        "toelichting bij de tijd", max_length=100, blank=True, help_text="Bijv. inclusief lunch."
    )
    locatie = models.CharField("locatie", max_length=300, blank=True)
    online = models.BooleanField("online", default=False)
    voorzitter = models.CharField("voorzitter", max_length=200, blank=True)
    vastgesteld_in = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stelt_vast",
        verbose_name="actie- en besluitenlijst vastgesteld in",
    )
    """The later meeting that approved this meeting's list ("Ingestemd"); None: CONCEPT."""

    class Meta:
        verbose_name = "overleg"
        verbose_name_plural = "overleggen"
        ordering = ["-datum", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "soort", "datum"], name="overleg_uniek_per_dag"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.provincie} {opmaak.datum(self.datum)}"

    @property
    def lijststatus(self) -> Lijststatus:
        """R9: CONCEPT or ingestemd (``domain.overleg``). Reads ``vastgesteld_in``: select it
        with the meeting where lists of meetings show it (no query when there is none)."""
        vastgesteld = self.vastgesteld_in
        return lijststatus(vastgesteld.datum if vastgesteld is not None else None)

    @property
    def concept(self) -> bool:
        return self.lijststatus.concept


class Agendapunt(models.Model):
    overleg = models.ForeignKey(
        Overleg, on_delete=models.CASCADE, related_name="agendapunten", verbose_name="overleg"
    )
    volgorde = models.PositiveIntegerField("volgorde")
    nummer = models.PositiveIntegerField("nummer")
    letter = models.CharField(
        "letter", max_length=2, blank=True, help_text="a, b, … voor een onderdeel van een punt."
    )
    titel = models.CharField("titel", max_length=300)
    toelichting = models.TextField("toelichting", blank=True)
    doel = models.CharField("doel", max_length=30, choices=Doel.choices, blank=True)
    presentator = models.CharField("presentator", max_length=200, blank=True)
    vaststelling_vorige_lijst = models.BooleanField(
        "vaststellen actie- en besluitenlijst vorig overleg", default=False
    )
    aantekeningen = models.TextField(
        "aantekeningen (actie- en besluitenlijst)",
        blank=True,
        help_text="Eén punt per regel; komt in de actie- en besluitenlijst.",
    )
    persoonlijke_aantekeningen = models.TextField(
        "persoonlijke aantekeningen (alleen secretariaat)",
        blank=True,
        help_text="Niet in de lijst; wordt na de bewaartermijn verwijderd.",
    )

    class Meta:
        verbose_name = "agendapunt"
        verbose_name_plural = "agendapunten"
        ordering = ["overleg", "volgorde", "id"]

    def __str__(self) -> str:
        return f"{self.nummer_tekst} {self.titel}"

    @property
    def nummer_tekst(self) -> str:
        return f"{self.nummer}{self.letter})" if self.letter else f"{self.nummer}."


class BijlageSoort(models.TextChoices):
    UPLOAD = "upload", "Geüpload bestand"
    STAND_VAN_ZAKEN = "stand_van_zaken", "Stand van zaken (gegenereerd)"


class Bijlage(models.Model):
    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.CASCADE, related_name="bijlagen", verbose_name="agendapunt"
    )
    soort = models.CharField("soort", max_length=20, choices=BijlageSoort.choices)
    titel = models.CharField("titel", max_length=300)
    bestandsnaam = models.CharField("bestandsnaam", max_length=200)
    checksum = models.CharField("checksum (SHA-256)", max_length=64, blank=True)
    grootte = models.PositiveIntegerField("grootte (bytes)", default=0)
    peildatum = models.DateField("peildatum", null=True, blank=True)
    tekst = models.TextField("tekst (voor zoeken)", blank=True)
    persoonsgegevens = models.BooleanField("bevat persoonsgegevens", default=False)
    verwijderd_op = models.DateField("bestand verwijderd op", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=klok.nu, editable=False)

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"
        ordering = ["agendapunt", "id"]

    def __str__(self) -> str:
        return self.titel

    @property
    def extensie(self) -> str:
        return self.bestandsnaam.rsplit(".", 1)[-1].lower() if "." in self.bestandsnaam else ""


class Besluit(models.Model):
    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.CASCADE, related_name="besluiten", verbose_name="agendapunt"
    )
    tekst = models.TextField("besluit")

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ["agendapunt", "id"]

    def __str__(self) -> str:
        return self.tekst[:80]


class ActieStatus(models.TextChoices):
    OPEN = "open", "Open"
    AFGEROND = "afgerond", "Afgerond"


class Actie(models.Model):
    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.PROTECT, related_name="acties", verbose_name="agendapunt"
    )
    omschrijving = models.TextField("omschrijving")
    door_wie = models.CharField("door wie", max_length=200)
    deadline = models.DateField("deadline", null=True, blank=True)
    status = models.CharField(
        "status", max_length=10, choices=ActieStatus.choices, default=ActieStatus.OPEN
    )
    afgerond_in = models.ForeignKey(
        Overleg,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="afgeronde_acties",
        verbose_name="afgerond in overleg",
    )

    class Meta:
        verbose_name = "actie"
        verbose_name_plural = "acties"
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return self.omschrijving[:80]

    def verlopen(self, datum: dt.date) -> bool:
        """Open and past its deadline on ``datum`` (R9, ``domain.overleg.verlopen``)."""
        return verlopen(self.deadline, datum, afgehandeld=self.status == ActieStatus.AFGEROND)


class BriefSoort(models.TextChoices):
    BRIEF = "brief", "Brief"
    VERZOEK = "verzoek", "Verzoek"
    EMAIL = "email", "E-mail"


class OpvolgingStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    AFGEHANDELD = "afgehandeld", "Afgehandeld"


class Brief(models.Model):
    """An incoming letter or request in the register."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name="provincie"
    )
    afzender = models.CharField("afzender", max_length=300)
    ontvangen = models.DateField("datum ontvangen")
    onderwerp = models.CharField("onderwerp", max_length=300)
    soort = models.CharField("soort", max_length=10, choices=BriefSoort.choices)
    tekst = models.TextField("tekst", blank=True)
    bestandsnaam = models.CharField("bijlage", max_length=200, blank=True)
    checksum = models.CharField("checksum (SHA-256)", max_length=64, blank=True)
    bestand_tekst = models.TextField("tekst van de bijlage (voor zoeken)", blank=True)
    persoonsgegevens = models.BooleanField("bevat persoonsgegevens", default=True)
    verwijderd_op = models.DateField("bijlage verwijderd op", null=True, blank=True)
    agendapunten = models.ManyToManyField(
        Agendapunt, blank=True, related_name="brieven", verbose_name="agendapunten"
    )
    opvolging = models.TextField("opvolging", blank=True)
    opvolging_status = models.CharField(
        "status opvolging",
        max_length=20,
        choices=OpvolgingStatus.choices,
        default=OpvolgingStatus.OPEN,
    )
    opvolging_deadline = models.DateField("deadline opvolging", null=True, blank=True)
    geregistreerd_door = gebruiker_veld("geregistreerd door")

    class Meta:
        verbose_name = "brief of verzoek"
        verbose_name_plural = "brieven en verzoeken"
        ordering = ["-ontvangen", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "afzender", "ontvangen", "onderwerp"], name="brief_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.onderwerp} ({self.afzender}, {opmaak.datum(self.ontvangen)})"

    def opvolging_verlopen(self, datum: dt.date) -> bool:
        """The follow-up is not done and past its deadline on ``datum`` (R9's rule)."""
        return verlopen(
            self.opvolging_deadline,
            datum,
            afgehandeld=self.opvolging_status == OpvolgingStatus.AFGEHANDELD,
        )
