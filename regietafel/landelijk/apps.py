from django.apps import AppConfig


class LandelijkConfig(AppConfig):
    name = "regietafel.landelijk"
    label = "landelijk"
    verbose_name = "Landelijk overzicht"
