from django.apps import AppConfig


class CyclusConfig(AppConfig):
    name = "regietafel.cyclus"
    label = "cyclus"
    verbose_name = "Cyclus van de Spreidingswet"

    def ready(self) -> None:
        from regietafel.berichten import soorten
        from regietafel.core.menu import Menupunt, registreer
        from regietafel.cyclus.berichten import AANBOD_GOEDGEKEURD, AANBOD_TERUGGESTUURD

        registreer(Menupunt("Cyclus", "cyclus:lijst", ("cyclus",), volgorde=45))
        soorten.registreer(AANBOD_GOEDGEKEURD)
        soorten.registreer(AANBOD_TERUGGESTUURD)
