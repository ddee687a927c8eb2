from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "regietafel.api"
    label = "api"
    verbose_name = "API"
