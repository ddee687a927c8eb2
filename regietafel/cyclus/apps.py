from django.apps import AppConfig


class CyclusConfig(AppConfig):
    name = "regietafel.cyclus"
    label = "cyclus"
    verbose_name = "Cyclus van de Spreidingswet"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer

        registreer(Menupunt("Cyclus", "cyclus:lijst", ("cyclus",), volgorde=45))
