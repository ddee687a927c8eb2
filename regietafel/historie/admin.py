from django.contrib import admin

from regietafel.accounts.admin_mixins import AlleenLezenAdmin
from regietafel.audit.models import AuditRegel


@admin.register(AuditRegel)
class AuditRegelAdmin(AlleenLezenAdmin):
    """The history is appended by the services, never edited (a hash chain: audit.keten)."""

    list_display = [
        "moment",
        "volgnummer",
        "door",
        "actie",
        "object_type",
        "object_omschrijving",
        "bron",
    ]
    list_filter = ["actie", "object_type", "provincie"]
    search_fields = ["object_omschrijving", "bron", "checksum"]
    list_select_related = ["door"]
    date_hierarchy = "moment"
