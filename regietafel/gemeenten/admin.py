"""The register of provincies and gemeenten comes from CBS (``laad_register``), the inhabitants
from CBS StatLine (``regietafel import inwoners``): read-only here."""

from django.contrib import admin

from regietafel.accounts.admin_mixins import AlleenLezenAdmin
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie


@admin.register(Provincie)
class ProvincieAdmin(AlleenLezenAdmin):
    list_display = ["naam", "code"]
    search_fields = ["naam", "code"]


class InwonertalInline(admin.TabularInline):
    model = Inwonertal
    extra = 0
    readonly_fields = ["jaar", "aantal", "bron", "synthetisch"]
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Gemeente)
class GemeenteAdmin(AlleenLezenAdmin):
    list_display = ["naam", "cbs_code", "provincie"]
    list_filter = ["provincie"]
    search_fields = ["naam", "cbs_code"]
    list_select_related = ["provincie"]
    inlines = [InwonertalInline]


@admin.register(Inwonertal)
class InwonertalAdmin(AlleenLezenAdmin):
    list_display = ["gemeente", "jaar", "aantal", "synthetisch", "bron"]
    list_filter = ["jaar", "synthetisch", "gemeente__provincie"]
    search_fields = ["gemeente__naam"]
    list_select_related = ["gemeente"]
