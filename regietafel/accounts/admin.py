from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from regietafel.accounts.models import Gebruiker


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "rol", "provincie", "gemeente", "organisatie", "is_active"]
    list_filter = ["rol", "provincie", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Rol in de regietafel", {"fields": ("rol", "provincie", "gemeente", "organisatie")}),
    )
