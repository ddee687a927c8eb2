from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "regietafel.audit"
    label = "audit"
    verbose_name = "Historie"
