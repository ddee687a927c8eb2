from django.apps import AppConfig


class TakenConfig(AppConfig):
    name = "regietafel.taken"
    label = "taken"
    verbose_name = "Taken op de achtergrond"
