from django.apps import AppConfig


class KaartConfig(AppConfig):
    name = "regietafel.kaart"
    label = "kaart"
    verbose_name = "Kaart"
