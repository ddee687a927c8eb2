"""Reads of the history itself; the writes (``registreer``) are in ``services.py``."""

from __future__ import annotations

from django.db import models

from regietafel.audit.models import AuditRegel


def historie(obj: models.Model) -> models.QuerySet[AuditRegel]:
    return AuditRegel.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
