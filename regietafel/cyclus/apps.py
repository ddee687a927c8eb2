from django.apps import AppConfig


class CyclusConfig(AppConfig):
    name = "regietafel.cyclus"
    label = "cyclus"
    verbose_name = "Cyclus van de Spreidingswet"
