"""Model fields that many models declare the same way: one definition each, so a change is
made once (a field built here deconstructs exactly as the hand-written one did: no migration).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


def gebruiker_veld(verbose_name: str, *, on_delete: Any = models.PROTECT) -> models.ForeignKey[Any]:
    """Who did something (``aangemaakt door``, ``geüpload door``): optional (the system acts
    as None), no reverse relation on the user; a user with history is not deleted (PROTECT)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )
