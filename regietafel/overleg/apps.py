from django.apps import AppConfig


class OverlegConfig(AppConfig):
    name = "regietafel.overleg"
    label = "overleg"
    verbose_name = "Overleg"
