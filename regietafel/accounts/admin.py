from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import transaction

from regietafel.accounts.models import Gebruiker
from regietafel.audit.services import registreer

GEHEIM = frozenset({"password", "password1", "password2", "usable_password"})


def _waarde(gebruiker: Gebruiker, veld: str) -> Any:
    waarde = getattr(gebruiker, veld, None)
    if hasattr(waarde, "all"):  # groups, user_permissions
        return sorted(str(x) for x in getattr(waarde, "all")())  # noqa: B009
    if hasattr(waarde, "pk"):
        return str(waarde)
    return waarde if isinstance(waarde, str | int | bool | type(None)) else str(waarde)


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    """Users: every change is recorded (who, when, old → new), never a password."""

    list_display = ["username", "rol", "provincie", "gemeente", "organisatie", "is_active"]
    list_filter = ["rol", "provincie", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (
            "Rol in de regietafel",
            {"fields": ("rol", "provincie", "gemeente", "organisatie", "landelijk")},
        ),
    )

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        velden = [v for v in form.changed_data if v not in GEHEIM]
        oud = Gebruiker.objects.get(pk=obj.pk) if change else None
        oude = {v: _waarde(oud, v) for v in velden} if oud is not None else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            wijzigingen = {
                v: [oude.get(v), _waarde(obj, v)]
                for v in velden
                if v in {f.name for f in Gebruiker._meta.concrete_fields}
            }
            if set(form.changed_data) & GEHEIM:
                wijzigingen["wachtwoord"] = ["•••", "gewijzigd"]
            registreer(
                door=request.user,
                actie="gewijzigd" if change else "aangemaakt",
                obj=obj,
                wijzigingen=wijzigingen,
                bron="beheerscherm",
            )

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        m2m = [v for v in ("groups", "user_permissions") if v in form.changed_data]
        oud = {v: _waarde(form.instance, v) for v in m2m} if change else {}
        super().save_related(request, form, formsets, change)
        if m2m:
            registreer(
                door=request.user,
                actie="rechten gewijzigd",
                obj=form.instance,
                wijzigingen={v: [oud.get(v), _waarde(form.instance, v)] for v in m2m},
                bron="beheerscherm",
            )

    def delete_model(self, request: Any, obj: Any) -> None:
        with transaction.atomic():
            registreer(door=request.user, actie="verwijderd", obj=obj, bron="beheerscherm")
            super().delete_model(request, obj)
