from django.contrib import admin

from regietafel.accounts.admin_mixins import GeauditeerdAdmin
from regietafel.locaties.models import Locatie


@admin.register(Locatie)
class LocatieAdmin(GeauditeerdAdmin):
    list_display = [
        "naam",
        "gemeente",
        "type",
        "plaatsen_regulier",
        "plaatsen_amv",
        "plaatsen_oekraine",
        "plaatsen_bijzonder",
        "beschikbaar_van",
        "beschikbaar_tot",
        "status",
    ]
    list_filter = ["type", "status", "gemeente__provincie"]
    search_fields = ["naam", "gemeente__naam", "bijzonderheden", "reden_beeindiging"]
    list_select_related = ["gemeente"]
