from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "regietafel.core"
    label = "core"
    verbose_name = "Algemeen"
