"""Cycli (national: a superuser), provincial opgaven, opgaven per gemeente and Bijlage 1 as a
source printed it (the secretariaat of the provincie): every write through the shared write
path (``regietafel.services``)."""

from django.contrib import admin

from regietafel.accounts.admin_mixins import DienstAdmin
from regietafel.opgaven.models import BronInvulling, Cyclus, Opgave, ProvincieOpgave


@admin.register(Cyclus)
class CyclusAdmin(DienstAdmin):
    list_display = ["naam", "soort", "jaar", "begin", "eind", "deadline_verslag"]
    list_filter = ["soort"]
    search_fields = ["naam", "code"]


@admin.register(ProvincieOpgave)
class ProvincieOpgaveAdmin(DienstAdmin):
    list_display = ["provincie", "cyclus", "soort", "aantal", "geldig_vanaf", "bron"]
    list_filter = ["cyclus", "soort", "provincie"]
    list_select_related = ["provincie", "cyclus"]


@admin.register(Opgave)
class OpgaveAdmin(DienstAdmin):
    list_display = ["gemeente", "cyclus", "soort", "stadium", "aantal", "bron"]
    list_filter = ["cyclus", "soort", "stadium", "gemeente__provincie"]
    search_fields = ["gemeente__naam"]
    list_select_related = ["gemeente", "cyclus"]


@admin.register(BronInvulling)
class BronInvullingAdmin(DienstAdmin):
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
