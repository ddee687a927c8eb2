from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import models, transaction

from regietafel.audit import keten
from regietafel.core import klok, opmaak
from regietafel.core.velden import gebruiker_veld


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
        with transaction.atomic():
            keten.schakel(objs)
            return super().bulk_create(objs, *args, **kwargs)


def _pk(model: type[models.Model], object_id: str) -> Any:
    try:
        return model._meta.pk.to_python(object_id)  # type: ignore[union-attr]
    except Exception:  # an unparsable id simply has no scope
        return object_id


class AuditRegel(models.Model):
    """Who changed what, when, from which value to which (old → new).

    Appended, never changed: each entry is a link of a hash chain (``audit.keten``) with its
    ``volgnummer``, the hash of the entry before it and its own.
    """

    moment = models.DateTimeField("moment", default=klok.nu, editable=False, db_index=True)
    door = gebruiker_veld("door")
    actie = models.CharField("actie", max_length=40)
    object_type = models.CharField("objecttype", max_length=100)
    object_id = models.CharField("object-id", max_length=40, blank=True)
    object_omschrijving = models.CharField("object", max_length=300)
    wijzigingen = models.JSONField("wijzigingen", default=dict, blank=True)
    bron = models.CharField("bron", max_length=300, blank=True)
    checksum = models.CharField("checksum (SHA-256)", max_length=64, blank=True)
    # The scope of the record when it changed (audit.reikwijdte): who may read this entry.
    # Sealed in the hash like the rest, so a provincie or gemeente with history is never
    # deleted (PROTECT): clearing the scope would break the chain.
    provincie = models.ForeignKey(
        "gemeenten.Provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="provincie",
    )
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gemeente",
    )
    # The chain (audit.keten): set when the entry is saved, never by hand.
    volgnummer = models.PositiveBigIntegerField("volgnummer", unique=True, editable=False)
    vorige_hash = models.CharField("vorige hash", max_length=64, editable=False)
    hash = models.CharField("hash (SHA-256)", max_length=64, editable=False)

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

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Append (with its link in the chain); an entry once written is never changed."""
        if not self._state.adding:
            raise ValueError("Een historieregel wordt niet gewijzigd.")
        with transaction.atomic():
            keten.schakel([self])
            super().save(*args, **kwargs)


class HistorieKop(models.Model):
    """The head of the history chain (one row, pk 1): the newest entry's volgnummer and
    hash, and its moment. Moved in the same transaction as every entry (``audit.keten``);
    also the data version that keys the caches (``audit.gegevensversie``)."""

    volgnummer = models.PositiveBigIntegerField("volgnummer", default=0)
    hash = models.CharField("hash (SHA-256)", max_length=64, default=keten.BEGIN)
    moment = models.DateTimeField("moment", null=True, blank=True)

    class Meta:
        verbose_name = "kop van de historie"
        verbose_name_plural = "kop van de historie"

    def __str__(self) -> str:
        return f"historie tot en met regel {self.volgnummer}"


class Wijzigingsversie(models.Model):
    """Per provincie and app: the volgnummer of the newest history entry of a record of that
    app in that provincie (``provincie`` 0: a record without a provincie, such as a cyclus,
    or a gemeente, which may move between provincies). Moved in the same transaction as every
    entry (``audit.keten.schakel``): a finer data version than the head, so a stored result
    of one provincie (``monitoring.projectie``) survives a write elsewhere or of another kind
    (a comment on a meeting)."""

    provincie = models.PositiveIntegerField("provincie-id (0: landelijk)")
    app = models.CharField("app", max_length=60)
    volgnummer = models.PositiveBigIntegerField("volgnummer", default=0)

    class Meta:
        verbose_name = "wijzigingsversie"
        verbose_name_plural = "wijzigingsversies"
        constraints = [
            models.UniqueConstraint(fields=["provincie", "app"], name="wijzigingsversie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.app} in provincie {self.provincie or 'landelijk'}: {self.volgnummer}"
