from django.apps import AppConfig


class AanleveringConfig(AppConfig):
    name = "regietafel.aanlevering"
    label = "aanlevering"
    verbose_name = "Aanlevering"
