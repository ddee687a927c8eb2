from django.apps import AppConfig


class VerdelingConfig(AppConfig):
    name = "regietafel.verdeling"
    label = "verdeling"
    verbose_name = "Verdeling"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer

        registreer(
            Menupunt("Verdeling", "verdeling:lijst", ("verdeling",), volgorde=50),
        )
