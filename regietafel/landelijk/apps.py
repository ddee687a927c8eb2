from django.apps import AppConfig


class LandelijkConfig(AppConfig):
    name = "regietafel.landelijk"
    label = "landelijk"
    verbose_name = "Landelijk overzicht"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer
        from regietafel.landelijk.permissions import is_landelijk

        registreer(
            Menupunt(
                "Landelijk",
                "landelijk:overzicht",
                ("landelijk",),
                volgorde=120,
                toegang=is_landelijk,
            ),
        )
        from regietafel.landelijk.projectie import OVERZICHT
        from regietafel.monitoring import projectie

        projectie.registreer(OVERZICHT)
