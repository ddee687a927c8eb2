from django.apps import AppConfig


class VerzoekenConfig(AppConfig):
    name = "regietafel.verzoeken"
    label = "verzoeken"
    verbose_name = "Verzoeken van het ministerie"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer
        from regietafel.verzoeken.permissions import mag_lezen

        registreer(
            Menupunt(
                "Verzoeken", "verzoeken:overzicht", ("verzoeken",), volgorde=70, toegang=mag_lezen
            ),
        )
