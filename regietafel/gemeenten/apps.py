from django.apps import AppConfig


class GemeentenConfig(AppConfig):
    name = "regietafel.gemeenten"
    label = "gemeenten"
    verbose_name = "Gemeenten en provincies"
