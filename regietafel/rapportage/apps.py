from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "regietafel.rapportage"
    label = "rapportage"
    verbose_name = "Rapportages"
