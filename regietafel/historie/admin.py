from django.contrib import admin

from regietafel.accounts.admin_mixins import ProvincieBeperktAdmin
from regietafel.audit.models import AuditRegel


@admin.register(AuditRegel)
class AuditRegelAdmin(ProvincieBeperktAdmin):
    list_display = ["moment", "door", "actie", "object_type", "object_omschrijving", "bron"]
    list_filter = ["actie", "object_type", "provincie"]
    search_fields = ["object_omschrijving", "bron", "checksum"]
    list_select_related = ["door"]
    date_hierarchy = "moment"

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
