from django.contrib import admin

from regietafel.accounts.admin_mixins import AlleenLezenAdmin, GeauditeerdAdmin
from regietafel.rapportage.models import BonusRegeling, RapportVersie, Spuk3Bedrag


class Spuk3BedragInline(admin.TabularInline):
    model = Spuk3Bedrag
    extra = 0


@admin.register(BonusRegeling)
class BonusRegelingAdmin(GeauditeerdAdmin):
    list_display = [
        "provincie",
        "cyclus",
        "spuk1_per_plek",
        "spuk2_per_plek",
        "spuk3_drempel_procent",
        "spuk3_budget",
        "spuk3_provincie",
    ]
    list_filter = ["cyclus", "provincie"]
    list_select_related = ["provincie", "cyclus"]
    inlines = [Spuk3BedragInline]


@admin.register(RapportVersie)
class RapportVersieAdmin(AlleenLezenAdmin):
    """Versions are appended through the report pages, never edited here."""

    list_display = [
        "soort",
        "provincie",
        "peildatum",
        "cyclus",
        "volgnummer",
        "versie_datum",
        "adressering",
        "aangemaakt_door",
        "aangemaakt_op",
    ]
    list_filter = ["soort", "provincie"]
    list_select_related = ["provincie", "cyclus", "aangemaakt_door"]
