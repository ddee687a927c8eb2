"""E-mail: every message planned is a ``Bericht`` with a unique key (its reason), so the
same reason never sends twice; a user's choices are a ``Berichtvoorkeur``.

A Bericht has no history entry, like a job (``taken.Taak``): it is itself the record of who
got what and when, and an entry per mail would change the data version that keys the stored
documents every day. A change of a user's choices does get one (``services.zet_voorkeur``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from regietafel.core import klok
from regietafel.core.velden import gebruiker_veld


class BerichtStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "In de wachtrij"
    BEZIG = "bezig", "Wordt verstuurd"
    VERZONDEN = "verzonden", "Verzonden"
    MISLUKT = "mislukt", "Mislukt"


class Bericht(models.Model):
    sleutel = models.CharField(
        "sleutel",
        max_length=200,
        unique=True,
        help_text="De reden van het bericht: dezelfde reden verstuurt nooit twee keer.",
    )
    soort = models.CharField("soort", max_length=60)
    ontvanger = gebruiker_veld("ontvanger", on_delete=models.SET_NULL)
    adres = models.EmailField("e-mailadres")
    onderwerp = models.CharField("onderwerp", max_length=200)
    tekst = models.TextField("tekst")
    html = models.TextField("HTML", blank=True)
    status = models.CharField(
        "status", max_length=20, choices=BerichtStatus.choices, default=BerichtStatus.WACHTRIJ
    )
    reden = models.CharField("reden", max_length=500, blank=True)
    pogingen = models.PositiveSmallIntegerField("pogingen", default=0)
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=klok.nu)
    bijgewerkt_op = models.DateTimeField("bijgewerkt op", default=klok.nu)
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-aangemaakt_op"]
        indexes = [
            models.Index(fields=["ontvanger", "-aangemaakt_op"], name="bericht_ontvanger"),
            models.Index(fields=["status", "bijgewerkt_op"], name="bericht_status"),
        ]

    def __str__(self) -> str:
        return f"{self.onderwerp} aan {self.adres} ({self.get_status_display().lower()})"


class Berichtvoorkeur(models.Model):
    """The kinds of non-essential mail a user switched off."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name="gebruiker",
    )
    uit = models.JSONField("uitgezet", default=list, blank=True)

    # The history of a user's choices belongs to the user's provincie (historie.permissions:
    # read like the user account itself).
    historie_paden = ("gebruiker__gemeente", "gebruiker__provincie")

    class Meta:
        verbose_name = "berichtvoorkeur"
        verbose_name_plural = "berichtvoorkeuren"

    def __str__(self) -> str:
        return f"Berichtvoorkeur van {self.gebruiker}"
