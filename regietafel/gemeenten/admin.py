from django.contrib import admin

from regietafel.accounts.admin_mixins import GeauditeerdAdmin
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie


@admin.register(Provincie)
class ProvincieAdmin(GeauditeerdAdmin):
    list_display = ["naam", "code"]
    search_fields = ["naam", "code"]


class InwonertalInline(admin.TabularInline):
    model = Inwonertal
    extra = 0
    readonly_fields = ["jaar", "aantal", "bron", "synthetisch"]
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Gemeente)
class GemeenteAdmin(GeauditeerdAdmin):
    list_display = ["naam", "cbs_code", "provincie"]
    list_filter = ["provincie"]
    search_fields = ["naam", "cbs_code"]
    list_select_related = ["provincie"]
    inlines = [InwonertalInline]


@admin.register(Inwonertal)
class InwonertalAdmin(GeauditeerdAdmin):
    list_display = ["gemeente", "jaar", "aantal", "synthetisch", "bron"]
    list_filter = ["jaar", "synthetisch", "gemeente__provincie"]
    search_fields = ["gemeente__naam"]
    list_select_related = ["gemeente"]
