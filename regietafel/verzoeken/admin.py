"""Beheer: the terms of the nareismaatregel are configuration (data), edited here with audit.
Everything else of this app is edited through its own pages and services."""

from django.contrib import admin

from regietafel.accounts.admin_mixins import GeauditeerdAdmin
from regietafel.verzoeken.models import Nareismaatregel


@admin.register(Nareismaatregel)
class NareismaatregelAdmin(GeauditeerdAdmin):
    list_display = [
        "naam",
        "geldig_vanaf",
        "informeren_dagen",
        "max_maanden",
        "signaal_dagen",
        "har_plus_tot",
    ]
