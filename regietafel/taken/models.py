"""A job run by a worker, as its user sees it: the one source of truth for its state.

Celery carries only the job's id; what, for whom, how far, the Dutch reason of a failure and
the file it made live here, so every app server shows the same status and a redelivered
message finds the job where the killed worker left it. A job is operational state, not
domain data: it keeps its own who and when (``aangevraagd_door``, ``aangemaakt_op``, …)
instead of an audit entry, which would change the data version a document is made for.
"""

from __future__ import annotations

import datetime as dt
import uuid
from functools import cached_property

from django.db import models
from django.db.models import Q

from regietafel.core import klok
from regietafel.core.velden import gebruiker_veld
from regietafel.gemeenten.models import Provincie


class TaakStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "in de wachtrij"
    BEZIG = "bezig", "bezig"
    KLAAR = "klaar", "klaar"
    MISLUKT = "mislukt", "mislukt"


OPEN = (TaakStatus.WACHTRIJ, TaakStatus.BEZIG)


class Taak(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    soort = models.CharField("soort", max_length=60)
    omschrijving = models.CharField("omschrijving", max_length=300)
    sleutel = models.CharField(
        "sleutel",
        max_length=200,
        blank=True,
        help_text="Wat de taak maakt (soort en parameters): een klaar document met dezelfde "
        "sleutel en gegevensversie wordt opnieuw gebruikt.",
    )
    parameters = models.JSONField("parameters", default=dict, blank=True)
    provincie = models.ForeignKey(
        Provincie,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="provincie",
    )
    aangevraagd_door = gebruiker_veld("aangevraagd door", on_delete=models.SET_NULL)
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=klok.nu)
    begonnen_op = models.DateTimeField("begonnen op", null=True, blank=True)
    bijgewerkt_op = models.DateTimeField("laatste voortgang", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)
    status = models.CharField(
        "status", max_length=10, choices=TaakStatus.choices, default=TaakStatus.WACHTRIJ
    )
    voortgang = models.PositiveSmallIntegerField("voortgang (%)", default=0)
    stap = models.CharField("stap", max_length=200, blank=True)
    reden = models.CharField("reden van mislukken", max_length=500, blank=True)
    pogingen = models.PositiveSmallIntegerField("pogingen", default=0)
    data_versie = models.CharField(
        "gegevensversie",
        max_length=60,
        blank=True,
        help_text="De versie van de gegevens (de nieuwste historieregel) waarvoor de taak is "
        "gevraagd.",
    )
    bestand_checksum = models.CharField("SHA-256 van het bestand", max_length=64, blank=True)
    bestand_extensie = models.CharField("extensie", max_length=10, blank=True)
    bestandsnaam = models.CharField("bestandsnaam", max_length=200, blank=True)
    resultaat = models.JSONField("resultaat", default=dict, blank=True)
    terug_url = models.CharField("terug naar", max_length=300, blank=True)

    class Meta:
        verbose_name = "taak"
        verbose_name_plural = "taken"
        ordering = ["-aangemaakt_op"]
        indexes = [
            models.Index(fields=["soort", "sleutel", "data_versie"], name="taak_hergebruik"),
            models.Index(fields=["status", "bijgewerkt_op"], name="taak_status"),
        ]
        constraints = [
            # One open job per document and data version: a second request joins the first.
            models.UniqueConstraint(
                fields=["soort", "sleutel", "data_versie"],
                condition=Q(status__in=["wachtrij", "bezig"]) & ~Q(sleutel=""),
                name="taak_een_open_per_sleutel",
            ),
            models.CheckConstraint(condition=Q(voortgang__lte=100), name="taak_voortgang_max"),
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving}: {self.status_tekst}"

    @property
    def open(self) -> bool:
        return self.status in OPEN

    @property
    def heeft_bestand(self) -> bool:
        return self.status == TaakStatus.KLAAR and bool(self.bestand_checksum)

    @property
    def status_tekst(self) -> str:
        """ "in de wachtrij", "bezig (40 %)", "klaar" or "mislukt: <reden>"."""
        if self.status == TaakStatus.BEZIG:
            return f"bezig ({self.voortgang} %)"
        if self.status == TaakStatus.MISLUKT:
            return f"mislukt: {self.reden}" if self.reden else "mislukt"
        return str(TaakStatus(self.status).label)

    @cached_property
    def versie_moment(self) -> dt.datetime | None:
        """The moment of the data version the job was asked for (its newest history entry;
        the version is the head of the history chain, ``audit.gegevensversie``)."""
        from regietafel.audit.gegevensversie import moment_van

        return moment_van(self.data_versie)
