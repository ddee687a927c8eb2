from django.apps import AppConfig


class OverlegConfig(AppConfig):
    name = "regietafel.overleg"
    label = "overleg"
    verbose_name = "Overleg"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer
        from regietafel.overleg.permissions import mag_lezen

        registreer(
            Menupunt("Overleg", "overleg:lijst", ("overleg",), volgorde=90, toegang=mag_lezen),
        )
        from regietafel.overleg.taken import SOORTEN
        from regietafel.taken import soorten

        for soort in SOORTEN:
            soorten.registreer(soort)
