from django.contrib import admin

from regietafel.accounts.admin_mixins import GeauditeerdAdmin
from regietafel.opgaven.models import BronInvulling, Cyclus, Opgave, ProvincieOpgave


@admin.register(Cyclus)
class CyclusAdmin(GeauditeerdAdmin):
    list_display = ["naam", "soort", "jaar", "begin", "eind", "deadline_verslag"]
    list_filter = ["soort"]
    search_fields = ["naam", "code"]


@admin.register(ProvincieOpgave)
class ProvincieOpgaveAdmin(GeauditeerdAdmin):
    list_display = ["provincie", "cyclus", "soort", "aantal", "geldig_vanaf", "bron"]
    list_filter = ["cyclus", "soort", "provincie"]
    list_select_related = ["provincie", "cyclus"]


@admin.register(Opgave)
class OpgaveAdmin(GeauditeerdAdmin):
    list_display = ["gemeente", "cyclus", "soort", "stadium", "aantal", "bron"]
    list_filter = ["cyclus", "soort", "stadium", "gemeente__provincie"]
    search_fields = ["gemeente__naam"]
    list_select_related = ["gemeente", "cyclus"]


@admin.register(BronInvulling)
class BronInvullingAdmin(GeauditeerdAdmin):
    list_display = [
        "provincie",
        "cyclus",
        "soort",
        "opgave",
        "ingevuld",
        "nog_in_te_vullen",
        "bron",
    ]
    list_filter = ["cyclus", "soort", "provincie"]
    list_select_related = ["provincie", "cyclus"]
