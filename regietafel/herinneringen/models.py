"""A provincie's delivery deadline as data: the rule (``Aanlevertermijn``, e.g. "de 5e werkdag
van de maand van de peildatum, herinneren 3 dagen vooraf") and deadlines set for a single
peildatum (``AfwijkendeTermijn``). The dates follow from ``domain.aanlevertermijn``."""

from __future__ import annotations

from django.db import models

from regietafel.domain.aanlevertermijn import Termijnregel, Termijnsoort
from regietafel.domain.feestdagen import Bevrijdingsdag
from regietafel.gemeenten.models import Provincie


class Aanlevertermijn(models.Model):
    provincie = models.OneToOneField(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name="provincie"
    )
    actief = models.BooleanField(
        "herinneringen versturen",
        default=True,
        help_text="Uit: geen herinneringen aan gemeenten en geen dagelijks overzicht.",
    )
    soort = models.CharField(
        "soort dag",
        max_length=20,
        choices=[(s.value, s.value) for s in Termijnsoort],
        default=Termijnsoort.WERKDAG.value,
    )
    dag = models.PositiveSmallIntegerField("dag", default=5)
    maanden_na_peildatum = models.PositiveSmallIntegerField(
        "maanden na de peildatum",
        default=0,
        help_text="0: in de maand van de peildatum; 1: in de maand erna.",
    )
    dagen_vooraf = models.PositiveSmallIntegerField(
        "dagen vooraf herinneren", default=3, help_text="Kalenderdagen voor de uiterste datum."
    )
    bevrijdingsdag = models.CharField(
        "Bevrijdingsdag vrij",
        max_length=20,
        choices=[
            (Bevrijdingsdag.LUSTRUM.value, "eens in de vijf jaar (2025, 2030, …)"),
            (Bevrijdingsdag.JAARLIJKS.value, "elk jaar"),
            (Bevrijdingsdag.NOOIT.value, "nooit"),
        ],
        default=Bevrijdingsdag.LUSTRUM.value,
    )

    class Meta:
        verbose_name = "aanlevertermijn"
        verbose_name_plural = "aanlevertermijnen"

    def __str__(self) -> str:
        return f"Aanlevertermijn {self.provincie}: {self.regel().omschrijving()}"

    def regel(self) -> Termijnregel:
        return Termijnregel(
            soort=Termijnsoort(self.soort),
            dag=self.dag,
            maanden_na_peildatum=self.maanden_na_peildatum,
            dagen_vooraf=self.dagen_vooraf,
            bevrijdingsdag=Bevrijdingsdag(self.bevrijdingsdag),
        )


class AfwijkendeTermijn(models.Model):
    """A deadline for one peildatum instead of the rule's (e.g. after the Christmas holidays)."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name="provincie"
    )
    peildatum = models.DateField("peildatum")
    uiterste_datum = models.DateField("uiterste datum")
    toelichting = models.CharField("toelichting", max_length=200, blank=True)

    class Meta:
        verbose_name = "afwijkende aanlevertermijn"
        verbose_name_plural = "afwijkende aanlevertermijnen"
        ordering = ["-peildatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "peildatum"], name="afwijkende_termijn_per_peildatum"
            )
        ]

    def __str__(self) -> str:
        return (
            f"Aanlevertermijn {self.provincie} peildatum {self.peildatum:%d-%m-%Y}: "
            f"uiterlijk {self.uiterste_datum:%d-%m-%Y}"
        )
