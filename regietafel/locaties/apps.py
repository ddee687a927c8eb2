from django.apps import AppConfig


class LocatiesConfig(AppConfig):
    name = "regietafel.locaties"
    label = "locaties"
    verbose_name = "Locaties"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer

        registreer(
            Menupunt("Locaties", "locaties:lijst", ("locaties",), volgorde=60),
        )
        from regietafel.locaties.capaciteitprojectie import CAPACITEIT
        from regietafel.monitoring import projectie

        projectie.registreer(CAPACITEIT)
