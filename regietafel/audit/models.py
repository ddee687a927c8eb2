from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models

from regietafel.core import klok, opmaak


class AuditRegelManager(models.Manager["AuditRegel"]):
    def bulk_create(self, objs: Iterable[AuditRegel], *args: Any, **kwargs: Any) -> Any:
        """Fill in the scope (gemeente, provincie) of the rows that lack it: one query per
        object type, so the Wijzigingen list can filter without visiting every record."""
        from regietafel.audit.reikwijdte import reikwijdten

        objs = list(objs)
        open_per_type: dict[str, list[AuditRegel]] = defaultdict(list)
        for regel in objs:
            if regel.provincie_id is None and regel.gemeente_id is None and regel.object_id:
                open_per_type[regel.object_type].append(regel)
        for label, regels in open_per_type.items():
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError):
                continue
            gevonden = reikwijdten(model, {r.object_id for r in regels})
            for regel in regels:
                regel.gemeente_id, regel.provincie_id = gevonden.get(
                    _pk(model, regel.object_id), (None, None)
                )
        return super().bulk_create(objs, *args, **kwargs)


def _pk(model: type[models.Model], object_id: str) -> Any:
    try:
        return model._meta.pk.to_python(object_id)  # type: ignore[union-attr]
    except Exception:  # an unparsable id simply has no scope
        return object_id


class AuditRegel(models.Model):
    """Who changed what, when, from which value to which (old → new)."""

    moment = models.DateTimeField("moment", default=klok.nu, editable=False, db_index=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
    )
    actie = models.CharField("actie", max_length=40)
    object_type = models.CharField("objecttype", max_length=100)
    object_id = models.CharField("object-id", max_length=40, blank=True)
    object_omschrijving = models.CharField("object", max_length=300)
    wijzigingen = models.JSONField("wijzigingen", default=dict, blank=True)
    bron = models.CharField("bron", max_length=300, blank=True)
    checksum = models.CharField("checksum (SHA-256)", max_length=64, blank=True)
    # The scope of the record when it changed (audit.reikwijdte): who may read this entry.
    provincie = models.ForeignKey(
        "gemeenten.Provincie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="provincie",
    )
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gemeente",
    )

    objects = AuditRegelManager()

    class Meta:
        verbose_name = "historieregel"
        verbose_name_plural = "historie"
        ordering = ["-moment", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
            models.Index(fields=["provincie", "moment"], name="audit_provincie"),
        ]

    def __str__(self) -> str:
        return f"{opmaak.moment(self.moment)} {self.actie} {self.object_omschrijving}"
