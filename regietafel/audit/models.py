from django.conf import settings
from django.db import models


class AuditRegel(models.Model):
    """Who changed what, when, from which value to which (old → new)."""

    moment = models.DateTimeField("moment", auto_now_add=True, db_index=True)
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

    class Meta:
        verbose_name = "historieregel"
        verbose_name_plural = "historie"
        ordering = ["-moment", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        return f"{self.moment:%d-%m-%Y %H:%M} {self.actie} {self.object_omschrijving}"
