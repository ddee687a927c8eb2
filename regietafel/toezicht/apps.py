from django.apps import AppConfig


class ToezichtConfig(AppConfig):
    name = "regietafel.toezicht"
    label = "toezicht"
    verbose_name = "Interbestuurlijk toezicht"
