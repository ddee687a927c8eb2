from django.apps import AppConfig


class AanleveringConfig(AppConfig):
    name = "regietafel.aanlevering"
    label = "aanlevering"
    verbose_name = "Aanlevering"

    def ready(self) -> None:
        from regietafel.aanlevering.permissions import mag_aanleveren
        from regietafel.core.menu import Menupunt, registreer

        registreer(
            Menupunt(
                "Aanleveren",
                "aanlevering:start",
                ("aanlevering",),
                volgorde=140,
                toegang=mag_aanleveren,
            ),
        )
        from regietafel.aanlevering.taken import SOORTEN
        from regietafel.taken import soorten

        for soort in SOORTEN:
            soorten.registreer(soort)
