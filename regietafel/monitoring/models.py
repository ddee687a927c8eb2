"""Realisation figures per peildatum. History is appended, never edited.

A figure belongs to a gemeente and a peildatum. A correction for the same peildatum is a
new record; the old one gets ``vervangen_op`` and stays, so "the stand per 1-11-2025 as
we knew it on 5-12-2025" remains answerable (``zoals_bekend_op``).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from regietafel.core import klok, opmaak
from regietafel.core.velden import gebruiker_veld
from regietafel.domain.statushouders import VergunninghoudersInvoer
from regietafel.domain.voortgang import resterend
from regietafel.gemeenten.models import Gemeente
from regietafel.opgaven.models import Soort


class PeilrecordQuerySet(models.QuerySet):
    def actueel(self) -> PeilrecordQuerySet:
        return self.filter(vervangen_op__isnull=True)

    def zoals_bekend_op(self, moment: dt.datetime) -> PeilrecordQuerySet:
        return self.filter(geregistreerd_op__lte=moment).filter(
            Q(vervangen_op__isnull=True) | Q(vervangen_op__gt=moment)
        )


class Peilrecord(models.Model):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="gemeente"
    )
    peildatum = models.DateField("peildatum")
    bron = models.CharField("bron", max_length=300, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    geregistreerd_op = models.DateTimeField("geregistreerd op")
    geregistreerd_door = gebruiker_veld("geregistreerd door")
    vervangen_op = models.DateTimeField("vervangen op", null=True, blank=True, editable=False)

    objects = PeilrecordQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-peildatum", "gemeente__naam"]
        get_latest_by = "peildatum"


class Realisatie(Peilrecord):
    """Places (or persons) realised by a gemeente for one soort on one peildatum."""

    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    aantal = models.PositiveIntegerField("realisatie")

    class Meta(Peilrecord.Meta):
        verbose_name = "realisatie"
        verbose_name_plural = "realisaties"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "soort", "peildatum"],
                condition=Q(vervangen_op__isnull=True),
                name="realisatie_een_actueel_per_peildatum",
            )
        ]
        indexes = [models.Index(fields=["soort", "peildatum"], name="realisatie_soort_peildatum")]

    def __str__(self) -> str:
        return self.omschrijving(self.gemeente, self.soort, self.peildatum, self.aantal)

    @staticmethod
    def omschrijving(gemeente: Gemeente, soort: str, peildatum: dt.date, aantal: int) -> str:
        """``str()`` of a realisatie without the instance (the history of a bulk import)."""
        naam = dict(Soort.choices).get(soort, soort)  # as get_soort_display()
        return f"{gemeente} {naam} {opmaak.datum(peildatum)}: {aantal}"


class VergunninghoudersStand(Peilrecord):
    """One row of COA's "Overzicht huisvesting vergunninghouders" (domain.md R4).

    Only the source figures are stored; stand 1 juli, taakstelling inclusief, realisatie
    tot 1 januari and achter/voor are derived by the domain rule.
    """

    jaar = models.PositiveSmallIntegerField("jaar")
    stand_1_jan = models.IntegerField("stand op 1 januari")
    taakstelling_h1 = models.PositiveIntegerField("taakstelling 1e helft")
    realisatie_h1 = models.PositiveIntegerField("realisatie 1e helft")
    taakstelling_h2 = models.PositiveIntegerField("taakstelling 2e helft")
    correcties = models.IntegerField("correcties", default=0)
    realisatie_jul = models.PositiveIntegerField("realisatie juli", default=0)
    realisatie_aug = models.PositiveIntegerField("realisatie augustus", default=0)
    realisatie_sep = models.PositiveIntegerField("realisatie september", default=0)
    realisatie_okt = models.PositiveIntegerField("realisatie oktober", default=0)
    realisatie_nov = models.PositiveIntegerField("realisatie november", default=0)
    realisatie_dec = models.PositiveIntegerField("realisatie december", default=0)

    MAANDVELDEN = (
        "realisatie_jul",
        "realisatie_aug",
        "realisatie_sep",
        "realisatie_okt",
        "realisatie_nov",
        "realisatie_dec",
    )
    STANDVELDEN = (
        "jaar",
        "stand_1_jan",
        "taakstelling_h1",
        "realisatie_h1",
        "taakstelling_h2",
        "correcties",
        *MAANDVELDEN,
    )
    """The figures of a stand as COA's overview gives them (the rest is derived)."""

    class Meta(Peilrecord.Meta):
        verbose_name = "stand vergunninghouders (COA)"
        verbose_name_plural = "standen vergunninghouders (COA)"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "peildatum"],
                condition=Q(vervangen_op__isnull=True),
                name="vergunninghouders_een_actueel_per_peildatum",
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} vergunninghouders {opmaak.datum(self.peildatum)}"

    def invoer(self) -> VergunninghoudersInvoer:
        return VergunninghoudersInvoer(
            stand_1_jan=self.stand_1_jan,
            taakstelling_h1=self.taakstelling_h1,
            realisatie_h1=self.realisatie_h1,
            taakstelling_h2=self.taakstelling_h2,
            correcties=self.correcties,
            realisatie_maanden=tuple(getattr(self, veld) for veld in self.MAANDVELDEN),
        )


class NidosStand(Peilrecord):
    """One row of Nidos's "Factsheet opvang": minderjarige statushouders per gemeente."""

    gerealiseerd = models.PositiveIntegerField("gerealiseerd")
    taakstelling = models.PositiveIntegerField("totaal taakstelling")

    class Meta(Peilrecord.Meta):
        verbose_name = "stand minderjarige statushouders (Nidos)"
        verbose_name_plural = "standen minderjarige statushouders (Nidos)"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "peildatum"],
                condition=Q(vervangen_op__isnull=True),
                name="nidos_een_actueel_per_peildatum",
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} Nidos {opmaak.datum(self.peildatum)}"

    @property
    def resterend(self) -> int:
        return resterend(self.gerealiseerd, self.taakstelling)


class InzendingStatus(models.TextChoices):
    INGEDIEND = "ingediend", "Ingediend, wacht op beoordeling"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    TERUGGESTUURD = "teruggestuurd", "Teruggestuurd"


class Inzending(models.Model):
    """A gemeente's own realisation figures for one peildatum, for the secretariaat to check.

    Only an approved submission reaches the figures (through ``registreer_realisatie``);
    a returned one stays as it was, and the gemeente submits a corrected one anew.
    """

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name="gemeente"
    )
    peildatum = models.DateField("peildatum")
    status = models.CharField(
        "status", max_length=20, choices=InzendingStatus.choices, default=InzendingStatus.INGEDIEND
    )
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ingediend door",
    )
    ingediend_op = models.DateTimeField("ingediend op")
    beoordeeld_door = gebruiker_veld("beoordeeld door")
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    opmerking = models.TextField("opmerking van het secretariaat", blank=True)

    class Meta:
        verbose_name = "inzending"
        verbose_name_plural = "inzendingen"
        ordering = ["-ingediend_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "peildatum"],
                condition=Q(status="ingediend"),
                name="inzending_een_open_per_peildatum",
            )
        ]
        indexes = [models.Index(fields=["status", "ingediend_op"], name="inzending_status")]

    def __str__(self) -> str:
        return f"Inzending {self.gemeente} {opmaak.datum(self.peildatum)} ({self.get_status_display()})"

    @property
    def open(self) -> bool:
        return self.status == InzendingStatus.INGEDIEND

    @property
    def toelichting(self) -> str:
        """The gemeente's explanation (submitted once, kept with every figure)."""
        return next((r.toelichting for r in self.regels.all() if r.toelichting), "")


class InzendingRegel(models.Model):
    inzending = models.ForeignKey(
        Inzending, on_delete=models.CASCADE, related_name="regels", verbose_name="inzending"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    aantal = models.PositiveIntegerField("aantal")
    toelichting = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "regel van een inzending"
        verbose_name_plural = "regels van inzendingen"
        constraints = [
            models.UniqueConstraint(fields=["inzending", "soort"], name="inzending_regel_per_soort")
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.aantal}"


class Projectie(models.Model):
    """A page's result computed once per change of its figures (``monitoring.projectie``):
    operational state like a job, not domain data (no history entry: it would change the
    data version it was made for). Valid only for its ``code`` and ``volgnummer``."""

    soort = models.CharField("soort", max_length=40)
    sleutel = models.CharField("sleutel", max_length=200)
    code = models.CharField("code", max_length=16, help_text="Hash van de broncode.")
    volgnummer = models.PositiveBigIntegerField(
        "wijzigingsversie", help_text="De versie van de cijfers waaruit de projectie is gemaakt."
    )
    provincie_id = models.PositiveIntegerField("provincie-id", null=True, blank=True)
    inhoud = models.BinaryField("inhoud")
    gemaakt_op = models.DateTimeField("gemaakt op", default=klok.nu)

    class Meta:
        verbose_name = "projectie"
        verbose_name_plural = "projecties"
        constraints = [
            models.UniqueConstraint(fields=["soort", "sleutel"], name="projectie_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.sleutel}"
