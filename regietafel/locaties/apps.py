from django.apps import AppConfig


class LocatiesConfig(AppConfig):
    name = "regietafel.locaties"
    label = "locaties"
    verbose_name = "Locaties"
