from django.apps import AppConfig


class WooConfig(AppConfig):
    name = "regietafel.woo"
    label = "woo"
    verbose_name = "Woo-publicatie"
