from django.apps import AppConfig


class VerzoekenConfig(AppConfig):
    name = "regietafel.verzoeken"
    label = "verzoeken"
    verbose_name = "Verzoeken van het ministerie"
