from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction

from regietafel.accounts.permissions import ALLE, leesbare_provincie_ids
from regietafel.audit.reikwijdte import paden
from regietafel.audit.services import momentopname, registreer, verschillen


def _provincie_ids(request: Any) -> set[int] | None:
    return leesbare_provincie_ids(request.user)


class ProvincieBeperktAdmin(admin.ModelAdmin):
    """An admin that shows and edits only the records of the user's provincie.

    A provincial user (the secretariaat is staff for the admin) sees the records of its
    provincie (audit.reikwijdte finds the path); another provincie's id answers as if it did
    not exist. National tables (a cyclus) are read-only for it. Choices of a gemeente or a
    provincie are limited the same way, so a new record cannot land elsewhere either.
    """

    def get_queryset(self, request: Any) -> models.QuerySet[Any]:
        qs = super().get_queryset(request)
        ids = _provincie_ids(request)
        if ids is ALLE:
            return qs
        _, pad = paden(self.model)
        if pad is None:
            return qs  # national: readable, not editable (below)
        return qs.filter(**{f"{pad}__in": ids})

    def _nationaal_en_beperkt(self, request: Any) -> bool:
        return _provincie_ids(request) is not ALLE and paden(self.model) == (None, None)

    def has_add_permission(self, request: Any) -> bool:
        return not self._nationaal_en_beperkt(request) and super().has_add_permission(request)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        if self._nationaal_en_beperkt(request):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        if self._nationaal_en_beperkt(request):
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        ids = _provincie_ids(request)
        label = db_field.related_model._meta.label_lower
        if ids is not ALLE and label == "gemeenten.gemeente":
            kwargs["queryset"] = db_field.related_model.objects.filter(provincie_id__in=ids)
        elif ids is not ALLE and label == "gemeenten.provincie":
            kwargs["queryset"] = db_field.related_model.objects.filter(pk__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class GeauditeerdAdmin(ProvincieBeperktAdmin):
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


class AlleenLezenAdmin(ProvincieBeperktAdmin):
    """History is appended through the services (imports, forms), never edited here."""

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
