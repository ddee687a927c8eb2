from django.contrib import admin

from regietafel.accounts.admin_mixins import DienstAdmin
from regietafel.woo.models import Ambtsdrager


@admin.register(Ambtsdrager)
class AmbtsdragerAdmin(DienstAdmin):
    """The public office holders whose names are not redacted (R10): a national list, kept by
    a superuser through the shared write path."""

    list_display = ("naam", "functie", "actief")
    list_filter = ("actief",)
    search_fields = ("naam", "functie")
