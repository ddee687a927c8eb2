"""Users, groups of rights, API keys and login blocks in the admin: every write through
``accounts.services`` (with history, never a password or a key). The logs of django-axes are
read-only; a block is lifted by deleting its record, through the service."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from regietafel.accounts import services
from regietafel.accounts.admin_mixins import BRON, AlleenLezen, Geweigerd, ViaDiensten, melding
from regietafel.accounts.models import Gebruiker

_DOOR: ContextVar[Any] = ContextVar("regietafel_beheer_door")
"""The acting user while the admin's password view runs (its form has no request)."""


class WachtwoordForm(AdminPasswordChangeForm):
    """Django's form to set a user's password in the admin, saved through the service."""

    def save(self, commit: bool = True) -> Any:
        bruikbaar = self.cleaned_data.get("set_usable_password", True)
        try:
            self.user = services.zet_wachtwoord(
                door=_DOOR.get(),
                gebruiker=self.user,
                wachtwoord=self.cleaned_data["password1"] if bruikbaar else None,
                bron=BRON,
            )
        except (ValidationError, PermissionDenied) as fout:
            raise Geweigerd(melding(fout)) from fout
        return self.user


@admin.register(Gebruiker)
class GebruikerAdmin(ViaDiensten, UserAdmin):
    """Users: created, changed (role, scope, rights, active), deactivated, their password set
    and deleted (only a user that never wrote anything) through ``accounts.services``."""

    list_display = ["username", "rol", "provincie", "gemeente", "organisatie", "is_active"]
    list_filter = ["rol", "provincie", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (
            "Rol in de regietafel",
            {"fields": ("rol", "provincie", "gemeente", "organisatie", "landelijk")},
        ),
    )
    readonly_fields = ["last_login", "date_joined"]
    change_password_form = WachtwoordForm
    actions = ["deactiveer"]

    def maak(self, request: HttpRequest, obj: Any, form: Any) -> Gebruiker:
        bruikbaar = form.cleaned_data.get("set_usable_password", True)
        return services.maak_gebruiker(
            door=request.user,
            gebruikersnaam=obj.username,
            wachtwoord=form.cleaned_data.get("password1") if bruikbaar else None,
            bron=BRON,
        )

    def wijzig(self, request: HttpRequest, obj: Any, form: Any) -> None:
        velden = {*services.VELDEN, *services.RECHTEN}
        waarden = {v: form.cleaned_data[v] for v in form.changed_data if v in velden}
        onbekend = [v for v in form.changed_data if v not in velden]
        if onbekend:
            raise ValidationError(f"Deze velden worden hier niet gewijzigd: {', '.join(onbekend)}.")
        gebruiker = Gebruiker.objects.get(pk=obj.pk)
        services.wijzig_gebruiker(door=request.user, gebruiker=gebruiker, bron=BRON, **waarden)

    def verwijder(self, request: HttpRequest, obj: Any) -> None:
        services.verwijder_gebruiker(door=request.user, gebruiker=obj, bron=BRON)

    def user_change_password(self, request: Any, id: str, form_url: str = "") -> Any:
        teken = _DOOR.set(request.user)
        try:
            return super().user_change_password(request, id, form_url)
        except Geweigerd as fout:
            return self._geweigerd(request, fout)
        finally:
            _DOOR.reset(teken)

    @admin.action(description="Geselecteerde gebruikers deactiveren")
    def deactiveer(self, request: HttpRequest, queryset: Any) -> None:
        aantal = 0
        try:
            for gebruiker in queryset:
                aantal += services.deactiveer_gebruiker(
                    door=request.user, gebruiker=gebruiker, bron=BRON
                )
        except (ValidationError, PermissionDenied) as fout:
            raise Geweigerd(melding(fout)) from fout
        self.message_user(request, f"{aantal} gebruiker(s) gedeactiveerd.", messages.SUCCESS)


admin.site.unregister(Group)


@admin.register(Group)
class GroepAdmin(ViaDiensten, GroupAdmin):
    """Groups of rights (the keys to the admin): a superuser, through the service."""

    def maak(self, request: HttpRequest, obj: Any, form: Any) -> Group:
        groep, _ = services.bewaar_groep(
            door=request.user,
            naam=form.cleaned_data["name"],
            rechten=form.cleaned_data.get("permissions") or [],
            bron=BRON,
        )
        return groep

    def wijzig(self, request: HttpRequest, obj: Any, form: Any) -> None:
        services.bewaar_groep(
            door=request.user,
            groep=Group.objects.get(pk=obj.pk),
            naam=form.cleaned_data["name"],
            rechten=form.cleaned_data.get("permissions") or [],
            bron=BRON,
        )

    def verwijder(self, request: HttpRequest, obj: Any) -> None:
        services.verwijder_groep(door=request.user, groep=obj, bron=BRON)


admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class SleutelAdmin(ViaDiensten, TokenAdmin):
    """API keys: made and revoked through the service (the history names the user, never
    the key); a key is not changed."""

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def maak(self, request: HttpRequest, obj: Any, form: Any) -> Any:
        return services.maak_token(door=request.user, gebruiker=obj.user, bron=BRON)

    def verwijder(self, request: HttpRequest, obj: Any) -> None:
        services.verwijder_token(door=request.user, token=obj, bron=BRON)


for _model in (AccessAttempt, AccessLog, AccessFailureLog):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(AccessAttempt)
class BlokkadeAdmin(ViaDiensten, AccessAttemptAdmin):
    """Failed logins (django-axes): read-only, except deleting one, which lifts the block,
    through the service (with history)."""

    actions: list[Any] = []

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def verwijder(self, request: HttpRequest, obj: Any) -> None:
        services.hef_blokkade_op(door=request.user, poging=obj, bron=BRON)


@admin.register(AccessLog)
class InlogLogAdmin(AlleenLezen, AccessLogAdmin):
    pass


@admin.register(AccessFailureLog)
class MislukteInlogLogAdmin(AlleenLezen, AccessFailureLogAdmin):
    pass
