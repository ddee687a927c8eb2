from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "regietafel.demo"
    label = "demo"
    verbose_name = "Demo"
