from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction

from regietafel.audit.services import momentopname, registreer, verschillen


class GeauditeerdAdmin(admin.ModelAdmin):
    """Admin whose saves and deletes write an audit entry (old → new) in the same transaction."""

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        velden = list(form.changed_data)
        oud = momentopname(type(obj).objects.get(pk=obj.pk), velden) if change else None
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            registreer(
                door=request.user,
                actie="gewijzigd" if change else "aangemaakt",
                obj=obj,
                wijzigingen=verschillen(oud, momentopname(obj, velden)),
                bron="beheerscherm",
            )

    def delete_model(self, request: Any, obj: Any) -> None:
        with transaction.atomic():
            registreer(door=request.user, actie="verwijderd", obj=obj, bron="beheerscherm")
            super().delete_model(request, obj)


class AlleenLezenAdmin(admin.ModelAdmin):
    """History is appended through the services (imports, forms), never edited here."""

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
