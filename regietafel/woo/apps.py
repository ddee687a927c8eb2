from django.apps import AppConfig


class WooConfig(AppConfig):
    name = "regietafel.woo"
    label = "woo"
    verbose_name = "Woo-publicatie"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer
        from regietafel.woo.permissions import mag_woo

        registreer(
            Menupunt("Woo", "woo:lijst", ("woo",), volgorde=110, toegang=mag_woo),
        )
