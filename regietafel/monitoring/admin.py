from django.contrib import admin

from regietafel.accounts.admin_mixins import AlleenLezenAdmin
from regietafel.monitoring.models import NidosStand, Realisatie, VergunninghoudersStand


class PeilrecordAdmin(AlleenLezenAdmin):
    list_filter = ["peildatum", "gemeente__provincie"]
    search_fields = ["gemeente__naam", "bron"]
    list_select_related = ["gemeente", "geregistreerd_door"]
    date_hierarchy = "peildatum"

    @admin.display(boolean=True, description="actueel")
    def actueel(self, obj):  # type: ignore[no-untyped-def]
        return obj.vervangen_op is None


@admin.register(Realisatie)
class RealisatieAdmin(PeilrecordAdmin):
    list_display = [
        "gemeente",
        "soort",
        "peildatum",
        "aantal",
        "actueel",
        "geregistreerd_op",
        "geregistreerd_door",
        "bron",
    ]
    list_filter = ["soort", *PeilrecordAdmin.list_filter]


@admin.register(VergunninghoudersStand)
class VergunninghoudersStandAdmin(PeilrecordAdmin):
    list_display = [
        "gemeente",
        "peildatum",
        "stand_1_jan",
        "taakstelling_h1",
        "realisatie_h1",
        "taakstelling_h2",
        "actueel",
        "bron",
    ]


@admin.register(NidosStand)
class NidosStandAdmin(PeilrecordAdmin):
    list_display = ["gemeente", "peildatum", "gerealiseerd", "taakstelling", "actueel", "bron"]
