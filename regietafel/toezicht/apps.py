from django.apps import AppConfig


class ToezichtConfig(AppConfig):
    name = "regietafel.toezicht"
    label = "toezicht"
    verbose_name = "Interbestuurlijk toezicht"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer
        from regietafel.toezicht.permissions import mag_pagina_zien

        registreer(
            Menupunt(
                "Toezicht",
                "toezicht:overzicht",
                ("toezicht",),
                volgorde=80,
                toegang=mag_pagina_zien,
            ),
        )
