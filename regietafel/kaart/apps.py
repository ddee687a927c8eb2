from django.apps import AppConfig


class KaartConfig(AppConfig):
    name = "regietafel.kaart"
    label = "kaart"
    verbose_name = "Kaart"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer

        registreer(
            Menupunt("Kaart", "kaart:provincie", ("kaart",), volgorde=30),
        )
        from regietafel.kaart.kaartprojectie import KAART
        from regietafel.monitoring import projectie

        projectie.registreer(KAART)
