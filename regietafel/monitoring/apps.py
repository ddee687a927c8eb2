from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "regietafel.monitoring"
    label = "monitoring"
    verbose_name = "Realisatie"
