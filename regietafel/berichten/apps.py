from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "regietafel.berichten"
    label = "berichten"
    verbose_name = "Berichten (e-mail)"
