from django.contrib import admin

from regietafel.accounts.admin_mixins import GeauditeerdAdmin
from regietafel.woo.models import Ambtsdrager


@admin.register(Ambtsdrager)
class AmbtsdragerAdmin(GeauditeerdAdmin):
    """The public office holders whose names are not redacted (R10), with audit."""

    list_display = ("naam", "functie", "actief")
    list_filter = ("actief",)
    search_fields = ("naam", "functie")
