from django.apps import AppConfig


class VerdelingConfig(AppConfig):
    name = "regietafel.verdeling"
    label = "verdeling"
    verbose_name = "Verdeling"
