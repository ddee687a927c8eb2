from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from regietafel.accounts.admin_mixins import (
    BRON,
    AlleenLezenAdmin,
    DienstAdmin,
    gewijzigde_waarden,
    nieuwe_waarden,
)
from regietafel.rapportage.models import BonusRegeling, RapportVersie, Spuk3Bedrag
from regietafel.rapportage.services import (
    maak_bonusregeling,
    verwijder_bonusregeling,
    verwijder_spuk3_bedrag,
    wijzig_bonusregeling,
    wijzig_spuk3_bedrag,
    zet_spuk3_bedrag,
)


class Spuk3BedragInline(admin.TabularInline):
    model = Spuk3Bedrag
    extra = 0


@admin.register(BonusRegeling)
class BonusRegelingAdmin(DienstAdmin):
    """The bonus schemes (R6) of a provincie, with their SPUK 3 amounts: every write through
    ``rapportage.services`` (a Spreidingswet cyclus, gemeenten of the provincie only)."""

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

    def maak(self, request: HttpRequest, obj: Any, form: Any) -> BonusRegeling:
        return maak_bonusregeling(door=request.user, via=BRON, **nieuwe_waarden(obj))

    def wijzig(self, request: HttpRequest, obj: Any, form: Any) -> None:
        regeling = BonusRegeling.objects.get(pk=obj.pk)
        wijzig_bonusregeling(
            door=request.user, regeling=regeling, via=BRON, **gewijzigde_waarden(form, obj)
        )

    def verwijder(self, request: HttpRequest, obj: Any) -> None:
        verwijder_bonusregeling(door=request.user, regeling=obj, bron=BRON)

    def maak_inline(self, request: HttpRequest, obj: Any, formset: Any) -> Spuk3Bedrag:
        bedrag, _ = zet_spuk3_bedrag(
            door=request.user,
            regeling=obj.regeling,
            gemeente=obj.gemeente,
            bedrag=obj.bedrag,
            bron=BRON,
        )
        return bedrag

    def wijzig_inline(
        self, request: HttpRequest, obj: Any, velden: list[str], formset: Any
    ) -> None:
        opgeslagen = Spuk3Bedrag.objects.select_related("regeling", "gemeente").get(pk=obj.pk)
        wijzig_spuk3_bedrag(
            door=request.user,
            spuk3=opgeslagen,
            bron=BRON,
            **gewijzigde_waarden(formset, obj, velden),
        )

    def verwijder_inline(self, request: HttpRequest, obj: Any, formset: Any) -> None:
        verwijder_spuk3_bedrag(door=request.user, bedrag=obj, bron=BRON)


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
