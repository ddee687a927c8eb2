from django.apps import AppConfig


class OpgavenConfig(AppConfig):
    name = "regietafel.opgaven"
    label = "opgaven"
    verbose_name = "Opgaven"
