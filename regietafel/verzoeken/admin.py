"""Beheer: the terms of the nareismaatregel are configuration (data), kept here by a superuser
through ``verzoeken.services.zet_maatregel`` (a new letter is a new row; a row is not deleted).
Everything else of this app is edited through its own pages and services."""

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from regietafel.accounts.admin_mixins import BRON, DienstAdmin, gewijzigde_waarden
from regietafel.verzoeken.models import Nareismaatregel
from regietafel.verzoeken.services import zet_maatregel

VELDEN = (
    "naam",
    "geldig_vanaf",
    "informeren_dagen",
    "max_maanden",
    "signaal_dagen",
    "har_plus_tot",
)


@admin.register(Nareismaatregel)
class NareismaatregelAdmin(DienstAdmin):
    list_display = [
        "naam",
        "geldig_vanaf",
        "informeren_dagen",
        "max_maanden",
        "signaal_dagen",
        "har_plus_tot",
    ]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def maak(self, request: HttpRequest, obj: Any, form: Any) -> Nareismaatregel:
        maatregel, _ = zet_maatregel(
            door=request.user,
            code=obj.code,
            bron=obj.bron,
            via=BRON,
            **{v: getattr(obj, v) for v in VELDEN},
        )
        return maatregel

    def wijzig(self, request: HttpRequest, obj: Any, form: Any) -> None:
        waarden = gewijzigde_waarden(form, obj)
        if "code" in waarden:
            raise ValidationError({"code": "De code van een maatregel ligt vast."})
        bron = waarden.pop("bron", None)
        stored = Nareismaatregel.objects.get(pk=obj.pk)
        zet_maatregel(
            door=request.user,
            code=stored.code,
            bron=stored.bron if bron is None else bron,
            via=BRON,
            **{**{v: getattr(stored, v) for v in VELDEN}, **waarden},
        )
