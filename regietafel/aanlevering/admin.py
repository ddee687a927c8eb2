from django.contrib import admin

from regietafel.aanlevering.models import Aanlevering
from regietafel.accounts.admin_mixins import AlleenLezenAdmin


@admin.register(Aanlevering)
class AanleveringAdmin(AlleenLezenAdmin):
    list_display = ["moment", "soort", "bestandsnaam", "peildatum", "nieuw", "gewijzigd", "door"]
    list_filter = ["soort", "peildatum"]
    search_fields = ["bestandsnaam", "checksum"]
    list_select_related = ["door"]
